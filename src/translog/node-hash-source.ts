import type { NodeCoordinate } from './perfect-subtrees.ts';

/**
 * Port: reads one stored node hash.
 *
 * `nodeHash(level, index)` MUST return the 32-byte hash of the perfect subtree at that
 * coordinate (see `NodeCoordinate`): for level 0 the leaf hash of entry `index`. It is only
 * asked for nodes that exist in the tree the proof is for. It MUST throw (or reject) when it
 * does not have the node, and MUST NOT return the hash of an imperfect subtree or a
 * placeholder: a wrong hash yields a proof that fails verification far from the cause.
 */
export interface NodeHashReader {
  nodeHash(level: number, index: number): Promise<Uint8Array> | Uint8Array;
}

/**
 * Port: reads many stored node hashes in one round trip (one SQL query, one tile fetch).
 *
 * `nodeHashes(nodes)` MUST return exactly one 32-byte hash per requested coordinate, in the
 * requested order, with the same contract as `NodeHashReader.nodeHash`.
 */
export interface BatchNodeHashReader {
  nodeHashes(nodes: readonly NodeCoordinate[]): Promise<readonly Uint8Array[]> | readonly Uint8Array[];
}

/** Either port. When an object implements both, the batched method is used. */
export type NodeHashSource = NodeHashReader | BatchNodeHashReader;

/**
 * Fetches the hashes of `nodes` from `source`, in order: one call to `nodeHashes` for a
 * batched source, else `nodeHash` for each node, all started at once.
 * Errors of the port propagate unchanged.
 */
export async function fetchNodeHashes(source: NodeHashSource, nodes: readonly NodeCoordinate[]): Promise<Uint8Array[]> {
  if (nodes.length === 0) return [];
  if ('nodeHashes' in source) return [...(await source.nodeHashes(nodes))];
  return Promise.all(nodes.map((n) => source.nodeHash(n.level, n.index)));
}
