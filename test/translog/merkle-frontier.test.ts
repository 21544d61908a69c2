// The sequencer's frontier and the storage ports of proof generation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assembleProof,
  buildInclusionProof,
  consistencyProofNodes,
  frontierNodes,
  inclusionProofLength,
  inclusionProofNodes,
  consistencyProofLength,
  leafHash,
  merkleRoot,
  MerkleFrontier,
  TranslogError,
  type NodeCoordinate,
} from '../../src/translog/index.ts';

const entries = Array.from({ length: 1000 }, (_, i) => new TextEncoder().encode(`entry ${i}`));
const hashes = entries.map(leafHash);

/** Every node the frontier reported, keyed level/index, as a storage layer would keep them. */
function appendAll(frontier: MerkleFrontier, from: number, to: number, table: Map<string, Uint8Array>) {
  for (let i = from; i < to; i++) {
    frontier.append(hashes[i], (node, hash) => {
      const key = `${node.level}/${node.index}`;
      assert.ok(!table.has(key), `node ${key} reported twice`);
      table.set(key, hash);
    });
  }
}

test('append reports every perfect subtree exactly once, with its MTH', () => {
  const table = new Map<string, Uint8Array>();
  const frontier = MerkleFrontier.empty();
  appendAll(frontier, 0, 1000, table);
  // Expected: every perfect subtree inside [0, 1000), at every level.
  let expected = 0;
  for (let level = 0; 2 ** level <= 1000; level++) expected += Math.floor(1000 / 2 ** level);
  assert.equal(table.size, expected);
  for (const [key, hash] of table) {
    const [level, index] = key.split('/').map(Number);
    assert.deepEqual(hash, merkleRoot(hashes, index * 2 ** level, (index + 1) * 2 ** level), key);
  }
});

test('a frontier restored from storage continues exactly where it stopped', () => {
  const table = new Map<string, Uint8Array>();
  const first = MerkleFrontier.empty();
  appendAll(first, 0, 613, table);
  const nodes = frontierNodes(613);
  assert.deepEqual(nodes.map((n) => 2 ** n.level), [512, 64, 32, 4, 1]);
  const restored = MerkleFrontier.fromHashes(613, nodes.map((n) => table.get(`${n.level}/${n.index}`)!));
  assert.deepEqual(restored.hashes(), first.hashes());
  appendAll(restored, 613, 1000, table);
  assert.equal(restored.size, 1000);
  assert.deepEqual(restored.root(), merkleRoot(hashes));
});

test('clone is independent; root() does not disturb the frontier', () => {
  const f = MerkleFrontier.empty();
  for (let i = 0; i < 5; i++) f.append(hashes[i]);
  const r5 = f.root();
  const c = f.clone();
  c.append(hashes[5]);
  assert.deepEqual(f.root(), r5);
  assert.equal(f.size, 5);
  assert.deepEqual(c.root(), merkleRoot(hashes, 0, 6));
  // A returned root is the caller's: mutating it changes nothing inside.
  const single = MerkleFrontier.empty();
  single.append(hashes[0]);
  single.root().fill(0);
  assert.deepEqual(single.root(), hashes[0]);
});

test('frontier preconditions throw TranslogError', () => {
  assert.throws(() => MerkleFrontier.fromHashes(3, [hashes[0]]), (e: unknown) => e instanceof TranslogError && e.code === 'frontier:bad-hashes');
  assert.throws(() => MerkleFrontier.fromHashes(-1, []), (e: unknown) => e instanceof TranslogError && e.code === 'tree:bad-size');
  assert.throws(() => MerkleFrontier.empty().append(new Uint8Array(31)), (e: unknown) => e instanceof TranslogError && e.code === 'hash:bad-length');
});

test('proof plans: shape, ragged right edge, lengths', () => {
  // Leaf 0 of 7: siblings are leaf 1, [2,4) and the imperfect [4,7) = (4..5) + (6).
  const plan = inclusionProofNodes(0, 7);
  assert.deepEqual(plan.elements.map((e) => [e.begin, e.end]), [[1, 2], [2, 4], [4, 7]]);
  assert.deepEqual(plan.elements[2].nodes, [{ level: 1, index: 2 }, { level: 0, index: 6 }]);
  assert.equal(plan.nodes.length, 4);
  assert.equal(inclusionProofLength(0, 7), 3);
  assert.equal(inclusionProofLength(0, 1), 0);
  assert.deepEqual(consistencyProofNodes(0, 10).elements, []);
  assert.deepEqual(consistencyProofNodes(10, 10).elements, []);
  assert.equal(consistencyProofLength(3, 7), consistencyProofNodes(3, 7).elements.length);
  assert.throws(() => inclusionProofNodes(7, 7), (e: unknown) => e instanceof TranslogError && e.code === 'tree:index-out-of-range');
  assert.throws(() => consistencyProofNodes(8, 7), (e: unknown) => e instanceof TranslogError && e.code === 'tree:sizes-out-of-order');
  assert.throws(() => inclusionProofNodes(0, 2 ** 53), (e: unknown) => e instanceof TranslogError && e.code === 'tree:bad-size');
});

const perfect = (c: NodeCoordinate) => merkleRoot(hashes, c.index * 2 ** c.level, (c.index + 1) * 2 ** c.level);

test('single-node readers, sync and async, give the same proof as the batched one', async () => {
  const sync = { nodeHash: (level: number, index: number) => perfect({ level, index }) };
  const asyncReader = { nodeHash: async (level: number, index: number) => perfect({ level, index }) };
  const batch = { nodeHashes: async (nodes: readonly NodeCoordinate[]) => nodes.map(perfect) };
  const a = await buildInclusionProof(517, 999, sync);
  assert.deepEqual(await buildInclusionProof(517, 999, asyncReader), a);
  assert.deepEqual(await buildInclusionProof(517, 999, batch), a);
  const plan = inclusionProofNodes(517, 999);
  assert.deepEqual(assembleProof(plan, plan.nodes.map(perfect)), a);
});

test('a misbehaving storage port is a thrown TranslogError, never a wrong proof', async () => {
  const plan = inclusionProofNodes(5, 100);
  const good = plan.nodes.map(perfect);
  assert.throws(() => assembleProof(plan, good.slice(1)), (e: unknown) => e instanceof TranslogError && e.code === 'port:bad-response');
  const short = good.map((h, i) => (i === 0 ? h.subarray(0, 31) : h));
  assert.throws(() => assembleProof(plan, short), (e: unknown) => e instanceof TranslogError && e.code === 'port:bad-response');
  await assert.rejects(buildInclusionProof(5, 100, { nodeHashes: () => [] }), (e: unknown) => e instanceof TranslogError);
  // Errors of the port itself propagate unchanged.
  const boom = new Error('database down');
  await assert.rejects(buildInclusionProof(5, 100, { nodeHash: async () => { throw boom; } }), (e: unknown) => e === boom);
});
