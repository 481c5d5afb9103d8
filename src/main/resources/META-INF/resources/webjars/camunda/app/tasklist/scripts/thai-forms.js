/*
 * Camunda Forms (form-js 1.8.7) in the Thai Tasklist. form-js writes its own words in English
 * ("Field is required.", "Select", "Search", "Add new", "Remove list item 1", "Increment" …) and
 * its calendar (flatpickr) in English months and the Common Era. In the Thai UI this script, run
 * over every rendered form:
 *  - writes those words in Thai (text, placeholder, aria-label, title), the date placeholder as
 *    "วว/ดด/ปปปป (ค.ศ.)";
 *  - gives the calendar Thai months and weekdays and shows the Buddhist Era year beside its
 *    Common Era year; under each date field it shows the chosen date with its B.E. year, and warns
 *    at once when a B.E. year was typed where the Common Era is expected (2570 for 2027);
 *  - writes read-only amounts with thousands separators (60,000);
 *  - keeps a dropdown reached by Tab open when it is then clicked (form-js toggled it shut);
 *  - on a phone, brings an opened task's form into view.
 * The English UI is left as form-js writes it (except the dropdown fix and the amounts, which
 * help in every language). Values are never changed: dates stay in the Common Era, as the
 * server expects. Loaded by scripts/config.js (requireJsConfig).
 */
define('thai-forms', [], function () {
  'use strict';

  // ------------------------------------------------------------------ the Buddhist Era
  // The arithmetic is the programme's one module, scripts/buddhist-era.js (as in
  // thai-buddhist-era.js); the script starts its work once that module has loaded.
  var era = null;
  var root = document.querySelector('base').getAttribute('app-root');
  var loaded = import(root + '/app/tasklist/scripts/buddhist-era.js').then(function (module) {
    era = module;
  });
  var BuddhistEra = {
    fromCommonEra: function (year) {
      return era.toBuddhistYear(year);
    },
    toCommonEra: function (year) {
      return era.fromBuddhistYear(year);
    },
    /** A year a Thai reader may have typed in the Buddhist Era by mistake (2400–2699). */
    looksBuddhist: function (year) {
      return year >= 2400 && year < 2700;
    }
  };

  var MONTHS = ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม',
    'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม'];
  var MONTHS_SHORT = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.',
    'ต.ค.', 'พ.ย.', 'ธ.ค.'];

  /** flatpickr's locale object for Thai (months, weekdays; B.E. is shown beside, not parsed). */
  var FLATPICKR_THAI = {
    weekdays: {
      shorthand: ['อา', 'จ', 'อ', 'พ', 'พฤ', 'ศ', 'ส'],
      longhand: ['อาทิตย์', 'จันทร์', 'อังคาร', 'พุธ', 'พฤหัสบดี', 'ศุกร์', 'เสาร์']
    },
    months: { shorthand: MONTHS_SHORT, longhand: MONTHS },
    firstDayOfWeek: 0,
    rangeSeparator: ' ถึง ',
    scrollTitle: 'เลื่อนเพื่อเพิ่มหรือลด',
    toggleTitle: 'คลิกเพื่อสลับ',
    amPM: ['ก่อนเที่ยง', 'หลังเที่ยง'],
    yearAriaLabel: 'ปี ค.ศ.',
    monthAriaLabel: 'เดือน',
    hourAriaLabel: 'ชั่วโมง',
    minuteAriaLabel: 'นาที',
    time_24hr: true,
    ordinal: function () {
      return '';
    }
  };

  // ------------------------------------------------------------------ form-js's own words
  var WORDS = {
    'Select': 'เลือก',
    'Search': 'ค้นหา',
    'No results': 'ไม่พบรายการ',
    'Add new': 'เพิ่มรายการ',
    'Collapse': 'ย่อรายการ',
    'Increment': 'เพิ่มค่า',
    'Decrement': 'ลดค่า',
    'Date': 'วันที่',
    'Time': 'เวลา',
    'Field is required.': 'ต้องกรอกช่องนี้',
    'Value is not a number.': 'ต้องเป็นตัวเลข',
    'Field must be a valid email.': 'อีเมลไม่ถูกต้อง',
    'Field must be a valid international phone number. (e.g. +4930664040900)':
      'หมายเลขโทรศัพท์ไม่ถูกต้อง (เช่น +66812345678)',
    'All values selected': 'เลือกครบทุกรายการแล้ว',
    'Nothing to show.': 'ไม่มีข้อมูล',
    'Powered by bpmn.io': 'สร้างด้วย bpmn.io'
  };
  var PATTERNS = [
    [/^Field must have minimum value of (.+)\.$/, 'ค่าต้องไม่น้อยกว่า $1'],
    [/^Field must have maximum value of (.+)\.$/, 'ค่าต้องไม่เกิน $1'],
    [/^Field must have minimum length of (\d+)\.$/, 'ต้องยาวอย่างน้อย $1 ตัวอักษร'],
    [/^Field must have maximum length of (\d+)\.$/, 'ยาวได้ไม่เกิน $1 ตัวอักษร'],
    [/^Field must match pattern (.+)\.$/, 'รูปแบบไม่ถูกต้อง (ดูคำอธิบายใต้ช่อง)'],
    [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
      'ค่าที่ใกล้ที่สุดที่ใช้ได้คือ $1 และ $2'],
    [/^Expand all \((\d+)\)$/, 'แสดงทั้งหมด ($1)'],
    [/^Remove list item (\d+)$/, 'ลบรายการที่ $1'],
    [/^List contains (\d+) items?$/, 'มี $1 รายการ'],
    [/^Remove (.+)$/, 'นำ "$1" ออก'],
    // the date placeholder, from the browser's date order: dd/mm/yyyy, mm/dd/yyyy, yyyy-mm-dd …
    [/^(?:dd|mm|yyyy)([./-])(?:dd|mm)\1(?:dd|yyyy)$/, function (text) {
      return text.replace('dd', 'วว').replace('mm', 'ดด').replace('yyyy', 'ปปปป') + ' (ค.ศ.)';
    }]
  ];
  var ATTRIBUTES = ['placeholder', 'aria-label', 'title'];

  function thai(text) {
    var trimmed = text.trim();
    if (!trimmed || /[\u0E00-\u0E7F]/.test(trimmed)) {
      return null;
    }
    if (Object.prototype.hasOwnProperty.call(WORDS, trimmed)) {
      return text.replace(trimmed, WORDS[trimmed]);
    }
    for (var i = 0; i < PATTERNS.length; i++) {
      if (PATTERNS[i][0].test(trimmed)) {
        return text.replace(trimmed, trimmed.replace(PATTERNS[i][0], PATTERNS[i][1]));
      }
    }
    return null;
  }

  function translateTree(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, null);
    var node;
    while ((node = walker.nextNode())) {
      var text = thai(node.data);
      if (text !== null && text !== node.data) {
        node.data = text;
      }
    }
    var elements = root.querySelectorAll('[placeholder], [aria-label], [title]');
    for (var i = 0; i < elements.length; i++) {
      for (var j = 0; j < ATTRIBUTES.length; j++) {
        var value = elements[i].getAttribute(ATTRIBUTES[j]);
        var translated = value && thai(value);
        if (translated && translated !== value) {
          elements[i].setAttribute(ATTRIBUTES[j], translated);
        }
      }
    }
  }

  // ------------------------------------------------------------------ dates
  function dateText(date) {
    return date.getDate() + ' ' + MONTHS[date.getMonth()] + ' พ.ศ. ' +
      BuddhistEra.fromCommonEra(date.getFullYear());
  }

  function typedYear(value) {
    var years = (value || '').match(/\d{4}/);
    return years ? Number(years[0]) : null;
  }

  /** Under a date field: the date with its B.E. year, or a warning about a B.E. year typed. */
  function dateHint(input, inThai) {
    var field = input.closest('.fjs-form-field');
    if (!field) {
      return;
    }
    var year = typedYear(input.value);
    var hint;
    var warning = false;
    if (year !== null && BuddhistEra.looksBuddhist(year)) {
      warning = true;
      hint = inThai
        ? 'ปี ' + year + ' เป็นปี พ.ศ. กรุณากรอกปี ค.ศ. ' + BuddhistEra.toCommonEra(year) +
          ' / ' + year + ' is a Buddhist Era year: enter ' + BuddhistEra.toCommonEra(year)
        : year + ' looks like a Buddhist Era year: enter the Common Era year ' +
          BuddhistEra.toCommonEra(year);
    } else if (inThai) {
      var picker = input._flatpickr;
      var date = picker && picker.selectedDates && picker.selectedDates[0];
      if (date && input.value) {
        hint = '= ' + dateText(date);
      } else {
        hint = 'กรอกปี ค.ศ. (พ.ศ. − 543) เช่น พ.ศ. 2570 = ค.ศ. 2027';
      }
    }
    if (hint) {
      field.setAttribute('data-thai-date-hint', hint);
    } else {
      field.removeAttribute('data-thai-date-hint');
    }
    field.classList.toggle('thai-date-warning', warning);
    input.setAttribute('aria-invalid', warning || field.classList.contains('fjs-has-errors')
      ? 'true' : 'false');
  }

  function calendarYear(picker) {
    var month = picker.calendarContainer &&
      picker.calendarContainer.querySelector('.flatpickr-current-month');
    if (!month) {
      return;
    }
    var era = month.querySelector('.thai-buddhist-year');
    if (!era) {
      era = document.createElement('span');
      era.className = 'thai-buddhist-year';
      month.appendChild(era);
    }
    era.textContent = 'พ.ศ. ' + BuddhistEra.fromCommonEra(picker.currentYear);
  }

  function localiseCalendar(input) {
    var picker = input._flatpickr;
    if (!picker || picker.__thai) {
      return;
    }
    picker.__thai = true;
    picker.set('locale', FLATPICKR_THAI);
    var update = function () {
      calendarYear(picker);
    };
    ['onOpen', 'onMonthChange', 'onYearChange', 'onReady'].forEach(function (hook) {
      picker.config[hook] = (picker.config[hook] || []).concat([update]);
    });
    update();
  }

  // ------------------------------------------------------------------ read-only amounts
  var GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

  function amount(input) {
    var group = input.closest('.fjs-vertical-group') || input.parentNode;
    var raw = input.value;
    if (raw !== '' && !isNaN(Number(raw))) {
      group.setAttribute('data-thai-amount', GROUPED.format(Number(raw)));
    } else {
      group.removeAttribute('data-thai-amount');
    }
  }

  // ------------------------------------------------------------------ passes over the page
  var isThai = function () {
    return false;
  };

  function pass() {
    var inThai = isThai();
    var forms = document.querySelectorAll('.fjs-container');
    for (var i = 0; i < forms.length; i++) {
      var form = forms[i];
      form.classList.toggle('thai-form', inThai);
      if (inThai) {
        translateTree(form);
      }
      var dates = form.querySelectorAll('.fjs-form-field-datetime .fjs-datepicker input');
      for (var d = 0; d < dates.length; d++) {
        if (inThai) {
          localiseCalendar(dates[d]);
        }
        dateHint(dates[d], inThai);
      }
      var numbers = form.querySelectorAll(
        '.fjs-form-field-number input.fjs-input[disabled], .fjs-form-field-number input.fjs-input[readonly]');
      for (var n = 0; n < numbers.length; n++) {
        amount(numbers[n]);
      }
    }
  }

  var scheduled = false;
  function schedule() {
    if (!scheduled) {
      scheduled = true;
      window.setTimeout(function () {
        scheduled = false;
        pass();
      }, 30);
    }
  }

  // ------------------------------------------------------------------ a dropdown reached by Tab
  // form-js opens a select when it gets the focus and toggles it on mousedown: Tab, then a click,
  // closed it again. A click on a select that the keyboard has just opened leaves it open.
  var lastTab = 0;
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Tab') {
      lastTab = Date.now();
    }
  }, true);
  function focused(event) {
    var target = event.target;
    if (target && target.classList && target.classList.contains('fjs-select-hidden-input')) {
      target.__openedByKeyboard = Date.now() - lastTab < 500;
    }
  }
  document.addEventListener('focus', focused, true);
  document.addEventListener('focusin', focused, true);
  document.addEventListener('mousedown', function (event) {
    var group = event.target.closest &&
      event.target.closest('.fjs-form-field-select .fjs-input-group');
    if (!group) {
      return;
    }
    var input = group.querySelector('.fjs-select-hidden-input');
    var open = group.parentNode.querySelector('.fjs-select-anchor .fjs-dropdownlist');
    if (input && input.__openedByKeyboard && open && document.activeElement === input &&
        !event.target.closest('.fjs-select-cross')) {
      input.__openedByKeyboard = false;
      event.stopPropagation();
      event.preventDefault();
    }
  }, true);

  // ------------------------------------------------------------------ a phone opens a task
  // Tasklist stacks filters, list and task on a narrow screen: the form starts far below.
  var shownTask = null;
  var touched = false;
  ['wheel', 'touchstart', 'keydown'].forEach(function (type) {
    document.addEventListener(type, function () {
      touched = true;
    }, true);
  });
  function bringTaskIntoView() {
    var match = /[?&]task=([^&]+)/.exec(window.location.hash);
    var task = match ? match[1] : null;
    if (!task || window.innerWidth >= 768) {
      shownTask = task;
      return;
    }
    var details = document.querySelector('.task-details');
    if (task === shownTask || !details || !details.querySelector('.fjs-container, form')) {
      return;
    }
    shownTask = task;
    touched = false;
    // Tasklist keeps the clicked list item in view while the form renders: scroll after it
    [0, 400, 1200].forEach(function (delay) {
      window.setTimeout(function () {
        if (!touched) {
          details.scrollIntoView({ block: 'start' });
        }
      }, delay);
    });
  }

  function start() {
    new MutationObserver(function () {
      schedule();
      bringTaskIntoView();
    }).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ATTRIBUTES.concat(['class', 'disabled'])
    });
    ['input', 'change', 'keyup', 'click', 'focusout'].forEach(function (type) {
      document.addEventListener(type, schedule, true);
    });
    window.addEventListener('hashchange', bringTaskIntoView);
    schedule();
  }

  window.angular.module('thai-forms', [])
    .run(['$translate', function ($translate) {
      isThai = function () {
        var language = $translate.use() || $translate.proposedLanguage() || '';
        return language.indexOf('th') === 0;
      };
      loaded.then(function () {
        if (document.body) {
          start();
        } else {
          document.addEventListener('DOMContentLoaded', start);
        }
      });
    }]);

  return { BuddhistEra: BuddhistEra, thai: thai };
});
