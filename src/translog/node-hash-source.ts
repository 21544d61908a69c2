import type { NodeCoordinate } from './perfect-subtrees.ts';

/**
 * Port: reads one stored node hash. `nodeHash(level, index)` MUST return the 32-byte hash of
 * that perfect subtree (`NodeCoordinate`; level 0 is the leaf hash of entry `index`). It is only
 * asked for nodes inside the tree being proven, and MUST throw (or reject) when it lacks one —
 * never return a placeholder or an imperfect subtree's hash.
 */
export interface NodeHashReader {
  nodeHash(level: number, index: number): Promise<Uint8Array> | Uint8Array;
}

/**
 * Port: reads many node hashes in one round trip (one SQL query, one tile fetch).
 * `nodeHashes(nodes)` MUST return one hash per coordinate, in order, under the same contract.
 */
export interface BatchNodeHashReader {
  nodeHashes(nodes: readonly NodeCoordinate[]): Promise<readonly Uint8Array[]> | readonly Uint8Array[];
}

/** Either port. When an object implements both, the batched method is used. */
export type NodeHashSource = NodeHashReader | BatchNodeHashReader;

/**
 * The hashes of `nodes`, in order: one `nodeHashes` call, or `nodeHash` per node all started
 * at once. Errors of the port propagate unchanged.
 */
export async function fetchNodeHashes(source: NodeHashSource, nodes: readonly NodeCoordinate[]): Promise<Uint8Array[]> {
  if (nodes.length === 0) return [];
  if ('nodeHashes' in source) return [...(await source.nodeHashes(nodes))];
  return Promise.all(nodes.map((n) => source.nodeHash(n.level, n.index)));
}
