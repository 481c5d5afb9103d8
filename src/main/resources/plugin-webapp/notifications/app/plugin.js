/*
 * The programme's Tasklist plugin (Camunda 7.24 plugin API, plain JavaScript, no build step): each
 * person sets how they are told of their work by e-mail. A header action "การแจ้งเตือน /
 * Notifications" (plugin point tasklist.navbar.action) opens a dialog with the delivery (ทันที /
 * สรุปวันละครั้ง / ไม่รับ), the language (ไทยและอังกฤษ / ไทย / English) and the weekly digest, and
 * shows the e-mail address of the person's profile, or where to add one. A URL whose hash names
 * "notifications" (#/?notifications, the link in every message's footer) opens the dialog too.
 *
 * Data: GET and PUT preferences under Tasklist's plugin API
 * (/camunda/api/tasklist/plugin/notifications/{engine}/...), the webapps' own login; a PUT carries
 * the CSRF token (X-XSRF-TOKEN) as Tasklist's own requests do.
 */

const DELIVERY = [
  ['immediate', 'ทันที', 'Immediately', 'อีเมลหนึ่งฉบับเมื่อมีงานรอท่าน', 'one e-mail as each task waits for you'],
  ['digest', 'สรุปวันละครั้ง', 'Once a day', 'อีเมลฉบับเดียวต่อวัน รวมงานที่รอท่าน', 'one e-mail a day with all that waits'],
  ['none', 'ไม่รับ', 'None', 'ไม่ส่งอีเมล ท่านดูงานใน Tasklist เอง', 'no e-mail: you read Tasklist'],
];

const LANGUAGE = [
  ['both', 'ไทยและอังกฤษ', 'Thai and English'],
  ['th', 'ไทย', 'Thai'],
  ['en', 'English', 'อังกฤษ'],
];

let dialog = null;
let lastHash = null;

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
  return `${api.tasklistApi}/plugin/notifications/${api.engine}`;
}

/** The session's CSRF token: the cookie as it is now (it is set again after a new login). */
function csrfToken(api) {
  const cookie = document.cookie.split(';').map((c) => c.trim()).find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : api.CSRFToken || '';
}

async function request(api, method, path, body) {
  const headers = { Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken(api) };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(base(api) + path, {
    method,
    credentials: 'same-origin',
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = await response.json().catch(() => null);
  if (!response.ok) {
    const message = answer && answer.message ? answer.message
      : `ไม่สามารถติดต่อระบบได้ (HTTP ${response.status}) / Could not reach the server (HTTP ${response.status})`;
    throw new Error(message);
  }
  return answer;
}

function wantsDialog(hash) {
  return /(^|[?&/#])notifications(=[^&]*)?($|&)/.test(hash || '');
}

/** Takes "notifications" out of the hash, so that a reload or a later link does not reopen it. */
function forgetHash() {
  const hash = window.location.hash || '';
  if (!wantsDialog(hash)) {
    return;
  }
  const at = hash.indexOf('?');
  let cleaned = hash;
  if (at >= 0) {
    const query = new URLSearchParams(hash.substring(at + 1));
    query.delete('notifications');
    const rest = query.toString();
    cleaned = hash.substring(0, at) + (rest ? `?${rest}` : '');
  }
  lastHash = cleaned;
  window.history.replaceState(window.history.state, '', cleaned || '#/');
}

function radio(name, value, checked, label, hint) {
  const id = `programme-notifications-${name}-${value}`;
  return el('div', { class: 'radio' },
    el('label', { for: id },
      el('input', { type: 'radio', name, id, value, checked }),
      ' ', el('span', { class: 'programme-notifications-choice' }, label),
      hint ? el('small', { class: 'help-block' }, hint) : null));
}

function addressNote(api, preferences) {
  if (preferences.email) {
    return el('p', { class: 'programme-notifications-email' },
      'ส่งถึง / Sent to: ', el('strong', { 'data-programme': 'email' }, preferences.email));
  }
  const root = document.querySelector('base').getAttribute('app-root') || '';
  const profile = `${root}/app/welcome/${api.engine}/`;
  return el('div', { class: 'alert alert-warning programme-notifications-no-email', role: 'alert' },
    el('p', {}, 'ยังไม่มีอีเมลในโปรไฟล์ของท่าน จึงไม่มีการส่งอีเมลถึงท่าน: เพิ่มอีเมลได้ที่',
      ' ', el('a', { href: profile }, 'หน้าข้อมูลของฉัน (Welcome)'),
      ' หรือขอให้ผู้ดูแลระบบเพิ่มให้ใน Admin'),
    el('p', {}, 'There is no e-mail address in your profile, so nothing is sent to you: add one on ',
      el('a', { href: profile }, 'your profile page (Welcome)'),
      ', or ask an administrator to add it in Admin.'));
}

function close() {
  if (!dialog) {
    return;
  }
  document.removeEventListener('keydown', dialog.onKey);
  dialog.nodes.forEach((n) => n.remove());
  document.body.classList.remove('modal-open');
  const opener = dialog.opener;
  dialog = null;
  forgetHash();
  if (opener && document.body.contains(opener)) {
    opener.focus();
  }
}

function form(api, preferences, body, footer) {
  let weeklyTouched = false;
  const weeklyDefault = preferences.weeklyDigestDefault === true;
  const weekly = el('input', {
    type: 'checkbox',
    id: 'programme-notifications-weekly',
    name: 'weeklyDigest',
    checked: preferences.weeklyDigest === null || preferences.weeklyDigest === undefined
      ? weeklyDefault : preferences.weeklyDigest,
    onchange: () => { weeklyTouched = true; },
  });
  const status = el('div', { class: 'programme-notifications-status', role: 'status', 'aria-live': 'polite' });
  const content = el('form', { class: 'programme-notifications-form', autocomplete: 'off' },
    addressNote(api, preferences),
    preferences.mailOn === false
      ? el('p', { class: 'alert alert-info' },
        'ขณะนี้ระบบปิดการส่งอีเมลอยู่ ค่าที่เลือกจะใช้เมื่อเปิดอีกครั้ง / '
        + 'Mail is switched off on this server for now; your choice applies once it is on again.')
      : null,
    el('fieldset', {},
      el('legend', {}, 'ส่งอีเมลเมื่อใด / How often'),
      DELIVERY.map(([value, th, en, hintTh, hintEn]) =>
        radio('delivery', value, preferences.delivery === value, `${th} / ${en}`, `${hintTh} / ${hintEn}`))),
    el('fieldset', {},
      el('legend', {}, 'ภาษาของอีเมล / Language'),
      LANGUAGE.map(([value, first, second]) =>
        radio('language', value, preferences.language === value, `${first} / ${second}`))),
    el('fieldset', {},
      el('legend', {}, 'สรุปรายสัปดาห์ / Weekly digest'),
      el('div', { class: 'checkbox' },
        el('label', { for: 'programme-notifications-weekly' }, weekly, ' ',
          'รับสรุปรายสัปดาห์ว่าแต่ละจังหวัดอยู่ขั้นใด / Get the weekly digest of where each province stands'))),
    status);
  const save = el('button', { type: 'button', class: 'btn btn-primary', 'data-programme': 'save' }, 'บันทึก / Save');
  async function submit(event) {
    event.preventDefault();
    const data = new FormData(content);
    const wanted = { delivery: data.get('delivery'), language: data.get('language') };
    if (weeklyTouched) {
      wanted.weeklyDigest = weekly.checked;
    }
    save.disabled = true;
    status.className = 'programme-notifications-status';
    status.textContent = 'กำลังบันทึก… / Saving…';
    try {
      await request(api, 'PUT', '/preferences', wanted);
      status.className = 'programme-notifications-status text-success';
      status.textContent = 'บันทึกแล้ว / Saved';
      window.setTimeout(close, 800);
    } catch (error) {
      status.className = 'programme-notifications-status alert alert-danger';
      status.textContent = error.message;
      save.disabled = false;
    }
  }
  content.addEventListener('submit', submit);
  save.addEventListener('click', submit);
  body.replaceChildren(content);
  footer.replaceChildren(
    el('button', { type: 'button', class: 'btn btn-default', onclick: close }, 'ยกเลิก / Cancel'),
    save);
  const first = content.querySelector('input[name=delivery]:checked') || content.querySelector('input');
  if (first) {
    first.focus();
  }
}

async function open(api, opener) {
  if (dialog) {
    return;
  }
  const titleId = 'programme-notifications-title';
  const body = el('div', { class: 'modal-body' },
    el('p', { class: 'programme-notifications-loading' }, 'กำลังโหลด… / Loading…'));
  const footer = el('div', { class: 'modal-footer' },
    el('button', { type: 'button', class: 'btn btn-default', onclick: close }, 'ปิด / Close'));
  const modal = el('div', {
    class: 'modal in programme-notifications-modal',
    role: 'dialog',
    'aria-modal': 'true',
    'aria-labelledby': titleId,
    tabindex: '-1',
    'data-programme': 'notifications',
    onclick: (event) => { if (event.target === modal) { close(); } },
  },
  el('div', { class: 'modal-dialog' },
    el('div', { class: 'modal-content' },
      el('div', { class: 'modal-header' },
        el('button', { type: 'button', class: 'close', 'aria-label': 'ปิด / Close', onclick: close }, '×'),
        el('h3', { class: 'modal-title', id: titleId }, 'การแจ้งเตือนทางอีเมล / E-mail notifications')),
      body, footer)));
  const backdrop = el('div', { class: 'modal-backdrop in programme-notifications-backdrop' });
  const onKey = (event) => {
    if (event.key === 'Escape') {
      close();
    }
  };
  dialog = { nodes: [backdrop, modal], onKey, opener };
  document.addEventListener('keydown', onKey);
  document.body.classList.add('modal-open');
  document.body.appendChild(backdrop);
  document.body.appendChild(modal);
  modal.focus();
  try {
    const preferences = await request(api, 'GET', '/preferences');
    if (dialog && dialog.nodes[1] === modal) {
      form(api, preferences, body, footer);
    }
  } catch (error) {
    body.replaceChildren(el('div', { class: 'alert alert-danger', role: 'alert' }, error.message));
  }
}

function watchHash(api) {
  const check = () => {
    const hash = window.location.hash || '';
    if (hash !== lastHash && wantsDialog(hash) && !wantsDialog(lastHash)) {
      open(api, null);
    }
    lastHash = hash;
  };
  window.addEventListener('hashchange', check);
  check();
}

let watching = false;

export default {
  id: 'programme.notifications',
  pluginPoint: 'tasklist.navbar.action',
  priority: 50,
  render: (node, { api }) => {
    const link = el('a', {
      href: '',
      role: 'button',
      class: 'programme-notifications-open',
      title: 'การแจ้งเตือนทางอีเมล / E-mail notifications',
      'data-programme': 'notifications-open',
    },
    el('span', { class: 'glyphicon glyphicon-bell', 'aria-hidden': 'true' }), ' ',
    el('span', { class: 'hidden-sm hidden-xs' }, 'การแจ้งเตือน / Notifications'));
    link.addEventListener('click', (event) => {
      event.preventDefault();
      open(api, link);
    });
    node.replaceChildren(link);
    if (!watching) {
      watching = true;
      watchHash(api);
    }
  },
  properties: { label: 'การแจ้งเตือน / Notifications' },
};
