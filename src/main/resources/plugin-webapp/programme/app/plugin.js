/*
 * The programme's Cockpit plugin (Camunda 7.24 plugin API, plain JavaScript, no build step).
 *
 *   cockpit.dashboard                    the provinces: wave, stage, days in it, open and overdue
 *                                        tasks per party, latest monthly status, outcome
 *   cockpit.route  #/programme-audit     the audit trail of an instance (running or completed) or
 *                                        a search by province, wave, dates and user; CSV and JSON
 *   cockpit.processInstance.runtime.tab  the audit trail of the instance being viewed
 *   cockpit.navigation                   a link to the audit trail page in Cockpit's header
 *
 * Data comes from this application's REST endpoints under Cockpit's plugin API
 * (/camunda/api/cockpit/plugin/programme/{engine}/...), with the webapps' own login.
 */

// The words for parties, stages, monthly statuses, outcomes and pipeline states come from the
// server (GET labels, from the Java code's own enums); this file keeps no copy of them.
const labelRequests = {};

function labels(api) {
  const key = base(api);
  if (!labelRequests[key]) {
    labelRequests[key] = getJson(api, '/labels').catch((error) => {
      delete labelRequests[key];
      throw error;
    });
  }
  return labelRequests[key];
}

function both(label) {
  return label ? `${label.th} / ${label.en}` : null;
}

function base(api) {
  return `${api.cockpitApi}/plugin/programme/${api.engine}`;
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([key, value]) => {
    if (value === undefined || value === null || value === false) {
      return;
    }
    if (key === 'class') {
      node.className = value;
    } else if (key.startsWith('on')) {
      node.addEventListener(key.substring(2), value);
    } else {
      node.setAttribute(key, value === true ? '' : value);
    }
  });
  children.flat(Infinity).forEach((child) => {
    if (child !== undefined && child !== null && child !== false) {
      node.appendChild(typeof child === 'string' || typeof child === 'number'
        ? document.createTextNode(String(child)) : child);
    }
  });
  return node;
}

async function getJson(api, path) {
  const response = await fetch(base(api) + path, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-XSRF-TOKEN': api.CSRFToken || '' },
  });
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  if (!response.ok) {
    const message = body && body.message ? body.message
      : `ไม่สามารถโหลดข้อมูลได้ (HTTP ${response.status}) / Could not load (HTTP ${response.status})`;
    const error = new Error(message);
    error.status = response.status;
    throw error;
  }
  return body;
}

function problem(error) {
  return el('div', { class: 'alert alert-danger programme-error', role: 'alert' }, error.message);
}

/** 2026-11-24T10:05:00+07:00 → 24/11/2569 10:05 (Buddhist Era, Bangkok time as sent). */
function thaiTime(iso) {
  if (!iso) {
    return '';
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(iso);
  if (!m) {
    return iso;
  }
  return `${Number(m[3])}/${Number(m[2])}/${Number(m[1]) + 543} ${m[4]}:${m[5]}${m[6] ? ':' + m[6] : ''}`;
}

function bangkok(isoInstant) {
  // the dashboard sends instants in UTC; show them in Thailand's time
  if (!isoInstant) {
    return '';
  }
  const date = new Date(isoInstant);
  const local = new Date(date.getTime() + 7 * 3600 * 1000).toISOString().replace('Z', '+07:00');
  return thaiTime(local);
}

function commonEra(isoInstant) {
  const date = new Date(new Date(isoInstant).getTime() + 7 * 3600 * 1000).toISOString();
  return `${date.substring(0, 10)} ${date.substring(11, 16)}`;
}

// ---------------------------------------------------------------------------------------------
// Dashboard

function renderDashboard(node, api) {
  const root = el('section', { class: 'programme programme-dashboard', 'data-programme': 'dashboard' },
    el('h3', { class: 'section-title' }, 'ภาพรวมโครงการรายจังหวัด / Programme by province'),
    el('p', { class: 'programme-loading' }, 'กำลังโหลด… / Loading…'));
  node.innerHTML = '';
  node.appendChild(root);
  Promise.all([labels(api), getJson(api, '/dashboard')]).then(([words, view]) => {
    root.removeChild(root.querySelector('.programme-loading'));
    root.appendChild(stageTotals(view));
    root.appendChild(provinceTable(view, words));
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
      el('td', {}, status
        ? el('span', { class: `programme-status programme-status-${status.level}` }, both(status),
          row.latestReportMonth ? el('small', {}, ` (${row.latestReportMonth})`) : null)
        : '–'),
      el('td', {}, row.outcome ? (both(words.outcomes[row.outcome]) || row.outcome) : '–'),
      el('td', { class: 'programme-links' }, links));
  });
  return el('div', { class: 'table-responsive' },
    el('table', { class: 'table table-condensed programme-table' }, el('thead', {}, head), el('tbody', {}, rows)));
}

// ---------------------------------------------------------------------------------------------
// Audit trail

function hashQuery() {
  const hash = window.location.hash || '';
  const at = hash.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : hash.substring(at + 1));
}

function valueText(value) {
  if (value === null || value === undefined) {
    return '–';
  }
  if (typeof value === 'object') {
    return JSON.stringify(value);
  }
  return String(value);
}

function valuesList(values) {
  const entries = Object.entries(values || {});
  if (!entries.length) {
    return null;
  }
  return el('dl', { class: 'programme-values' },
    entries.map(([name, value]) => [el('dt', {}, name), el('dd', {}, valueText(value))]));
}

function trailTable(entries) {
  if (!entries.length) {
    return el('p', { class: 'programme-empty' }, 'ไม่มีรายการตามเงื่อนไขนี้ / No entries match.');
  }
  const head = el('tr', {},
    el('th', {}, 'เวลา (พ.ศ.)', el('br'), el('small', {}, 'Time')),
    el('th', {}, 'รายการ', el('br'), el('small', {}, 'Event')),
    el('th', {}, 'ผู้ดำเนินการ', el('br'), el('small', {}, 'Actor')),
    el('th', {}, 'จังหวัด · ระลอก', el('br'), el('small', {}, 'Province · wave')),
    el('th', {}, 'กระบวนการ › กิจกรรม', el('br'), el('small', {}, 'Process › activity')),
    el('th', {}, 'รายละเอียดและค่าที่บันทึก', el('br'), el('small', {}, 'Detail and values')));
  const rows = entries.map((e) => el('tr', { class: `programme-kind-${e.kind.toLowerCase()}`, 'data-kind': e.kind },
    el('td', { title: e.time }, thaiTime(e.time)),
    el('td', {}, e.kindTh, el('br'), el('small', {}, e.kindEn)),
    el('td', { class: e.actor === 'system' ? 'programme-system' : 'programme-user', 'data-actor': e.actor },
      e.actor === 'system' ? 'ระบบ / system' : e.actor),
    el('td', {}, e.provinceName || '–', e.wave ? ` · ${e.wave}` : '', el('br'), el('small', {}, e.pipeline || '')),
    el('td', {}, e.processName || e.processKey, e.activityName ? ` › ${e.activityName}` : ''),
    el('td', {}, e.detail ? el('div', {}, e.detail) : null, valuesList(e.values))));
  return el('div', { class: 'table-responsive' },
    el('table', { class: 'table table-condensed programme-table programme-trail' },
      el('thead', {}, head), el('tbody', {}, rows)));
}

function downloadLinks(api, path, params) {
  const csv = new URLSearchParams(params);
  csv.set('format', 'csv');
  const json = new URLSearchParams(params);
  json.set('format', 'json');
  return el('p', { class: 'programme-downloads' },
    el('a', { class: 'btn btn-default programme-download-csv', href: `${base(api)}${path}?${csv}`, download: true },
      'ดาวน์โหลด CSV (Excel) / Download CSV'), ' ',
    el('a', { class: 'btn btn-default programme-download-json', href: `${base(api)}${path}?${json}`, download: true },
      'ดาวน์โหลด JSON / Download JSON'));
}

function showTrail(container, api, path, params) {
  container.innerHTML = '';
  container.appendChild(el('p', { class: 'programme-loading' }, 'กำลังโหลด… / Loading…'));
  const query = new URLSearchParams(params).toString();
  getJson(api, path + (query ? `?${query}` : '')).then((doc) => {
    container.innerHTML = '';
    container.appendChild(el('p', { class: 'programme-summary' },
      `${doc.count} รายการ${doc.truncated ? ' (ตัดทอน โปรดจำกัดเงื่อนไข)' : ''} / ${doc.count} entries`
      + `${doc.truncated ? ' (truncated: narrow the search)' : ''}`));
    container.appendChild(downloadLinks(api, path, params));
    container.appendChild(trailTable(doc.entries));
  }).catch((error) => {
    container.innerHTML = '';
    container.appendChild(problem(error));
  });
}

function field(name, th, en, value, attrs) {
  return el('div', { class: 'form-group' },
    el('label', { for: `programme-${name}` }, th, el('br'), el('small', {}, en)),
    el('input', { class: 'form-control', id: `programme-${name}`, name, value: value || '', ...attrs }));
}

function renderAuditPage(node, api) {
  const params = hashQuery();
  const results = el('div', { class: 'programme-results' });
  const form = el('form', { class: 'programme-search', autocomplete: 'off' },
    field('instance', 'รหัสรายการกระบวนการ', 'Process instance id', params.get('instance')),
    field('province', 'รหัสจังหวัด (เช่น TH-60)', 'Province code', params.get('province'), { placeholder: 'TH-60' }),
    field('wave', 'ระลอก', 'Wave', params.get('wave'), { type: 'number', min: 1 }),
    field('from', 'ตั้งแต่วันที่ (ค.ศ.)', 'From (C.E.)', params.get('from'), { type: 'date' }),
    field('to', 'ถึงวันที่ (ค.ศ.)', 'To (C.E.)', params.get('to'), { type: 'date' }),
    field('user', 'ผู้ดำเนินการ', 'User id', params.get('user')),
    el('button', { type: 'submit', class: 'btn btn-primary' }, 'ค้นหา / Search'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = new URLSearchParams();
    new FormData(form).forEach((value, key) => {
      if (String(value).trim()) {
        query.set(key, String(value).trim());
      }
    });
    window.history.replaceState(null, '', `#/programme-audit${query.toString() ? `?${query}` : ''}`);
    search(query);
  });
  function search(query) {
    const instance = query.get('instance');
    const onlyInstance = instance && [...query.keys()].length === 1;
    if (onlyInstance) {
      showTrail(results, api, `/audit-trail/${encodeURIComponent(instance)}`, {});
    } else {
      showTrail(results, api, '/audit-trail', Object.fromEntries(query.entries()));
    }
  }
  node.innerHTML = '';
  node.appendChild(el('section', { class: 'programme programme-audit', 'data-programme': 'audit-trail' },
    el('h2', {}, 'บันทึกการตรวจสอบ / Audit trail'),
    el('p', { class: 'programme-note' },
      'ทุกการกระทำในกระบวนการ ทั้งที่ดำเนินอยู่และเสร็จสิ้นแล้ว รวมกระบวนการที่เรียกใช้: ใครทำอะไร เมื่อไร ด้วยค่าใด '
      + '(จากประวัติของ process engine) / Every action in a process, running or completed, with the processes it '
      + 'called: who did what, when, with which values (from the engine\'s history).'),
    form, results));
  if ([...params.keys()].length) {
    search(params);
  } else {
    showPipelines(results, api);
  }
}

function showPipelines(container, api) {
  container.innerHTML = '';
  container.appendChild(el('p', { class: 'programme-loading' }, 'กำลังโหลด… / Loading…'));
  Promise.all([labels(api), getJson(api, '/pipelines?limit=200')]).then(([words, pipelines]) => {
    container.innerHTML = '';
    container.appendChild(el('h3', {}, 'กระบวนการรายจังหวัด ทั้งที่ดำเนินอยู่และเสร็จสิ้น / Provincial pipelines, running and ended'));
    if (!pipelines.length) {
      container.appendChild(el('p', { class: 'programme-empty' }, 'ยังไม่มี / None yet.'));
      return;
    }
    const rows = pipelines.map((p) => el('tr', { 'data-pipeline': p.businessKey, 'data-state': p.state },
      el('td', {}, el('a', { href: `#/programme-audit?instance=${encodeURIComponent(p.processInstanceId)}`,
        class: 'programme-open-trail' }, p.businessKey)),
      el('td', {}, p.provinceName || '–'),
      el('td', { class: 'num' }, p.wave == null ? '–' : p.wave),
      el('td', {}, both(words.states[p.state]) || p.state),
      el('td', {}, bangkok(p.started)),
      el('td', {}, p.ended ? bangkok(p.ended) : '–'),
      el('td', {}, p.startedBy || '–')));
    container.appendChild(el('div', { class: 'table-responsive' }, el('table', { class: 'table table-condensed programme-table' },
      el('thead', {}, el('tr', {},
        el('th', {}, 'รหัสอ้างอิง', el('br'), el('small', {}, 'Business key')),
        el('th', {}, 'จังหวัด', el('br'), el('small', {}, 'Province')),
        el('th', {}, 'ระลอก', el('br'), el('small', {}, 'Wave')),
        el('th', {}, 'สถานะ', el('br'), el('small', {}, 'State')),
        el('th', {}, 'เริ่ม (พ.ศ.)', el('br'), el('small', {}, 'Started')),
        el('th', {}, 'สิ้นสุด (พ.ศ.)', el('br'), el('small', {}, 'Ended')),
        el('th', {}, 'ผู้เริ่ม', el('br'), el('small', {}, 'Started by')))),
      el('tbody', {}, rows))));
  }).catch((error) => {
    container.innerHTML = '';
    container.appendChild(problem(error));
  });
}

function renderInstanceTab(node, api, processInstanceId) {
  const results = el('div', { class: 'programme-results' });
  node.innerHTML = '';
  node.appendChild(el('section', { class: 'programme programme-audit', 'data-programme': 'audit-tab' },
    el('p', {}, el('a', { href: `#/programme-audit?instance=${encodeURIComponent(processInstanceId)}` },
      'เปิดเต็มหน้า / Open as a page')),
    results));
  showTrail(results, api, `/audit-trail/${encodeURIComponent(processInstanceId)}`, {});
}

export default [
  {
    id: 'programme.dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 20,
    render: (node, { api }) => renderDashboard(node, api),
    properties: { label: 'ภาพรวมโครงการ / Programme' },
  },
  {
    id: 'programme.audit.route',
    pluginPoint: 'cockpit.route',
    priority: 0,
    render: (node, { api }) => renderAuditPage(node, api),
    properties: { path: '/programme-audit', label: 'บันทึกการตรวจสอบ / Audit trail' },
  },
  {
    id: 'programme.audit.tab',
    pluginPoint: 'cockpit.processInstance.runtime.tab',
    priority: 5,
    render: (node, { api, processInstanceId }) => renderInstanceTab(node, api, processInstanceId),
    properties: { label: 'บันทึกการตรวจสอบ / Audit trail' },
  },
  {
    id: 'programme.audit.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 5,
    render: (node) => {
      node.appendChild(el('a', { href: '#/programme-audit' }, 'บันทึกการตรวจสอบ / Audit trail'));
    },
    properties: {
      label: 'บันทึกการตรวจสอบ / Audit trail',
      pagePath: '#/programme-audit',
      checkActive: (path) => path.indexOf('#/programme-audit') > -1,
    },
  },
];
