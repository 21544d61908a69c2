/**
 * The form in which typed text is compared with commands and option labels: NFC, lower case,
 * Telugu/Devanagari digits as ASCII, punctuation and emoji removed, whitespace collapsed.
 * "Hi!!", " HELLO " and "hi 🙏" all become "hi"/"hello".
 */
import { normalizeDigits } from '../lib/normalize-digits.ts';

/** Letters (with their combining marks, which Telugu and Hindi need), digits and spaces stay. */
const NOT_WORD = /[^\p{L}\p{M}\p{N}\s]+/gu;

/** `text` normalised for matching. */
export function normalizeInput(text: string): string {
  return normalizeDigits(text.normalize('NFC'))
    .toLowerCase()
    .replace(NOT_WORD, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
