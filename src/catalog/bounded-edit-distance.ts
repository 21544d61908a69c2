/**
 * The optimal-string-alignment distance (Levenshtein plus adjacent transposition) between two
 * tokens given as arrays of code points (strings or numbers), computed only up to `max`: returns
 * `max + 1` as soon as the distance is known to exceed `max`. Typing errors are mostly one slip,
 * one missing letter or two swapped letters, which this counts as 1 each.
 *
 * Code points, not UTF-16 units, so a Telugu vowel sign counts as one edit. Not re-entrant (it
 * reuses three module-level rows, so the search's hot path allocates nothing); JavaScript runs
 * it to completion, so that only matters if it ever called itself, which it MUST NOT.
 */
export function boundedEditDistance<T>(a: ArrayLike<T>, b: ArrayLike<T>, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  if (rows[0].length <= b.length) growRows(b.length + 1);
  // Three rolling rows: the row before last is needed for transpositions.
  let before = rows[0];
  let previous = rows[1];
  let current = rows[2];
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      const bj = b[j - 1];
      let value = previous[j - 1] + (ai === bj ? 0 : 1);
      if (previous[j] + 1 < value) value = previous[j] + 1;
      if (current[j - 1] + 1 < value) value = current[j - 1] + 1;
      if (i > 1 && j > 1 && ai === b[j - 2] && a[i - 2] === bj && before[j - 2] + 1 < value) {
        value = before[j - 2] + 1;
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    // Every later row is at least this row's minimum: stop early.
    if (rowMin > max) return max + 1;
    const spare = before;
    before = previous;
    previous = current;
    current = spare;
  }
  const distance = previous[b.length];
  return distance > max ? max + 1 : distance;
}

/** The rows reused by every call; grown, never shrunk, for the longest token seen. */
let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

function growRows(length: number): void {
  rows = [new Int32Array(length), new Int32Array(length), new Int32Array(length)];
}
