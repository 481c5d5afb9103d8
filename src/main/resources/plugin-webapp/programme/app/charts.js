/*
 * The dashboard's charts (Chart.js 4, the webjar org.webjars.npm:chart.js served by this application under /webjars/,
 * no CDN): pipelines per stage month by month and monthly reports per status month by month (GET timeline), money
 * approved against spent per source and indicators on target per province (GET dashboard). Each series has a pattern
 * besides its colour, Buddhist Era months on the axes, Thai and English labels.
 * Part of the programme's Cockpit plugin (see plugin.js), an ES module.
 */

import { el } from './shared.js';
import { STAGE_LOOK } from './map.js';

const CHART_JS = '/webjars/chart.js/dist/chart.umd.min.js';

let loading;

// The UMD bundle sets window.Chart; an AMD loader on the page would take it instead, so it is hidden meanwhile.
function chartJs() {
  if (!loading) {
    const amd = window.define;
    window.define = undefined;
    loading = import(CHART_JS)
      .then(() => window.Chart)
      .finally(() => { window.define = amd; });
    loading.catch(() => { loading = null; });
  }
  return loading;
}

const STATUS_LOOK = {
  'on-track': { colour: '#1b7837', pattern: 'solid' },
  'at-risk': { colour: '#E69F00', pattern: 'diagonal' },
  'off-track': { colour: '#b5152b', pattern: 'cross' },
};

// a canvas pattern: the colour with lines, so that series differ without colour too
function fill(colour, kind) {
  const size = 8;
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const c = canvas.getContext('2d');
  c.fillStyle = colour;
  c.fillRect(0, 0, size, size);
  c.strokeStyle = 'rgba(0,0,0,0.45)';
  c.fillStyle = 'rgba(0,0,0,0.45)';
  c.lineWidth = 1;
  c.beginPath();
  if (kind === 'diagonal') {
    c.moveTo(0, size); c.lineTo(size, 0);
  } else if (kind === 'cross') {
    c.moveTo(0, 0); c.lineTo(size, size); c.moveTo(0, size); c.lineTo(size, 0);
  } else if (kind === 'horizontal') {
    c.moveTo(0, size / 2); c.lineTo(size, size / 2);
  } else if (kind === 'vertical') {
    c.moveTo(size / 2, 0); c.lineTo(size / 2, size);
  } else if (kind === 'dots') {
    c.arc(size / 2, size / 2, 1.3, 0, 2 * Math.PI);
    c.fill();
  }
  c.stroke();
  return c.createPattern(canvas, 'repeat');
}

function sum(bySource) {
  return bySource || {};
}

const COMMON = {
  animation: false,
  responsive: true,
  maintainAspectRatio: false,
  plugins: { legend: { position: 'bottom', labels: { boxWidth: 18 } } },
};

function stacked(title, labels, datasets) {
  return {
    type: 'bar',
    data: { labels, datasets },
    options: {
      ...COMMON,
      plugins: { ...COMMON.plugins, title: { display: true, text: title } },
      scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
    },
  };
}

function definitions(timeline, dashboard, words) {
  const months = timeline.months.map((m) => [m.th, m.en]);
  const stages = Object.entries(timeline.pipelinesPerStage).map(([key, counts]) => ({
    label: dashboard.stageLabels[key] || key,
    data: counts,
    backgroundColor: fill(STAGE_LOOK[key].colour, STAGE_LOOK[key].pattern),
    borderColor: '#333',
    borderWidth: 1,
  }));
  const statuses = Object.entries(timeline.reportsPerStatus).map(([key, counts]) => ({
    label: `${(words.monthlyStatuses[key] || {}).th || key} / ${(words.monthlyStatuses[key] || {}).en || key}`,
    data: counts,
    backgroundColor: fill(STATUS_LOOK[key].colour, STATUS_LOOK[key].pattern),
    borderColor: '#333',
    borderWidth: 1,
  }));
  const approved = sum(dashboard.approvedBySource);
  const spent = sum(dashboard.spentBySource);
  const money = {
    type: 'bar',
    data: {
      labels: words.sources.map((s) => [s.th, s.en]),
      datasets: [
        { label: 'อนุมัติ / Approved', data: words.sources.map((s) => Number(approved[s.key] || 0)),
          backgroundColor: fill('#56B4E9', 'solid'), borderColor: '#333', borderWidth: 1 },
        { label: 'ใช้จ่าย / Spent', data: words.sources.map((s) => Number(spent[s.key] || 0)),
          backgroundColor: fill('#D55E00', 'diagonal'), borderColor: '#333', borderWidth: 1 },
      ],
    },
    options: {
      ...COMMON,
      plugins: { ...COMMON.plugins, title: { display: true, text: 'งบประมาณอนุมัติและใช้จ่าย แยกตามแหล่ง (บาท) / Approved and spent by source (THB)' } },
      scales: { y: { beginAtZero: true, ticks: { callback: (v) => Number(v).toLocaleString('th-TH') } } },
    },
  };
  const rows = dashboard.provinces.filter((row) => row.indicatorsTotal > 0);
  const indicators = {
    type: 'bar',
    data: {
      labels: rows.map((row) => [row.provinceName, row.provinceNameEn]),
      datasets: [
        { label: 'ถึงเป้า / On target', data: rows.map((row) => row.indicatorsOnTarget),
          backgroundColor: fill('#009E73', 'solid'), borderColor: '#333', borderWidth: 1 },
        { label: 'ยังไม่ถึงเป้า / Not yet', data: rows.map((row) => row.indicatorsTotal - row.indicatorsOnTarget),
          backgroundColor: fill('#CCCCCC', 'diagonal'), borderColor: '#333', borderWidth: 1 },
      ],
    },
    options: {
      ...COMMON,
      indexAxis: 'y',
      plugins: { ...COMMON.plugins, title: { display: true, text: 'ตัวชี้วัดที่ถึงเป้า แยกตามจังหวัด / Indicators on target by province' } },
      scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true } },
    },
  };
  return [
    ['stages', stacked('จำนวนจังหวัดในแต่ละขั้นตอน รายเดือน / Pipelines per stage by month', months, stages)],
    ['statuses', stacked('รายงานรายเดือนตามสถานะ / Monthly reports by status', months, statuses)],
    ['money', money],
    ['indicators', rows.length ? indicators : null],
  ];
}

/** The four charts as an element; they draw once Chart.js has loaded. */
export function renderCharts(timeline, dashboard, words) {
  const box = el('section', { class: 'programme-charts', 'data-programme': 'charts' },
    el('h4', {}, 'แผนภูมิ / Charts'));
  const grid = el('div', { class: 'programme-charts-grid' });
  box.appendChild(grid);
  chartJs().then((Chart) => {
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    definitions(timeline, dashboard, words).forEach(([key, definition]) => {
      if (!definition) {
        grid.appendChild(el('div', { class: 'programme-chart programme-chart-empty', 'data-chart': key },
          'ยังไม่มีตัวชี้วัด / No indicators yet'));
        return;
      }
      const canvas = el('canvas', { role: 'img', 'aria-label': definition.options.plugins.title.text });
      const holder = el('div', { class: 'programme-chart', 'data-chart': key }, canvas);
      grid.appendChild(holder);
      holder.chart = new Chart(canvas, definition);
    });
    box.setAttribute('data-drawn', 'true');
    box.setAttribute('data-drawn-at', Math.round(performance.now()));
  }).catch((error) => {
    box.appendChild(el('p', { class: 'alert alert-danger' },
      `แผนภูมิไม่พร้อม / Charts not available: ${error.message || error}`));
  });
  return box;
}
