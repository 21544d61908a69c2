import { hashesEqual } from './hashes-equal.ts';
import { inclusionProofLength } from './inclusion-proof-nodes.ts';
import { nodeHash } from './node-hash.ts';
import type { ProofFailureReason } from './proof-failure-reason.ts';
import { failure, type Result } from './result.ts';
import { HASH_SIZE } from './sha256.ts';
import { assertTreeSizes } from './tree-size-arithmetic.ts';
import { TranslogError } from './translog-error.ts';

/**
 * The root hash an inclusion proof leads to: RFC 9162 §2.1.3.2 run without the final
 * comparison. Use it when the root is not known in advance (e.g. to look a checkpoint up).
 *
 * Returns a `Failure` for an untrusted proof that cannot be right (index ≥ size, wrong number
 * of hashes, a hash not 32 bytes). Throws `TranslogError` only for caller faults: `index` or
 * `size` not an integer in [0, 2^53 − 1], or `leafHash` not 32 bytes.
 */
export function rootFromInclusionProof(
  leafHash: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
): Result<{ root: Uint8Array }, ProofFailureReason> {
  assertTreeSizes({ index, size });
  if (leafHash.length !== HASH_SIZE) {
    throw new TranslogError('hash:bad-length', 'a leaf hash must be 32 bytes', { length: leafHash.length });
  }
  if (index >= size) return failure('proof:index-out-of-range', `leaf index ${index} is not below tree size ${size}`);
  for (let i = 0; i < proof.length; i++) {
    if (proof[i].length !== HASH_SIZE) return failure('proof:bad-hash-length', `proof hash ${i} has ${proof[i].length} bytes, not 32`);
  }
  const expected = inclusionProofLength(index, size);
  if (proof.length !== expected) {
    return failure('proof:wrong-length', `an inclusion proof of leaf ${index} in size ${size} has ${expected} hashes, not ${proof.length}`);
  }
  // RFC 9162 §2.1.3.2. fn walks the leaf's position up the tree, sn the last leaf's; where
  // they meet (fn == sn) the right sibling is missing from the ragged edge, so the proof hash
  // is a left sibling even though fn is even, and levels without a sibling are skipped.
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) return failure('proof:wrong-length', 'the inclusion proof is longer than the path to the root');
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) return failure('proof:wrong-length', 'the inclusion proof stops short of the root');
  return { ok: true, root: r === leafHash ? leafHash.slice() : r };
}

/**
 * Verifies that `leafHash` is the leaf at `index` of the tree of `size` leaves whose root is
 * `root`, given the RFC 6962 §2.1.1 audit path `proof` (leaf to root).
 * Returns `{ ok: true }` or a `Failure` (`proof:*`); throws only as `rootFromInclusionProof`.
 */
export function verifyInclusion(
  leafHash: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): Result<object, ProofFailureReason> {
  const computed = rootFromInclusionProof(leafHash, index, size, proof);
  if (!computed.ok) return computed;
  if (!hashesEqual(computed.root, root)) {
    return failure('proof:root-mismatch', `the inclusion proof of leaf ${index} does not lead to the root of size ${size}`);
  }
  return { ok: true };
}
