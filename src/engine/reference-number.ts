/**
 * Application reference numbers citizens can read out on the phone: "MM-261123-7K3Q9XAB" —
 * a prefix, the IST date (yymmdd) and `REFERENCE_RANDOM_CHARS` characters drawn from an
 * alphabet without look-alikes (no 0/O, 1/I/L). Derived from `ctx.newId()` so turns stay
 * deterministic in tests. Uniqueness is NOT guaranteed by construction: the store MUST keep a
 * unique index on the reference and retry the turn with a fresh id on the rare collision.
 */
import { createHash } from 'node:crypto';
import { indiaDate } from '../lib/india-date.ts';

/** The prefix of every reference ("Mana Mitra"). */
export const REFERENCE_PREFIX = 'MM';
/** Random characters after the date. */
// 31^8 ≈ 8.5 × 10^11 codes a day: at 100,000 applications a day a clash happens about once in
// 170 days, and the store then retries the turn with a fresh id.
export const REFERENCE_RANDOM_CHARS = 8;
/** Characters that cannot be confused when read aloud or handwritten. */
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** The reference for an application submitted at `now` with the fresh id `id`. */
export function referenceNumber(id: string, now: Date): string {
  const digest = createHash('sha256').update(id).digest();
  let code = '';
  for (let i = 0; i < REFERENCE_RANDOM_CHARS; i++) code += REFERENCE_ALPHABET[digest[i] % REFERENCE_ALPHABET.length];
  const date = indiaDate(now).replace(/-/g, '').slice(2);
  return `${REFERENCE_PREFIX}-${date}-${code}`;
}

/** Longest message searched for a reference number: a reference with a few words around it. */
export const MAX_REFERENCE_MESSAGE = 60;

const TYPED_REFERENCE = new RegExp(`${REFERENCE_PREFIX}-?(\\d{6})-?([${REFERENCE_ALPHABET}]{${REFERENCE_RANDOM_CHARS}})(?![${REFERENCE_ALPHABET}])`);

/**
 * The reference number in a short message typed by a citizen ("mm-261123-7k3q9xab", "status
 * MM 261123 7K3Q9XAB?"), in its canonical form; null when the message holds none or is long
 * (a reference inside a long answer is part of the answer).
 */
export function findReference(text: string): string | null {
  if (text.length > MAX_REFERENCE_MESSAGE) return null;
  const m = TYPED_REFERENCE.exec(text.toUpperCase().replace(/\s+/g, ''));
  return m ? `${REFERENCE_PREFIX}-${m[1]}-${m[2]}` : null;
}
