/**
 * Why a Merkle proof was rejected. Stable codes:
 * - `proof:index-out-of-range`: the leaf index is not below the tree size.
 * - `proof:sizes-out-of-order`: a consistency proof from a larger tree to a smaller one.
 * - `proof:wrong-length`: the proof has more or fewer hashes than the sizes call for.
 * - `proof:bad-hash-length`: a proof element is not a 32-byte hash.
 * - `proof:root-mismatch`: the proof does not lead to the expected root hash(es).
 */
export type ProofFailureReason =
  | 'proof:index-out-of-range'
  | 'proof:sizes-out-of-order'
  | 'proof:wrong-length'
  | 'proof:bad-hash-length'
  | 'proof:root-mismatch';
