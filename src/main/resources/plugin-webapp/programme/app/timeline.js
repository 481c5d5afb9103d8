/*
 * The dashboard's timeline: every provincial pipeline as a lane, grouped by wave, each stage a bar from its start to its
 * end as the engine's history has them (GET timeline, dashboard/ProgrammeTimeline), the current stage running to today,
 * the part after an overrun timer fired hatched red, each monthly report a mark (shape and colour by status), Buddhist
 * Era months on the axis. A select shows the whole programme or one province. Bars carry the stage's pattern and number
 * from the map (map.js), not colour alone.
 * Part of the programme's Cockpit plugin (see plugin.js), an ES module.
 */

import { bangkok, el } from './shared.js';
import { STAGE_LOOK, pattern, svg } from './map.js';

const LABEL_WIDTH = 190;
const WIDTH = 1100;
const ROW = 24;
const AXIS = 38;

// a monthly report's mark: a shape besides the colour
const STATUS_MARK = {
  'on-track': { glyph: '●', colour: '#1b7837' },
  'at-risk': { glyph: '▲', colour: '#b35806' },
  'off-track': { glyph: '✕', colour: '#b5152b' },
};

function days(from, to) {
  return Math.max(0, Math.round((new Date(to) - new Date(from)) / 86400000));
}

function barTitle(bar, asOf) {
  const end = bar.end || asOf;
  const lines = [`${bar.stage} / ${bar.stageEn}`,
    `${bangkok(bar.start)} – ${bar.end ? bangkok(bar.end) : 'ปัจจุบัน / now'}`,
    `${days(bar.start, end)} วัน / days`];
  if (bar.overranAt) {
    lines.push(`เกินเวลาที่กำหนดเมื่อ ${bangkok(bar.overranAt)} / overran the time allowed on ${bar.overranAt.substring(0, 10)}`);
  }
  return lines.join('\n');
}

function laneLabel(lane, auditTrail) {
  const text = svg('text', { x: 6, y: ROW / 2 + 1, 'dominant-baseline': 'central', class: 'programme-tl-lane-label' },
    `${lane.provinceName} · ${lane.provinceNameEn}`);
  if (!auditTrail) {
    return text;
  }
  const link = svg('a', { href: `#/programme-audit?instance=${encodeURIComponent(lane.processInstanceId)}` }, text);
  return link;
}

/** One SVG of these lanes on the view's axis. */
function chart(view, lanes, words) {
  const months = view.months;
  const t0 = new Date(months[0].start).getTime();
  const t1 = new Date(months[months.length - 1].end).getTime();
  const plot = WIDTH - LABEL_WIDTH - 10;
  const x = (iso) => LABEL_WIDTH + ((new Date(iso).getTime() - t0) / (t1 - t0)) * plot;
  const waves = [];
  lanes.forEach((lane) => {
    const wave = lane.wave == null ? '–' : lane.wave;
    if (!waves.length || waves[waves.length - 1].wave !== wave) {
      waves.push({ wave, lanes: [] });
    }
    waves[waves.length - 1].lanes.push(lane);
  });
  const rows = waves.reduce((n, w) => n + 1 + w.lanes.length, 0);
  const height = AXIS + rows * ROW + 8;
  const root = svg('svg', { class: 'programme-tl-svg', viewBox: `0 0 ${WIDTH} ${height}`, width: '100%',
    role: 'img', 'aria-label': 'ลำดับเวลาของแต่ละจังหวัดตามขั้นตอน / Each province\'s stages over time' });
  const defs = svg('defs');
  Object.entries(STAGE_LOOK).forEach(([key, look]) => defs.appendChild(pattern(`programme-tl-stage-${key}`, look)));
  const overrun = svg('pattern', { id: 'programme-tl-overrun', patternUnits: 'userSpaceOnUse', width: 5, height: 5,
    patternTransform: 'rotate(45)' }, svg('rect', { width: 2, height: 5, fill: '#b5152b', 'fill-opacity': 0.75 }));
  defs.appendChild(overrun);
  root.appendChild(defs);

  // the axis: a line per month, the Buddhist Era month above, every n-th labelled when there are many
  const axis = svg('g', { class: 'programme-tl-axis' });
  const every = Math.ceil(months.length / 14);
  months.forEach((month, i) => {
    const mx = x(month.start);
    axis.appendChild(svg('line', { x1: mx, x2: mx, y1: AXIS - 6, y2: height, class: 'programme-tl-gridline' }));
    if (i % every === 0) {
      axis.appendChild(svg('text', { x: mx + 3, y: 14, class: 'programme-tl-month', 'data-month': month.key }, month.th));
      axis.appendChild(svg('text', { x: mx + 3, y: 27, class: 'programme-tl-month-en' }, month.en));
    }
  });
  root.appendChild(axis);

  let y = AXIS;
  waves.forEach((group) => {
    root.appendChild(svg('text', { x: 6, y: y + ROW / 2 + 1, 'dominant-baseline': 'central', class: 'programme-tl-wave' },
      `ระลอก ${group.wave} / Wave ${group.wave}`));
    y += ROW;
    group.lanes.forEach((lane) => {
      const g = svg('g', { class: 'programme-tl-lane', transform: `translate(0 ${y})`, 'data-business-key': lane.businessKey,
        'data-province': lane.provinceCode, 'data-wave': lane.wave == null ? '' : lane.wave, 'data-state': lane.state });
      g.appendChild(svg('rect', { x: 0, y: 0, width: WIDTH, height: ROW, class: 'programme-tl-row' }));
      g.appendChild(laneLabel(lane, view.auditTrail));
      lane.bars.forEach((bar, i) => {
        const look = STAGE_LOOK[bar.stageKey] || STAGE_LOOK.closed;
        const end = bar.end || view.asOf;
        const x0 = x(bar.start);
        const w = Math.max(2, x(end) - x0);
        const b = svg('g', { class: `programme-tl-bar${bar.end ? '' : ' programme-tl-running'}`, 'data-stage': bar.stageKey,
          'data-order': i, 'data-start': bar.start, 'data-end': bar.end || '', 'data-overran': bar.overranAt || '' },
        svg('title', {}, barTitle(bar, view.asOf)),
        svg('rect', { x: x0, y: 4, width: w, height: ROW - 8, fill: `url(#programme-tl-stage-${bar.stageKey})`,
          class: 'programme-tl-stage' }));
        if (bar.overranAt) {
          const ox = x(bar.overranAt);
          b.appendChild(svg('rect', { x: ox, y: 4, width: Math.max(2, x(end) - ox), height: ROW - 8,
            fill: 'url(#programme-tl-overrun)', class: 'programme-tl-overrun' }));
          b.appendChild(svg('text', { x: ox, y: 2, class: 'programme-tl-overrun-mark', 'text-anchor': 'middle' }, '!'));
        }
        if (!bar.end) {
          b.appendChild(svg('path', { d: `M${x0 + w},4 l6,${(ROW - 8) / 2} l-6,${(ROW - 8) / 2} z`, class: 'programme-tl-arrow' }));
        }
        if (w > 14) {
          b.appendChild(svg('text', { x: x0 + w / 2, y: ROW / 2 + 1, 'text-anchor': 'middle', 'dominant-baseline': 'central',
            class: 'programme-tl-stage-number' }, look.n));
        }
        g.appendChild(b);
      });
      lane.months.forEach((month) => {
        const axisMonth = months.find((m) => m.key === month.month);
        const mark = STATUS_MARK[month.status];
        if (!axisMonth || !mark) {
          return;
        }
        const status = words.monthlyStatuses[month.status];
        const mx = (x(axisMonth.start) + x(axisMonth.end)) / 2;
        g.appendChild(svg('text', { x: mx, y: ROW - 1, 'text-anchor': 'middle', fill: mark.colour,
          class: `programme-tl-report${month.confirmed ? '' : ' programme-tl-unconfirmed'}`, 'data-month': month.month,
          'data-status': month.status },
        svg('title', {}, `${axisMonth.th} / ${axisMonth.en}: ${status ? `${status.th} / ${status.en}` : month.status}`
          + (month.confirmed ? '' : ' (ยังไม่ยืนยัน / not confirmed yet)')), mark.glyph));
      });
      root.appendChild(g);
      y += ROW;
    });
  });
  const today = x(view.asOf);
  root.appendChild(svg('line', { x1: today, x2: today, y1: AXIS - 8, y2: height, class: 'programme-tl-today' }));
  root.appendChild(svg('text', { x: today - 3, y: AXIS - 1, 'text-anchor': 'end', class: 'programme-tl-today-label' },
    'วันนี้ / Today'));
  return root;
}

function legend(view, words) {
  return el('ul', { class: 'programme-tl-legend' },
    Object.entries(STAGE_LOOK).filter(([key]) => key !== 'closed').map(([key, look]) => el('li', {},
      el('span', { class: `programme-map-swatch programme-map-swatch-${look.pattern}`, style: `background-color:${look.colour} !important` },
        look.n), ` ${view.stageLabels[key] || key}`)),
    el('li', {}, el('span', { class: 'programme-map-swatch programme-tl-swatch-overrun' }, '!'),
      ' เกินเวลาที่กำหนด / Overran the time allowed'),
    el('li', {}, el('span', { class: 'programme-tl-swatch-running' }, '▶'), ' ขั้นตอนที่กำลังดำเนินการถึงวันนี้ / Current stage, to today'),
    Object.entries(STATUS_MARK).map(([key, mark]) => el('li', {},
      el('span', { style: `color:${mark.colour}` }, mark.glyph),
      ` รายงานเดือน: ${(words.monthlyStatuses[key] || {}).th || key} / Monthly report: ${(words.monthlyStatuses[key] || {}).en || key}`)));
}

/**
 * The timeline as an element: {@code view} is GET timeline's body, {@code dashboard} GET dashboard's (for the stages'
 * names). It offers the whole programme or one province.
 */
export function renderTimeline(view, dashboard, words) {
  const box = el('section', { class: 'programme-timeline', 'data-programme': 'timeline' },
    el('h4', {}, 'ลำดับเวลาของแต่ละจังหวัด / Timeline by province'));
  const context = { ...view, stageLabels: dashboard.stageLabels, auditTrail: dashboard.auditTrail };
  if (!view.pipelines.length) {
    box.appendChild(el('p', { class: 'programme-tl-empty' }, 'ยังไม่มีจังหวัดที่เริ่มดำเนินการ / No pipeline has started yet'));
    return box;
  }
  const provinces = [];
  view.pipelines.forEach((lane) => {
    if (!provinces.some((p) => p.code === lane.provinceCode)) {
      provinces.push({ code: lane.provinceCode, th: lane.provinceName, en: lane.provinceNameEn });
    }
  });
  const holder = el('div', { class: 'programme-tl-chart' });
  const draw = (code) => {
    holder.innerHTML = '';
    holder.appendChild(chart(context, code ? view.pipelines.filter((l) => l.provinceCode === code) : view.pipelines, words));
  };
  const select = el('select', { class: 'form-control input-sm programme-tl-province', id: 'programme-tl-province',
    onchange: (event) => draw(event.target.value) },
  el('option', { value: '' }, 'ทั้งโครงการ / Whole programme'),
  provinces.map((p) => el('option', { value: p.code }, `${p.th} / ${p.en}`)));
  box.appendChild(el('div', { class: 'form-inline programme-tl-controls' },
    el('label', { for: 'programme-tl-province' }, 'แสดง / Show '), ' ', select));
  if (view.truncated) {
    box.appendChild(el('p', { class: 'alert alert-warning' },
      'แสดงเฉพาะกระบวนการล่าสุด / Only the latest pipelines are shown'));
  }
  box.appendChild(holder);
  box.appendChild(legend(context, words));
  draw('');
  return box;
}
