/*
 * The programme's Admin plugin (Camunda 7.24 plugin API, plain JavaScript, no build step): the
 * administrator's side of the e-mail notifications, Thai first with English.
 *
 * - A tab "การแจ้งเตือน / Notifications" on a user's page (#/users/{id}?tab=notifications): that
 *   person's delivery, language and weekly digest. Admin 7.24 has no plugin point on its user
 *   page (its tabs are fixed in the page's template), so this module adds the tab itself: it
 *   watches the page and puts a link next to Profile, Account, Groups and Tenants and, when the
 *   tab is chosen, the form into the page's content. Admin shows none of its own sections then.
 * - A system page "การแจ้งเตือน / Notifications" (plugin point admin.system, also listed in the
 *   dashboard's System section): the count of messages per state, the failed and pending ones
 *   with their last error, and a test message to the administrator themself.
 *
 * Data: Admin's plugin API (/camunda/api/admin/plugin/programme-notifications/{engine}/...), which
 * answers as /engine-rest/programme/notifications (and checks that the caller is camunda-admin);
 * a PUT or POST carries the CSRF token (X-XSRF-TOKEN) as Admin's own requests do.
 */

const PLUGIN = 'programme-notifications';
const TAB = 'notifications';

const DELIVERY = [
  ['immediate', 'ทันที', 'Immediately', 'อีเมลหนึ่งฉบับเมื่อมีงานรอ', 'one e-mail as each task waits'],
  ['digest', 'สรุปวันละครั้ง', 'Once a day', 'อีเมลฉบับเดียวต่อวัน รวมงานที่รอ', 'one e-mail a day with all that waits'],
  ['none', 'ไม่รับ', 'None', 'ไม่ส่งอีเมล', 'no e-mail'],
];

const LANGUAGE = [
  ['both', 'ไทยและอังกฤษ', 'Thai and English'],
  ['th', 'ไทย', 'Thai'],
  ['en', 'English', 'อังกฤษ'],
];

const STATES = [
  ['pending', 'รอส่ง', 'Pending'],
  ['held', 'รอสรุปรายวัน', 'Held for the digest'],
  ['bundled', 'ส่งในสรุป', 'Sent in a digest'],
  ['sent', 'ส่งแล้ว', 'Sent'],
  ['skipped', 'ไม่ส่ง (ไม่เกี่ยวแล้ว)', 'Skipped'],
  ['failed', 'ส่งไม่สำเร็จ', 'Failed'],
];

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

/** Admin's API root and the engine, as Admin gives them to its plugins (api) or from the page. */
function context(api) {
  if (api && api.adminApi && api.engine) {
    return { adminApi: api.adminApi, engine: api.engine };
  }
  const adminApi = (document.querySelector('base').getAttribute('admin-api') || '/camunda/api/admin/')
    .replace(/\/$/, '');
  const engine = window.location.href.replace(/.*\/app\/admin\/([^/]*).*/, '$1') || 'default';
  return { adminApi, engine };
}

/** The session's CSRF token: the cookie as it is now (it is set again after a new login). */
function csrfToken() {
  const cookie = document.cookie.split(';').map((c) => c.trim()).find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

/** A request to the plugin API; answers {status, body}, throws an Error with the server's words. */
async function request(ctx, method, path, body, accept) {
  const headers = { Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(`${ctx.adminApi}/plugin/${PLUGIN}/${ctx.engine}${path}`, {
    method,
    credentials: 'same-origin',
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = await response.json().catch(() => null);
  if (!response.ok && !(accept || []).includes(response.status)) {
    const message = answer && answer.message ? answer.message
      : `ไม่สามารถติดต่อระบบได้ (HTTP ${response.status}) / Could not reach the server (HTTP ${response.status})`;
    const error = new Error(message);
    error.status = response.status;
    throw error;
  }
  return { status: response.status, body: answer };
}

function alert(kind, text) {
  return el('div', { class: `alert alert-${kind}`, role: kind === 'danger' ? 'alert' : 'status' }, text);
}

// ---------------------------------------------------------------------------------------------
// The user page's tab

function radio(name, value, checked, label, hint) {
  const id = `programme-admin-notifications-${name}-${value}`;
  return el('div', { class: 'radio' },
    el('label', { for: id },
      el('input', { type: 'radio', name, id, value, checked }),
      ' ', label,
      hint ? el('small', { class: 'help-block' }, hint) : null));
}

function userForm(ctx, preferences, panel) {
  let weeklyTouched = false;
  const weeklyDefault = preferences.weeklyDigestDefault === true;
  const weekly = el('input', {
    type: 'checkbox',
    id: 'programme-admin-notifications-weekly',
    name: 'weeklyDigest',
    checked: preferences.weeklyDigest === null || preferences.weeklyDigest === undefined
      ? weeklyDefault : preferences.weeklyDigest,
    onchange: () => { weeklyTouched = true; },
  });
  const status = el('div', { class: 'programme-admin-notifications-status', role: 'status', 'aria-live': 'polite' });
  const save = el('button', { type: 'submit', class: 'btn btn-primary', 'data-programme': 'save' }, 'บันทึก / Save');
  const form = el('form', { class: 'programme-admin-notifications-form', autocomplete: 'off' },
    el('div', { class: 'h4' }, 'การแจ้งเตือนทางอีเมล / E-mail notifications'),
    preferences.email
      ? el('p', {}, 'ส่งถึง / Sent to: ', el('strong', { 'data-programme': 'email' }, preferences.email))
      : alert('warning', 'ผู้ใช้นี้ยังไม่มีอีเมลในโปรไฟล์ จึงไม่มีการส่งอีเมลถึง: เพิ่มได้ในแท็บโปรไฟล์ / '
        + 'This user has no e-mail address in their profile, so nothing is sent to them: add one on the Profile tab.'),
    preferences.mailOn === false
      ? alert('info', 'ขณะนี้ระบบปิดการส่งอีเมลอยู่ ค่าที่เลือกจะใช้เมื่อเปิดอีกครั้ง / '
        + 'Mail is switched off on this server for now; the choice applies once it is on again.')
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
        el('label', { for: 'programme-admin-notifications-weekly' }, weekly, ' ',
          'รับสรุปรายสัปดาห์ว่าแต่ละจังหวัดอยู่ขั้นใด / Gets the weekly digest of where each province stands'),
        el('small', { class: 'help-block' },
          `ค่าเริ่มต้นของผู้ใช้นี้: ${weeklyDefault ? 'รับ' : 'ไม่รับ'} / This user's default: ${weeklyDefault ? 'on' : 'off'}`))),
    el('div', { class: 'programme-admin-notifications-actions' }, status, save));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const wanted = { delivery: data.get('delivery'), language: data.get('language') };
    if (weeklyTouched) {
      wanted.weeklyDigest = weekly.checked;
    }
    save.disabled = true;
    status.className = 'programme-admin-notifications-status';
    status.textContent = 'กำลังบันทึก… / Saving…';
    try {
      await request(ctx, 'PUT', `/preferences/${encodeURIComponent(preferences.userId)}`, wanted);
      status.className = 'programme-admin-notifications-status text-success';
      status.textContent = 'บันทึกแล้ว / Saved';
    } catch (error) {
      status.className = 'programme-admin-notifications-status text-danger';
      status.textContent = error.message;
    }
    save.disabled = false;
  });
  panel.replaceChildren(form);
}

async function loadUser(ctx, userId, panel) {
  panel.replaceChildren(el('p', {}, el('span', { class: 'glyphicon glyphicon-loading' }), ' กำลังโหลด… / Loading…'));
  try {
    const { body } = await request(ctx, 'GET', `/preferences/${encodeURIComponent(userId)}`);
    if (panel.isConnected) {
      userForm(ctx, body, panel);
    }
  } catch (error) {
    panel.replaceChildren(alert('danger', error.message));
  }
}

/** Which user page is shown, and which tab: null when it is not a user's page. */
function userPage() {
  const match = /^#\/users\/([^/?]+)(?:\?(.*))?$/.exec(window.location.hash || '');
  if (!match) {
    return null;
  }
  return { userId: decodeURIComponent(match[1]), tab: new URLSearchParams(match[2] || '').get('tab') };
}

function syncUserTab() {
  const page = userPage();
  if (!page) {
    return;
  }
  const profileLink = document.querySelector('section > aside a[href$="?tab=profile"]');
  const list = profileLink && profileLink.closest('ul');
  const content = list && list.closest('section').querySelector(':scope > .section-content');
  if (!list || !content) {
    return;
  }
  let item = list.querySelector('[data-programme="notifications-tab"]');
  const href = `#/users/${encodeURIComponent(page.userId)}?tab=${TAB}`;
  if (!item || item.dataset.user !== page.userId) {
    if (item) {
      item.remove();
    }
    item = el('li', { 'data-programme': 'notifications-tab', 'data-user': page.userId },
      el('a', { href }, 'การแจ้งเตือน / Notifications'));
    list.appendChild(item);
  }
  const chosen = page.tab === TAB;
  item.classList.toggle('active', chosen);
  let panel = content.querySelector(':scope > [data-programme="notifications-user"]');
  if (!chosen) {
    if (panel) {
      panel.remove();
    }
    return;
  }
  if (panel && panel.dataset.user === page.userId) {
    return;
  }
  if (panel) {
    panel.remove();
  }
  panel = el('div', { class: 'programme-admin-notifications', 'data-programme': 'notifications-user', 'data-user': page.userId });
  content.appendChild(panel);
  loadUser(context(null), page.userId, panel);
}

let scheduled = false;

function schedule() {
  if (!scheduled) {
    scheduled = true;
    window.setTimeout(() => {
      scheduled = false;
      syncUserTab();
    }, 0);
  }
}

function watchUserPages() {
  window.addEventListener('hashchange', schedule);
  new MutationObserver(() => {
    if (userPage()) {
      schedule();
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
  schedule();
}

// ---------------------------------------------------------------------------------------------
// The system page

function when(iso) {
  if (!iso) {
    return '';
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  // as the messages write it: the Buddhist Era year in full, 5/1/2570 09:00 น.
  const two = (n) => String(n).padStart(2, '0');
  return `${date.getDate()}/${date.getMonth() + 1}/${date.getFullYear() + 543} `
    + `${two(date.getHours())}:${two(date.getMinutes())} น.`;
}

function messagesTable(rows, emptyText, wait) {
  if (!rows.length) {
    return el('p', { class: 'text-muted' }, emptyText);
  }
  return el('table', { class: 'table table-condensed cam-table programme-admin-notifications-messages' },
    el('thead', {}, el('tr', {},
      el('th', {}, 'บันทึกเมื่อ / Recorded'),
      el('th', {}, 'ประเภท / Kind'),
      el('th', {}, 'ผู้รับ / Recipient'),
      el('th', {}, 'ครั้งที่ลอง / Attempts'),
      wait ? el('th', {}, 'ลองอีกครั้ง / Next attempt') : el('th', {}, 'เลิกลองเมื่อ / Given up'),
      el('th', {}, 'ข้อผิดพลาดล่าสุด / Last error'))),
    el('tbody', {}, rows.map((row) => el('tr', { 'data-message': row.id },
      el('td', {}, when(row.created)),
      el('td', {}, row.kind),
      el('td', {}, row.recipient),
      el('td', {}, row.attempts),
      el('td', {}, when(wait ? row.nextAttempt : row.done)),
      el('td', { class: 'programme-admin-notifications-error' }, row.lastError || '')))));
}

async function loadOutbox(ctx, node) {
  node.replaceChildren(el('p', {}, 'กำลังโหลด… / Loading…'));
  try {
    const [counts, failed, pending] = await Promise.all([
      request(ctx, 'GET', '/messages/counts'),
      request(ctx, 'GET', '/messages?state=failed&limit=50'),
      request(ctx, 'GET', '/messages?state=pending&limit=50'),
    ]);
    node.replaceChildren(
      el('table', { class: 'table table-condensed cam-table programme-admin-notifications-counts', 'data-programme': 'counts' },
        el('thead', {}, el('tr', {}, el('th', {}, 'สถานะ / State'), el('th', { class: 'text-right' }, 'จำนวน / Messages'))),
        el('tbody', {}, STATES.map(([key, th, en]) => el('tr', { 'data-state': key, class: key === 'failed' && counts.body[key] ? 'danger' : null },
          el('td', {}, `${th} / ${en}`),
          el('td', { class: 'text-right' }, counts.body[key] || 0))))),
      el('h4', {}, 'ส่งไม่สำเร็จ / Failed'),
      messagesTable(failed.body, 'ไม่มีข้อความที่ส่งไม่สำเร็จ / No failed messages', false),
      el('h4', {}, 'รอส่ง / Pending'),
      messagesTable(pending.body, 'ไม่มีข้อความรอส่ง / No pending messages', true));
  } catch (error) {
    node.replaceChildren(alert('danger', error.message));
  }
}

function renderSystem(node, api) {
  const ctx = context(api);
  const outbox = el('div', { 'data-programme': 'outbox' });
  const result = el('div', { class: 'programme-admin-notifications-result', 'data-programme': 'test-result', 'aria-live': 'polite' });
  const test = el('button', { type: 'button', class: 'btn btn-default', 'data-programme': 'send-test' },
    el('span', { class: 'glyphicon glyphicon-envelope', 'aria-hidden': 'true' }), ' ',
    'ส่งข้อความทดสอบถึงฉัน / Send a test message to me');
  test.addEventListener('click', async () => {
    test.disabled = true;
    result.replaceChildren(el('p', {}, 'กำลังส่ง… / Sending…'));
    try {
      const { status, body } = await request(ctx, 'POST', '/test', undefined, [409]);
      if (status === 202) {
        result.replaceChildren(alert('success',
          `บันทึกข้อความทดสอบแล้ว จะส่งถึง ${body.email} ในไม่ช้า / The test message is recorded and goes out to ${body.email} shortly`));
      } else {
        result.replaceChildren(alert('warning', body && body.message ? body.message : `HTTP ${status}`));
      }
      loadOutbox(ctx, outbox);
    } catch (error) {
      result.replaceChildren(alert('danger', error.message));
    }
    test.disabled = false;
  });
  const refresh = el('button', { type: 'button', class: 'btn btn-link', 'data-programme': 'refresh' },
    el('span', { class: 'glyphicon glyphicon-refresh', 'aria-hidden': 'true' }), ' โหลดใหม่ / Reload');
  refresh.addEventListener('click', () => loadOutbox(ctx, outbox));
  node.replaceChildren(el('div', { class: 'programme-admin-notifications', 'data-programme': 'notifications-system' },
    el('h3', {}, 'การแจ้งเตือนทางอีเมล / E-mail notifications'),
    el('p', {}, 'ข้อความแจ้งเตือนทางอีเมลที่ระบบบันทึกไว้ และการทดสอบการตั้งค่าอีเมล / '
      + 'The e-mail notifications the application recorded, and a test of the mail settings.'),
    el('div', { class: 'programme-admin-notifications-test' }, test, refresh),
    result,
    outbox));
  loadOutbox(ctx, outbox);
}

watchUserPages();

export default [
  {
    id: 'programme-notifications-system',
    pluginPoint: 'admin.system',
    priority: 800,
    render: (node, { api }) => renderSystem(node, api),
    properties: { label: 'การแจ้งเตือน / Notifications' },
  },
];
