import { emptyRootHash } from './empty-root-hash.ts';
import { nodeHash } from './node-hash.ts';

/**
 * MTH of RFC 6962 §2.1 over a sequence of already-hashed leaves: the root of the tree whose
 * leaf hashes are `leafHashes[begin..end)`, re-indexed from 0. Also computes the hash of one
 * tile from its 256 hashes (C2SP tlog-tiles: a level-l+1 tile hash is MTH of a full level-l tile).
 *
 * Runs in O(n) hashes and O(log n) memory with a stack of completed subtrees, which gives the
 * same result as RFC 6962's split-at-the-largest-power-of-two recursion.
 * Every hash MUST be 32 bytes (else `TranslogError` from nodeHash).
 */
export function merkleRoot(leafHashes: readonly Uint8Array[], begin = 0, end = leafHashes.length): Uint8Array {
  if (end <= begin) return emptyRootHash();
  // A one-leaf tree's root is its leaf hash; copy it so the result never aliases the input.
  if (end - begin === 1) return leafHashes[begin].slice();
  const stack: Uint8Array[] = [];
  for (let i = begin; i < end; i++) {
    let hash = leafHashes[i];
    // After adding leaf number `count` (0-based), merge once per trailing 1-bit of `count`:
    // those are the perfect subtrees it completes.
    for (let count = i - begin; count % 2 === 1; count = (count - 1) / 2) {
      hash = nodeHash(stack.pop()!, hash);
    }
    stack.push(hash);
  }
  // Ragged right edge: fold the remaining subtrees from the right (RFC 6962 §2.1, k split).
  let root = stack[stack.length - 1];
  for (let i = stack.length - 2; i >= 0; i--) root = nodeHash(stack[i], root);
  return root;
}
