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
  dateFormat: {
    normal: 'LLL',
    long: 'LLLL'
  }
};
