/*
 * Admin's header (like Cockpit's) renders the navigation toggle's screen-reader text from an
 * attribute its index.html does not pass, so it reads the raw key
 * CAM_WIDGET_HEADER_TOGGLE_NAVIGATION. This module puts the translation (th.json / en.json) in
 * its place. Loaded by scripts/config.js (requireJsConfig).
 */
define('header-toggle-label', [], function () {
  'use strict';
  var KEY = 'CAM_WIDGET_HEADER_TOGGLE_NAVIGATION';

  window.angular.module('header-toggle-label', [])
    .run(['$rootScope', '$translate', function ($rootScope, $translate) {
      function fill() {
        var label = $translate.instant(KEY);
        if (!label || label === KEY) {
          return;
        }
        Array.prototype.forEach.call(document.querySelectorAll('button .sr-only'), function (node) {
          if (node.textContent.trim() === KEY) {
            node.textContent = label;
          }
        });
      }
      new MutationObserver(fill).observe(document.documentElement, { childList: true, subtree: true });
      $rootScope.$on('$translateChangeSuccess', fill);
    }]);
});
