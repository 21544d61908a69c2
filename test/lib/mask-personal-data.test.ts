import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { maskDeep, maskPersonalData } from '../../src/lib/mask-personal-data.ts';
import { createLogger } from '../../src/app/logger.ts';

test('Aadhaar and phone numbers are masked in free text, keeping the last 4 digits', () => {
  const cases: [string, string][] = [
    ['aadhaar 2345 6789 0124 given', 'aadhaar XXXX XXXX 0124 given'],
    ['aadhaar 2345-6789-0124', 'aadhaar XXXX XXXX 0124'],
    ['234567890124', 'XXXXXXXX0124'],
    ['call 9876543210 now', 'call XXXXXX3210 now'],
    ['from 919876543210', 'from XXXXXXXX3210'],
    ['+919876543210', 'XXXXXXXXX3210'],
    ['pin 520001 and year 2026 stay', 'pin 520001 and year 2026 stay'],
    ['ref MM-261123-7K3Q9XAB stays', 'ref MM-261123-7K3Q9XAB stays'],
  ];
  for (const [input, expected] of cases) assert.equal(maskPersonalData(input), expected, input);
});

test('masking reaches nested objects, arrays and errors', () => {
  const out = maskDeep({ waId: '919876543210', list: ['2345 6789 0124'], err: new Error('bad 9876543210') }) as any;
  assert.equal(out.waId, 'XXXXXXXX3210');
  assert.equal(out.list[0], 'XXXX XXXX 0124');
  assert.equal(out.err.message, 'bad XXXXXX3210');
});

test('log lines never carry an Aadhaar or phone number', async () => {
  const lines: string[] = [];
  const sink = new Writable({ write(chunk, _enc, cb) { lines.push(chunk.toString()); cb(); } });
  const log = createLogger('info', sink);
  log.info({ waId: '919876543210', answers: { aadhaar: '234567890124' } }, 'turn for 919876543210');
  await new Promise((r) => setImmediate(r));
  const line = lines.join('');
  assert.doesNotMatch(line, /919876543210|234567890124/);
  assert.match(line, /XXXXXXXX3210/);
  assert.match(line, /XXXXXXXX0124/);
});
