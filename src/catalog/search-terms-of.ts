/**
 * The search terms of a text: its tokens (`tokenizeSearchText`), each with its spelling-variant
 * key (`foldSearchToken`). The index builds its vocabulary with this and every query goes
 * through it, so both sides MUST use this one function.
 */
import { foldSearchToken } from './fold-search-token.ts';
import { MIN_TOKEN_LENGTH, tokenizeSearchText } from './tokenize-search-text.ts';

/** One token as typed (lower-cased, normalised) and folded. */
export interface SearchTerm {
  raw: string;
  folded: string;
}

/**
 * The tokens of `text`, in order, repeats kept, each with its folded form. Tokens that folding
 * shortens below {@link MIN_TOKEN_LENGTH} ("aa") are dropped. Never throws; `[]` for non-text.
 */
export function searchTermsOf(text: unknown): SearchTerm[] {
  const terms: SearchTerm[] = [];
  for (const raw of tokenizeSearchText(text)) {
    const folded = foldSearchToken(raw);
    if (Array.from(folded).length >= MIN_TOKEN_LENGTH) terms.push({ raw, folded });
  }
  return terms;
}
