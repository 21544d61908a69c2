import { nodeHash } from './node-hash.ts';
import type { NodeCoordinate } from './perfect-subtrees.ts';
import { HASH_SIZE } from './sha256.ts';
import { TranslogError } from './translog-error.ts';

/**
 * One hash of a Merkle proof: MTH(D[begin:end]), from the perfect subtrees `nodes` that tile
 * the range left to right — usually one; several on the ragged right edge, where the proof
 * needs an imperfect subtree that no store keeps and it is folded from the right.
 */
export interface ProofPlanElement {
  readonly begin: number;
  readonly end: number;
  readonly nodes: readonly NodeCoordinate[];
}

/**
 * What a proof needs from storage, known before any I/O so every hash can be fetched in one
 * query and handed to `assembleProof`. `elements` are in proof order (RFC 6962 §2.1.1/§2.1.2);
 * `nodes` concatenates their nodes in that order, without duplicates (the ranges are disjoint).
 */
export interface ProofPlan {
  readonly elements: readonly ProofPlanElement[];
  readonly nodes: readonly NodeCoordinate[];
}

/**
 * Builds the proof from the plan and the fetched hashes: `hashes[i]` MUST be the hash of the
 * perfect subtree `plan.nodes[i]`. Throws `TranslogError` (`port:bad-response`) if the count
 * or a hash length is wrong — a storage fault, never a property of the proof.
 */
export function assembleProof(plan: ProofPlan, hashes: readonly Uint8Array[]): Uint8Array[] {
  if (hashes.length !== plan.nodes.length) {
    throw new TranslogError('port:bad-response', `expected ${plan.nodes.length} node hashes, got ${hashes.length}`, {
      expected: plan.nodes.length,
      got: hashes.length,
    });
  }
  for (let i = 0; i < hashes.length; i++) {
    if (!(hashes[i] instanceof Uint8Array) || hashes[i].length !== HASH_SIZE) {
      throw new TranslogError('port:bad-response', 'a node hash is not 32 bytes', { node: plan.nodes[i] });
    }
  }
  const proof: Uint8Array[] = [];
  let next = 0;
  for (const element of plan.elements) {
    const first = next;
    next += element.nodes.length;
    // Fold right to left: the rightmost perfect subtree is the smallest, and RFC 6962's split
    // puts the largest power of two on the left at every step.
    let hash = hashes[next - 1];
    for (let i = next - 2; i >= first; i--) hash = nodeHash(hashes[i], hash);
    proof.push(next - first === 1 ? hash.slice() : hash);
  }
  return proof;
}
