// Spelling-variant folding (fold-search-token.ts) and what it buys the search: romanized Telugu
// and Hindi typed the way it sounds, Telugu and Hindi script typed with the wrong vowel length
// or aspiration, typos, whole sentences; and what it must not do: find something in nonsense.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadCatalog, ServiceSearchIndex, type LoadedCatalog } from '../../src/catalog/index.ts';
import { foldSearchToken } from '../../src/catalog/fold-search-token.ts';
import { searchTermsOf } from '../../src/catalog/search-terms-of.ts';
import type { ServiceDefinition } from '../../src/engine/definition/schema.ts';

const CATALOG_DIR = new URL('../../catalog/', import.meta.url).pathname;

/** Pairs of spellings that MUST fold to the same key. */
const SAME: [string, string][] = [
  // romanized Telugu and Hindi
  ['dhruvikarana', 'druveekarana'],
  ['patram', 'patramu'],
  ['pathram', 'patram'],
  ['kavali', 'kaavaali'],
  ['karentu', 'karent'],
  ['bhoomi', 'bhumi'],
  ['cheyyali', 'cheyali'],
  ['pramaan', 'praman'],
  ['aadhaar', 'adhar'],
  ['shaadi', 'sadi'],
  ['khata', 'katha'],
  ['praman', 'pramana'],
  // English spellings and endings
  ['certificate', 'sertificate'],
  ['certificate', 'certificat'],
  ['certificates', 'certificate'],
  ['pension', 'pensions'],
  ['check', 'chek'],
  ['water', 'vater'],
  // Telugu script: vowel length, aspiration, endings, nasal, doubled consonants
  ['ధృవీకరణ', 'ధ్రువికరణ'],
  ['పత్రం', 'పత్రము'],
  ['కరెంటు', 'కరెంట్'],
  ['సర్టిఫికెట్', 'సర్టిఫికేట్'],
  ['సర్టిఫికెట్', 'సర్టిఫికెట్టు'],
  ['ఇన్కమ్', 'ఇంకమ్'],
  ['భూమి', 'బూమి'],
  ['ఆదాయం', 'ఆదాయ'],
  // Devanagari
  ['प्रमाण', 'परमाण'.replace('पर', 'प्र')],
  ['जाती', 'जाति'],
  ['भूमि', 'बुमि'],
  ['पेंशन', 'पेन्शन'],
];

/** Pairs that MUST stay apart: folding that merged these would find wrong services. */
const DIFFERENT: [string, string][] = [
  ['kula', 'kala'],
  ['income', 'outcome'],
  ['ration', 'nation'],
  ['ఆదాయ', 'అదయ'],
  ['birth', 'death'],
];

describe('foldSearchToken', () => {
  for (const [a, b] of SAME) {
    it(`folds "${a}" and "${b}" alike`, () => {
      assert.equal(foldSearchToken(a), foldSearchToken(b));
    });
  }

  for (const [a, b] of DIFFERENT) {
    it(`keeps "${a}" and "${b}" apart`, () => assert.notEqual(foldSearchToken(a), foldSearchToken(b)));
  }

  it('leaves digits and other scripts alone', () => {
    assert.equal(foldSearchToken('12'), '12');
    assert.equal(foldSearchToken('ಕನ್ನಡ'), 'ಕನ್ನಡ');
    assert.equal(foldSearchToken('2b'), '2b');
  });

  it('drops romanized filler however it is spelt, and keeps words that name a need', () => {
    assert.deepEqual(searchTermsOf('naaku income certificate kaavaali'), searchTermsOf('income certificate'));
    assert.deepEqual(searchTermsOf('mujhe jaati praman patra chahie'), searchTermsOf('jaati praman patra'));
    assert.deepEqual(searchTermsOf('how to apply for a rice card please'), searchTermsOf('rice card'));
    for (const meaningful of ['status', 'new', 'ledu', 'nahi', 'no', 'not', 'tank', 'mee', 'anna']) {
      assert.equal(searchTermsOf(meaningful).length, 1, meaningful);
    }
  });
});

describe('search with folding, typos and sentences', () => {
  let catalog: LoadedCatalog;
  before(async () => {
    catalog = await loadCatalog(CATALOG_DIR);
  });
  const first = (query: string, lang: 'te' | 'en' | 'hi' = 'te') => catalog.search(query, lang, 3)[0]?.serviceId;

  it('finds a service whatever the romanized spelling', () => {
    for (const q of ['adayam dhruvikarana patram', 'aadaayam dhruveekarana pathramu', 'adayam druvikarana patramu']) {
      assert.equal(first(q), 'revenue.income-certificate', q);
    }
    for (const q of ['kula dhruvikarana patram', 'kulam dhruveekarana patram kaavaali']) {
      assert.equal(first(q), 'revenue.caste-certificate', q);
    }
  });

  it('finds a service in Telugu script typed with the wrong vowel length or aspiration', () => {
    assert.equal(first('ఆదాయ దృవికరణ పత్రము'), 'revenue.income-certificate');
    assert.equal(first('కుల ద్రువీకరణ పత్రం'), 'revenue.caste-certificate');
  });

  it('tolerates one typo in short words and two in long ones', () => {
    assert.equal(first('incme certificate', 'en'), 'revenue.income-certificate');
    assert.equal(first('income sertifcate', 'en'), 'revenue.income-certificate');
    assert.equal(first('resdince certifcate', 'en'), 'revenue.residence-certificate');
    assert.equal(first('brith certificate', 'en'), 'health.birth-certificate');
  });

  it('keeps a typo one edit away even when folding would make it two', () => {
    // "chage" folds to "cage" but "change" to "cang"; "sttus" to "stus" but "status" stays.
    assert.notEqual(searchTermsOf('chage')[0].folded, searchTermsOf('change')[0].folded);
    assert.equal(first('chage my power category', 'en'), 'energy.category-change');
    assert.equal(first('ration card sttus', 'en'), 'civil-supplies.rice-card-status');
  });

  it('does not take a short word with another first letter for a typo', () => {
    const hits = catalog.search('mill', 'en', 5).map((h) => h.serviceId);
    assert.ok(!hits.includes('energy.bill-payment'), JSON.stringify(hits));
  });

  it('reads whole sentences by their key words', () => {
    assert.equal(first('naaku ma abbayi kosam income certificate kavali', 'te'), 'revenue.income-certificate');
    assert.equal(first('I want to apply for a caste certificate for my son please', 'en'), 'revenue.caste-certificate');
    assert.equal(first('mujhe janm praman patra chahiye', 'hi'), 'health.birth-certificate');
  });

  it('returns nothing for nonsense, filler or words that name no service', () => {
    for (const q of ['zzzzqqq', 'qwertyuiop asdfgh', 'xkcd', 'naaku kavali please', 'mujhe chahiye', 'hello sir', 'ok', 'thanks', '12345', '🙏', 'asdf jkl', 'lorem ipsum']) {
      assert.deepEqual(catalog.search(q, 'en', 5), [], q);
    }
  });

  it('is deterministic: same answer on repeats, on a rebuilt index and with or without its cache', () => {
    const queries = ['patram', 'certificate', 'karent bill', 'kula', 'पत्र', 'పత్రం', 'status'];
    const rebuilt = new ServiceSearchIndex(catalog.services(), { cacheSize: 0 });
    for (const q of queries) {
      const once = JSON.stringify(catalog.search(q, 'te', 20));
      for (let i = 0; i < 3; i++) assert.equal(JSON.stringify(catalog.search(q, 'te', 20)), once, q);
      assert.equal(JSON.stringify(rebuilt.search(q, 'te', 20)), once, q);
    }
  });

  it('keeps ties in catalog order, whatever order the matches were found in', () => {
    const services = catalog.services();
    const twin = (s: ServiceDefinition, id: string): ServiceDefinition => ({ ...s, id });
    const base = services[0];
    const index = new ServiceSearchIndex([twin(base, 'x.first'), twin(base, 'x.second'), twin(base, 'x.third')]);
    assert.deepEqual(index.search(base.name.en, 'en', 3).map((h) => h.serviceId), ['x.first', 'x.second', 'x.third']);
  });
});
