/**
 * Turns free text, as a citizen types it or as the catalog spells it, into search tokens.
 * Both sides of a search go through this one function, so they always agree.
 */
import { foldSearchToken } from './fold-search-token.ts';
import { ROMANIZED_SEARCH_STOPWORDS, SEARCH_STOPWORDS } from './search-stopwords.ts';

/** Tokens shorter than this (in code points) are dropped: single letters match everything. */
export const MIN_TOKEN_LENGTH = 2;

/** Romanized stop words by their folded key, for spellings the list does not name. */
const FOLDED_STOPWORDS: ReadonlySet<string> = new Set(
  ROMANIZED_SEARCH_STOPWORDS.filter((w) => w.length >= 4).map(foldSearchToken),
);

/**
 * Normalises `text` and splits it into tokens (not yet folded: see `foldSearchToken`):
 * - Unicode NFC, so a Telugu or Devanagari letter typed as base + sign compares equal to the
 *   precomposed form some keyboards emit;
 * - lower case;
 * - zero-width joiner / non-joiner removed (Telugu and Hindi keyboards insert them
 *   inconsistently, e.g. "ఇన్‌కమ్" vs "ఇన్కమ్");
 * - Devanagari nukta removed and chandrabindu folded into anusvara (ज़ → ज, ँ → ं), spellings
 *   that vary between writers;
 * - every character that is not a letter, a combining mark or a digit separates tokens;
 * - stop words and tokens shorter than {@link MIN_TOKEN_LENGTH} are dropped; a Latin token of
 *   four letters or more is also dropped when it folds like a romanized stop word ("kaavaali").
 * Never throws; returns `[]` for anything that is not a string.
 */
export function tokenizeSearchText(text: unknown): string[] {
  if (typeof text !== 'string') return [];
  const normalized = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\u093c/g, '')
    .replace(/\u0901/g, '\u0902');
  const tokens: string[] = [];
  const keep = (raw: string, codePoints: number) => {
    if (codePoints < MIN_TOKEN_LENGTH || SEARCH_STOPWORDS.has(raw)) return;
    if (raw.length >= 4 && FOLDED_STOPWORDS.has(foldSearchToken(raw))) return;
    tokens.push(raw);
  };
  // A hand-written scan instead of split(/[^\p{L}\p{M}\p{N}]+/u): index builds tokenize every
  // text of the catalog, and this is several times faster on the scripts we see most.
  let start = -1;
  let codePoints = 0;
  for (let i = 0; i < normalized.length; i++) {
    let c = normalized.charCodeAt(i);
    let width = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < normalized.length) {
      const low = normalized.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        c = (c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    if (isWordCodePoint(c)) {
      if (start < 0) {
        start = i;
        codePoints = 0;
      }
      codePoints++;
    } else if (start >= 0) {
      keep(normalized.slice(start, i), codePoints);
      start = -1;
    }
    i += width - 1;
  }
  if (start >= 0) keep(normalized.slice(start), codePoints);
  return tokens;
}

const WORD = /^[\p{L}\p{M}\p{N}]$/u;

/** `WORD` precomputed for ASCII and the Indic blocks (Devanagari … Malayalam, U+0900–U+0D7F). */
const TABLE_START = 0x0900;
const TABLE_END = 0x0d80;
const ASCII_WORD = Uint8Array.from({ length: 0x80 }, (_, c) => (WORD.test(String.fromCharCode(c)) ? 1 : 0));
const INDIC_WORD = Uint8Array.from({ length: TABLE_END - TABLE_START }, (_, k) => (WORD.test(String.fromCodePoint(TABLE_START + k)) ? 1 : 0));

/** True for a letter, combining mark or digit (Unicode L, M, N). */
function isWordCodePoint(c: number): boolean {
  if (c < 0x80) return ASCII_WORD[c] === 1;
  if (c >= TABLE_START && c < TABLE_END) return INDIC_WORD[c - TABLE_START] === 1;
  return WORD.test(String.fromCodePoint(c));
}
