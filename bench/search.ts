/**
 * Benchmark: catalog search (issue #3). Measures, in one process on one thread:
 * - the real catalog: its size and load time (read + validate + index) and index build time;
 * - accuracy over the labelled citizen queries in bench/search-queries/*.yaml (top 1 and top 3,
 *   per language and overall), and the list of misses so catalog authors can fix keywords;
 * - uncached queries per second over the labelled queries, p50/p99 per-query latency, and the
 *   cached rate;
 * - synthetic catalogs of 1,000 and 5,000 services (real definitions recombined and perturbed
 *   in memory) with their build time and per-query latency;
 * - the same figures for the naive linear scan (bench/naive-search.ts), measured in the same
 *   run, because this 2-core machine varies by tens of percent between runs.
 * Returns Markdown report lines.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { LoadedCatalog, readCatalogDir, ServiceSearchIndex } from '../src/catalog/index.ts';
import type { ServiceDefinition } from '../src/engine/definition/schema.ts';
import { LANGUAGES, type Lang } from '../src/lib/languages.ts';
import { NaiveServiceSearch } from './naive-search.ts';

const ROOT = new URL('..', import.meta.url).pathname;

/** Where the labelled queries live, one YAML list of `{q, lang, expect}` per file. */
export const SEARCH_QUERIES_DIR = join(ROOT, 'bench', 'search-queries');

/** The query languages reported: Telugu script, romanized Telugu, English, Hindi. */
export const QUERY_LANGS = ['en', 'te', 'te-latn', 'hi'] as const;
export type QueryLang = (typeof QUERY_LANGS)[number];

/** One labelled query: what a citizen types, in which language, and the service that MUST be found. */
export interface LabelledQuery {
  q: string;
  lang: QueryLang;
  expect: string;
  /** The file it came from, relative to the queries folder. */
  file: string;
}

/** Issue #3 targets. */
export const TARGETS = { top3: 0.9, top1: 0.8, queriesPerSecond: 5000, syntheticLoadMs: 1000, syntheticQueryMs: 1 } as const;

/** Anything with the search contract: both the index and the naive scan. */
interface Searcher {
  search(text: string, lang: Lang, limit: number): { serviceId: string; score: number }[];
}

export interface SearchBenchOptions {
  /** Short timing loops (about a third of a second instead of 3 s). */
  quick: boolean;
  catalogDir?: string;
  queriesDir?: string;
}

/**
 * Reads every `*.yaml` in `dir` as labelled queries. Malformed entries are returned in
 * `problems`, not thrown, so one author's typo does not hide everyone's queries.
 */
export function readLabelledQueries(dir: string = SEARCH_QUERIES_DIR): { queries: LabelledQuery[]; problems: string[] } {
  const queries: LabelledQuery[] = [];
  const problems: string[] = [];
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml')).sort();
  } catch {
    return { queries, problems };
  }
  for (const file of files) {
    let parsed: unknown;
    try {
      parsed = parseYaml(readFileSync(join(dir, file), 'utf8'));
    } catch (err) {
      problems.push(`${file}: not valid YAML: ${(err as Error).message.split('\n')[0]}`);
      continue;
    }
    if (!Array.isArray(parsed)) {
      problems.push(`${file}: not a list`);
      continue;
    }
    parsed.forEach((entry, i) => {
      const e = entry as Partial<LabelledQuery> | null;
      if (!e || typeof e.q !== 'string' || typeof e.expect !== 'string' || !QUERY_LANGS.includes(e.lang as QueryLang)) {
        problems.push(`${file}[${i}]: needs q, lang (${QUERY_LANGS.join('|')}) and expect`);
        return;
      }
      queries.push({ q: e.q, lang: e.lang as QueryLang, expect: e.expect, file });
    });
  }
  return { queries, problems };
}

/** The citizen language a labelled query's language maps to (romanized Telugu is typed by Telugu speakers). */
export function citizenLang(lang: QueryLang): Lang {
  return lang === 'te-latn' ? 'te' : lang;
}

/** `query` with one typing slip in one of its words of 5+ letters, chosen by a PRNG seeded from the query. */
function withOneSlip(query: LabelledQuery): LabelledQuery {
  let seed = 7;
  for (const c of query.q) seed = (Math.imul(seed, 31) + c.codePointAt(0)!) | 0;
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) | 0;
    return (seed >>> 0) / 4294967296;
  };
  const words = query.q.split(' ');
  const long = words.flatMap((w, i) => (Array.from(w).length >= 5 ? [i] : []));
  if (long.length === 0) return query;
  const i = long[Math.floor(random() * long.length)];
  const chars = Array.from(words[i]);
  const k = 1 + Math.floor(random() * (chars.length - 2));
  const slip = Math.floor(random() * 3);
  if (slip === 0) chars.splice(k, 1);
  else if (slip === 1) chars.splice(k, 0, chars[k]);
  else [chars[k], chars[k + 1]] = [chars[k + 1], chars[k]];
  words[i] = chars.join('');
  return { ...query, q: words.join(' ') };
}

/** Result of running labelled queries through a searcher. */
export interface AccuracyReport {
  byLang: Record<QueryLang | 'all', { n: number; top1: number; top3: number }>;
  misses: { query: LabelledQuery; got: { serviceId: string; score: number }[] }[];
}

/** Runs every query (limit 5) and counts how often the expected service is first and in the top 3. */
export function measureAccuracy(searcher: Searcher, queries: readonly LabelledQuery[]): AccuracyReport {
  const empty = () => ({ n: 0, top1: 0, top3: 0 });
  const byLang = { en: empty(), te: empty(), 'te-latn': empty(), hi: empty(), all: empty() };
  const misses: AccuracyReport['misses'] = [];
  for (const query of queries) {
    const got = searcher.search(query.q, citizenLang(query.lang), 5);
    const rank = got.findIndex((h) => h.serviceId === query.expect);
    for (const bucket of [byLang[query.lang], byLang.all]) {
      bucket.n++;
      if (rank === 0) bucket.top1++;
      if (rank >= 0 && rank < 3) bucket.top3++;
    }
    if (rank !== 0) misses.push({ query, got: got.slice(0, 3) });
  }
  return { byLang, misses };
}

/** Runs the benchmark and returns the report lines. */
export async function runSearchBench(options: SearchBenchOptions): Promise<string[]> {
  const seconds = options.quick ? 0.3 : 3;
  const report: string[] = [];
  report.push(`- machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; one process, one thread`);

  // The real catalog, as the server loads it.
  const catalogDir = options.catalogDir ?? join(ROOT, 'catalog');
  const loaded = await loadLeniently(catalogDir);
  const catalog = loaded.catalog;
  const services = catalog.services();
  const loadMs = await medianMs(3, async () => { await readCatalogDir(loaded.dir); });
  const buildMs = await medianMs(5, () => { new ServiceSearchIndex(services); });
  const naiveBuildMs = await medianMs(5, () => { new NaiveServiceSearch(services); });
  const stats = new ServiceSearchIndex(services).stats;
  report.push(`- catalog: **${services.length} services** in ${catalog.departments().length} departments; index ${stats.terms.toLocaleString('en')} terms, ${stats.postings.toLocaleString('en')} postings, ${stats.typoEntries.toLocaleString('en')} typo-neighbourhood entries`);
  if (loaded.skipped.length > 0) {
    report.push(`- NOTE: the catalog does not load as it is (${loaded.errors.length} errors); measured without ${loaded.skipped.length} failing files: ${loaded.skipped.join(', ')}`);
  }
  report.push(`- load (read + validate + index, \`readCatalogDir\`): ${loadMs.toFixed(1)} ms (median of 3); index build alone: ${buildMs.toFixed(1)} ms (naive: ${naiveBuildMs.toFixed(1)} ms)`);

  // Accuracy.
  const { queries, problems } = readLabelledQueries(options.queriesDir);
  const fast = new ServiceSearchIndex(services, { cacheSize: 0 });
  const naive = new NaiveServiceSearch(services);
  report.push('', '#### Accuracy', '');
  if (queries.length === 0) {
    report.push('No labelled queries in bench/search-queries/ yet.');
  } else {
    const known = new Set(services.map((s) => s.id));
    const files = new Set(queries.map((q) => q.file));
    report.push(`${queries.length} labelled queries from ${files.size} files. Target: top 3 ≥ ${pct(TARGETS.top3)}, first ≥ ${pct(TARGETS.top1)}.`, '');
    const accuracy = measureAccuracy(fast, queries);
    const naiveAccuracy = measureAccuracy(naive, queries);
    report.push('| language | queries | first | top 3 |', '|---|---:|---:|---:|');
    for (const lang of [...QUERY_LANGS, 'all'] as const) {
      const b = accuracy.byLang[lang];
      if (b.n === 0) continue;
      report.push(`| ${lang === 'all' ? '**all**' : lang} | ${b.n} | ${pct(b.top1 / b.n)} | ${pct(b.top3 / b.n)} |`);
    }
    // Robustness: the same queries with one typing slip each, in one word of 5+ letters.
    const slipped = measureAccuracy(fast, queries.map(withOneSlip));
    const sAll = slipped.byLang.all;
    report.push('', `With one injected typo per query (a dropped, doubled or swapped letter in one word of 5+ letters; seeded): first ${pct(sAll.top1 / sAll.n)}, top 3 ${pct(sAll.top3 / sAll.n)}.`);
    const nAll = naiveAccuracy.byLang.all;
    report.push('', `Naive scan on the same queries: first ${pct(nAll.top1 / nAll.n)}, top 3 ${pct(nAll.top3 / nAll.n)} (it ranks identically by construction; a difference is a bug).`);
    const unknown = queries.filter((q) => !known.has(q.expect));
    if (unknown.length > 0) {
      report.push('', `${unknown.length} queries expect a service that is not in the catalog (counted as misses): ${[...new Set(unknown.map((q) => q.expect))].join(', ')}`);
    }
    if (problems.length > 0) report.push('', `Malformed entries skipped: ${problems.join('; ')}`);
    const misses = accuracy.misses.filter((m) => known.has(m.query.expect));
    if (misses.length > 0) {
      report.push('', `Misses (${misses.length}; expected service not first):`, '', '| query | lang | expected | got (top 3) | file |', '|---|---|---|---|---|');
      for (const { query, got } of misses) {
        const rank = got.findIndex((h) => h.serviceId === query.expect);
        const gotText = got.map((h) => `${h.serviceId} ${h.score}`).join(', ') || '(nothing)';
        report.push(`| ${escapeCell(query.q)} | ${query.lang} | ${query.expect}${rank > 0 ? ` (#${rank + 1})` : ''} | ${gotText} | ${query.file} |`);
      }
    }
  }

  // Speed on the real catalog.
  const timing = queries.length > 0 ? queries : services.flatMap((s) => LANGUAGES.map((l) => ({ q: s.name[l], lang: l as QueryLang })));
  report.push('', '#### Speed', '');
  report.push(`Uncached: every query is scored from scratch (the index's LRU cache off). ${timing.length} distinct queries repeated for ${seconds} s in ${ROUNDS} rounds after a warm-up pass; queries/s is the median round, p50/p99 over every query timed. The naive scan on synthetic catalogs is timed on 200 queries only. Build: index construction (for synthetic catalogs, the whole \`LoadedCatalog\`).`, '');
  report.push('| catalog | implementation | build | queries/s | p50 | p99 |', '|---|---|---:|---:|---:|---:|');
  const realFast = measureSpeed(fast, timing, seconds);
  const realNaive = measureSpeed(naive, timing, seconds);
  report.push(speedRow(`real (${services.length})`, 'index, uncached', buildMs, realFast));
  report.push(speedRow(`real (${services.length})`, 'naive scan', naiveBuildMs, realNaive));
  const cached = new ServiceSearchIndex(services);
  report.push(speedRow(`real (${services.length})`, 'index, LRU cache', buildMs, measureSpeed(cached, timing, seconds)));
  for (const size of [1000, 5000]) {
    const synthetic = syntheticServices(services, size);
    // Load = building the LoadedCatalog (its search index included) from validated definitions.
    const syntheticLoadMs = await medianMs(3, () => new LoadedCatalog(catalog.departments(), synthetic, catalog.popular(), catalog.systems()));
    const index = new ServiceSearchIndex(synthetic, { cacheSize: 0 });
    const terms = index.stats.terms.toLocaleString('en');
    report.push(speedRow(`synthetic ${size.toLocaleString('en')} (${terms} terms)`, 'index, uncached', syntheticLoadMs, measureSpeed(index, timing, seconds)));
    const naiveSyntheticMs = await medianMs(1, () => new NaiveServiceSearch(synthetic));
    // The naive scan is slow on large catalogs: time a bounded number of queries only.
    report.push(speedRow(`synthetic ${size.toLocaleString('en')}`, 'naive scan', naiveSyntheticMs, measureSpeed(new NaiveServiceSearch(synthetic), timing, seconds, 200)));
  }
  report.push('', `Targets: ≥ ${TARGETS.queriesPerSecond.toLocaleString('en')} queries/s on the real catalog; synthetic 1,000+ loads (LoadedCatalog with its index) in < ${TARGETS.syntheticLoadMs} ms with < ${TARGETS.syntheticQueryMs} ms per query.`);
  loaded.cleanup();
  return report;
}

// ---------------------------------------------------------------------------------------------

interface SpeedResult {
  queriesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/** Timing rounds per measurement: the median round is reported, so one noisy burst does not. */
const ROUNDS = 5;

/**
 * Runs the queries round-robin for about `seconds` in {@link ROUNDS} rounds (at most
 * `maxQueries` queries in all when given), timing each query, after one warm-up pass over the
 * queries so the JIT has compiled the hot path. Queries per second is the median round's rate.
 */
function measureSpeed(searcher: Searcher, queries: readonly { q: string; lang: QueryLang }[], seconds: number, maxQueries = Infinity): SpeedResult {
  const warm = Math.min(queries.length, maxQueries === Infinity ? queries.length : 50);
  for (let i = 0; i < warm; i++) searcher.search(queries[i].q, citizenLang(queries[i].lang), 5);
  const latencies: number[] = [];
  const rates: number[] = [];
  let i = 0;
  let sink = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    const until = started + (seconds * 1000) / ROUNDS;
    const roundMax = Math.ceil(maxQueries / ROUNDS);
    let done = 0;
    while (done < roundMax && (done % 16 !== 0 || performance.now() < until)) {
      const query = queries[i % queries.length];
      const t0 = process.hrtime.bigint();
      sink += searcher.search(query.q, citizenLang(query.lang), 5).length;
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      i++;
      done++;
    }
    rates.push(done / ((performance.now() - started) / 1000));
  }
  if (sink < 0) console.log(sink); // keep the results alive
  latencies.sort((a, b) => a - b);
  rates.sort((a, b) => a - b);
  return {
    queriesPerSecond: rates[Math.floor(rates.length / 2)],
    p50Ms: latencies[Math.floor(latencies.length * 0.5)] ?? 0,
    p99Ms: latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))] ?? 0,
  };
}

function speedRow(catalog: string, implementation: string, buildMs: number, r: SpeedResult): string {
  return `| ${catalog} | ${implementation} | ${buildMs.toFixed(0)} ms | ${Math.round(r.queriesPerSecond).toLocaleString('en')} | ${formatMs(r.p50Ms)} | ${formatMs(r.p99Ms)} |`;
}

function formatMs(ms: number): string {
  return ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(1)} ms`;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)} %`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

async function medianMs(runs: number, work: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/**
 * Loads the catalog in `dir`; when it does not load (others are editing it while the benchmark
 * runs), loads a temporary copy without the files that fail, so the figures still come out and
 * the report says what was left out. Throws only when that does not help either.
 */
async function loadLeniently(dir: string): Promise<{ catalog: LoadedCatalog; dir: string; skipped: string[]; errors: string[]; cleanup: () => void }> {
  const first = await readCatalogDir(dir);
  if (first.catalog) return { catalog: first.catalog, dir, skipped: [], errors: [], cleanup: () => {} };
  const copy = mkdtempSync(join(tmpdir(), 'mitra-search-bench-'));
  cpSync(dir, copy, { recursive: true });
  const skipped: string[] = [];
  let result = first;
  for (let attempt = 0; attempt < 5 && !result.catalog; attempt++) {
    for (const error of result.errors) {
      const file = error.match(/^([^/:\s]+\/[^/:\s]+\.(?:ya?ml|json)):/)?.[1];
      if (file && !skipped.includes(file)) {
        skipped.push(file);
        try { unlinkSync(join(copy, file)); } catch { /* already gone */ }
      }
      const unknownPopular = error.match(/^catalog\.yaml: popular: unknown service '([^']+)'/)?.[1];
      if (unknownPopular) {
        const settings = parseYaml(readFileSync(join(copy, 'catalog.yaml'), 'utf8')) as { popular?: string[] };
        settings.popular = (settings.popular ?? []).filter((id) => id !== unknownPopular);
        writeFileSync(join(copy, 'catalog.yaml'), stringifyYaml(settings));
      }
    }
    result = await readCatalogDir(copy);
  }
  if (!result.catalog) {
    rmSync(copy, { recursive: true, force: true });
    throw new Error(`catalog ${dir} does not load even without its failing files:\n${result.errors.join('\n')}`);
  }
  return { catalog: result.catalog, dir: copy, skipped, errors: first.errors, cleanup: () => rmSync(copy, { recursive: true, force: true }) };
}

// ---------------------------------------------------------------------------------------------
// Synthetic catalogs: the real services first, then recombinations of them. Each synthetic
// service takes a real one's definition, mixes in another's name words and keywords, and adds
// made-up scheme names (syllables of each script), so the vocabulary grows as a real catalog's
// would, with many near-duplicates that make typo and prefix matching work hard.

const SYLLABLES: Record<Lang, string[]> = {
  en: ['ka', 'ra', 'ma', 'na', 'pa', 'la', 'va', 'sa', 'ta', 'da', 'ga', 'ja', 'ri', 'ni', 'mi', 'ku', 'ru', 'tu', 'ya', 'sha', 'dhi', 'the', 'ko', 'po'],
  te: ['క', 'ర', 'మ', 'న', 'ప', 'ల', 'వ', 'స', 'త', 'ద', 'గ', 'జ', 'రి', 'ని', 'మి', 'కు', 'రు', 'తు', 'య', 'శ', 'ధి', 'థె', 'కో', 'పో'],
  hi: ['क', 'र', 'म', 'न', 'प', 'ल', 'व', 'स', 'त', 'द', 'ग', 'ज', 'रि', 'नि', 'मि', 'कु', 'रु', 'तु', 'य', 'श', 'धि', 'थे', 'को', 'पो'],
};

/** `size` services: the real ones, then synthetic ones with ids `<department>.synthetic-<n>`. */
export function syntheticServices(real: readonly ServiceDefinition[], size: number): ServiceDefinition[] {
  let seed = 12345;
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const word = (lang: Lang) => Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(SYLLABLES[lang])).join('');
  const services: ServiceDefinition[] = [...real];
  for (let n = 0; services.length < size; n++) {
    const base = real[n % real.length];
    const other = pick(real);
    const scheme = { te: word('te'), en: word('en'), hi: word('hi') };
    const name = {} as Record<Lang, string>;
    const keywords = {} as Record<Lang, string[]>;
    for (const lang of LANGUAGES) {
      const otherWords = other.name[lang].split(/\s+/);
      name[lang] = `${scheme[lang]} ${base.name[lang]} ${pick(otherWords)}`.slice(0, 60);
      const own = base.keywords?.[lang] ?? [];
      keywords[lang] = [
        ...own.filter(() => random() < 0.6),
        ...(other.keywords?.[lang] ?? []).filter(() => random() < 0.2),
        `${scheme[lang]} ${word(lang)}`,
        word(lang),
      ];
    }
    services.push({ ...base, id: `${base.department}.synthetic-${n}`, name, keywords });
  }
  return services;
}
