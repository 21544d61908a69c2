// Verhoeff against the shared vectors (research/vectors/verhoeff.json), used unchanged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { isVerhoeffValid, verhoeffCheckDigit, verhoeffChecksum } from '../../src/lib/verhoeff.ts';

const V = JSON.parse(readFileSync(new URL('../vectors/verhoeff.json', import.meta.url), 'utf8'));

test('checksum vectors', () => {
  for (const { number, checksum } of V.checksum) assert.equal(verhoeffChecksum(number), checksum, number);
});
test('check digit vectors', () => {
  for (const { number, checkDigit } of V.calcCheckDigit) assert.equal(verhoeffCheckDigit(number), checkDigit, number);
});
test('valid and invalid numbers', () => {
  for (const n of V.valid) assert.equal(isVerhoeffValid(n), true, n);
  for (const n of V.invalid) assert.equal(isVerhoeffValid(n), false, n);
});
test('Aadhaar vectors: valid ones pass Verhoeff after removing spaces', () => {
  for (const { number } of V.aadhaar.valid) assert.equal(isVerhoeffValid(number.replace(/\s/g, '')), true, number);
  const checksumFailures = V.aadhaar.invalid.filter((i: { reason: string }) => i.reason === 'checksum');
  assert.ok(checksumFailures.length > 0);
  for (const { number } of checksumFailures) assert.equal(isVerhoeffValid(number), false, number);
});
test('non-digits are rejected, never thrown on by isVerhoeffValid', () => {
  assert.equal(isVerhoeffValid(''), false);
  assert.equal(isVerhoeffValid('12a4'), false);
  assert.throws(() => verhoeffChecksum('12a4'), TypeError);
});
