// RFC 6962 hashing, roots and proofs against the public vectors of transparency-dev/merkle
// (vectors/merkle.json, used unchanged), including every mutation upstream requires to fail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  buildConsistencyProof,
  buildInclusionProof,
  emptyRootHash,
  leafHash,
  merkleRoot,
  MerkleFrontier,
  nodeHash,
  rootFromInclusionProof,
  sha256,
  verifyConsistency,
  verifyInclusion,
} from '../../src/translog/index.ts';
import { hex, MERKLE, toHex } from './vectors.ts';

const leaves: Uint8Array[] = MERKLE.leaves.map(hex);
const leafHashes: Uint8Array[] = MERKLE.leafHashes.map(hex);
const root = (size: number): Uint8Array => hex(MERKLE.roots[String(size)]);

// A NodeHashReader over the vector's node table (levels 0..3 of the 8-leaf tree).
const vectorNodes = {
  nodeHash(level: number, index: number): Uint8Array {
    const h = MERKLE.nodeHashes[level]?.[index];
    if (!h) throw new Error(`no node ${level}/${index} in the vectors`);
    return hex(h);
  },
};

test('sha256 agrees with createHash at every length around block boundaries', () => {
  for (let n = 0; n < 300; n++) {
    const data = new Uint8Array(n).map((_, i) => (i * 131 + n) & 0xff);
    assert.equal(toHex(sha256(data)), createHash('sha256').update(data).digest('hex'), `length ${n}`);
  }
});

test('leafHash of entries of every size class (shared buffer, growth, one-off) equals SHA-256(0x00 || entry)', () => {
  for (const n of [0, 1, 63, 64, 65, 4095, 4096, 5000, 65535, 65536, 70000, 3000, 10]) {
    const entry = new Uint8Array(n).map((_, i) => (i * 7 + n) & 0xff);
    const expected = createHash('sha256').update(new Uint8Array([0])).update(entry).digest('hex');
    assert.equal(toHex(leafHash(entry)), expected, `length ${n}`);
  }
});

test('leaf hashes: SHA-256(0x00 || leaf)', () => {
  leaves.forEach((leaf, i) => assert.equal(toHex(leafHash(leaf)), MERKLE.leafHashes[i]));
});

test('interior node hashes of the vector tree: SHA-256(0x01 || left || right)', () => {
  const levels: string[][] = MERKLE.nodeHashes;
  for (let level = 1; level < levels.length; level++) {
    levels[level].forEach((h, i) => {
      assert.equal(toHex(nodeHash(hex(levels[level - 1][2 * i]), hex(levels[level - 1][2 * i + 1]))), h);
    });
  }
});

test('empty tree root is SHA-256("")', () => {
  assert.equal(toHex(emptyRootHash()), MERKLE.roots['0']);
  assert.equal(toHex(merkleRoot([])), MERKLE.roots['0']);
  assert.equal(toHex(MerkleFrontier.empty().root()), MERKLE.roots['0']);
});

test('roots of every prefix, by merkleRoot and by the frontier', () => {
  const frontier = MerkleFrontier.empty();
  for (let n = 1; n <= leaves.length; n++) {
    frontier.append(leafHash(leaves[n - 1]));
    assert.equal(toHex(merkleRoot(leafHashes.slice(0, n))), MERKLE.roots[String(n)], `merkleRoot ${n}`);
    assert.equal(toHex(frontier.root()), MERKLE.roots[String(n)], `frontier ${n}`);
  }
});

test('inclusion vectors: generated proofs equal the published ones and verify', async () => {
  for (const v of MERKLE.inclusion) {
    const proof = (v.proof as string[]).map(hex);
    const generated = await buildInclusionProof(v.leafIndex, v.treeSize, vectorNodes);
    assert.deepEqual(generated.map(toHex), v.proof, `generate ${v.leafIndex}/${v.treeSize}`);
    const ok = verifyInclusion(leafHashes[v.leafIndex], v.leafIndex, v.treeSize, proof, root(v.treeSize));
    assert.deepEqual(ok, { ok: true }, `verify ${v.leafIndex}/${v.treeSize}`);
    const computed = rootFromInclusionProof(leafHashes[v.leafIndex], v.leafIndex, v.treeSize, proof);
    assert.ok(computed.ok);
    assert.equal(toHex(computed.root), MERKLE.roots[String(v.treeSize)]);
  }
});

test('consistency vectors: generated proofs equal the published ones and verify', async () => {
  for (const v of MERKLE.consistency) {
    const proof = (v.proof as string[]).map(hex);
    const generated = await buildConsistencyProof(v.size1, v.size2, vectorNodes);
    assert.deepEqual(generated.map(toHex), v.proof, `generate ${v.size1}->${v.size2}`);
    assert.deepEqual(verifyConsistency(v.size1, v.size2, proof, root(v.size1), root(v.size2)), { ok: true });
  }
});

test('consistency edge cases of the upstream table', () => {
  const bytes = (s: string) => (s === 'EMPTY' ? emptyRootHash() : new TextEncoder().encode(s));
  for (const c of MERKLE.consistencyEdgeCases.cases) {
    const proof = c.proof === 'EMPTY_HASH_ONLY' ? [emptyRootHash()] : (c.proof as string[]).map(hex);
    const result = verifyConsistency(c.size1, c.size2, proof, bytes(c.root1), bytes(c.root2));
    assert.equal(result.ok, c.valid, JSON.stringify(c));
  }
});

const random32 = () => new Uint8Array(Array.from({ length: 32 }, (_, i) => (i * 37 + 11) & 0xff));
const flipBit = (proof: Uint8Array[], at: number, bit: number) =>
  proof.map((h, i) => {
    if (i !== at) return h;
    const c = h.slice();
    c[0] ^= 1 << bit;
    return c;
  });

test('every upstream inclusion mutation fails', () => {
  const empty = new Uint8Array(0);
  for (const v of MERKLE.inclusion) {
    const proof: Uint8Array[] = (v.proof as string[]).map(hex);
    const { leafIndex: i, treeSize: n } = v;
    const lh = leafHashes[i];
    const r = root(n);
    const cases: Array<[string, () => { ok: boolean }]> = [
      ['leafIndex+1', () => verifyInclusion(lh, i + 1, n, proof, r)],
      ['leafIndex^2', () => verifyInclusion(lh, i ^ 2, n, proof, r)],
      ['treeSize*2', () => verifyInclusion(lh, i, n * 2, proof, r)],
      ['treeSize/2', () => verifyInclusion(lh, i, Math.floor(n / 2), proof, r)],
      ['wrong leaf hash', () => verifyInclusion(leafHash(new TextEncoder().encode('WRONG')), i, n, proof, r)],
      ['root = empty-tree hash', () => verifyInclusion(lh, i, n, proof, emptyRootHash())],
      ['random root', () => verifyInclusion(lh, i, n, proof, random32())],
      ['append empty element', () => verifyInclusion(lh, i, n, [...proof, empty], r)],
      ['append root', () => verifyInclusion(lh, i, n, [...proof, r], r)],
      ['prepend empty element', () => verifyInclusion(lh, i, n, [empty, ...proof], r)],
      ['prepend root', () => verifyInclusion(lh, i, n, [r, ...proof], r)],
    ];
    if (i > 0) cases.push(['leafIndex-1', () => verifyInclusion(lh, i - 1, n, proof, r)]);
    if (proof.length > 0) {
      cases.push(['drop last element', () => verifyInclusion(lh, i, n, proof.slice(0, -1), r)]);
      cases.push(['insert a random hash after proof[0]', () => verifyInclusion(lh, i, n, [proof[0], random32(), ...proof.slice(1)], r)]);
      proof.forEach((_, at) => cases.push([`flip bit 3 of proof[${at}]`, () => verifyInclusion(lh, i, n, flipBit(proof, at, 3), r)]));
    }
    for (const [name, run] of cases) assert.equal(run().ok, false, `${name} on ${i}/${n}`);
  }
});

test('every upstream consistency mutation fails', () => {
  const empty = new Uint8Array(0);
  for (const v of MERKLE.consistency) {
    const { size1: m, size2: n } = v;
    if (!(m > 0 && m < n)) continue; // mutations apply to proofs that carry information
    const proof: Uint8Array[] = (v.proof as string[]).map(hex);
    const r1 = root(m);
    const r2 = root(n);
    const cases: Array<[string, () => { ok: boolean }]> = [
      ['size1-1', () => verifyConsistency(m - 1, n, proof, r1, r2)],
      ['size1+1', () => verifyConsistency(m + 1, n, proof, r1, r2)],
      ['size1^2', () => verifyConsistency(m ^ 2, n, proof, r1, r2)],
      ['size2*2', () => verifyConsistency(m, n * 2, proof, r1, r2)],
      ['size2/2', () => verifyConsistency(m, Math.floor(n / 2), proof, r1, r2)],
      ['wrong root1', () => verifyConsistency(m, n, proof, random32(), r2)],
      ['wrong root2', () => verifyConsistency(m, n, proof, r1, random32())],
      ['swapped roots', () => verifyConsistency(m, n, proof, r2, r1)],
      ['empty proof', () => verifyConsistency(m, n, [], r1, r2)],
      ['drop last element', () => verifyConsistency(m, n, proof.slice(0, -1), r1, r2)],
    ];
    for (const [label, extra] of [['empty', empty], ['root1', r1], ['root2', r2]] as const) {
      cases.push([`append ${label}`, () => verifyConsistency(m, n, [...proof, extra], r1, r2)]);
      cases.push([`prepend ${label}`, () => verifyConsistency(m, n, [extra, ...proof], r1, r2)]);
    }
    cases.push(['prepend proof[0]', () => verifyConsistency(m, n, [proof[0], ...proof], r1, r2)]);
    proof.forEach((_, at) => cases.push([`flip bit 4 of proof[${at}]`, () => verifyConsistency(m, n, flipBit(proof, at, 4), r1, r2)]));
    for (const [name, run] of cases) assert.equal(run().ok, false, `${name} on ${m}->${n}`);
  }
});

test('failure reasons are specific', () => {
  const v = MERKLE.inclusion[2];
  const proof = (v.proof as string[]).map(hex);
  const lh = leafHashes[v.leafIndex];
  const r = verifyInclusion(lh, 8, 8, proof, root(8));
  assert.ok(!r.ok && r.reason === 'proof:index-out-of-range');
  const short = verifyInclusion(lh, v.leafIndex, 8, proof.slice(1), root(8));
  assert.ok(!short.ok && short.reason === 'proof:wrong-length');
  const badLen = verifyInclusion(lh, v.leafIndex, 8, [proof[0].subarray(1), ...proof.slice(1)], root(8));
  assert.ok(!badLen.ok && badLen.reason === 'proof:bad-hash-length');
  const mismatch = verifyInclusion(lh, v.leafIndex, 8, proof, root(7));
  assert.ok(!mismatch.ok && mismatch.reason === 'proof:root-mismatch');
  const order = verifyConsistency(5, 3, [], root(5), root(3));
  assert.ok(!order.ok && order.reason === 'proof:sizes-out-of-order');
  // Caller faults throw instead: a fractional index is not untrusted data but a bug.
  assert.throws(() => verifyInclusion(lh, 1.5, 8, proof, root(8)), { name: 'TranslogError' });
  assert.throws(() => verifyInclusion(lh.subarray(1), 1, 8, proof, root(8)), { name: 'TranslogError' });
});
