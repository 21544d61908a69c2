// Issue #3's accuracy target, on the held-out labelled queries in bench/search-queries/*.yaml
// (written by the catalog authors, never read by the search code): the expected service in the
// top 3 for at least 90 % of them and first for at least 80 %. `npm run bench -- --suite=search`
// prints the same figures per language with every miss.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadCatalog, type LoadedCatalog } from '../../src/catalog/index.ts';
import { measureAccuracy, readLabelledQueries, SEARCH_QUERIES_DIR, TARGETS } from '../../bench/search.ts';

const CATALOG_DIR = new URL('../../catalog/', import.meta.url).pathname;

/** Below this many labelled queries the percentages mean little: the issue asks for 150. */
const MIN_LABELLED_QUERIES = 150;

const { queries, problems } = readLabelledQueries(SEARCH_QUERIES_DIR);
const skip = queries.length < MIN_LABELLED_QUERIES
  ? `only ${queries.length} labelled queries in bench/search-queries/ (need ${MIN_LABELLED_QUERIES} for the accuracy target to mean anything)`
  : false;

describe('search accuracy on the labelled queries', () => {
  let catalog: LoadedCatalog;
  before(async () => {
    catalog = await loadCatalog(CATALOG_DIR);
  });

  it('has well-formed query files', () => {
    assert.deepEqual(problems, []);
  });

  it(`finds the expected service in the top 3 for ≥ ${TARGETS.top3 * 100} % and first for ≥ ${TARGETS.top1 * 100} %`, { skip }, () => {
    const { byLang, misses } = measureAccuracy(catalog, queries);
    const all = byLang.all;
    const report = misses.slice(0, 40).map((m) => `  ${m.query.q} (${m.query.lang}) → expected ${m.query.expect}, got ${m.got.map((h) => h.serviceId).join(', ') || 'nothing'}`).join('\n');
    assert.ok(all.top3 / all.n >= TARGETS.top3, `top 3: ${all.top3}/${all.n}\n${report}`);
    assert.ok(all.top1 / all.n >= TARGETS.top1, `first: ${all.top1}/${all.n}\n${report}`);
  });
});
