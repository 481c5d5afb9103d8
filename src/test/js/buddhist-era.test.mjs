// The programme's Buddhist Era module (Tasklist and the Cockpit plugin load it), run by node's own
// test runner from BuddhistEraScriptTest: node --test src/test/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

const source = await readFile(
  new URL(
    '../../main/resources/META-INF/resources/webjars/camunda/app/tasklist/scripts/buddhist-era.js',
    import.meta.url,
  ),
  'utf8',
);
// the file is an ES module for the browser; node reads it as one from a data: URL
const era = await import(`data:text/javascript;charset=utf-8,${encodeURIComponent(source)}`);

test('years convert between the eras', () => {
  assert.equal(era.toBuddhistYear(2026), 2569);
  assert.equal(era.toBuddhistYear('2019'), 2562);
  assert.equal(era.fromBuddhistYear(2562), 2019);
  assert.equal(era.fromBuddhistYear(era.toBuddhistYear(2027)), 2027);
});

test('a day reads as calendar/ThaiCalendar writes it', () => {
  const months = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.',
    'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];
  months.forEach((month, i) => {
    const iso = `2027-${String(i + 1).padStart(2, '0')}-05`;
    assert.equal(era.thaiDate(iso), `5 ${month} 2570`);
  });
  assert.equal(era.thaiDate('2026-12-31'), '31 ธ.ค. 2569');
  assert.equal(era.thaiDate(null), '');
  assert.equal(era.thaiDate('ยังไม่กำหนด'), 'ยังไม่กำหนด');
});

test('a moment reads with the day, the time as sent and the Buddhist Era year', () => {
  assert.equal(era.thaiDateTime('2026-11-24T10:05:00+07:00'), '24/11/2569 10:05:00');
  assert.equal(era.thaiDateTime('2026-01-01T00:30+07:00'), '1/1/2569 00:30');
  assert.equal(era.thaiDateTime(''), '');
  assert.equal(era.thaiDateTime('later'), 'later');
});

test('the years in a text Tasklist wrote are Buddhist Era, other numbers stay', () => {
  assert.equal(
    era.buddhistYearsIn('วันอังคารที่ 24 พฤศจิกายน 2026 เวลา 11:58 น.'),
    'วันอังคารที่ 24 พฤศจิกายน 2569 เวลา 11:58 น.',
  );
  assert.equal(era.buddhistYearsIn('12 งาน, 3000 บาท'), '12 งาน, 3000 บาท');
});
