import { bitLength, lowestSetBit } from './tree-size-arithmetic.ts';

/**
 * A *perfect* subtree, the unit storage deals in: the node at height `level` (0 = leaves),
 * `index`-th from the left, covering leaves [index·2^level, (index+1)·2^level). Its hash exists
 * and never changes once the tree has (index+1)·2^level leaves. Imperfect subtrees on the
 * ragged right edge are never stored; they are derived from perfect ones.
 */
export interface NodeCoordinate {
  readonly level: number;
  readonly index: number;
}

/**
 * Splits leaves [begin, end) into the fewest aligned perfect subtrees, left to right. For
 * begin = 0 that is one per set bit of `end`, largest first: the frontier of a tree of `end`.
 * When `begin` is a multiple of a power of two ≥ end − begin (true of every range RFC 6962's
 * recursion produces), folding these from the right gives MTH(D[begin:end]).
 * Preconditions (unchecked): 0 ≤ begin ≤ end ≤ 2^53 − 1.
 */
export function perfectSubtrees(begin: number, end: number): NodeCoordinate[] {
  const out: NodeCoordinate[] = [];
  while (begin < end) {
    // The largest aligned block that starts at `begin`, shrunk until it fits before `end`.
    let width = begin === 0 ? 2 ** (bitLength(end) - 1) : lowestSetBit(begin);
    while (begin + width > end) width /= 2;
    out.push({ level: bitLength(width) - 1, index: begin / width });
    begin += width;
  }
  return out;
}
