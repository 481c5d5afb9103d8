/*
 * Configuration of the Camunda Cockpit webapp for the joint programme (ระบบงานร่วม พอช.–สสส.).
 * Replaces the default scripts/config.js of the camunda-webapp-webjar; Thai is the fallback
 * locale, English stays available (the browser's language chooses). The programme's own views
 * (dashboard, audit trail) come from the programme Cockpit plugin (plugin-webapp/programme).
 */

export default {
  app: {
    name: 'ระบบงานร่วม / Joint Programme',
    vendor: 'พอช.–สสส.'
  },
  locales: {
    availableLocales: ['th', 'en'],
    fallbackLocale: 'th'
  },
  // managers and auditors are not offered what the engine would refuse them, and the header's
  // navigation toggle is named (scripts/programme-read-only.js)
  requireJsConfig: {
    deps: ['programme-read-only'],
    ngDeps: ['programme-read-only'],
    paths: {
      'programme-read-only': 'scripts/programme-read-only'
    }
  },
  // the first-login box of Camunda's demo distribution asks for /camunda-welcome, which this
  // application does not serve (a 404 in the console on every login page)
  disableWelcomeMessage: true,
  dateFormat: {
    normal: 'LLL',
    long: 'LLLL'
  }
};
