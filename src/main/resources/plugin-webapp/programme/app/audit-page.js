/*
 * cockpit.route #/programme-audit: the audit trail of an instance (running or completed), or a search by province, wave, dates and user; the list of pipelines.
 * Part of the programme's Cockpit plugin (see plugin.js), an ES module.
 */

import { bangkok, both, el, getJson, hashQuery, labels, problem } from './shared.js';
import { showTrail } from './trail.js';

function field(name, th, en, value, attrs) {
  return el('div', { class: 'form-group' },
    el('label', { for: `programme-${name}` }, th, el('br'), el('small', {}, en)),
    el('input', { class: 'form-control', id: `programme-${name}`, name, value: value || '', ...attrs }));
}

export function renderAuditPage(node, api) {
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
      showTrail(results, api, `/audit-trail/${encodeURIComponent(instance)}`, {}, { pipeline: instance });
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
