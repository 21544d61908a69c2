/**
 * Benchmark baseline and test reference: the catalog search as it was before the index
 * (issue #3), a linear scan of the whole vocabulary for every query token. It MUST rank exactly
 * like `ServiceSearchIndex` (test/catalog/search-index-reference.test.ts checks this on many
 * queries), so the benchmark compares speed on equal work. Original description follows.
 *
 * The catalog's "type what you need" search: a small in-memory index over every service's
 * name, keywords, description and short choice lists, in all three languages at once (a
 * citizen who chose English may still type Telugu, or romanized Telugu). Built once when a
 * catalog is loaded; each query is then a scan of the vocabulary, which stays in the tens of
 * thousands of tokens even for a catalog of a thousand services.
 *
 * Scoring, in short: each query token is matched to index tokens exactly, by prefix, or within
 * a small edit distance; its best match in each service counts with the field's weight
 * (name > keywords > description > choice options) and the token's rarity (IDF). A service's
 * score is the weighted share of the query it covers, nudged up when a name or keyword phrase
 * fits the query well. Scores lie in [0, 1]; ties keep catalog order, so results are
 * deterministic.
 */
import type { Lang } from '../src/lib/languages.ts';
import { LANGUAGES } from '../src/lib/languages.ts';
import type { ServiceDefinition } from '../src/engine/definition/schema.ts';
import { boundedEditDistance } from '../src/catalog/bounded-edit-distance.ts';
import { searchTermsOf, type SearchTerm } from '../src/catalog/search-terms-of.ts';
import { MAX_TYPO_TOKEN_LENGTH } from '../src/catalog/deletion-neighbourhood.ts';
import {
  MATCH_QUALITY, MAX_INDEXED_OPTIONS, MAX_QUERY_CHARS, MAX_QUERY_TOKENS, MIN_PREFIX_LENGTH, MIN_SEARCH_SCORE,
  MIN_FREE_START_LENGTH, MIN_TYPO1_LENGTH, MIN_TYPO2_LENGTH, OTHER_LANGUAGE_FACTOR, PHRASE_SHARE, SEARCH_FIELD_WEIGHTS, type SearchHit,
} from '../src/catalog/service-search-index.ts';

// The same parameters as the index, so both rank alike.
const QUALITY = MATCH_QUALITY;

type Field = keyof typeof SEARCH_FIELD_WEIGHTS;

/** One occurrence of an index token: in which service, field and language. */
interface Posting {
  service: number;
  weight: number;
  lang: Lang;
}

/**
 * An immutable search index over a list of services, in catalog order. Construct it once per
 * loaded catalog; `search` never throws and never mutates the index.
 */
export class NaiveServiceSearch {
  readonly #ids: string[];
  /** token → postings, at most one per (service, field, language). */
  readonly #postings = new Map<string, Posting[]>();
  /** token → inverse document frequency. */
  readonly #idf = new Map<string, number>();
  /** Per service: its name and keyword phrases, as folded token lists. */
  readonly #phrases: string[][][];
  /** Spelling (a folded term, or a token as the catalog spells it) → the folded term it leads to. */
  readonly #spellings = new Map<string, string>();
  /** Spelling → its code points. */
  readonly #spellingChars = new Map<string, string[]>();
  readonly #maxIdf: number;

  constructor(services: readonly ServiceDefinition[]) {
    this.#ids = services.map((s) => s.id);
    this.#phrases = services.map(() => []);
    const documentFrequency = new Map<string, Set<number>>();
    services.forEach((service, index) => {
      for (const lang of LANGUAGES) {
        this.#add(index, 'name', lang, service.name[lang], documentFrequency);
        this.#addPhrase(index, service.name[lang]);
        this.#add(index, 'description', lang, service.description[lang], documentFrequency);
        for (const keyword of service.keywords?.[lang] ?? []) {
          this.#add(index, 'keywords', lang, keyword, documentFrequency);
          this.#addPhrase(index, keyword);
        }
        for (const step of service.steps) {
          if (step.type !== 'ask_choice' || step.options.length > MAX_INDEXED_OPTIONS) continue;
          for (const option of step.options) {
            this.#add(index, 'options', lang, option.label[lang], documentFrequency);
            if (option.description) this.#add(index, 'options', lang, option.description[lang], documentFrequency);
          }
        }
      }
    });
    const n = services.length;
    for (const [token, set] of documentFrequency) this.#idf.set(token, Math.log(1 + n / set.size));
    this.#maxIdf = Math.log(1 + Math.max(n, 1));
  }

  /**
   * Services matching `text`, best first, at most `limit`, each with a score in (0, 1].
   * Matches in every language; `lang` (the citizen's language) only breaks near-ties.
   * Deterministic; returns `[]` instead of throwing on any input.
   */
  search(text: string, lang: Lang, limit: number): SearchHit[] {
    try {
      if (!Number.isFinite(limit) || limit < 1 || this.#ids.length === 0) return [];
      const query = searchTermsOf(typeof text === 'string' ? text.slice(0, MAX_QUERY_CHARS) : '')
        .slice(0, MAX_QUERY_TOKENS);
      if (query.length === 0) return [];
      return this.#score(query, lang).slice(0, Math.floor(limit));
    } catch {
      // MUST NOT throw (CatalogView contract): a search failure is "no results".
      return [];
    }
  }

  #score(query: SearchTerm[], lang: Lang): SearchHit[] {
    const covered = new Array<number>(this.#ids.length).fill(0);
    let totalWeight = 0;
    const tokenMatches = query.map((token) => this.#matches(token));
    const tokenWeights: number[] = [];
    for (const matches of tokenMatches) {
      // The token's weight is the rarity of what it matched best: "certificate" (in every
      // certificate) weighs less than "income". Unknown tokens weigh the most, so a query
      // that is mostly unmatched scores low everywhere.
      let tokenWeight = this.#maxIdf;
      let bestQuality = 0;
      for (const [term, quality] of matches) {
        const idf = this.#idf.get(term) ?? this.#maxIdf;
        if (quality > bestQuality || (quality === bestQuality && idf > tokenWeight)) {
          bestQuality = quality;
          tokenWeight = idf;
        }
      }
      totalWeight += tokenWeight;
      tokenWeights.push(tokenWeight);
      // The token's best match in each service: quality × field weight × language preference.
      const best = new Map<number, number>();
      for (const [term, quality] of matches) {
        for (const posting of this.#postings.get(term) ?? []) {
          const languageFactor = posting.lang === lang ? 1 : OTHER_LANGUAGE_FACTOR;
          const value = quality * (posting.weight / SEARCH_FIELD_WEIGHTS.name) * languageFactor;
          if (value > (best.get(posting.service) ?? 0)) best.set(posting.service, value);
        }
      }
      for (const [service, value] of best) covered[service] += tokenWeight * value;
    }
    const hits: SearchHit[] = [];
    for (let s = 0; s < this.#ids.length; s++) {
      if (covered[s] === 0) continue;
      const coverage = covered[s] / totalWeight;
      const phrase = this.#phraseFit(s, tokenMatches, tokenWeights, totalWeight);
      const score = Math.min(1, coverage * (1 - PHRASE_SHARE) + phrase * PHRASE_SHARE);
      if (score >= MIN_SEARCH_SCORE) hits.push({ serviceId: this.#ids[s], score: Math.round(score * 10_000) / 10_000 });
    }
    // Stable sort: equal scores keep catalog order.
    return hits.sort((a, b) => b.score - a.score);
  }

  /**
   * How well the query and service `s`'s best-fitting name or keyword phrase cover each other:
   * (share of the phrase's terms matched, by quality) × (share of the query's weight matching it).
   */
  #phraseFit(s: number, tokenMatches: Map<string, number>[], tokenWeights: number[], totalWeight: number): number {
    let best = 0;
    for (const phrase of this.#phrases[s]) {
      let quality = 0;
      for (const term of phrase) quality += Math.max(0, ...tokenMatches.map((m) => m.get(term) ?? 0));
      let weight = 0;
      tokenMatches.forEach((m, i) => {
        if (phrase.some((term) => m.has(term))) weight += tokenWeights[i];
      });
      best = Math.max(best, (quality / phrase.length) * (weight / totalWeight));
    }
    return best;
  }

  /** Every index term that `token` (folded, or as typed) matches through a spelling, with the best quality. */
  #matches(token: SearchTerm): Map<string, number> {
    const found = new Map<string, number>();
    const raise = (term: string, quality: number) => {
      if (quality > (found.get(term) ?? 0)) found.set(term, quality);
    };
    for (const key of token.raw === token.folded ? [token.folded] : [token.folded, token.raw]) {
      const exact = this.#spellings.get(key);
      if (exact !== undefined) raise(exact, QUALITY.exact);
      const chars = Array.from(key);
      for (const [spelling, spellingChars] of this.#spellingChars) {
        if (spelling === key) continue;
        let quality = 0;
        // "cert" → "certificate"; and inflected queries: "సర్టిఫికెట్టు" → "సర్టిఫికెట్".
        if (chars.length >= MIN_PREFIX_LENGTH && spelling.startsWith(key)) quality = QUALITY.prefix;
        else if (spellingChars.length >= MIN_TYPO1_LENGTH && key.startsWith(spelling)) quality = QUALITY.prefix;
        if (quality < QUALITY.typo1 && chars.length >= MIN_TYPO1_LENGTH && chars.length <= MAX_TYPO_TOKEN_LENGTH && spellingChars.length <= MAX_TYPO_TOKEN_LENGTH) {
          const sameStart = chars[0] === spellingChars[0];
          const max = chars.length >= MIN_TYPO2_LENGTH && spellingChars.length >= MIN_TYPO2_LENGTH && sameStart ? 2 : 1;
          const distance = sameStart || chars.length >= MIN_FREE_START_LENGTH ? boundedEditDistance(chars, spellingChars, max) : max + 1;
          if (distance === 1) quality = Math.max(quality, QUALITY.typo1);
          else if (distance === 2 && max === 2) quality = Math.max(quality, QUALITY.typo2);
        }
        if (quality > 0) raise(this.#spellings.get(spelling)!, quality);
      }
    }
    return found;
  }

  #add(service: number, field: Field, lang: Lang, text: string, documentFrequency: Map<string, Set<number>>): void {
    const weight = SEARCH_FIELD_WEIGHTS[field];
    for (const { raw, folded: token } of searchTermsOf(text)) {
      let list = this.#postings.get(token);
      if (!list) {
        list = [];
        this.#postings.set(token, list);
        // A term's own spelling leads to it, even when a token typed that way came first.
        this.#addSpelling(token, token, true);
      }
      this.#addSpelling(raw, token, false);
      const existing = list.find((p) => p.service === service && p.lang === lang);
      if (existing) existing.weight = Math.max(existing.weight, weight);
      else list.push({ service, weight, lang });
      let set = documentFrequency.get(token);
      if (!set) documentFrequency.set(token, (set = new Set()));
      set.add(service);
    }
  }

  #addSpelling(spelling: string, term: string, override: boolean): void {
    if (this.#spellings.has(spelling) && !override) return;
    this.#spellings.set(spelling, term);
    if (!this.#spellingChars.has(spelling)) this.#spellingChars.set(spelling, Array.from(spelling));
  }

  #addPhrase(service: number, text: string): void {
    const tokens = searchTermsOf(text).map((t) => t.folded);
    if (tokens.length > 0) this.#phrases[service].push(tokens);
  }
}
