/**
 * The search terms of a text: its tokens (`tokenizeSearchText`), each folded to its spelling-
 * variant key (`foldSearchToken`). The index builds its vocabulary with this and every query
 * goes through it, so both sides MUST use this one function.
 */
import { foldSearchToken } from './fold-search-token.ts';
import { MIN_TOKEN_LENGTH, tokenizeSearchText } from './tokenize-search-text.ts';

/**
 * Folded tokens of `text`, in order, repeats kept. Tokens that folding shortens below
 * {@link MIN_TOKEN_LENGTH} ("aa") are dropped. Never throws; `[]` for non-text.
 */
export function searchTermsOf(text: unknown): string[] {
  const terms: string[] = [];
  for (const token of tokenizeSearchText(text)) {
    const term = foldSearchToken(token);
    if (Array.from(term).length >= MIN_TOKEN_LENGTH) terms.push(term);
  }
  return terms;
}
