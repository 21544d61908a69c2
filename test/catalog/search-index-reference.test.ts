// The indexed search MUST rank exactly like the naive linear scan it replaced (bench/naive-search.ts):
// same hits, same scores, same order, on the catalog's own phrases and on thousands of typed-
// badly variants of them (seeded, so a failure reproduces). The index only changes how matches
// are found; this is what shows it finds the same ones.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadCatalog, ServiceSearchIndex, type LoadedCatalog } from '../../src/catalog/index.ts';
import { LANGUAGES } from '../../src/lib/languages.ts';
import { NaiveServiceSearch } from '../../bench/naive-search.ts';

const CATALOG_DIR = new URL('../../catalog/', import.meta.url).pathname;

/** Queries compared: the naive scan takes milliseconds each, so a seeded sample of the phrases. */
const MAX_QUERIES = 1000;
const LIMITS = [1, 3, 5, 50];

/** A small deterministic PRNG (mulberry32), so the perturbed queries are the same on every run. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One or two typing slips in `text`: a dropped, doubled, swapped or replaced letter, or a cut-off end. */
function perturb(text: string, random: () => number): string {
  const chars = Array.from(text);
  const slips = 1 + Math.floor(random() * 2);
  for (let k = 0; k < slips && chars.length > 2; k++) {
    const i = Math.floor(random() * chars.length);
    switch (Math.floor(random() * 5)) {
      case 0: chars.splice(i, 1); break;
      case 1: chars.splice(i, 0, chars[i]); break;
      case 2: if (i + 1 < chars.length) [chars[i], chars[i + 1]] = [chars[i + 1], chars[i]]; break;
      case 3: chars[i] = chars[Math.floor(random() * chars.length)]; break;
      default: chars.length = Math.max(3, i);
    }
  }
  return chars.join('');
}

describe('indexed search against the naive reference', () => {
  let catalog: LoadedCatalog;
  let queries: string[];
  before(async () => {
    catalog = await loadCatalog(CATALOG_DIR);
    const random = seeded(3);
    const phrases: string[] = [];
    for (const service of catalog.services()) {
      for (const lang of LANGUAGES) phrases.push(service.name[lang], ...(service.keywords?.[lang] ?? []));
    }
    queries = ['', 'certificate', 'patram', 'zzzzqqq', 'cert', 'incomes', 'సర్టిఫికెట్టు'];
    for (const phrase of phrases) {
      if (random() > MAX_QUERIES / 4 / phrases.length) continue;
      queries.push(phrase, perturb(phrase, random), perturb(phrase, random));
      const other = phrases[Math.floor(random() * phrases.length)];
      queries.push(`${perturb(phrase, random)} ${other}`);
    }
  });

  it('returns the same hits, scores and order for every query and language', () => {
    const fast = new ServiceSearchIndex(catalog.services(), { cacheSize: 0 });
    const naive = new NaiveServiceSearch(catalog.services());
    let compared = 0;
    for (const query of queries) {
      for (const lang of LANGUAGES) {
        // Small limits exercise the index's pruning of services that cannot make the list.
        const limit = LIMITS[compared % LIMITS.length];
        assert.deepEqual(fast.search(query, lang, limit), naive.search(query, lang, limit), `${query} (${lang}, ${limit})`);
        compared++;
      }
    }
    assert.ok(compared > 100, `only ${compared} queries compared`);
  });

  it('returns the same results with and without its cache', () => {
    const cached = new ServiceSearchIndex(catalog.services(), { cacheSize: 8 });
    const uncached = new ServiceSearchIndex(catalog.services(), { cacheSize: 0 });
    for (let round = 0; round < 2; round++) {
      for (const query of queries.slice(0, 60)) {
        const hits = cached.search(query, 'te', 5);
        assert.deepEqual(hits, uncached.search(query, 'te', 5), query);
        // Hits are the caller's to change; the cache MUST NOT hand out its own objects.
        for (const hit of hits) hit.score = -1;
      }
    }
  });
});
