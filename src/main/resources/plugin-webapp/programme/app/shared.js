/*
 * Shared helpers: the plugin API's base URL, JSON requests, the words from the server, DOM and time.
 * Part of the programme's Cockpit plugin (see plugin.js), an ES module.
 */

// Buddhist Era dates: the programme's one JavaScript module, served with Tasklist's scripts
// (webjars/camunda/app/tasklist/scripts/buddhist-era.js) and imported from the webapps' root.
const era = await import(
  `${document.querySelector('base').getAttribute('app-root')}/app/tasklist/scripts/buddhist-era.js`
);

/** The programme's endpoints in Cockpit's plugin API for the engine being viewed. */
export function base(api) {
  return `${api.cockpitApi}/plugin/programme/${api.engine}`;
}

/**
 * The evidence files in Cockpit's plugin API (the same endpoints as /engine-rest/programme/evidence,
 * with Cockpit's session): an entry's download path and a pipeline's ZIP are relative to it.
 */
export function evidenceBase(api) {
  return `${base(api)}/evidence/`;
}

// The words for parties, stages, monthly statuses, outcomes and pipeline states come from the
// server (GET labels, from the Java code's own enums); this file keeps no copy of them.
const labelRequests = {};

export function labels(api) {
  const key = base(api);
  if (!labelRequests[key]) {
    labelRequests[key] = getJson(api, '/labels').catch((error) => {
      delete labelRequests[key];
      throw error;
    });
  }
  return labelRequests[key];
}

export function both(label) {
  return label ? `${label.th} / ${label.en}` : null;
}

export function el(tag, attrs, ...children) {
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

export async function getJson(api, path) {
  const response = await fetch(base(api) + path, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-XSRF-TOKEN': api.CSRFToken || '' },
  });
  // An error page or an empty reply has no JSON body: the status then says what went wrong.
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const message = body && body.message ? body.message
      : `ไม่สามารถโหลดข้อมูลได้ (HTTP ${response.status}) / Could not load (HTTP ${response.status})`;
    const error = new Error(message);
    error.status = response.status;
    throw error;
  }
  return body;
}

export function problem(error) {
  return el('div', { class: 'alert alert-danger programme-error', role: 'alert' }, error.message);
}

/** 2026-11-24T10:05:00+07:00 → 24/11/2569 10:05 (Buddhist Era, Bangkok time as sent). */
export function thaiTime(iso) {
  return era.thaiDateTime(iso);
}


export function bangkok(isoInstant) {
  // the dashboard sends instants in UTC; show them in Thailand's time
  if (!isoInstant) {
    return '';
  }
  const date = new Date(isoInstant);
  const local = new Date(date.getTime() + 7 * 3600 * 1000).toISOString().replace('Z', '+07:00');
  return thaiTime(local);
}

export function commonEra(isoInstant) {
  const date = new Date(new Date(isoInstant).getTime() + 7 * 3600 * 1000).toISOString();
  return `${date.substring(0, 10)} ${date.substring(11, 16)}`;
}

export function hashQuery() {
  const hash = window.location.hash || '';
  const at = hash.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : hash.substring(at + 1));
}
