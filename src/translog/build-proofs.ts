import { consistencyProofNodes } from './consistency-proof-nodes.ts';
import { inclusionProofNodes } from './inclusion-proof-nodes.ts';
import { fetchNodeHashes, type NodeHashSource } from './node-hash-source.ts';
import { assembleProof } from './proof-plan.ts';

/**
 * The RFC 6962 §2.1.1 inclusion proof (audit path) of leaf `index` in the tree of `size`
 * leaves, leaf to root, reading node hashes from `source` in one batch.
 * Preconditions as `inclusionProofNodes`; port faults propagate or become `TranslogError`.
 */
export async function buildInclusionProof(index: number, size: number, source: NodeHashSource): Promise<Uint8Array[]> {
  const plan = inclusionProofNodes(index, size);
  return assembleProof(plan, await fetchNodeHashes(source, plan.nodes));
}

/**
 * The RFC 6962 §2.1.2 consistency proof from size1 to size2, reading node hashes from
 * `source` in one batch. Preconditions as `consistencyProofNodes`.
 */
export async function buildConsistencyProof(size1: number, size2: number, source: NodeHashSource): Promise<Uint8Array[]> {
  const plan = consistencyProofNodes(size1, size2);
  return assembleProof(plan, await fetchNodeHashes(source, plan.nodes));
}
