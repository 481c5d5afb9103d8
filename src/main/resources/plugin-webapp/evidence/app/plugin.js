/*
 * The evidence tab of Tasklist (issue 17; Camunda 7.24 plugin API, plain JavaScript, no build
 * step): a tab "หลักฐาน / Evidence" on every task (plugin point tasklist.task.detail; Tasklist
 * hands the render function { api, taskId } and the tab's Angular scope). The person working on
 * the task attaches files (file picker or drag and drop, several at once, with the upload's
 * progress), sees this task's files and those of the earlier tasks of the same pipeline, opens or
 * downloads each, and removes their own while the task is open. The limits come from the server.
 *
 * Data: Tasklist's plugin API (/camunda/api/tasklist/plugin/evidence/{engine}/..., the webapps'
 * own login; evidence/EvidenceApi): GET tasks/{id}/files, POST tasks/{id}/files (multipart, parts
 * named "file", UTF-8 file names as the browser sends them), DELETE files/{id}; a POST or DELETE
 * carries the CSRF token (X-XSRF-TOKEN) as Tasklist's own requests do. The server's refusals
 * (415, 413, 409, 403, ...) carry their message in Thai and English, shown as they come.
 */

// Buddhist Era dates: the programme's one JavaScript module, served with Tasklist's scripts.
const eraModule = import(
  `${document.querySelector('base').getAttribute('app-root')}/app/tasklist/scripts/buddhist-era.js`
);

/** The short names of the types the server may allow, and the extensions a picker offers. */
const TYPES = {
  'application/pdf': ['PDF', ['.pdf']],
  'image/jpeg': ['JPEG', ['.jpg', '.jpeg']],
  'image/png': ['PNG', ['.png']],
  'image/heic': ['HEIC', ['.heic']],
  'image/heif': ['HEIF', ['.heif']],
  'image/webp': ['WebP', ['.webp']],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['DOCX', ['.docx']],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['XLSX', ['.xlsx']],
  'application/vnd.oasis.opendocument.text': ['ODT', ['.odt']],
  'application/vnd.oasis.opendocument.spreadsheet': ['ODS', ['.ods']],
};

/** What each refusal means, where the server's answer carries no message of its own. */
const STATUS = {
  400: 'ส่งไฟล์ไม่ได้ / The files could not be sent',
  401: 'กรุณาเข้าสู่ระบบอีกครั้ง / Please log in again',
  403: 'ท่านไม่มีสิทธิ์ทำรายการนี้ / You may not do this',
  404: 'ไม่พบงานหรือไฟล์นี้ / No such task or file',
  409: 'งานนี้เสร็จแล้ว ไฟล์แก้ไขไม่ได้ / The task is completed; its files cannot change',
  413: 'ไฟล์ใหญ่เกินกำหนด / The files are too large',
  415: 'ไม่รับไฟล์ชนิดนี้ / This type of file is not accepted',
};

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
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    }
  });
  return node;
}

function base(api) {
  return `${api.tasklistApi}/plugin/evidence/${api.engine}`;
}

/** The session's CSRF token: the cookie as it is now (it is set again after a new login). */
function csrfToken(api) {
  const cookie = document.cookie.split(';').map((c) => c.trim()).find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : api.CSRFToken || '';
}

/** The server's message ("ไทย / English"), or what the status means. */
function refusal(status, answer) {
  if (answer && typeof answer.message === 'string' && answer.message) {
    return answer.message;
  }
  if (status === 0) {
    return 'ติดต่อระบบไม่ได้ ตรวจการเชื่อมต่อแล้วลองใหม่ / Could not reach the server: check the connection and try again';
  }
  return `${STATUS[status] || 'ไม่สามารถติดต่อระบบได้ / Could not reach the server'} (HTTP ${status})`;
}

function parse(text) {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

async function request(api, method, path) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') {
    headers['X-XSRF-TOKEN'] = csrfToken(api);
  }
  let response;
  try {
    response = await fetch(base(api) + path, { method, credentials: 'same-origin', headers });
  } catch (error) {
    throw new Error(refusal(0), { cause: error });
  }
  const answer = parse(await response.text());
  if (!response.ok) {
    throw new Error(refusal(response.status, answer));
  }
  return answer;
}

/** Sends the files in one multipart request; onProgress gets the share sent (0..1). */
function send(api, taskId, files, onProgress) {
  return new Promise((resolve, reject) => {
    const data = new FormData();
    files.forEach((file) => data.append('file', file, file.name));
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${base(api)}/tasks/${encodeURIComponent(taskId)}/files`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-XSRF-TOKEN', csrfToken(api));
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.total > 0) {
        onProgress(event.loaded / event.total);
      }
    });
    xhr.addEventListener('load', () => {
      const answer = parse(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(answer || []);
      } else {
        reject(new Error(refusal(xhr.status, answer)));
      }
    });
    xhr.addEventListener('error', () => reject(new Error(refusal(0))));
    xhr.addEventListener('abort', () => reject(new Error('ยกเลิกการส่งแล้ว / Sending cancelled')));
    xhr.send(data);
  });
}

function megabytes(bytes) {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

/** 2 345 → "2.3 KB", 3 456 789 → "3.3 MB". */
function size(bytes) {
  if (bytes === null || bytes === undefined) {
    return '';
  }
  if (bytes < 1024 * 1024) {
    return `${Math.max(0.1, bytes / 1024).toFixed(1)} KB`;
  }
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function typeName(contentType) {
  return TYPES[contentType] ? TYPES[contentType][0] : contentType || '';
}

/** An instant ("2026-12-04T11:05:00Z") as Thailand's day and time, Buddhist Era year. */
function when(era, instant) {
  const date = new Date(instant);
  if (!instant || Number.isNaN(date.getTime())) {
    return instant || '';
  }
  const parts = {};
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Bangkok',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date).forEach((p) => { parts[p.type] = p.value; });
  return era.thaiDateTime(`${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`);
}

function limitsText(limits) {
  const types = (limits.allowedTypes || []).map(typeName);
  return [
    el('span', { class: 'programme-evidence-limit' },
      `ไฟล์ละไม่เกิน ${megabytes(limits.maxFileBytes)} รวมทั้งงานไม่เกิน ${megabytes(limits.maxTaskBytes)}`,
      ` / each file at most ${megabytes(limits.maxFileBytes)}, ${megabytes(limits.maxTaskBytes)} per task`),
    el('span', { class: 'programme-evidence-limit' },
      `ชนิดที่รับ / Accepted: ${types.join(', ')}`),
  ];
}

function accept(limits) {
  const list = [];
  (limits.allowedTypes || []).forEach((type) => {
    list.push(type);
    if (TYPES[type]) {
      list.push(...TYPES[type][1]);
    }
  });
  return list.join(',');
}

/** One tab: its node, the task, and what it shows. */
class EvidenceTab {
  constructor(node, api, taskId, scope) {
    this.node = node;
    this.api = api;
    this.taskId = taskId;
    this.scope = scope;
    this.busy = false;
    this.data = null;
    this.status = el('div', { class: 'programme-evidence-status', role: 'status', 'aria-live': 'polite' });
  }

  me() {
    const root = this.scope && this.scope.$root;
    return root && root.authentication ? root.authentication.name : null;
  }

  say(text, kind) {
    this.status.className = `programme-evidence-status${kind ? ` alert alert-${kind}` : ''}`;
    this.status.textContent = text || '';
  }

  async load() {
    if (!this.taskId) {
      this.node.replaceChildren(el('p', { class: 'text-muted' }, 'ยังไม่ได้เลือกงาน / No task selected'));
      return;
    }
    const taskId = this.taskId;
    try {
      const [era, data] = await Promise.all([
        eraModule,
        request(this.api, 'GET', `/tasks/${encodeURIComponent(taskId)}/files`),
      ]);
      if (taskId !== this.taskId) {
        return;
      }
      this.era = era;
      this.data = data;
      this.draw();
    } catch (error) {
      if (taskId === this.taskId) {
        this.node.replaceChildren(el('div', { class: 'programme-evidence' },
          el('div', { class: 'alert alert-warning', role: 'alert', 'data-programme': 'evidence-error' }, error.message)));
      }
    }
  }

  draw() {
    const data = this.data;
    const parts = [
      el('p', { class: 'programme-evidence-intro' },
        'แนบรูปถ่าย ใบเสร็จ รายงานการประชุม หรือเอกสารที่ลงนาม เป็นหลักฐานของงานนี้ ไฟล์ถูกเก็บพร้อมลายนิ้วมือ SHA-256 และแก้ไขไม่ได้เมื่องานเสร็จ',
        el('br'),
        el('span', { class: 'text-muted' },
          'Attach photos, receipts, minutes or signed documents as this task\'s evidence; each is kept with its SHA-256 fingerprint and cannot change once the task is completed.')),
    ];
    if (data.canUpload) {
      parts.push(this.picker(data.limits || {}));
    } else {
      parts.push(el('p', { class: 'programme-evidence-readonly text-muted', 'data-programme': 'evidence-readonly' },
        'แนบหรือลบไฟล์ได้เฉพาะผู้ทำงานนี้ ขณะงานยังไม่เสร็จ / Only who works on this task can attach or remove files, while it is open',
        el('br'), limitsText(data.limits || {})));
    }
    parts.push(this.status);
    parts.push(el('h4', { class: 'programme-evidence-heading' }, 'ไฟล์ของงานนี้ / This task\'s files'));
    parts.push(this.list(data.task || [], 'evidence-task', 'ยังไม่มีไฟล์ / No files yet'));
    const earlier = data.earlier || [];
    parts.push(el('h4', { class: 'programme-evidence-heading' },
      'ไฟล์ของงานก่อนหน้าในกระบวนการเดียวกัน / Files of earlier tasks of this pipeline'));
    parts.push(this.list(earlier, 'evidence-earlier', 'ไม่มี / None', true));
    this.node.replaceChildren(el('div', { class: 'programme-evidence', 'data-programme': 'evidence' }, parts));
  }

  picker(limits) {
    const id = `programme-evidence-input-${Math.random().toString(36).substring(2)}`;
    const input = el('input', {
      type: 'file',
      id,
      multiple: true,
      accept: accept(limits),
      class: 'programme-evidence-input',
      'data-programme': 'evidence-input',
      onchange: () => {
        const files = Array.from(input.files || []);
        input.value = '';
        this.upload(files);
      },
    });
    this.bar = el('div', {
      class: 'progress-bar',
      role: 'progressbar',
      'aria-valuemin': '0',
      'aria-valuemax': '100',
      'aria-valuenow': '0',
      style: 'width: 0%',
    });
    this.progress = el('div', { class: 'programme-evidence-progress', hidden: true, 'data-programme': 'evidence-progress' },
      el('div', { class: 'progress' }, this.bar));
    const zone = el('div', { class: 'programme-evidence-drop', 'data-programme': 'evidence-drop' },
      input,
      el('label', { for: id, class: 'btn btn-primary programme-evidence-choose' },
        el('span', { class: 'glyphicon glyphicon-paperclip', 'aria-hidden': 'true' }), ' ',
        'เลือกไฟล์ / Choose files'),
      el('span', { class: 'programme-evidence-or' }, 'หรือลากไฟล์มาวางที่นี่ (หลายไฟล์ได้) / or drop files here (several at once)'),
      el('small', { class: 'programme-evidence-limits' }, limitsText(limits)));
    const over = (event) => {
      event.preventDefault();
      event.stopPropagation();
      if (event.dataTransfer) {
        event.dataTransfer.dropEffect = 'copy';
      }
      zone.classList.add('programme-evidence-over');
    };
    zone.addEventListener('dragenter', over);
    zone.addEventListener('dragover', over);
    zone.addEventListener('dragleave', (event) => {
      if (!zone.contains(event.relatedTarget)) {
        zone.classList.remove('programme-evidence-over');
      }
    });
    zone.addEventListener('drop', (event) => {
      event.preventDefault();
      event.stopPropagation();
      zone.classList.remove('programme-evidence-over');
      this.upload(Array.from((event.dataTransfer && event.dataTransfer.files) || []));
    });
    return el('div', {}, zone, this.progress);
  }

  async upload(files) {
    if (!files.length || this.busy) {
      return;
    }
    const limits = (this.data && this.data.limits) || {};
    const tooLarge = files.find((f) => limits.maxFileBytes && f.size > limits.maxFileBytes);
    if (tooLarge) {
      // the server refuses it too (413); this saves sending it
      this.say(`ไฟล์ "${tooLarge.name}" ใหญ่เกินไป: ไฟล์ละไม่เกิน ${megabytes(limits.maxFileBytes)} / `
        + `The file "${tooLarge.name}" is too large: each file may be at most ${megabytes(limits.maxFileBytes)}`, 'danger');
      return;
    }
    this.busy = true;
    const names = files.map((f) => f.name).join(', ');
    const progress = (share) => {
      const percent = Math.round(share * 100);
      this.bar.style.width = `${percent}%`;
      this.bar.setAttribute('aria-valuenow', String(percent));
      this.bar.textContent = `${percent}%`;
    };
    progress(0);
    this.progress.hidden = false;
    this.say(`กำลังส่ง ${files.length} ไฟล์… / Sending ${files.length} file(s)…  ${names}`);
    try {
      const stored = await send(this.api, this.taskId, files, progress);
      await this.load();
      this.say(`แนบแล้ว ${stored.length} ไฟล์ / Attached ${stored.length} file(s): ${stored.map((f) => f.name).join(', ')}`, 'success');
    } catch (error) {
      this.progress.hidden = true;
      this.say(error.message, 'danger');
    } finally {
      this.busy = false;
      if (this.progress) {
        window.setTimeout(() => { if (!this.busy) { this.progress.hidden = true; } }, 1500);
      }
    }
  }

  async remove(file) {
    const question = `ลบไฟล์ "${file.name}" ออกจากงานนี้หรือไม่? / Remove the file "${file.name}" from this task?`;
    if (!window.confirm(question)) {
      return;
    }
    try {
      await request(this.api, 'DELETE', `/files/${encodeURIComponent(file.id)}`);
      await this.load();
      this.say(`ลบไฟล์ "${file.name}" แล้ว / Removed "${file.name}"`, 'success');
    } catch (error) {
      this.say(error.message, 'danger');
    }
  }

  list(files, name, empty, withTask) {
    if (!files.length) {
      return el('p', { class: 'programme-evidence-empty text-muted', 'data-programme': `${name}-empty` }, empty);
    }
    const me = this.me();
    return el('ul', { class: 'programme-evidence-files list-unstyled', 'data-programme': name },
      files.map((file) => el('li', { class: 'programme-evidence-file', 'data-programme': 'evidence-file' },
        el('div', { class: 'programme-evidence-name' },
          el('span', { class: `glyphicon ${String(file.contentType).startsWith('image/') ? 'glyphicon-picture' : 'glyphicon-file'}`, 'aria-hidden': 'true' }), ' ',
          el('a', {
            href: `${base(this.api)}/${file.download}`,
            download: file.name,
            title: `เปิด/ดาวน์โหลด / Open or download: ${file.name}`,
            'data-programme': 'evidence-download',
          }, file.name)),
        el('div', { class: 'programme-evidence-meta' },
          withTask && file.taskName ? el('span', { class: 'programme-evidence-task' }, file.taskName) : null,
          el('span', {}, typeName(file.contentType)),
          el('span', {}, size(file.size)),
          el('span', {}, el('span', { class: 'glyphicon glyphicon-user', 'aria-hidden': 'true' }), ' ',
            file.uploader || '', me && file.uploader === me ? ' (ท่าน / you)' : ''),
          el('span', { class: 'programme-evidence-time' }, when(this.era, file.uploaded)),
          el('span', { class: 'programme-evidence-sha', title: `SHA-256 ${file.sha256}` },
            `SHA-256 ${String(file.sha256 || '').substring(0, 12)}…`)),
        file.removable
          ? el('button', {
            type: 'button',
            class: 'btn btn-default btn-xs programme-evidence-remove',
            'data-programme': 'evidence-remove',
            onclick: () => this.remove(file),
          }, el('span', { class: 'glyphicon glyphicon-trash', 'aria-hidden': 'true' }), ' ลบ / Remove')
          : null)));
  }
}

export default {
  id: 'programme-evidence',
  pluginPoint: 'tasklist.task.detail',
  // after the form (1000), before the history (800)
  priority: 900,
  render: (node, { api, taskId }, scope) => {
    const tab = new EvidenceTab(node, api, taskId, scope);
    tab.load();
    if (scope && typeof scope.$watch === 'function') {
      // the tab stays when another task is opened in its place: follow the task shown
      scope.$watch('task.id', (id) => {
        if (id && id !== tab.taskId) {
          tab.taskId = id;
          tab.load();
        }
      });
      // claimed or handed on: whether one may attach changes with the assignee
      scope.$watch('task.assignee', (assignee, before) => {
        if (assignee !== before && !tab.busy) {
          tab.load();
        }
      });
    }
  },
  properties: { label: 'หลักฐาน / Evidence' },
};
