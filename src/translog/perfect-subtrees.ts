import { bitLength, lowestSetBit } from './tree-size-arithmetic.ts';

/**
 * Address of a *perfect* subtree of the log: the node at height `level` (0 = leaves) that is
 * the `index`-th from the left, covering leaves [index·2^level, (index+1)·2^level).
 *
 * This is the unit storage deals in. A node exists (its hash never changes) once the tree has
 * at least (index+1)·2^level leaves. Hashes of *imperfect* subtrees on the ragged right edge
 * are never stored: they are derived from perfect ones.
 */
export interface NodeCoordinate {
  readonly level: number;
  readonly index: number;
}

/**
 * Splits the leaf range [begin, end) into the fewest perfect subtrees, left to right, each
 * aligned to its own size. For begin = 0 this is one subtree per set bit of `end`, largest
 * first: the "frontier" or compact range of a tree of size `end`.
 *
 * When `begin` is a multiple of a power of two ≥ end − begin (true of every range RFC 6962's
 * recursion produces), folding these hashes from the right gives MTH(D[begin:end]).
 * Preconditions: 0 ≤ begin ≤ end ≤ 2^53 − 1 (unchecked; internal callers guarantee them).
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
