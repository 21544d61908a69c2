import { emptyRootHash } from './empty-root-hash.ts';
import { nodeHash } from './node-hash.ts';
import { perfectSubtrees, type NodeCoordinate } from './perfect-subtrees.ts';
import { HASH_SIZE } from './sha256.ts';
import { assertTreeSizes, MAX_TREE_SIZE } from './tree-size-arithmetic.ts';
import { TranslogError } from './translog-error.ts';

/**
 * Called by `MerkleFrontier.append` for each perfect subtree the new leaf completes, lowest
 * first, from the leaf itself: exactly what a node or tile store must keep. Implementations
 * MUST NOT mutate `hash` nor call back into the same frontier.
 */
export type NodeListener = (node: NodeCoordinate, hash: Uint8Array) => void;

/**
 * The compact range [0, size) — the "frontier" a sequencer keeps in memory: the roots of the
 * perfect subtrees covering the tree, one per set bit of `size`, largest first. Enough to
 * append leaves and compute the root without reading the rest of the tree. To resume after a
 * restart, fetch the hashes of `frontierNodes(size)` and call `MerkleFrontier.fromHashes`.
 */
export class MerkleFrontier {
  #size: number;
  readonly #hashes: Uint8Array[];

  private constructor(size: number, hashes: Uint8Array[]) {
    this.#size = size;
    this.#hashes = hashes;
  }

  /** The frontier of the empty tree. */
  static empty(): MerkleFrontier {
    return new MerkleFrontier(0, []);
  }

  /**
   * The frontier of a tree of `size` leaves from the hashes of `frontierNodes(size)`, in order.
   * Throws `TranslogError` (`frontier:bad-hashes`) for a wrong count or length; the hashes
   * themselves are trusted.
   */
  static fromHashes(size: number, hashes: readonly Uint8Array[]): MerkleFrontier {
    assertTreeSizes({ size });
    const expected = perfectSubtrees(0, size).length;
    if (hashes.length !== expected || hashes.some((h) => h.length !== HASH_SIZE)) {
      throw new TranslogError('frontier:bad-hashes', `a frontier of size ${size} needs ${expected} 32-byte hashes`, {
        size,
        count: hashes.length,
      });
    }
    return new MerkleFrontier(size, hashes.map((h) => h.slice()));
  }

  /** Number of leaves appended so far. */
  get size(): number {
    return this.#size;
  }

  /** Copies of the frontier hashes, aligned with `frontierNodes(this.size)`. */
  hashes(): Uint8Array[] {
    return this.#hashes.map((h) => h.slice());
  }

  /** An independent copy, e.g. to compute a tentative root without disturbing this one. */
  clone(): MerkleFrontier {
    return new MerkleFrontier(this.#size, this.#hashes.slice());
  }

  /**
   * Appends one leaf hash (see `leafHash`), reporting each completed perfect subtree to
   * `onNode`. Amortised cost: one node hash per leaf. `leafHash` MUST be 32 bytes.
   */
  append(leafHash: Uint8Array, onNode?: NodeListener): void {
    if (leafHash.length !== HASH_SIZE) {
      throw new TranslogError('hash:bad-length', 'a leaf hash must be 32 bytes', { length: leafHash.length });
    }
    if (this.#size >= MAX_TREE_SIZE) throw new TranslogError('tree:full', 'the tree reached 2^53-1 leaves');
    let hash: Uint8Array = leafHash.slice();
    let level = 0;
    let index = this.#size;
    onNode?.({ level, index }, hash);
    // Each trailing 1-bit of the old size is a perfect subtree of the same height waiting on
    // the left: merge with it and climb one level (RFC 6962 §2.1, MTH of a power-of-two range).
    while (index % 2 === 1) {
      hash = nodeHash(this.#hashes.pop()!, hash);
      level += 1;
      index = (index - 1) / 2;
      onNode?.({ level, index }, hash);
    }
    this.#hashes.push(hash);
    this.#size += 1;
  }

  /** MTH(D[0:size]) (RFC 6962 §2.1): the frontier folded from the right; SHA-256("") for size 0. */
  root(): Uint8Array {
    const hashes = this.#hashes;
    if (hashes.length === 0) return emptyRootHash();
    let root = hashes[hashes.length - 1];
    for (let i = hashes.length - 2; i >= 0; i--) root = nodeHash(hashes[i], root);
    return root === hashes[hashes.length - 1] ? root.slice() : root;
  }
}

/**
 * The node coordinates whose hashes make up the frontier of a tree of `size` leaves, largest
 * first: what storage must return for `MerkleFrontier.fromHashes`.
 */
export function frontierNodes(size: number): NodeCoordinate[] {
  assertTreeSizes({ size });
  return perfectSubtrees(0, size);
}
