/*
 * Thai readers read years in the Buddhist Era (พ.ศ. = ค.ศ. + 543). Tasklist writes dates it
 * shows (the due / created / follow-up tooltips, the history's dates) with its `camDate` filter;
 * in the Thai UI this decorator writes their years in the Buddhist Era: "24 ธันวาคม 2569".
 * Display only: nothing that Tasklist parses back or sends to the server passes through this
 * filter, and moment.js itself is left alone (a moment `postformat` would shift round-tripped
 * dates by 543 years). Loaded by scripts/config.js (requireJsConfig).
 */
define('thai-buddhist-era', [], function () {
  'use strict';
  var YEAR = /\b(1[89]\d\d|2[01]\d\d)\b/g;
  var OFFSET = 543;

  window.angular.module('thai-buddhist-era', ['cam.commons.filter.date'])
    .config(['$provide', function ($provide) {
      $provide.decorator('camDateFilter', ['$delegate', '$translate', function ($delegate, $translate) {
        function buddhistEra(date, format) {
          var text = $delegate(date, format);
          var language = $translate.use() || $translate.proposedLanguage() || '';
          if (typeof text !== 'string' || language.indexOf('th') !== 0) {
            return text;
          }
          return text.replace(YEAR, function (year) {
            return String(Number(year) + OFFSET);
          });
        }
        buddhistEra.$stateful = true;
        return buddhistEra;
      }]);
    }]);
});
