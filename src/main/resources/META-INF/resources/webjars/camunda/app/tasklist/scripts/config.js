/*
 * Configuration of the Camunda Tasklist webapp for the joint programme (ระบบงานร่วม พอช.–สสส.).
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
  // the Thai UI shows years in the Buddhist Era (scripts/thai-buddhist-era.js, display only);
  // form-js's empty error entries of dynamic lists no longer grey out ส่งงาน
  // (scripts/form-js-list-errors.js); scripts/thai-forms.js writes form-js's own words and
  // calendar in Thai and lays forms out
  requireJsConfig: {
    deps: ['thai-buddhist-era', 'form-js-list-errors', 'thai-forms'],
    ngDeps: ['thai-buddhist-era', 'thai-forms'],
    paths: {
      'thai-buddhist-era': 'scripts/thai-buddhist-era',
      'form-js-list-errors': 'scripts/form-js-list-errors',
      'thai-forms': 'scripts/thai-forms'
    }
  },
  // the first-login box of Camunda's demo distribution asks for /camunda-welcome, which this
  // application does not serve (a 404 in the console on every login page)
  disableWelcomeMessage: true,
  dateFormat: {
    normal: 'LLL',
    long: 'LLLL'
  },
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'รับงานที่เลือก / claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'ไปที่ตัวกรองแรก / set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'ไปที่งานแรกในรายการ / sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'ไปที่ช่องแรกของแบบฟอร์ม / sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'เปิดหน้าต่างเริ่มกระบวนการ / opens the start process modal dialog'
    }
  }
};
