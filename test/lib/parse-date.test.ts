// How citizens type dates: a table of inputs and the ISO date or the reason expected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDate } from '../../src/lib/parse-date.ts';

const YEAR = 2025;
const CASES: [string, string][] = [
  ['15-08-1990', '1990-08-15'],
  ['15/08/1990', '1990-08-15'],
  ['15.08.1990', '1990-08-15'],
  ['5-8-1990', '1990-08-05'],
  [' 15 - 08 - 1990 ', '1990-08-15'],
  ['15-08-90', '1990-08-15'],
  ['15/08/90', '1990-08-15'],
  ['01-01-05', '2005-01-01'],
  ['01-01-25', '2025-01-01'],
  ['01-01-26', '1926-01-01'],
  ['1990-08-15', '1990-08-15'],
  ['15 August 1990', '1990-08-15'],
  ['15 Aug 1990', '1990-08-15'],
  ['15 aug 1990', '1990-08-15'],
  ['August 15, 1990', '1990-08-15'],
  ['Aug 15 1990', '1990-08-15'],
  ['15th August 1990', '1990-08-15'],
  ['1 Sept 2001', '2001-09-01'],
  ['15-Aug-1990', '1990-08-15'],
  ['15 ఆగస్టు 1990', '1990-08-15'],
  ['15 ఆగష్టు 1990', '1990-08-15'],
  ['1 జనవరి 2000', '2000-01-01'],
  ['29 ఫిబ్రవరి 2000', '2000-02-29'],
  ['10 సెప్టెంబరు 1985', '1985-09-10'],
  ['3 జులై 1977', '1977-07-03'],
  ['౧౫-౦౮-౧౯౯౦', '1990-08-15'],
  ['౧౫ ఆగస్టు ౧౯౯౦', '1990-08-15'],
  ['15 अगस्त 1990', '1990-08-15'],
  ['1 फ़रवरी 2001', '2001-02-01'],
  ['1 फरवरी 2001', '2001-02-01'],
  ['2 सितम्बर 1999', '1999-09-02'],
  ['2 सितंबर 1999', '1999-09-02'],
  ['31 दिसम्बर 1999', '1999-12-31'],
  ['१५-०८-१९९०', '1990-08-15'],
  ['१५ अगस्त १९९०', '1990-08-15'],
  ['29-02-2024', '2024-02-29'],
];
const REJECTED: [string, 'date_format' | 'date_not_real'][] = [
  ['31-02-2000', 'date_not_real'],
  ['29-02-2023', 'date_not_real'],
  ['29-02-1900', 'date_not_real'],
  ['31-04-2001', 'date_not_real'],
  ['15-13-1990', 'date_not_real'],
  ['31 ఫిబ్రవరి 2000', 'date_not_real'],
  ['00-01-2000', 'date_format'],
  ['yesterday', 'date_format'],
  ['15081990', 'date_format'],
  ['15 Augustus 1990', 'date_format'],
  ['', 'date_format'],
  ['15-08-19900', 'date_format'],
  ['1990 August 15', 'date_format'],
];

test('accepted dates', () => {
  for (const [text, iso] of CASES) {
    const r = parseDate(text, YEAR);
    assert.ok(r.ok, `${text} should parse`);
    assert.equal(r.ok && r.iso, iso, text);
  }
});
test('rejected dates give the specific reason', () => {
  for (const [text, reason] of REJECTED) assert.deepEqual(parseDate(text, YEAR), { ok: false, reason }, text);
});
