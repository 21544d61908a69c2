/**
 * A deletion-neighbourhood index (the idea behind SymSpell, Garbe 2012): finds, among a fixed
 * vocabulary, the few terms that MAY lie within edit distance 1 or 2 of a query token, without
 * comparing the token to every term.
 *
 * Why it works: if two strings are within optimal-string-alignment distance k, deleting at most
 * k code points from each yields a common string (each substitution, insertion, deletion or
 * adjacent swap is undone by deleting at most one code point on each side). So every term's
 * 0-, 1- and (for long terms) 2-deletions are stored, and a query looks up its own deletions.
 * What it finds is a superset: callers MUST verify each candidate with `boundedEditDistance`.
 *
 * Storage: the deletions are never built as strings. Each is a 32-bit polynomial hash computed
 * from prefix hashes of the code points, packed with the term id into one float64 (hash × 2^20
 * + id) and sorted, so the whole index is one Float64Array and a lookup is a binary search.
 * Hash collisions only add candidates, which verification drops.
 */

/** Terms longer than this (in code points) are not typo-matched: they would cost O(n²) entries. */
export const MAX_TYPO_TOKEN_LENGTH = 32;

/** Term ids are packed into the low 20 bits of each entry. */
const MAX_TERMS = 1 << 20;

/** Multiplier of the polynomial hash: odd, so it is invertible modulo 2^32. */
const BASE = 0x01000193;

/** A set of term ids that share a deletion with the query, in no particular order, with repeats. */
export type CandidateVisitor = (termId: number) => void;

/**
 * An immutable deletion-neighbourhood index over terms given as code-point arrays. Term `i`
 * is stored with its deletions of up to `maxDeletions(i)` code points (0, 1 or 2).
 */
export class DeletionNeighbourhood {
  /** Sorted entries, each hash × 2^20 + term id. */
  readonly #entries: Float64Array;

  /**
   * Indexes `terms` (code points, at most 2^20 of them); `deletions[i]` (0–2) says how many
   * deletions of term `i` to store. Terms longer than {@link MAX_TYPO_TOKEN_LENGTH} are skipped.
   */
  constructor(terms: readonly Int32Array[], deletions: ArrayLike<number>) {
    if (terms.length > MAX_TERMS) throw new RangeError(`at most ${MAX_TERMS} terms, got ${terms.length}`);
    let size = 0;
    for (let t = 0; t < terms.length; t++) size += neighbourhoodSize(terms[t].length, deletions[t]);
    const entries = new Float64Array(size);
    let filled = 0;
    for (let t = 0; t < terms.length; t++) {
      forEachDeletionHash(terms[t], deletions[t], (hash) => {
        entries[filled++] = hash * MAX_TERMS + t;
      });
    }
    const sorted = entries.subarray(0, filled).sort();
    // Remove repeats ("aab" minus either "a" is "ab"): they would only repeat candidates.
    let unique = 0;
    for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[unique++] = sorted[i];
    this.#entries = sorted.slice(0, unique);
  }

  /** How many entries the index holds (for reports). */
  get size(): number {
    return this.#entries.length;
  }

  /**
   * Calls `visit` with every term that shares a deletion of at most `deletions` code points
   * with `token` (and so MAY be within that edit distance). A term can be visited more than once.
   */
  candidates(token: Int32Array, deletions: number, visit: CandidateVisitor): void {
    if (token.length > MAX_TYPO_TOKEN_LENGTH) return;
    const entries = this.#entries;
    forEachDeletionHash(token, deletions, (hash) => {
      // Lower bound of hash × 2^20 among the entries, then every entry with the same hash.
      const low = hash * MAX_TERMS;
      const high = low + MAX_TERMS;
      let lo = 0;
      let hi = entries.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (entries[mid] < low) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < entries.length && entries[i] < high; i++) visit(entries[i] - low);
    });
  }
}

/** Upper bound of the number of deletion hashes of a term of `length` code points. */
function neighbourhoodSize(length: number, deletions: number): number {
  if (length > MAX_TYPO_TOKEN_LENGTH) return 0;
  let size = 1;
  if (deletions >= 1) size += length;
  if (deletions >= 2) size += (length * (length - 1)) / 2;
  return size;
}

// Scratch for prefix hashes and powers of BASE, sized for the longest token indexed.
const prefix = new Int32Array(MAX_TYPO_TOKEN_LENGTH + 1);
const power = new Int32Array(MAX_TYPO_TOKEN_LENGTH + 1);
power[0] = 1;
for (let k = 1; k <= MAX_TYPO_TOKEN_LENGTH; k++) power[k] = Math.imul(power[k - 1], BASE);

/**
 * Calls `emit` with the hash of `s` and of each string obtained by deleting up to `deletions`
 * of its code points (a deletion leaving nothing is skipped). Hashes are unsigned 32-bit.
 */
function forEachDeletionHash(s: Int32Array, deletions: number, emit: (hash: number) => void): void {
  const n = s.length;
  if (n > MAX_TYPO_TOKEN_LENGTH) return;
  for (let k = 0; k < n; k++) prefix[k + 1] = (Math.imul(prefix[k], BASE) + s[k]) | 0;
  emit(finish(prefix[n], n));
  if (deletions < 1 || n < 2) return;
  for (let i = 0; i < n; i++) {
    // s without s[i]: hash(s[0, i)) · BASE^(n−i−1) + hash(s[i+1, n)).
    const without = (Math.imul(prefix[i], power[n - i - 1]) + segment(i + 1, n)) | 0;
    emit(finish(without, n - 1));
  }
  if (deletions < 2 || n < 3) return;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      // s without s[i] and s[j]: s[0, i) · s(i, j) · s(j, n).
      const head = (Math.imul(prefix[i], power[j - i - 1]) + segment(i + 1, j)) | 0;
      const whole = (Math.imul(head, power[n - j - 1]) + segment(j + 1, n)) | 0;
      emit(finish(whole, n - 2));
    }
  }
}

/** The hash of s[a, b) from the prefix hashes. */
function segment(a: number, b: number): number {
  return (prefix[b] - Math.imul(prefix[a], power[b - a])) | 0;
}

/** Mixes in the length and spreads the bits (MurmurHash3's finaliser), as an unsigned 32-bit value. */
function finish(hash: number, length: number): number {
  let h = hash ^ Math.imul(length, 0x9e3779b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
