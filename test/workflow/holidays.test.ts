// The holiday data and its reader: the shipped 2026 list, and the mistakes an operator may
// make when adding next year's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_HOLIDAYS_BYTES, readHolidays, WorkingCalendar } from '../../src/workflow/index.ts';
import { HOLIDAYS_DIR } from './workflow-fixtures.ts';

test('every holidays file reads clean and is named after its year', () => {
  const files = readdirSync(HOLIDAYS_DIR).filter((f) => f.endsWith('.yaml'));
  assert.ok(files.length >= 1);
  for (const file of files) {
    const r = readHolidays(file, readFileSync(join(HOLIDAYS_DIR, file), 'utf8'));
    assert.ok(r.ok, r.ok ? '' : r.errors.join('\n'));
    assert.equal(file, `${r.holidays.year}.yaml`);
  }
});

test('2026 lists the 24 general holidays, Sankranti to Christmas, each closing the office', () => {
  const r = readHolidays('2026.yaml', readFileSync(join(HOLIDAYS_DIR, '2026.yaml'), 'utf8'));
  assert.ok(r.ok);
  const { holidays } = r.holidays;
  assert.equal(holidays.length, 24);
  assert.deepEqual(holidays.slice(0, 3).map((h) => h.name), ['Bhogi', 'Makara Sankranti', 'Kanuma']);
  assert.deepEqual(holidays.at(-1), { date: '2026-12-25', name: 'Christmas' });
  const dates = holidays.map((h) => h.date);
  assert.deepEqual(dates, [...dates].sort(), 'listed in date order');
  const calendar = new WorkingCalendar({ holidays: dates });
  for (const h of holidays) assert.equal(calendar.isWorkingDay(h.date), false, h.name);
});

test('mistakes in a holidays file are reported with their place, never thrown', () => {
  const cases: [string, string[]][] = [
    ['year: 2027\nsource: G.O.\nholidays:\n  - { date: "2027-02-30", name: X }\n', ["y.yaml: 'holidays.0.date' 2027-02-30 does not exist"]],
    ['year: 2027\nsource: G.O.\nholidays:\n  - { date: "2026-12-25", name: Christmas }\n', ["y.yaml: 'holidays.0.date' 2026-12-25 is not in 2027"]],
    ['year: 2027\nsource: G.O.\nholidays:\n  - { date: "25-12-2027", name: Christmas }\n', ["y.yaml: 'holidays.0.date' must be a YYYY-MM-DD date"]],
    ['year: 2027\nholidays: []\n', ["y.yaml: 'source' Invalid input: expected string, received undefined"]],
    ['year: [\n', ['y.yaml: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] at line 2, column 1:']],
    [`# ${'x'.repeat(MAX_HOLIDAYS_BYTES)}`, [`y.yaml: larger than ${MAX_HOLIDAYS_BYTES} bytes`]],
  ];
  for (const [text, errors] of cases) assert.deepEqual(readHolidays('y.yaml', text), { ok: false, errors }, text.slice(0, 60));
});

test('an empty list is valid (the operator has not filled it yet), and two occasions may share a date', () => {
  assert.ok(readHolidays('y.yaml', 'year: 2027\nsource: not yet notified\nholidays: []\n').ok);
  const shared = readHolidays('y.yaml', 'year: 2025\nsource: G.O.\nholidays:\n  - { date: "2025-10-02", name: Gandhi Jayanti }\n  - { date: "2025-10-02", name: Vijayadasami }\n');
  assert.ok(shared.ok);
});
