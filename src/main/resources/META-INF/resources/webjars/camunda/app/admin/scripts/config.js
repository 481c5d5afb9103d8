/*
 * Configuration of the Camunda Admin webapp for the joint programme (ระบบงานร่วม พอช.–สสส.).
 * Replaces the default scripts/config.js of the camunda-webapp-webjar; Thai is the fallback
 * locale, English stays available (the browser's language chooses).
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
  // the header's navigation toggle is named, not its raw key (scripts/header-toggle-label.js)
  requireJsConfig: {
    deps: ['header-toggle-label'],
    ngDeps: ['header-toggle-label'],
    paths: {
      'header-toggle-label': 'scripts/header-toggle-label'
    }
  },
  // the first-login box of Camunda's demo distribution asks for /camunda-welcome, which this
  // application does not serve (a 404 in the console on every login page)
  disableWelcomeMessage: true,
  dateFormat: {
    normal: 'LLL',
    long: 'LLLL'
  },
  csrfCookieName: 'XSRF-TOKEN'
};
