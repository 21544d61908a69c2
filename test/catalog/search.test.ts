import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadCatalog, ServiceSearchIndex, type LoadedCatalog } from '../../src/catalog/index.ts';
import type { Lang } from '../../src/lib/languages.ts';

const CATALOG_DIR = new URL('../../catalog/', import.meta.url).pathname;

const INCOME = 'revenue.income-certificate';
const CASTE = 'revenue.caste-certificate';
const RESIDENCE = 'revenue.residence-certificate';
const BIRTH = 'health.birth-certificate';
const CIVIC = 'municipal.grievance';
const POWER = 'energy.supply-complaint';

/** What citizens type, in the language they chose, and the service that MUST come first. */
const QUERIES: [query: string, lang: Lang, expected: string][] = [
  // English, plain and misspelt
  ['income certificate', 'en', INCOME],
  ['I need an income certificate for scholarship', 'en', INCOME],
  ['incme certifcate', 'en', INCOME],
  ['INCOME  CERTIFICATE!!!', 'en', INCOME],
  ['caste certificate', 'en', CASTE],
  ['cast certifcate', 'en', CASTE],
  ['residence certificate', 'en', RESIDENCE],
  ['residance certficate', 'en', RESIDENCE],
  ['birth certificate for my baby', 'en', BIRTH],
  ['brith certificate', 'en', BIRTH],
  ['street light not working', 'en', CIVIC],
  ['pothole on the road', 'en', CIVIC],
  ['stray dogs', 'en', CIVIC],
  ['power cut', 'en', POWER],
  ['no electricity since morning', 'en', POWER],
  ['transformer problem', 'en', POWER],
  ['low voltage', 'en', POWER],
  // Romanized Telugu and Hindi
  ['adayam certificate', 'en', INCOME],
  ['adayam dhruvikarana patram', 'te', INCOME],
  ['kula pramana patram', 'te', CASTE],
  ['kula certificate kavali', 'te', CASTE],
  ['current poyindi', 'te', POWER],
  ['karent poyindi', 'te', POWER],
  ['chetta theyaledu', 'te', CIVIC],
  ['janam praman patra', 'hi', BIRTH],
  ['bijli nahi hai', 'hi', POWER],
  // Telugu script
  ['ఆదాయ ధృవీకరణ పత్రం', 'te', INCOME],
  ['కుల ధృవీకరణ పత్రం', 'te', CASTE],
  ['నివాస ధృవీకరణ పత్రం', 'te', RESIDENCE],
  ['జనన ధృవీకరణ పత్రం', 'te', BIRTH],
  ['కరెంటు పోయింది', 'te', POWER],
  ['చెత్త తీయలేదు', 'te', CIVIC],
  // Hindi
  ['आय प्रमाण पत्र', 'hi', INCOME],
  ['जाति प्रमाण पत्र', 'hi', CASTE],
  ['निवास प्रमाण पत्र', 'hi', RESIDENCE],
  ['जन्म प्रमाण पत्र चाहिए', 'hi', BIRTH],
  ['बिजली नहीं है', 'hi', POWER],
  ['कचरा नहीं उठाया', 'hi', CIVIC],
  // A language other than the one chosen
  ['आय प्रमाण पत्र', 'en', INCOME],
  ['current poyindi', 'hi', POWER],
];

/**
 * Queries that fit two services about equally (a town's grievance and a village's sanitation
 * complaint; the income and the farm income certificate): the expected one MUST be in the top 3.
 */
const AMBIGUOUS: [query: string, lang: Lang, expected: string][] = [
  ['garbage not collected', 'en', CIVIC],
  ['దోమలు', 'te', CIVIC],
  // The Telugu name of the farm income certificate is "వ్యవసాయ ఆదాయ సర్టిఫికెట్".
  ['ఆదాయ సర్టిఫికెట్ కావాలి', 'te', INCOME],
];

describe('catalog search', () => {
  let catalog: LoadedCatalog;
  before(async () => {
    catalog = await loadCatalog(CATALOG_DIR);
  });

  for (const [query, lang, expected] of QUERIES) {
    it(`finds ${expected} first for "${query}" (${lang})`, () => {
      const hits = catalog.search(query, lang, 5);
      assert.ok(hits.length > 0, 'no results');
      assert.equal(hits[0].serviceId, expected, JSON.stringify(hits));
      // A clear winner, not a tie decided by catalog order.
      if (hits.length > 1) assert.ok(hits[0].score > hits[1].score, JSON.stringify(hits));
    });
  }

  for (const [query, lang, expected] of AMBIGUOUS) {
    it(`offers ${expected} in the top 3 for "${query}" (${lang})`, () => {
      const ids = catalog.search(query, lang, 3).map((h) => h.serviceId);
      assert.ok(ids.includes(expected), JSON.stringify(ids));
    });
  }

  it('scores an exact name 1 and keeps every score within (0, 1]', () => {
    assert.deepEqual(catalog.search('Income certificate', 'en', 1), [{ serviceId: INCOME, score: 1 }]);
    for (const [query, lang] of QUERIES) {
      for (const hit of catalog.search(query, lang, 10)) assert.ok(hit.score > 0 && hit.score <= 1, `${query}: ${hit.score}`);
    }
  });

  it('ranks the certificates alike for "certificate", in catalog order, and offers a list', () => {
    const hits = catalog.search('certificate', 'en', 100);
    const certificates = hits.filter((h) => [INCOME, CASTE, RESIDENCE, BIRTH].includes(h.serviceId));
    assert.equal(certificates.length, 4, JSON.stringify(hits.slice(0, 10)));
    assert.equal(new Set(certificates.map((h) => h.score)).size, 1, JSON.stringify(certificates));
    const order = catalog.services().map((s) => s.id);
    const ids = certificates.map((h) => h.serviceId);
    assert.deepEqual(ids, [...ids].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    // No single service is a strong enough match to open directly (STRONG_MATCH_RATIO = 2).
    assert.ok(hits[0].score < 2 * hits[1].score, JSON.stringify(hits.slice(0, 3)));
  });

  it('returns nothing for text that names no service', () => {
    for (const q of ['', '   ', '!!!', 'zzzzqqq', 'hello', '🙏🙏', 'xy']) assert.deepEqual(catalog.search(q, 'en', 5), [], q);
  });

  it('never throws, whatever it is given', () => {
    const weird: unknown[] = [undefined, null, 42, {}, [], 'a'.repeat(100_000), '\u0000\uffff\ud800', 'ఆ'.repeat(5000), 'income '.repeat(1000)];
    for (const q of weird) assert.doesNotThrow(() => catalog.search(q as string, 'te', 5));
    assert.deepEqual(catalog.search('income', 'en', 0), []);
    assert.deepEqual(catalog.search('income', 'en', -3), []);
    assert.deepEqual(catalog.search('income', 'en', Number.NaN), []);
    assert.deepEqual(catalog.search('income', 'xx' as Lang, 1).map((h) => h.serviceId), [INCOME]);
  });

  it('respects the limit and is deterministic', () => {
    assert.equal(catalog.search('certificate', 'en', 2).length, 2);
    const first = JSON.stringify(catalog.search('patram', 'te', 10));
    for (let i = 0; i < 5; i++) assert.equal(JSON.stringify(catalog.search('patram', 'te', 10)), first);
    const rebuilt = new ServiceSearchIndex(catalog.services());
    assert.equal(JSON.stringify(rebuilt.search('patram', 'te', 10)), first);
  });

  it('prefers matches in the citizen language when everything else is equal', () => {
    // "income" is in the English name only: a Telugu speaker typing it still finds the
    // service, scored a little lower.
    const en = catalog.search('income', 'en', 1)[0];
    const te = catalog.search('income', 'te', 1)[0];
    assert.equal(te.serviceId, INCOME);
    assert.ok(en.score > te.score, `${en.score} vs ${te.score}`);
  });

  it('answers a query in well under a millisecond on average', () => {
    const started = process.hrtime.bigint();
    const rounds = 200;
    for (let i = 0; i < rounds; i++) catalog.search(QUERIES[i % QUERIES.length][0], 'te', 5);
    const perQueryMs = Number(process.hrtime.bigint() - started) / 1e6 / rounds;
    assert.ok(perQueryMs < 5, `${perQueryMs} ms per query`);
  });
});
