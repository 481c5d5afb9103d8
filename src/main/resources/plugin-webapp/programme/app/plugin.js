/*
 * The programme's Cockpit plugin (Camunda 7.24 plugin API, plain JavaScript, no build step).
 * Cockpit loads this file as an ES module; each view is a module of its own next to it:
 *
 *   dashboard.js     cockpit.dashboard                    the provinces: wave, stage, days in it, open and overdue
 *                                                         tasks per party, money spent / approved per source,
 *                                                         indicators on target, latest monthly status, outcome,
 *                                                         the programme's totals; the programme report (.xlsx)
 *   map.js           (in the dashboard)                   the region's provinces on a map of Thailand, by stage
 *   timeline.js      (in the dashboard)                   each pipeline's stages as bars over B.E. months, by wave
 *   charts.js        (in the dashboard)                   Chart.js charts: stages and monthly statuses by month, money,
 *                                                         indicators; the page prints as the board report (plugin.css)
 *   audit-page.js    cockpit.route  #/programme-audit     the audit trail of an instance (running or completed) or
 *                                                         a search by province, wave, dates and user; CSV and JSON
 *   instance-tab.js  cockpit.processInstance.runtime.tab  the audit trail of the instance being viewed
 *   (here)           cockpit.navigation                   a link to the audit trail page in Cockpit's header
 *   trail.js         an audit trail as a table with its downloads (page and tab)
 *   shared.js        requests, the words from the server (GET labels), DOM and time helpers
 *
 * Cockpit's plugin API serves only the files ProgrammeApiInCockpit lists (getAllowedAssets).
 * Data comes from this application's REST endpoints under Cockpit's plugin API
 * (/camunda/api/cockpit/plugin/programme/{engine}/...), with the webapps' own login.
 */

import { el } from './shared.js';
import { renderDashboard } from './dashboard.js';
import { renderAuditPage } from './audit-page.js';
import { renderInstanceTab } from './instance-tab.js';

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
