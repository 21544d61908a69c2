import { consistencyProofLength } from './consistency-proof-nodes.ts';
import { hashesEqual } from './hashes-equal.ts';
import { nodeHash } from './node-hash.ts';
import type { ProofFailureReason } from './proof-failure-reason.ts';
import { failure, type Result } from './result.ts';
import { HASH_SIZE } from './sha256.ts';
import { assertTreeSizes, isPowerOfTwo } from './tree-size-arithmetic.ts';

/**
 * Verifies that the tree of `size2` leaves with root `root2` extends the tree of `size1`
 * leaves with root `root1`, given the RFC 6962 §2.1.2 consistency proof `proof`.
 *
 * Edge cases (as transparency-dev/merkle): size1 = size2 needs an empty proof and equal roots;
 * size1 = 0 needs an empty proof and accepts any roots (the empty tree is a prefix of every
 * tree); size1 > size2 fails with `proof:sizes-out-of-order`.
 * Returns `{ ok: true }` or a `Failure` (`proof:*`). Throws `TranslogError` only when a size is
 * not an integer in [0, 2^53 − 1].
 */
export function verifyConsistency(
  size1: number,
  size2: number,
  proof: readonly Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array,
): Result<object, ProofFailureReason> {
  assertTreeSizes({ size1, size2 });
  if (size1 > size2) return failure('proof:sizes-out-of-order', `cannot prove consistency from size ${size1} down to ${size2}`);
  if (size1 === size2) {
    if (proof.length !== 0) return failure('proof:wrong-length', 'a consistency proof between equal sizes must be empty');
    if (!hashesEqual(root1, root2)) return failure('proof:root-mismatch', `two different roots for the same size ${size1}`);
    return { ok: true };
  }
  if (size1 === 0) {
    if (proof.length !== 0) return failure('proof:wrong-length', 'a consistency proof from the empty tree must be empty');
    return { ok: true };
  }
  for (let i = 0; i < proof.length; i++) {
    if (proof[i].length !== HASH_SIZE) return failure('proof:bad-hash-length', `proof hash ${i} has ${proof[i].length} bytes, not 32`);
  }
  const expected = consistencyProofLength(size1, size2);
  if (proof.length !== expected) {
    return failure('proof:wrong-length', `a consistency proof from ${size1} to ${size2} has ${expected} hashes, not ${proof.length}`);
  }
  if (root1.length !== HASH_SIZE || root2.length !== HASH_SIZE) {
    return failure('proof:root-mismatch', 'a root hash to check against is not 32 bytes');
  }

  // RFC 9162 §2.1.4.2. When size1 is a power of two the old tree is one perfect subtree, its
  // root is not repeated in the proof, and the walk starts from root1 itself.
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : proof;
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0];
  let sr = path[0];
  for (let i = 1; i < path.length; i++) {
    const c = path[i];
    if (sn === 0) return failure('proof:wrong-length', 'the consistency proof is longer than the path to the root');
    if (fn % 2 === 1 || fn === sn) {
      // A left sibling: part of both trees.
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      // A right sibling: only in the new tree.
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) return failure('proof:wrong-length', 'the consistency proof stops short of the root');
  if (!hashesEqual(fr, root1)) return failure('proof:root-mismatch', `the consistency proof does not reproduce the root of size ${size1}`);
  if (!hashesEqual(sr, root2)) return failure('proof:root-mismatch', `the consistency proof does not reproduce the root of size ${size2}`);
  return { ok: true };
}
