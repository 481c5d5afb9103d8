/*
 * Cockpit offers an action only to a person the engine would let do it. Camunda's Cockpit shows
 * every action (suspend, cancel, add or edit a variable, retry, job priority, delete a
 * deployment) to everyone and lets the engine refuse it afterwards; managers and auditors, who
 * read only (identity/AuthorizationPolicy), were offered all of them. This module asks the
 * engine once per login, with the REST API's authorization check (GET /authorization/check, the
 * engine's own rules), which of those permissions the person holds, and
 *
 *   - takes the action plugins the person may not use out of Cockpit's views (Views.getProviders),
 *   - marks the page `programme-cannot-edit-variables` (styles/user-styles.css hides the edit and
 *     delete buttons of the variables table),
 *   - explains, in Thai and English, a refusal the engine still gives (an action a person was
 *     offered before a change of their rights): "not allowed" instead of only Camunda's English
 *     "The user with id … does not have … permission",
 *   - fills the header's "toggle navigation" text, which Cockpit 7.24's header leaves as the raw
 *     key CAM_WIDGET_HEADER_TOGGLE_NAVIGATION (its index.html does not pass it translated).
 *
 * Nothing here grants or refuses anything: the engine still decides, this only stops offering
 * what it would refuse. Loaded by scripts/config.js (requireJsConfig).
 */
define('programme-read-only', [], function () {
  'use strict';

  var PROCESS_DEFINITION = 6;
  var PROCESS_INSTANCE = 8;
  var DEPLOYMENT = 9;
  var RESOURCE_NAMES = { 6: 'ProcessDefinition', 8: 'ProcessInstance', 9: 'Deployment' };

  // any one of [permission, resource type] lets a person use the action
  var UPDATE_VARIABLES = [['UPDATE', PROCESS_INSTANCE], ['UPDATE_VARIABLE', PROCESS_INSTANCE],
    ['UPDATE_INSTANCE', PROCESS_DEFINITION], ['UPDATE_INSTANCE_VARIABLE', PROCESS_DEFINITION]];
  var NEEDS = {
    'add-variable-action': UPDATE_VARIABLES,
    'cancel-process-instance-action': [['DELETE', PROCESS_INSTANCE], ['DELETE_INSTANCE', PROCESS_DEFINITION]],
    'update-suspension-state-action': [['UPDATE', PROCESS_INSTANCE], ['SUSPEND', PROCESS_INSTANCE],
      ['UPDATE_INSTANCE', PROCESS_DEFINITION], ['SUSPEND_INSTANCE', PROCESS_DEFINITION],
      ['UPDATE', PROCESS_DEFINITION], ['SUSPEND', PROCESS_DEFINITION]],
    'update-suspension-state': [['UPDATE', PROCESS_DEFINITION], ['SUSPEND', PROCESS_DEFINITION]],
    'job-definition-override-job-priority-action': [['UPDATE', PROCESS_DEFINITION]],
    'bulk-job-definition-override-job-priority-action': [['UPDATE', PROCESS_DEFINITION]],
    'increase-incident-job-retry': [['UPDATE', PROCESS_INSTANCE], ['RETRY_JOB', PROCESS_INSTANCE],
      ['UPDATE_INSTANCE', PROCESS_DEFINITION], ['RETRY_JOB', PROCESS_DEFINITION]],
    'increase-incident-external-task-retry': [['UPDATE', PROCESS_INSTANCE],
      ['UPDATE_INSTANCE', PROCESS_DEFINITION]],
    'delete-deployment': [['DELETE', DEPLOYMENT]]
  };
  var TOGGLE_KEY = 'CAM_WIDGET_HEADER_TOGGLE_NAVIGATION';

  function checks() {
    var all = {};
    Object.keys(NEEDS).concat(['edit-variables']).forEach(function (id) {
      (NEEDS[id] || UPDATE_VARIABLES).forEach(function (check) {
        all[check[0] + '/' + check[1]] = check;
      });
    });
    return Object.keys(all).map(function (key) { return all[key]; });
  }

  var REFUSED = /does not have '?([A-Z_]+)'? permission/;
  var NOT_ALLOWED = 'ไม่มีสิทธิ์ทำรายการนี้ ผู้บริหารและผู้ตรวจสอบดูข้อมูลได้อย่างเดียว / ' +
    'You are not allowed to do this: managers and auditors read only.';

  window.angular.module('programme-read-only', [])
    .config(['$provide', function ($provide) {
      $provide.decorator('Notifications', ['$delegate', function ($delegate) {
        var addError = $delegate.addError;
        $delegate.addError = function (notification) {
          if (notification && typeof notification.message === 'string' && REFUSED.test(notification.message)) {
            notification.status = 'ไม่ได้รับอนุญาต / Not allowed';
            notification.message = NOT_ALLOWED + ' (' + notification.message + ')';
          }
          return addError.apply(this, arguments);
        };
        return $delegate;
      }]);
      $provide.decorator('Views', ['$delegate', '$http', '$q', '$rootScope', '$translate', 'Uri',
        function ($delegate, $http, $q, $rootScope, $translate, Uri) {
          var granted = null; // promise of { 'UPDATE/8': true, ... } for the person logged in

          function ask() {
            if (granted) {
              return granted;
            }
            var url = Uri.appUri('engine://engine/:engine/authorization/check');
            granted = $q.all(checks().map(function (check) {
              return $http.get(url, { params: { permissionName: check[0], resourceType: check[1], resourceName: RESOURCE_NAMES[check[1]] } })
                .then(function (response) {
                  return [check[0] + '/' + check[1], response.data && response.data.authorized === true];
                }, function () {
                  return [check[0] + '/' + check[1], false];
                });
            })).then(function (answers) {
              var result = {};
              answers.forEach(function (a) { result[a[0]] = a[1]; });
              return result;
            });
            granted.then(function (result) {
              var mayEdit = UPDATE_VARIABLES.some(function (c) { return result[c[0] + '/' + c[1]]; });
              document.documentElement.classList.toggle('programme-cannot-edit-variables', !mayEdit);
            });
            return granted;
          }

          $rootScope.$on('authentication.changed', function () {
            granted = null;
            document.documentElement.classList.add('programme-cannot-edit-variables');
          });

          var getProviders = $delegate.getProviders;
          $delegate.getProviders = function (options) {
            var providers = getProviders.apply(this, arguments);
            var component = options && options.component;
            if (!Array.isArray(providers) || !component || !/\.action$/.test(component)) {
              return providers;
            }
            var guarded = providers.filter(function (p) { return NEEDS[p.id]; });
            if (guarded.length === 0) {
              return providers;
            }
            // until the engine has answered, offer none of the guarded actions
            var shown = providers.filter(function (p) { return !NEEDS[p.id]; });
            ask().then(function (result) {
              guarded.forEach(function (p) {
                var allowed = NEEDS[p.id].some(function (c) { return result[c[0] + '/' + c[1]]; });
                if (allowed) {
                  shown.push(p);
                }
              });
              shown.sort(function (a, b) { return (b.priority || 0) - (a.priority || 0); });
            });
            return shown;
          };

          // the header's screen-reader text for the navigation toggle
          function fillToggleText() {
            var label = $translate.instant('TOGGLE_NAVIGATION');
            if (!label || label === 'TOGGLE_NAVIGATION') {
              label = $translate.instant(TOGGLE_KEY);
            }
            Array.prototype.forEach.call(document.querySelectorAll('.navbar-toggle .sr-only, button .sr-only'), function (node) {
              if (node.textContent.trim() === TOGGLE_KEY && label && label !== TOGGLE_KEY) {
                node.textContent = label;
              }
            });
          }
          new MutationObserver(fillToggleText).observe(document.documentElement, { childList: true, subtree: true });
          $rootScope.$on('$translateChangeSuccess', fillToggleText);

          document.documentElement.classList.add('programme-cannot-edit-variables');
          return $delegate;
        }]);
    }]);
});
