/*
 * The programme's one JavaScript home of Buddhist Era dates (พ.ศ. = ค.ศ. + 543), as the Java side
 * has calendar/ThaiCalendar. An ES module, loaded by Tasklist (scripts/thai-buddhist-era.js) and
 * by the Cockpit plugin (plugin-webapp/programme/app/shared.js imports it by URL). Display only:
 * dates are stored and sent in the Common Era.
 */

export const OFFSET = 543;

/** The Thai abbreviations of the months, as calendar/ThaiCalendar writes them (JDK, CLDR). */
export const THAI_MONTHS = [
  'ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.',
  'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.',
];

// Common Era years a date written by the webapps can hold; other numbers are left alone
const COMMON_ERA_YEAR = /\b(1[89]\d\d|2[01]\d\d)\b/g;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/;

/** 2026 → 2569. */
export function toBuddhistYear(commonYear) {
  return Number(commonYear) + OFFSET;
}

/** 2569 → 2026. */
export function fromBuddhistYear(buddhistYear) {
  return Number(buddhistYear) - OFFSET;
}

/** "24 ธันวาคม 2026 11:58" → "24 ธันวาคม 2569 11:58": each Common Era year in a text. */
export function buddhistYearsIn(text) {
  return String(text).replace(COMMON_ERA_YEAR, (year) => String(toBuddhistYear(year)));
}

/** "2027-01-05" → "5 ม.ค. 2570"; anything else as it is ('' for none). */
export function thaiDate(isoDate) {
  if (!isoDate) {
    return '';
  }
  const m = ISO_DATE.exec(isoDate);
  if (!m) {
    return String(isoDate);
  }
  return `${Number(m[3])} ${THAI_MONTHS[Number(m[2]) - 1]} ${toBuddhistYear(m[1])}`;
}

/**
 * "2026-11-24T10:05:00+07:00" → "24/11/2569 10:05:00": the day and time as sent (the server sends
 * Thailand's time), Buddhist Era year; seconds only when sent. Anything else as it is.
 */
export function thaiDateTime(iso) {
  if (!iso) {
    return '';
  }
  const m = ISO_DATE_TIME.exec(iso);
  if (!m) {
    return String(iso);
  }
  const seconds = m[6] ? `:${m[6]}` : '';
  return `${Number(m[3])}/${Number(m[2])}/${toBuddhistYear(m[1])} ${m[4]}:${m[5]}${seconds}`;
}
