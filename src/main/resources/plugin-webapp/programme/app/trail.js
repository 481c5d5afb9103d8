/*
 * An audit trail as a table, with its downloads: shown by the audit-trail page and the instance tab.
 * Part of the programme's Cockpit plugin (see plugin.js), an ES module.
 */

import {
  base, el, evidenceBase, getJson, problem, thaiTime,
} from './shared.js';

function valueText(value) {
  if (value === null || value === undefined) {
    return '–';
  }
  if (typeof value === 'object') {
    return JSON.stringify(value);
  }
  return String(value);
}

// a value under its form label ("ชื่อโครงการ / Programme name"), the variable name beside it for
// auditors who look it up; a value no form shows under its name alone
function valueName(name, labels) {
  const label = labels && labels[name];
  if (!label) {
    return name;
  }
  return [label, ' ', el('code', { class: 'programme-variable-name' }, `(${name})`)];
}

function valuesList(values, labels) {
  const entries = Object.entries(values || {});
  if (!entries.length) {
    return null;
  }
  return el('dl', { class: 'programme-values' },
    entries.map(([name, value]) => [el('dt', { 'data-variable': name }, valueName(name, labels)), el('dd', {}, valueText(value))]));
}

function bytes(size) {
  if (size < 1024) {
    return `${size} B`;
  }
  if (size < 1024 * 1024) {
    return `${(size / 1024).toFixed(1)} KB`;
  }
  return `${(size / (1024 * 1024)).toFixed(1)} MB`;
}

// an evidence file: its name as a download link (Cockpit's plugin API, the session's rights), its
// detected type and size, and its SHA-256 in full, for comparing with SHA256SUMS
function evidenceFile(api, file) {
  return el('div', { class: 'programme-evidence', 'data-attachment': file.attachmentId },
    el('a', {
      class: 'programme-evidence-download',
      href: evidenceBase(api) + file.download,
      download: file.fileName,
      title: 'ดาวน์โหลดไฟล์ / Download the file',
    }, el('span', { class: 'glyphicon glyphicon-paperclip', 'aria-hidden': 'true' }), ' ', file.fileName),
    el('div', { class: 'programme-evidence-meta' }, `${file.contentType} · ${bytes(file.size)}`),
    el('div', { class: 'programme-evidence-hash' },
      el('small', {}, 'SHA-256: '), el('code', { class: 'programme-sha256' }, file.sha256)));
}

function detailCell(api, e) {
  if (e.evidence) {
    return el('td', {}, evidenceFile(api, e.evidence));
  }
  return el('td', {}, e.detail ? el('div', {}, e.detail) : null, valuesList(e.values, e.labels));
}

function trailTable(api, entries) {
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
    detailCell(api, e)));
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

// "download all evidence" of the pipeline the instance belongs to: one ZIP with every file, its
// manifest (CSV, JSON) and SHA256SUMS
function zipButton(api, processInstanceId, count) {
  return el('p', { class: 'programme-evidence-zip' },
    el('a', {
      class: 'btn btn-primary programme-download-zip',
      href: `${evidenceBase(api)}pipelines/${encodeURIComponent(processInstanceId)}/files.zip`,
      download: true,
    }, el('span', { class: 'glyphicon glyphicon-download-alt', 'aria-hidden': 'true' }), ' ',
    'ดาวน์โหลดหลักฐานทั้งหมด (ZIP) / Download all evidence (ZIP)'),
    ' ', el('small', { class: 'programme-evidence-count' },
      `หลักฐาน ${count} ไฟล์ พร้อมรายการและค่า SHA-256 / ${count} evidence file(s), with a manifest and SHA-256 sums`));
}

/**
 * Loads the trail at {path}?{params} into {container}; with {options.pipeline} (a process
 * instance id), the button that downloads all evidence of its pipeline as a ZIP.
 */
export function showTrail(container, api, path, params, options = {}) {
  container.innerHTML = '';
  container.appendChild(el('p', { class: 'programme-loading' }, 'กำลังโหลด… / Loading…'));
  const query = new URLSearchParams(params).toString();
  getJson(api, path + (query ? `?${query}` : '')).then((doc) => {
    container.innerHTML = '';
    container.appendChild(el('p', { class: 'programme-summary' },
      `${doc.count} รายการ${doc.truncated ? ' (ตัดทอน โปรดจำกัดเงื่อนไข)' : ''} / ${doc.count} entries`
      + `${doc.truncated ? ' (truncated: narrow the search)' : ''}`));
    container.appendChild(downloadLinks(api, path, params));
    if (options.pipeline) {
      const files = doc.entries.filter((e) => e.kind === 'EVIDENCE').length;
      container.appendChild(zipButton(api, options.pipeline, files));
    }
    container.appendChild(trailTable(api, doc.entries));
  }).catch((error) => {
    container.innerHTML = '';
    container.appendChild(problem(error));
  });
}
