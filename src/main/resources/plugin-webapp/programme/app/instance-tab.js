/*
 * cockpit.processInstance.runtime.tab: the audit trail of the instance being viewed.
 * Part of the programme's Cockpit plugin (see plugin.js), an ES module.
 */

import { el } from './shared.js';
import { showTrail } from './trail.js';

export function renderInstanceTab(node, api, processInstanceId) {
  const results = el('div', { class: 'programme-results' });
  node.innerHTML = '';
  node.appendChild(el('section', { class: 'programme programme-audit', 'data-programme': 'audit-tab' },
    el('p', {}, el('a', { href: `#/programme-audit?instance=${encodeURIComponent(processInstanceId)}` },
      'เปิดเต็มหน้า / Open as a page')),
    results));
  showTrail(results, api, `/audit-trail/${encodeURIComponent(processInstanceId)}`, {}, {
    pipeline: processInstanceId,
  });
}
