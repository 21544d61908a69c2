/**
 * Turns free text, as a citizen types it or as the catalog spells it, into search tokens.
 * Both sides of a search go through this one function, so they always agree.
 */
import { SEARCH_STOPWORDS } from './search-stopwords.ts';

/** Tokens shorter than this (in code points) are dropped: single letters match everything. */
export const MIN_TOKEN_LENGTH = 2;

/**
 * Normalises `text` and splits it into tokens:
 * - Unicode NFC, so a Telugu or Devanagari letter typed as base + sign compares equal to the
 *   precomposed form some keyboards emit;
 * - lower case;
 * - zero-width joiner / non-joiner removed (Telugu and Hindi keyboards insert them
 *   inconsistently, e.g. "ఇన్‌కమ్" vs "ఇన్కమ్");
 * - Devanagari nukta removed and chandrabindu folded into anusvara (ज़ → ज, ँ → ं), spellings
 *   that vary between writers;
 * - every character that is not a letter, a combining mark or a digit separates tokens;
 * - stop words and tokens shorter than {@link MIN_TOKEN_LENGTH} are dropped.
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
  for (const raw of normalized.split(/[^\p{L}\p{M}\p{N}]+/u)) {
    if (raw === '' || SEARCH_STOPWORDS.has(raw)) continue;
    if (Array.from(raw).length < MIN_TOKEN_LENGTH) continue;
    tokens.push(raw);
  }
  return tokens;
}
