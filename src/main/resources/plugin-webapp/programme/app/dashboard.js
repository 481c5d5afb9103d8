/*
 * cockpit.dashboard: the map of the region's provinces by stage (map.js), the timeline (timeline.js) and the charts
 * (charts.js) below the table; a print view for the board (plugin.css); the provinces — wave, stage, days in it, open and overdue tasks per party, money approved and
 * spent per source, indicators on target, latest monthly status, outcome — with the programme's totals, and the
 * programme report (.xlsx) to download.
 * Part of the programme's Cockpit plugin (see plugin.js), an ES module.
 */

import { bangkok, base, both, commonEra, el, getJson, labels, problem } from './shared.js';
import { renderMap } from './map.js';
import { renderTimeline } from './timeline.js';
import { renderCharts } from './charts.js';

// baht with two decimals, grouped as Thai readers write them; '–' when the server sent no figure
function baht(amount) {
  return amount == null ? '–'
    : Number(amount).toLocaleString('th-TH', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

// the workbook for the board: a plain link, so the browser downloads it with Cockpit's session; and the board report,
// this page printed on A4 landscape (plugin.css, @media print), which the browser prints or saves as PDF
function reportDownload(api) {
  return el('p', { class: 'programme-downloads programme-actions' },
    el('a', { class: 'btn btn-primary programme-download-report', href: `${base(api)}/report.xlsx`, download: true },
      el('span', { class: 'glyphicon glyphicon-download-alt', 'aria-hidden': 'true' }), ' ',
      'ดาวน์โหลดรายงานโครงการ (Excel) / Download the programme report (Excel)'),
    el('button', { type: 'button', class: 'btn btn-default programme-print-report', onclick: () => window.print() },
      el('span', { class: 'glyphicon glyphicon-print', 'aria-hidden': 'true' }), ' ',
      'พิมพ์รายงานสำหรับคณะกรรมการ (A4 / PDF) / Print the board report (A4 / PDF)'));
}

// While the page prints (the button or the browser's own Print), the dashboard alone is printed: it moves into a
// container of its own under <body>, everything else is hidden (plugin.css), and it goes back afterwards. (Hiding
// Cockpit around it in place is not enough: Cockpit's scrolling containers clip the print to one page.)
let shown = null;
const printing = { root: null, parent: null, next: null };
window.addEventListener('beforeprint', () => {
  if (!shown || !shown.isConnected || printing.root) {
    return;
  }
  printing.root = shown;
  printing.parent = shown.parentNode;
  printing.next = shown.nextSibling;
  const holder = el('div', { class: 'programme-print-root' });
  document.body.appendChild(holder);
  holder.appendChild(shown);
  document.documentElement.classList.add('programme-printing');
  resizeCharts();
});
window.addEventListener('afterprint', () => {
  document.documentElement.classList.remove('programme-printing');
  if (printing.root) {
    const holder = printing.root.parentNode;
    printing.parent.insertBefore(printing.root, printing.next);
    holder.remove();
    printing.root = null;
  }
  resizeCharts();
});

// Chart.js sizes a canvas to its box; the printed page's boxes differ from the screen's
function resizeCharts() {
  document.querySelectorAll('.programme-chart').forEach((holder) => holder.chart && holder.chart.resize());
}

function printHeader(view) {
  return el('header', { class: 'programme-print-header' },
    el('h2', {}, 'รายงานภาพรวมโครงการพัฒนาร่วม พอช. · สสส. สำนัก 6 · ขบวนองค์กรชุมชน'),
    el('p', {}, 'Joint programme board report (CODI · ThaiHealth Office 6 · community-organisation movements)'),
    el('p', { class: 'programme-print-date' }, `ข้อมูล ณ วันที่ ${bangkok(view.asOf)} น. / Data as of ${commonEra(view.asOf)} (Bangkok)`));
}

// approved and spent of one source: "spent / approved"
function moneyCell(approved, spent, source) {
  const a = approved ? approved[source] : null;
  const s = spent ? spent[source] : null;
  return el('td', { class: 'num programme-money', 'data-source': source, 'data-approved': a, 'data-spent': s },
    baht(s), el('br'), el('small', {}, `/ ${baht(a)}`));
}

function indicatorCell(onTarget, total) {
  return el('td', { class: 'num programme-indicators', 'data-on-target': onTarget, 'data-total': total },
    total == null ? '–' : `${onTarget} / ${total}`);
}

export function renderDashboard(node, api) {
  const root = el('section', { class: 'programme programme-dashboard', 'data-programme': 'dashboard' },
    el('h3', { class: 'section-title' }, 'ภาพรวมโครงการรายจังหวัด / Programme by province'),
    el('p', { class: 'programme-loading' }, 'กำลังโหลด… / Loading…'));
  node.innerHTML = '';
  node.appendChild(root);
  shown = root;
  // when the dashboard began to load, in the page's clock: charts.js marks when it has drawn (BoardReportBrowserIT)
  root.setAttribute('data-began-at', Math.round(performance.now()));
  Promise.all([labels(api), getJson(api, '/dashboard'), getJson(api, '/timeline')]).then(([words, view, timeline]) => {
    root.removeChild(root.querySelector('.programme-loading'));
    root.insertBefore(printHeader(view), root.firstChild);
    root.appendChild(reportDownload(api));
    root.appendChild(stageTotals(view));
    root.appendChild(renderMap(view, words));
    root.appendChild(provinceTable(view, words));
    root.appendChild(renderTimeline(timeline, view, words));
    root.appendChild(renderCharts(timeline, view, words));
    root.appendChild(el('p', { class: 'programme-note' },
      `ข้อมูล ณ ${bangkok(view.asOf)} น. · จังหวัดที่ยังไม่เริ่ม ${view.provincesWithoutPipeline} จังหวัด / `
      + `As of ${commonEra(view.asOf)} (Bangkok) · provinces not started: ${view.provincesWithoutPipeline}`));
  }).catch((error) => {
    root.removeChild(root.querySelector('.programme-loading'));
    root.appendChild(problem(error));
  });
}

function stageTotals(view) {
  const items = Object.entries(view.pipelinesPerStage).map(([key, count]) => el('li',
    { class: 'programme-stage-total', 'data-stage': key },
    el('span', { class: 'programme-count' }, count), ' ', view.stageLabels[key]));
  return el('div', {},
    el('h4', {}, 'จังหวัดที่กำลังดำเนินการ แยกตามขั้นตอน / Running pipelines per stage'),
    el('ul', { class: 'programme-stage-totals' }, items));
}

function provinceTable(view, words) {
  const head = el('tr', {},
    el('th', {}, 'จังหวัด', el('br'), el('small', {}, 'Province')),
    el('th', {}, 'ระลอก', el('br'), el('small', {}, 'Wave')),
    el('th', {}, 'ขั้นตอนปัจจุบัน', el('br'), el('small', {}, 'Current stage')),
    el('th', { class: 'num' }, 'วันในขั้นตอน', el('br'), el('small', {}, 'Days in stage')),
    words.parties.map(({ th, en }) => el('th', { class: 'num' }, `งานค้าง ${th}`, el('br'), el('small', {}, `Open: ${en}`))),
    el('th', { class: 'num' }, 'เลยกำหนด', el('br'), el('small', {}, 'Overdue')),
    words.sources.map(({ th, en }) => el('th', { class: 'num' }, `ใช้จ่าย / อนุมัติ ${th}`, el('br'),
      el('small', {}, `Spent / approved: ${en} (THB)`))),
    el('th', { class: 'num' }, 'ตัวชี้วัดถึงเป้า', el('br'), el('small', {}, 'Indicators on target')),
    el('th', {}, 'สถานะรายเดือนล่าสุด', el('br'), el('small', {}, 'Latest monthly status')),
    el('th', {}, 'ผลลัพธ์', el('br'), el('small', {}, 'Outcome')),
    el('th', {}, 'ลิงก์', el('br'), el('small', {}, 'Links')));
  const rows = view.provinces.map((row) => {
    const status = words.monthlyStatuses[row.latestMonthlyStatus];
    const links = [];
    if (row.state === 'running') {
      links.push(el('a', { href: `#/process-instance/${row.processInstanceId}/runtime`, class: 'programme-cockpit-link' },
        'เปิดใน Cockpit / Open'));
    }
    if (view.auditTrail) {
      links.push(el('a', { href: `#/programme-audit?instance=${encodeURIComponent(row.processInstanceId)}`,
        class: 'programme-audit-link' }, 'บันทึกการตรวจสอบ / Audit trail'));
    }
    return el('tr', { 'data-province': row.provinceCode, 'data-stage': row.stageKey || '' },
      el('td', {}, el('strong', {}, row.provinceName), el('br'), el('small', {}, `${row.provinceNameEn} · ${row.businessKey}`)),
      el('td', { class: 'num' }, row.wave == null ? '–' : row.wave),
      el('td', { class: 'programme-stage' }, row.stage || '–', el('br'), el('small', {}, both(words.states[row.state]) || row.state)),
      el('td', { class: 'num' }, row.daysInStage == null ? '–' : row.daysInStage),
      words.parties.map(({ key }) => {
        const open = row.openTasks[key] || 0;
        const late = row.overdueTasks[key] || 0;
        return el('td', { class: 'num', 'data-party': key }, open,
          late ? el('span', { class: 'programme-late', title: 'เลยกำหนด / overdue' }, ` (${late})`) : null);
      }),
      el('td', { class: `num${row.overdueTotal ? ' programme-late' : ''}`, 'data-overdue': row.overdueTotal }, row.overdueTotal),
      words.sources.map(({ key }) => moneyCell(row.approvedBySource, row.spentBySource, key)),
      indicatorCell(row.indicatorsOnTarget, row.indicatorsTotal),
      el('td', {}, status
        ? el('span', { class: `programme-status programme-status-${status.level}` }, both(status),
          row.latestReportMonth ? el('small', {}, ` (${row.latestReportMonth})`) : null)
        : '–'),
      el('td', {}, row.outcome ? (both(words.outcomes[row.outcome]) || row.outcome) : '–'),
      el('td', { class: 'programme-links' }, links));
  });
  // the programme's totals under the money and indicator columns
  const totals = el('tr', { class: 'programme-totals' },
    el('th', { colspan: 4 + words.parties.length + 1 }, 'รวมทั้งโครงการ / Programme total'),
    words.sources.map(({ key }) => moneyCell(view.approvedBySource, view.spentBySource, key)),
    indicatorCell(view.indicatorsOnTarget, view.indicatorsTotal),
    el('td', { colspan: 3 }));
  return el('div', { class: 'table-responsive' },
    el('table', { class: 'table table-condensed programme-table' }, el('thead', {}, head), el('tbody', {}, rows),
      el('tfoot', {}, totals)));
}
