/*
 * The dashboard's map: the region's provinces drawn from a real map of Thailand (map/thailand.svg, the npm package
 * @svg-maps/thailand 2.0.0, CC-BY-4.0), each coloured by its pipeline's stage, with a pattern and the stage's number
 * besides the colour for readers who do not tell the colours apart; outlined when a task is overdue or the latest
 * month is off track; Sa Kaeo marked as the study-visit host. Hovering shows the province's figures, clicking opens
 * its audit trail (or the instance in Cockpit). The server says which path draws which province (dashboard.map,
 * from map/thailand-ids.tsv); a province it cannot draw is named under the map, never left out silently.
 * Part of the programme's Cockpit plugin (see plugin.js), an ES module.
 */

import { el } from './shared.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

// Okabe-Ito colours (distinguishable with the common colour-vision deficiencies), and a pattern each
export const STAGE_LOOK = {
  'understanding-forum': { colour: '#E69F00', pattern: 'dots', n: '1' },
  'study-visit': { colour: '#56B4E9', pattern: 'diagonal', n: '2' },
  'joint-design': { colour: '#F0E442', pattern: 'cross', n: '3' },
  implementation: { colour: '#009E73', pattern: 'horizontal', n: '4' },
  evaluation: { colour: '#CC79A7', pattern: 'vertical', n: '5' },
  closed: { colour: '#8C8C8C', pattern: 'solid', n: '✓' },
};
export const NOT_STARTED = { colour: '#FFFFFF', pattern: 'none', n: '–' };

export function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  Object.entries(attrs || {}).forEach(([key, value]) => node.setAttribute(key, value));
  children.forEach((child) => node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child));
  return node;
}

export function pattern(id, look) {
  const p = svg('pattern', { id, patternUnits: 'userSpaceOnUse', width: 6, height: 6 },
    svg('rect', { width: 6, height: 6, fill: look.colour }));
  const ink = { stroke: '#333', 'stroke-width': 0.7, 'stroke-opacity': 0.55 };
  if (look.pattern === 'dots') {
    p.appendChild(svg('circle', { cx: 3, cy: 3, r: 1, fill: '#333', 'fill-opacity': 0.55 }));
  } else if (look.pattern === 'diagonal') {
    p.appendChild(svg('path', { d: 'M0,6 L6,0', ...ink }));
  } else if (look.pattern === 'cross') {
    p.appendChild(svg('path', { d: 'M0,0 L6,6 M0,6 L6,0', ...ink }));
  } else if (look.pattern === 'horizontal') {
    p.appendChild(svg('path', { d: 'M0,3 L6,3', ...ink }));
  } else if (look.pattern === 'vertical') {
    p.appendChild(svg('path', { d: 'M3,0 L3,6', ...ink }));
  }
  return p;
}

function baht(amount) {
  return Number(amount || 0).toLocaleString('th-TH', { minimumFractionDigits: 0, maximumFractionDigits: 0 });
}

function sum(bySource) {
  return Object.values(bySource || {}).reduce((a, b) => a + Number(b || 0), 0);
}

// what hovering shows: the province and, if it has a pipeline, its figures
function tooltip(province, row, words) {
  const lines = [`${province.th} / ${province.en} (${province.code})`];
  if (province.role === 'study-visit-host') {
    lines.push('พื้นที่ศึกษาดูงาน / Study-visit host');
  }
  if (!row) {
    if (province.role !== 'study-visit-host') {
      lines.push('ยังไม่เริ่ม / Not started');
    }
    return lines.join('\n');
  }
  lines.push(`${row.stage || '–'} · ${row.businessKey}`);
  if (row.daysInStage != null) {
    lines.push(`${row.daysInStage} วันในขั้นตอน / days in stage`);
  }
  lines.push(`งานค้าง ${row.openTotal} (เลยกำหนด ${row.overdueTotal}) / open ${row.openTotal} (overdue ${row.overdueTotal})`);
  lines.push(`ใช้จ่าย ${baht(sum(row.spentBySource))} / อนุมัติ ${baht(sum(row.approvedBySource))} บาท`
    + ` · spent / approved (THB)`);
  if (row.indicatorsTotal) {
    lines.push(`ตัวชี้วัดถึงเป้า ${row.indicatorsOnTarget} / ${row.indicatorsTotal} · indicators on target`);
  }
  const status = words.monthlyStatuses[row.latestMonthlyStatus];
  if (status) {
    lines.push(`${status.th} / ${status.en}${row.latestReportMonth ? ` (${row.latestReportMonth})` : ''}`);
  }
  return lines.join('\n');
}

function legend(view) {
  const item = (key, look, th, en) => el('li', { class: 'programme-map-legend-item', 'data-stage': key },
    el('span', { class: `programme-map-swatch programme-map-swatch-${look.pattern}`, style: `background-color:${look.colour} !important` },
      look.n),
    ` ${th} / ${en}`);
  const stages = Object.entries(STAGE_LOOK).map(([key, look]) => {
    const label = view.stageLabels[key] || key;
    const [th, en] = label.includes(' / ') ? label.split(' / ') : [label, ''];
    return item(key, look, th, en);
  });
  return el('ul', { class: 'programme-map-legend' },
    stages,
    item('not-started', NOT_STARTED, 'ยังไม่เริ่ม', 'Not started'),
    el('li', { class: 'programme-map-legend-item' },
      el('span', { class: 'programme-map-swatch programme-map-swatch-alert' }, '!'),
      ' ขอบหนา: งานเลยกำหนดหรือเดือนล่าสุดไม่เป็นไปตามแผน / Thick outline: overdue tasks or the latest month off track'),
    el('li', { class: 'programme-map-legend-item' },
      el('span', { class: 'programme-map-swatch programme-map-swatch-host' }, '★'),
      ' สระแก้ว: พื้นที่ศึกษาดูงาน / Sa Kaeo: study-visit host'));
}

async function mapDocument() {
  const response = await fetch(new URL('./map/thailand.svg', import.meta.url), { credentials: 'same-origin' });
  if (!response.ok) {
    throw new Error(`แผนที่ไม่พร้อม / map not available (HTTP ${response.status})`);
  }
  return new DOMParser().parseFromString(await response.text(), 'image/svg+xml').documentElement;
}

/** The map as an element; it draws itself once the SVG has loaded. */
export function renderMap(view, words) {
  const box = el('figure', { class: 'programme-map', 'data-programme': 'map' },
    el('p', { class: 'programme-loading' }, 'กำลังโหลดแผนที่… / Loading the map…'));
  mapDocument().then((source) => {
    box.innerHTML = '';
    const map = document.importNode(source, true);
    map.setAttribute('class', 'programme-map-svg');
    map.setAttribute('role', 'img');
    map.setAttribute('aria-label', 'แผนที่จังหวัดของโครงการ / Map of the programme\'s provinces');
    const defs = svg('defs');
    Object.entries(STAGE_LOOK).forEach(([key, look]) => defs.appendChild(pattern(`programme-stage-${key}`, look)));
    map.insertBefore(defs, map.firstChild);
    const rows = {};
    view.provinces.forEach((row) => { rows[row.provinceCode] = row; });
    const shown = [];
    const labels = svg('g', { class: 'programme-map-labels', 'pointer-events': 'none' });
    box.appendChild(map); // attached, so that getBBox measures
    view.map.provinces.filter((p) => p.svgId).forEach((province) => {
      const path = map.querySelector(`path[id="${province.svgId}"]`);
      if (!path) {
        return;
      }
      const row = rows[province.code];
      const host = province.role === 'study-visit-host';
      const stage = row ? (row.state === 'running' ? row.stageKey : 'closed') : null;
      const look = stage ? STAGE_LOOK[stage] || NOT_STARTED : NOT_STARTED;
      const alert = row && row.state === 'running'
        && (row.overdueTotal > 0 || row.latestMonthlyStatus === 'off-track');
      path.setAttribute('class', ['programme-map-province', host ? 'programme-map-host' : '',
        alert ? 'programme-map-alert' : ''].join(' ').trim());
      path.setAttribute('data-province', province.code);
      path.setAttribute('data-stage', stage || (host ? 'study-visit-host' : 'not-started'));
      const fill = stage ? `url(#programme-stage-${stage})` : (host ? '#FFF3C4' : NOT_STARTED.colour);
      path.setAttribute('fill', fill);
      path.style.fill = fill; // above the stylesheet's grey for the rest of the country
      path.appendChild(svg('title', {}, tooltip(province, row, words)));
      if (row) {
        path.setAttribute('tabindex', '0');
        const target = view.auditTrail
          ? `#/programme-audit?instance=${encodeURIComponent(row.processInstanceId)}`
          : `#/process-instance/${row.processInstanceId}/runtime`;
        path.addEventListener('click', () => { window.location.hash = target; });
        path.addEventListener('keydown', (event) => { if (event.key === 'Enter') window.location.hash = target; });
      }
      const b = path.getBBox();
      shown.push(b);
      labels.appendChild(svg('text', { x: b.x + b.width / 2, y: b.y + b.height / 2, class: 'programme-map-label',
        'text-anchor': 'middle', 'dominant-baseline': 'central', 'data-province': province.code },
      host ? '★' : look.n));
    });
    map.appendChild(labels);
    // the region and the host, with a margin: the rest of the country stays as context around them
    if (shown.length) {
      const x0 = Math.min(...shown.map((b) => b.x));
      const y0 = Math.min(...shown.map((b) => b.y));
      const x1 = Math.max(...shown.map((b) => b.x + b.width));
      const y1 = Math.max(...shown.map((b) => b.y + b.height));
      const m = 25;
      map.setAttribute('viewBox', `${x0 - m} ${y0 - m} ${x1 - x0 + 2 * m} ${y1 - y0 + 2 * m}`);
    }
    box.appendChild(legend(view));
    if (view.map.notOnMap.length) {
      box.appendChild(el('p', { class: 'programme-map-missing alert alert-warning' },
        'ไม่อยู่บนแผนที่ / Not on the map: ',
        view.map.notOnMap.map((p) => `${p.th} / ${p.en} (${p.code})`).join(', ')));
    }
    box.appendChild(el('figcaption', { class: 'programme-map-attribution' },
      'แผนที่: “Map of Thailand” โดย Tae Noppakun Wongsrinoppakun (@svg-maps/thailand 2.0.0), สัญญาอนุญาต CC BY 4.0 / '
      + 'Map: "Map of Thailand" by Tae Noppakun Wongsrinoppakun (@svg-maps/thailand 2.0.0), licensed CC BY 4.0'));
  }).catch((error) => {
    box.innerHTML = '';
    box.appendChild(el('p', { class: 'alert alert-danger' }, String(error.message || error)));
  });
  return box;
}
