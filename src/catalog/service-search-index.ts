/**
 * The catalog's "type what you need" search: an in-memory index over every service's name,
 * keywords, description and short choice lists, in all three languages at once (a citizen who
 * chose English may still type Telugu, or romanized Telugu). Built once when a catalog is
 * loaded; a query then touches only the index entries its tokens lead to, never the whole
 * vocabulary, so it stays well under a millisecond for thousands of services (issue #3).
 *
 * Scoring, in short: each query token is matched to index terms exactly, by prefix, or within
 * a small edit distance; its best match in each service counts with the field's weight
 * (name > keywords > description > choice options) and the token's rarity (IDF). A service's
 * score is the weighted share of the query it covers, blended with how well its best name or
 * keyword phrase fits the query (both ways: the phrase's words found, the query's words used),
 * so "income certificate" prefers the service of that name over "agriculture income
 * certificate". Scores lie in (0, 1]; ties keep catalog order, so results are
 * deterministic.
 *
 * Finding the matches of one query token:
 * - exact: a hash map from term to term id;
 * - prefix ("cert" → "certificate"): a binary search in the vocabulary sorted by code units,
 *   where every term starting with the token is one contiguous run; and the opposite ("incomes"
 *   → "income"): a map lookup of each of the token's own prefixes;
 * - typos: a deletion neighbourhood (`DeletionNeighbourhood`) proposes the few terms that may
 *   lie within distance 1 or 2, and `boundedEditDistance` confirms them.
 * bench/naive-search.ts keeps the linear scan this replaced; a test checks both rank alike.
 */
import type { Lang } from '../lib/languages.ts';
import { LANGUAGES } from '../lib/languages.ts';
import type { ServiceDefinition } from '../engine/definition/schema.ts';
import { boundedEditDistance } from './bounded-edit-distance.ts';
import { BoundedLruCache } from './bounded-lru-cache.ts';
import { DeletionNeighbourhood, MAX_TYPO_TOKEN_LENGTH } from './deletion-neighbourhood.ts';
import { searchTermsOf, type SearchTerm } from './search-terms-of.ts';

/** How much a match counts, by where it was found. */
export const SEARCH_FIELD_WEIGHTS = { name: 3, keywords: 2, description: 1, options: 0.5 } as const;

/** Choice steps with more options than this (district lists) are not indexed: they name places, not needs. */
export const MAX_INDEXED_OPTIONS = 12;

/** Longest query considered, in characters; the rest is ignored. */
export const MAX_QUERY_CHARS = 300;

/** Most query tokens considered. */
export const MAX_QUERY_TOKENS = 16;

/** Results scoring below this are dropped as noise. */
export const MIN_SEARCH_SCORE = 0.15;

/** Factor on matches found in a language other than the citizen's: a gentle preference only. */
export const OTHER_LANGUAGE_FACTOR = 0.95;

/** Match quality by kind of match. */
export const MATCH_QUALITY = { exact: 1, prefix: 0.8, typo1: 0.8, typo2: 0.6 } as const;

/**
 * Shortest query token matched as a prefix of a term (code points). An index term is matched as
 * a prefix of the query ("incomes" → "income") when it has at least MIN_TYPO1_LENGTH.
 */
export const MIN_PREFIX_LENGTH = 3;

/**
 * Shortest query token matched with one typo, and (query and term both) with two (code points);
 * two only when both start with the same letter (see also MIN_FREE_START_LENGTH).
 */
export const MIN_TYPO1_LENGTH = 4;
export const MIN_TYPO2_LENGTH = 7;

/** Shortest query token (code points) whose one typo may be in its first letter. */
export const MIN_FREE_START_LENGTH = 6;

/**
 * Share of the score given to the best phrase fit (see `#phraseFit`); the rest is token
 * coverage. An exact name or keyword scores 1 either way.
 */
export const PHRASE_SHARE = 0.3;

/** Default number of distinct queries whose results are kept (per index). */
export const DEFAULT_SEARCH_CACHE_SIZE = 1024;

/** Scores are rounded to 4 decimals, so near-equal floating-point sums compare equal. */
function round(score: number): number {
  return Math.round(score * 10_000) / 10_000;
}

type Field = keyof typeof SEARCH_FIELD_WEIGHTS;

/** One search result. */
export interface SearchHit {
  serviceId: string;
  score: number;
}

/** Options of {@link ServiceSearchIndex}. */
export interface SearchIndexOptions {
  /** Distinct (query, language) results kept in an LRU cache; 0 disables it (benchmarks). */
  cacheSize?: number;
}

/** The matches of one query token: index term id → match quality. */
type TokenMatches = Map<number, number>;

/**
 * An immutable search index over a list of services, in catalog order. Construct it once per
 * loaded catalog; `search` never throws and never changes what later searches return.
 */
export class ServiceSearchIndex {
  readonly #ids: string[];
  /** Folded term → term id; ids are assigned in order of first appearance. */
  readonly #termIds = new Map<string, number>();
  readonly #terms: string[] = [];
  /**
   * The spellings a query token is matched against: every term, and every token as the catalog
   * spells it where that differs, each leading to one term (the first it was seen with).
   * Matching raw spellings too keeps a typo a typo: folding "chage" gives "cage" but "change"
   * gives "cang", two edits apart, while "chage" is one edit from "change".
   */
  readonly #spellingIds = new Map<string, number>();
  readonly #spellings: string[] = [];
  readonly #spellingTerm: number[] = [];
  /** Per spelling: its code points, for edit distances. */
  readonly #spellingChars: Int32Array[] = [];
  /** Per term: inverse document frequency. */
  readonly #idf: Float64Array;
  /** Postings of term t are entries #postingStart[t] … #postingStart[t + 1] − 1. */
  readonly #postingStart: Int32Array;
  readonly #postingService: Int32Array;
  /** Field weight ÷ the name's weight, so a name match counts 1. */
  readonly #postingWeight: Float64Array;
  /** Index in LANGUAGES of the language the term was found in. */
  readonly #postingLang: Uint8Array;
  /** Spelling ids sorted by spelling (UTF-16 code units), for prefix ranges. */
  readonly #sortedSpellings: Int32Array;
  readonly #typos: DeletionNeighbourhood;
  /**
   * Name and keyword phrases: phrase p's term ids are #phraseTerms[#phraseStart[p] …
   * #phraseStart[p + 1] − 1]. A service's phrases are contiguous: service s has phrases
   * #servicePhraseStart[s] … #servicePhraseStart[s + 1] − 1.
   */
  readonly #phraseStart: Int32Array;
  readonly #phraseTerms: Int32Array;
  readonly #servicePhraseStart: Int32Array;
  readonly #maxIdf: number;
  readonly #cache: BoundedLruCache<string, SearchHit[]>;

  // Scratch space for one query, reused so a search allocates little. A search runs to
  // completion before the next starts (JavaScript is single-threaded), so sharing is safe.
  readonly #covered: Float64Array;
  /** Per service: the summed weight of the query tokens that matched anything in it. */
  readonly #matchedWeight: Float64Array;
  readonly #best: Float64Array;
  /** Per term: the query (#scoreNumber) in which a token last matched it, and its row in #termQuality. */
  readonly #termMatchedIn: Int32Array;
  readonly #termRow: Int32Array;
  /** Row r, column i: the quality with which query token i matched the term of row r. */
  #termQuality = new Float64Array(64 * MAX_QUERY_TOKENS);
  #scoreNumber = 0;
  /** Rows of #termQuality used by the current query. */
  #rows = 0;
  readonly #touched: Int32Array;
  readonly #tokenTouched: Int32Array;
  /** Per spelling: the lookup number that last visited it, to skip repeated typo candidates. */
  readonly #visitedIn: Int32Array;
  #queryNumber = 0;

  /**
   * Indexes `services`, which MUST be in catalog order (ties between equal scores keep it).
   * Takes a few tenths of a second per thousand services (bench/search.ts measures it).
   */
  constructor(services: readonly ServiceDefinition[], options: SearchIndexOptions = {}) {
    this.#ids = services.map((s) => s.id);
    this.#cache = new BoundedLruCache(options.cacheSize ?? DEFAULT_SEARCH_CACHE_SIZE);
    // First pass into flat growable lists: one posting per (term, service, language), holding
    // the best field weight the term has there. Services are added in order, so the postings of
    // one service are contiguous; `slotPosting[term × 3 + language]` is that term's posting in
    // the current service when `slotService` at the same place says so.
    // Typed arrays doubled when full: hundreds of thousands of postings for a large catalog.
    let capacity = 1024;
    let postingCount = 0;
    let postingTerm = new Int32Array(capacity);
    let postingService = new Int32Array(capacity);
    let postingLang = new Uint8Array(capacity);
    let postingWeight = new Float64Array(capacity);
    const grow = () => {
      capacity *= 2;
      const term = new Int32Array(capacity);
      term.set(postingTerm);
      postingTerm = term;
      const service = new Int32Array(capacity);
      service.set(postingService);
      postingService = service;
      const lang = new Uint8Array(capacity);
      lang.set(postingLang);
      postingLang = lang;
      const weight = new Float64Array(capacity);
      weight.set(postingWeight);
      postingWeight = weight;
    };
    const documentFrequency: number[] = [];
    const slotService: number[] = [];
    const slotPosting: number[] = [];
    const serviceTerms: number[] = [];
    // Per-term lists grow as terms are found, by push, so they stay packed arrays (writing past
    // the end would make V8 fall back to slow sparse ones).
    const addTerm = () => {
      documentFrequency.push(0);
      serviceTerms.push(-1);
      for (let l = 0; l < LANGUAGES.length; l++) {
        slotService.push(-1);
        slotPosting.push(-1);
      }
    };
    // Catalog texts repeat (option labels, document names, shared keywords): tokenize each once.
    const termsOfText = new Map<string, Int32Array>();
    const termIdsOf = (text: string): Int32Array => {
      let ids = termsOfText.get(text);
      if (!ids) {
        ids = Int32Array.from(searchTermsOf(text), ({ raw, folded }) => {
          const t = this.#intern(folded, addTerm);
          this.#addSpelling(raw, t);
          return t;
        });
        termsOfText.set(text, ids);
      }
      return ids;
    };
    const addText = (service: number, field: Field, lang: number, text: string) => {
      const weight = SEARCH_FIELD_WEIGHTS[field];
      const ids = termIdsOf(text);
      for (let i = 0; i < ids.length; i++) {
        const t = ids[i];
        const key = t * LANGUAGES.length + lang;
        if (slotService[key] === service) {
          const existing = slotPosting[key];
          if (weight > postingWeight[existing]) postingWeight[existing] = weight;
          continue;
        }
        slotService[key] = service;
        slotPosting[key] = postingCount;
        if (postingCount === capacity) grow();
        postingTerm[postingCount] = t;
        postingService[postingCount] = service;
        postingLang[postingCount] = lang;
        postingWeight[postingCount] = weight;
        postingCount++;
      }
    };
    const phrases: Int32Array[] = [];
    this.#servicePhraseStart = new Int32Array(services.length + 1);
    const addPhrase = (service: number, text: string) => {
      const ids = termIdsOf(text);
      if (ids.length === 0) return;
      phrases.push(ids);
      this.#servicePhraseStart[service + 1] = phrases.length;
    };
    services.forEach((service, s) => {
      const firstPosting = postingCount;
      this.#servicePhraseStart[s + 1] = phrases.length;
      LANGUAGES.forEach((lang, l) => {
        addText(s, 'name', l, service.name[lang]);
        addPhrase(s, service.name[lang]);
        addText(s, 'description', l, service.description[lang]);
        for (const keyword of service.keywords?.[lang] ?? []) {
          addText(s, 'keywords', l, keyword);
          addPhrase(s, keyword);
        }
        for (const step of service.steps) {
          if (step.type !== 'ask_choice' || step.options.length > MAX_INDEXED_OPTIONS) continue;
          for (const option of step.options) {
            addText(s, 'options', l, option.label[lang]);
            if (option.description) addText(s, 'options', l, option.description[lang]);
          }
        }
      });
      // Document frequency counts services, not languages or fields.
      for (let k = firstPosting; k < postingCount; k++) {
        const t = postingTerm[k];
        if (serviceTerms[t] !== s) {
          serviceTerms[t] = s;
          documentFrequency[t]++;
        }
      }
    });

    // Compact the postings into flat typed arrays grouped by term (a counting sort, stable, so
    // each term's postings stay in catalog order).
    const termCount = this.#terms.length;
    const total = postingCount;
    this.#postingStart = new Int32Array(termCount + 1);
    for (let k = 0; k < total; k++) this.#postingStart[postingTerm[k] + 1]++;
    for (let t = 0; t < termCount; t++) this.#postingStart[t + 1] += this.#postingStart[t];
    this.#postingService = new Int32Array(total);
    this.#postingWeight = new Float64Array(total);
    this.#postingLang = new Uint8Array(total);
    const next = this.#postingStart.slice(0, termCount);
    for (let k = 0; k < total; k++) {
      const at = next[postingTerm[k]]++;
      this.#postingService[at] = postingService[k];
      this.#postingWeight[at] = postingWeight[k] / SEARCH_FIELD_WEIGHTS.name;
      this.#postingLang[at] = postingLang[k];
    }

    const n = services.length;
    this.#idf = new Float64Array(termCount);
    for (let t = 0; t < termCount; t++) this.#idf[t] = Math.log(1 + n / documentFrequency[t]);
    this.#maxIdf = Math.log(1 + Math.max(n, 1));

    // Default sort compares UTF-16 code units, the order in which `startsWith` ranges are contiguous.
    const spellings = this.#spellings;
    this.#sortedSpellings = Int32Array.from(spellings.keys()).sort((a, b) => (spellings[a] < spellings[b] ? -1 : 1));

    // A query token of MIN_TYPO1_LENGTH or more may be one edit from a term one code point shorter.
    // (A term one code point shorter only needs itself stored: the query's deletion finds it.)
    const deletions = this.#spellingChars.map((chars) =>
      chars.length >= MIN_TYPO2_LENGTH ? 2 : chars.length >= MIN_TYPO1_LENGTH ? 1 : 0);
    this.#typos = new DeletionNeighbourhood(this.#spellingChars, deletions);

    // Phrases into flat arrays.
    this.#phraseStart = new Int32Array(phrases.length + 1);
    phrases.forEach((phrase, p) => { this.#phraseStart[p + 1] = this.#phraseStart[p] + phrase.length; });
    this.#phraseTerms = new Int32Array(this.#phraseStart[phrases.length]);
    phrases.forEach((phrase, p) => this.#phraseTerms.set(phrase, this.#phraseStart[p]));

    this.#covered = new Float64Array(n);
    this.#best = new Float64Array(n);
    this.#matchedWeight = new Float64Array(n);
    this.#termMatchedIn = new Int32Array(termCount);
    this.#termRow = new Int32Array(termCount);
    this.#touched = new Int32Array(n);
    this.#tokenTouched = new Int32Array(n);
    this.#visitedIn = new Int32Array(spellings.length);
  }

  /** Sizes of the index, for benchmark reports. */
  get stats(): { services: number; terms: number; spellings: number; postings: number; typoEntries: number } {
    return {
      services: this.#ids.length, terms: this.#terms.length, spellings: this.#spellings.length,
      postings: this.#postingService.length, typoEntries: this.#typos.size,
    };
  }

  /**
   * Services matching `text`, best first, at most `limit`, each with a score in (0, 1].
   * Matches in every language; `lang` (the citizen's language) only breaks near-ties.
   * Deterministic; returns `[]` instead of throwing on any input. The hits are fresh objects
   * the caller may keep or change.
   */
  search(text: string, lang: Lang, limit: number): SearchHit[] {
    try {
      if (!Number.isFinite(limit) || limit < 1 || this.#ids.length === 0) return [];
      const query = searchTermsOf(typeof text === 'string' ? text.slice(0, MAX_QUERY_CHARS) : '').slice(0, MAX_QUERY_TOKENS);
      if (query.length === 0) return [];
      const top = Math.min(Math.floor(limit), this.#ids.length);
      const key = `${lang}\u0000${top}\u0000${query.map((t) => t.raw).join(' ')}`;
      let hits = this.#cache.get(key);
      if (!hits) {
        hits = this.#score(query, lang, top);
        this.#cache.set(key, hits);
      }
      return hits.map((h) => ({ ...h }));
    } catch {
      // MUST NOT throw (CatalogView contract): a search failure is "no results".
      return [];
    }
  }

  /**
   * The best `limit` services for the query tokens, scored exactly as the reference does.
   * Coverage is summed for every service a token touches (cheap: posting lists); the phrase fit
   * (dearer: every phrase of the service) only for services whose upper bound — coverage plus
   * the largest fit their matched tokens allow — can still reach the current top `limit`.
   */
  #score(query: SearchTerm[], lang: Lang, limit: number): SearchHit[] {
    const langIndex = LANGUAGES.indexOf(lang);
    const covered = this.#covered;
    const matchedWeight = this.#matchedWeight;
    const best = this.#best;
    const touched = this.#touched;
    const tokenTouched = this.#tokenTouched;
    // Hot loops read locals, not private fields.
    const postingStart = this.#postingStart;
    const postingLang = this.#postingLang;
    const postingWeight = this.#postingWeight;
    const postingService = this.#postingService;
    const stamp = ++this.#scoreNumber;
    const q = query.length;
    let touchedCount = 0;
    let totalWeight = 0;
    this.#rows = 0;
    const tokenWeights = new Float64Array(q);
    const tokenMatches = query.map((token) => {
      const found: TokenMatches = new Map();
      this.#match(token.folded, found);
      if (token.raw !== token.folded) this.#match(token.raw, found);
      return found;
    });
    for (let i = 0; i < q; i++) {
      const matches = tokenMatches[i];
      // The token's weight is the rarity of what it matched best: "certificate" (in every
      // certificate) weighs less than "income". Unknown tokens weigh the most, so a query
      // that is mostly unmatched scores low everywhere.
      let tokenWeight = this.#maxIdf;
      let bestQuality = 0;
      for (const [term, quality] of matches) {
        const idf = this.#idf[term];
        if (quality > bestQuality || (quality === bestQuality && idf > tokenWeight)) {
          bestQuality = quality;
          tokenWeight = idf;
        }
      }
      totalWeight += tokenWeight;
      tokenWeights[i] = tokenWeight;
      // The token's best match in each service: quality × field weight × language preference.
      let tokenTouchedCount = 0;
      for (const [term, quality] of matches) {
        this.#recordMatch(term, i, quality, stamp);
        for (let k = postingStart[term], end = postingStart[term + 1]; k < end; k++) {
          const languageFactor = postingLang[k] === langIndex ? 1 : OTHER_LANGUAGE_FACTOR;
          const value = quality * postingWeight[k] * languageFactor;
          const s = postingService[k];
          if (value > best[s]) {
            if (best[s] === 0) tokenTouched[tokenTouchedCount++] = s;
            best[s] = value;
          }
        }
      }
      for (let k = 0; k < tokenTouchedCount; k++) {
        const s = tokenTouched[k];
        if (covered[s] === 0) touched[touchedCount++] = s;
        covered[s] += tokenWeight * best[s];
        matchedWeight[s] += tokenWeight;
        best[s] = 0;
      }
    }

    // A floor for the `limit`-th score: the `limit`-th best lower bound (coverage alone) among
    // services sure to be hits. A service whose upper bound is below it cannot make the list.
    const lowest: number[] = [];
    for (let k = 0; k < touchedCount; k++) {
      const s = touched[k];
      const lower = Math.min(1, (covered[s] / totalWeight) * (1 - PHRASE_SHARE));
      if (lower < MIN_SEARCH_SCORE) continue;
      const rounded = round(lower);
      if (lowest.length === limit && rounded <= lowest[limit - 1]) continue;
      let at = lowest.length;
      while (at > 0 && rounded > lowest[at - 1]) at--;
      lowest.splice(at, 0, rounded);
      if (lowest.length > limit) lowest.pop();
    }
    const floor = lowest.length === limit ? lowest[limit - 1] : 0;

    // The top `limit`, best first, equal scores in catalog order.
    const topScore: number[] = [];
    const topService: number[] = [];
    const beats = (score: number, s: number, k: number) => score > topScore[k] || (score === topScore[k] && s < topService[k]);
    for (let k = 0; k < touchedCount; k++) {
      const s = touched[k];
      const coverage = covered[s] / totalWeight;
      const upper = Math.min(1, coverage * (1 - PHRASE_SHARE) + (matchedWeight[s] / totalWeight) * PHRASE_SHARE);
      covered[s] = 0;
      matchedWeight[s] = 0;
      if (upper < MIN_SEARCH_SCORE || round(upper) < floor) continue;
      if (topScore.length === limit && !beats(round(upper), s, limit - 1)) continue;
      const raw = Math.min(1, coverage * (1 - PHRASE_SHARE) + this.#phraseFit(s, tokenWeights, totalWeight, stamp) * PHRASE_SHARE);
      if (raw < MIN_SEARCH_SCORE) continue;
      const score = round(raw);
      if (topScore.length === limit && !beats(score, s, limit - 1)) continue;
      let at = topScore.length;
      while (at > 0 && beats(score, s, at - 1)) at--;
      topScore.splice(at, 0, score);
      topService.splice(at, 0, s);
      if (topScore.length > limit) {
        topScore.pop();
        topService.pop();
      }
    }
    return topService.map((s, k) => ({ serviceId: this.#ids[s], score: topScore[k] }));
  }

  /** Notes that query token `i` matched `term` with `quality`, for the phrase fit. */
  #recordMatch(term: number, i: number, quality: number, stamp: number): void {
    if (this.#termMatchedIn[term] !== stamp) {
      const nextRow = this.#rows++;
      this.#termMatchedIn[term] = stamp;
      this.#termRow[term] = nextRow;
      if ((nextRow + 1) * MAX_QUERY_TOKENS > this.#termQuality.length) {
        const grown = new Float64Array(this.#termQuality.length * 2);
        grown.set(this.#termQuality);
        this.#termQuality = grown;
      }
      this.#termQuality.fill(0, nextRow * MAX_QUERY_TOKENS, (nextRow + 1) * MAX_QUERY_TOKENS);
    }
    this.#termQuality[this.#termRow[term] * MAX_QUERY_TOKENS + i] = quality;
  }

  /**
   * How well the query and service `s`'s best-fitting name or keyword phrase cover each other:
   * (share of the phrase's terms matched, by match quality) × (share of the query's weight
   * matching the phrase). "ఆదాయ సర్టిఫికెట్" fits the keyword "ఆదాయ సర్టిఫికెట్" fully and the
   * name "వ్యవసాయ ఆదాయ సర్టిఫికెట్" by two thirds, so the service the citizen named wins over
   * one that merely contains the same words.
   */
  #phraseFit(s: number, tokenWeights: Float64Array, totalWeight: number, stamp: number): number {
    const q = tokenWeights.length;
    let fitBest = 0;
    for (let p = this.#servicePhraseStart[s], pEnd = this.#servicePhraseStart[s + 1]; p < pEnd; p++) {
      const start = this.#phraseStart[p];
      const end = this.#phraseStart[p + 1];
      let quality = 0;
      let tokens = 0;
      // Summed in slot order, and token weights in token order, exactly as the reference does.
      for (let slot = start; slot < end; slot++) {
        const term = this.#phraseTerms[slot];
        if (this.#termMatchedIn[term] !== stamp) continue;
        const row = this.#termRow[term] * MAX_QUERY_TOKENS;
        let slotBest = 0;
        for (let i = 0; i < q; i++) {
          const value = this.#termQuality[row + i];
          if (value > 0) tokens |= 1 << i;
          if (value > slotBest) slotBest = value;
        }
        quality += slotBest;
      }
      if (tokens === 0) continue;
      let weight = 0;
      for (let i = 0; i < q; i++) if (tokens & (1 << i)) weight += tokenWeights[i];
      const fit = (quality / (end - start)) * (weight / totalWeight);
      if (fit > fitBest) fitBest = fit;
    }
    return fitBest;
  }

  /**
   * Adds to `found` every index term that `key` (a query token, folded or as typed) matches
   * through one of its spellings, with the match quality, keeping the best quality per term.
   */
  #match(key: string, found: TokenMatches): void {
    const raise = (spelling: number, quality: number) => {
      const term = this.#spellingTerm[spelling];
      if (quality > (found.get(term) ?? 0)) found.set(term, quality);
    };
    const exact = this.#spellingIds.get(key);
    if (exact !== undefined) raise(exact, MATCH_QUALITY.exact);
    const chars = Int32Array.from(Array.from(key), (c) => c.codePointAt(0)!);
    // "cert" → "certificate"; and inflected queries: "సర్టిఫికెట్టు" → "సర్టిఫికెట్".
    if (chars.length >= MIN_PREFIX_LENGTH) {
      const sorted = this.#sortedSpellings;
      const spellings = this.#spellings;
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (spellings[sorted[mid]] < key) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < sorted.length && spellings[sorted[i]].startsWith(key); i++) {
        if (sorted[i] !== exact) raise(sorted[i], MATCH_QUALITY.prefix);
      }
    }
    let prefixEnd = 0;
    for (let k = 0; k < chars.length - 1; k++) {
      prefixEnd += chars[k] > 0xffff ? 2 : 1;
      if (k + 1 < MIN_TYPO1_LENGTH) continue;
      const shorter = this.#spellingIds.get(key.slice(0, prefixEnd));
      if (shorter !== undefined) raise(shorter, MATCH_QUALITY.prefix);
    }
    if (chars.length >= MIN_TYPO1_LENGTH && chars.length <= MAX_TYPO_TOKEN_LENGTH) {
      const stamp = ++this.#queryNumber;
      const long = chars.length >= MIN_TYPO2_LENGTH;
      this.#typos.candidates(chars, long ? 2 : 1, (spelling) => {
        if (this.#visitedIn[spelling] === stamp || spelling === exact) return;
        this.#visitedIn[spelling] = stamp;
        if ((found.get(this.#spellingTerm[spelling]) ?? 0) >= MATCH_QUALITY.typo1) return;
        const spellingChars = this.#spellingChars[spelling];
        // People rarely get the first letter wrong, and a different first letter in a short word
        // makes another word ("mill" is not "bill"), in a long one a second edit does ("morning"
        // is not "earning"): short words and two edits need the same first letter.
        const sameStart = spellingChars[0] === chars[0];
        if (!sameStart && chars.length < MIN_FREE_START_LENGTH) return;
        const max = long && spellingChars.length >= MIN_TYPO2_LENGTH && sameStart ? 2 : 1;
        const distance = boundedEditDistance(chars, spellingChars, max);
        if (distance === 1) raise(spelling, MATCH_QUALITY.typo1);
        else if (distance === 2 && max === 2) raise(spelling, MATCH_QUALITY.typo2);
      });
    }
  }

  /** The id of `term`, added to the vocabulary (and `onNew` called) when new. */
  #intern(term: string, onNew: () => void): number {
    let t = this.#termIds.get(term);
    if (t === undefined) {
      t = this.#terms.length;
      this.#termIds.set(term, t);
      this.#terms.push(term);
      // A term's own spelling leads to it, even when a token typed that way came first.
      const existing = this.#spellingIds.get(term);
      if (existing === undefined) this.#addSpelling(term, t);
      else this.#spellingTerm[existing] = t;
      onNew();
    }
    return t;
  }

  /** Records `spelling` as leading to term `t`, unless it already leads somewhere. */
  #addSpelling(spelling: string, t: number): void {
    if (this.#spellingIds.has(spelling)) return;
    this.#spellingIds.set(spelling, this.#spellings.length);
    this.#spellings.push(spelling);
    this.#spellingTerm.push(t);
    this.#spellingChars.push(Int32Array.from(Array.from(spelling), (c) => c.codePointAt(0)!));
  }
}
