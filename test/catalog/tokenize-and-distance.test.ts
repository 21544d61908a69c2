import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { tokenizeSearchText } from '../../src/catalog/tokenize-search-text.ts';
import { boundedEditDistance } from '../../src/catalog/bounded-edit-distance.ts';

describe('tokenizeSearchText', () => {
  it('lower-cases, splits on punctuation and drops stop words and single letters', () => {
    assert.deepEqual(tokenizeSearchText('I want the INCOME-certificate, please!'), ['income', 'certificate']);
    assert.deepEqual(tokenizeSearchText('a b c 12 x'), ['12']);
  });

  it('normalises Telugu to NFC and removes zero-width joiners', () => {
    // U+0C46 U+0C56 (e + ai length mark) composes to U+0C48 (ai) under NFC.
    assert.deepEqual(tokenizeSearchText('\u0c15\u0c46\u0c56'), ['\u0c15\u0c48']);
    assert.deepEqual(tokenizeSearchText('ఇన్‌కమ్ సర్టిఫికెట్'), tokenizeSearchText('ఇన్కమ్ సర్టిఫికెట్'));
  });

  it('folds Devanagari nukta and chandrabindu, and drops Hindi stop words', () => {
    assert.deepEqual(tokenizeSearchText('मज़दूरी'), tokenizeSearchText('मजदूरी'));
    assert.deepEqual(tokenizeSearchText('गाँव'), tokenizeSearchText('गांव'));
    assert.deepEqual(tokenizeSearchText('मुझे आय प्रमाण पत्र चाहिए'), ['आय', 'प्रमाण', 'पत्र']);
  });

  it('returns no tokens for non-text', () => {
    assert.deepEqual(tokenizeSearchText(undefined), []);
    assert.deepEqual(tokenizeSearchText(7), []);
    assert.deepEqual(tokenizeSearchText('🙏 … !!'), []);
  });
});

describe('boundedEditDistance', () => {
  const d = (a: string, b: string, max: number) => boundedEditDistance(Array.from(a), Array.from(b), max);

  it('counts substitutions, insertions, deletions and adjacent swaps as one edit each', () => {
    assert.equal(d('income', 'income', 2), 0);
    assert.equal(d('incme', 'income', 2), 1);
    assert.equal(d('incoome', 'income', 2), 1);
    assert.equal(d('incone', 'income', 2), 1);
    assert.equal(d('icnome', 'income', 2), 1);
    assert.equal(d('certifcate', 'certificate', 2), 1);
    assert.equal(d('kitten', 'sitting', 3), 3);
  });

  it('counts Telugu code points, so a vowel sign is one edit', () => {
    assert.equal(d('ఆదాయం', 'ఆదాయ', 2), 1);
    assert.equal(d('కరెంట్', 'కరెంటు', 2), 1);
  });

  it('stops at max + 1', () => {
    assert.equal(d('zzzzqqq', 'income', 1), 2);
    assert.equal(d('abcdefgh', 'a', 2), 3);
    assert.equal(d('', 'abc', 5), 3);
  });
});
