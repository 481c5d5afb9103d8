/*
 * Thai readers read years in the Buddhist Era (พ.ศ. = ค.ศ. + 543). Tasklist writes dates it
 * shows (the due / created / follow-up tooltips, the history's dates) with its `camDate` filter;
 * in the Thai UI this decorator writes their years in the Buddhist Era: "24 ธันวาคม 2569".
 * Display only: nothing that Tasklist parses back or sends to the server passes through this
 * filter, and moment.js itself is left alone (a moment `postformat` would shift round-tripped
 * dates by 543 years). Loaded by scripts/config.js (requireJsConfig, a classic script); the
 * arithmetic is the programme's one module, scripts/buddhist-era.js, imported next to this file.
 * Until it has loaded (a moment at start) dates show as Tasklist writes them; then Angular
 * redraws them.
 */
define('thai-buddhist-era', [], function () {
  'use strict';
  var era = null;
  // the webapps' root (/camunda), as Tasklist itself finds its custom scripts
  var root = document.querySelector('base').getAttribute('app-root');
  var loaded = import(root + '/app/tasklist/scripts/buddhist-era.js').then(function (module) {
    era = module;
  });


  window.angular.module('thai-buddhist-era', ['cam.commons.filter.date'])
    .config(['$provide', function ($provide) {
      $provide.decorator('camDateFilter', ['$delegate', '$translate', function ($delegate, $translate) {
        function buddhistEra(date, format) {
          var text = $delegate(date, format);
          var language = $translate.use() || $translate.proposedLanguage() || '';
          if (!era || typeof text !== 'string' || language.indexOf('th') !== 0) {
            return text;
          }
          return era.buddhistYearsIn(text);
        }
        buddhistEra.$stateful = true;
        return buddhistEra;
      }]);
    }])
    .run(['$rootScope', function ($rootScope) {
      loaded.then(function () {
        $rootScope.$applyAsync();
      });
    }]);
});
