// Cross-check against a naive reference written straight from RFC 6962 §2.1 (MTH, PATH,
// SUBPROOF), over every leaf of every tree of size 1..130 and every consistency pair in that
// range, plus random large trees. The code under test plans proofs, reads perfect-subtree
// hashes through its storage port, and verifies with the RFC 9162 algorithms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  buildConsistencyProof,
  buildInclusionProof,
  consistencyProofNodes,
  inclusionProofNodes,
  merkleRoot,
  MerkleFrontier,
  rootFromInclusionProof,
  verifyConsistency,
  verifyInclusion,
  type NodeCoordinate,
} from '../../src/translog/index.ts';

// ---- the reference: RFC 6962 §2.1 definitions, recursive, with createHash (not our sha256) ----
const H = (...parts: Uint8Array[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};
const LEAF = new Uint8Array([0]);
const NODE = new Uint8Array([1]);
const k = (n: number) => {
  let p = 1;
  while (p * 2 < n) p *= 2;
  return p;
};

class Reference {
  readonly leaves: Uint8Array[];
  readonly #memo = new Map<string, Uint8Array>();
  constructor(leaves: Uint8Array[]) {
    this.leaves = leaves;
  }
  /** MTH(D[lo:hi]) */
  mth(lo: number, hi: number): Uint8Array {
    const key = `${lo}:${hi}`;
    let r = this.#memo.get(key);
    if (r) return r;
    const n = hi - lo;
    if (n === 0) r = H();
    else if (n === 1) r = H(LEAF, this.leaves[lo]);
    else r = H(NODE, this.mth(lo, lo + k(n)), this.mth(lo + k(n), hi));
    this.#memo.set(key, r);
    return r;
  }
  /** PATH(m, D[lo:hi]) */
  path(m: number, lo: number, hi: number): Uint8Array[] {
    const n = hi - lo;
    if (n === 1) return [];
    const kk = k(n);
    if (m < kk) return [...this.path(m, lo, lo + kk), this.mth(lo + kk, hi)];
    return [...this.path(m - kk, lo + kk, hi), this.mth(lo, lo + kk)];
  }
  /** PROOF(m, D[n]) = SUBPROOF(m, D[n], true) */
  proof(m: number, n: number): Uint8Array[] {
    const sub = (mm: number, lo: number, hi: number, b: boolean): Uint8Array[] => {
      const size = hi - lo;
      if (mm === size) return b ? [] : [this.mth(lo, hi)];
      const kk = k(size);
      if (mm <= kk) return [...sub(mm, lo, lo + kk, b), this.mth(lo + kk, hi)];
      return [...sub(mm - kk, lo + kk, hi, false), this.mth(lo, lo + kk)];
    };
    return sub(m, 0, n, true);
  }
}

// ---- a storage double answering perfect-subtree coordinates from the reference ----
function storeFor(ref: Reference) {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    nodeHashes(nodes: readonly NodeCoordinate[]): Uint8Array[] {
      calls += 1;
      return nodes.map(({ level, index }) => {
        const lo = index * 2 ** level;
        const hi = lo + 2 ** level;
        assert.ok(hi <= ref.leaves.length, `asked for node ${level}/${index} beyond the tree`);
        return ref.mth(lo, hi);
      });
    },
  };
}

// Deterministic PRNG (mulberry32) so failures reproduce.
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomLeaves(count: number, random: () => number): Uint8Array[] {
  return Array.from({ length: count }, () => new Uint8Array(Array.from({ length: Math.floor(random() * 40) }, () => Math.floor(random() * 256))));
}

const hexOf = (hs: Uint8Array[]) => hs.map((h) => Buffer.from(h).toString('hex'));

const random = prng(6962);
const SMALL = randomLeaves(130, random);
const smallRef = new Reference(SMALL);

test('roots of every size 0..130 match MTH, via merkleRoot and the frontier', async () => {
  const { leafHash } = await import('../../src/translog/index.ts');
  const hashes = SMALL.map(leafHash);
  const frontier = MerkleFrontier.empty();
  assert.deepEqual(frontier.root(), smallRef.mth(0, 0));
  for (let n = 1; n <= SMALL.length; n++) {
    frontier.append(hashes[n - 1]);
    const expected = smallRef.mth(0, n);
    assert.deepEqual(frontier.root(), expected, `frontier ${n}`);
    assert.deepEqual(merkleRoot(hashes, 0, n), expected, `merkleRoot ${n}`);
  }
});

test('inclusion: every index of every size 1..130 equals PATH and verifies', async () => {
  const store = storeFor(smallRef);
  for (let n = 1; n <= SMALL.length; n++) {
    const root = smallRef.mth(0, n);
    for (let m = 0; m < n; m++) {
      const expected = smallRef.path(m, 0, n);
      const proof = await buildInclusionProof(m, n, store);
      assert.deepEqual(hexOf(proof), hexOf(expected), `PATH(${m}, D[${n}])`);
      const leaf = smallRef.mth(m, m + 1);
      assert.deepEqual(verifyInclusion(leaf, m, n, proof, root), { ok: true }, `verify ${m}/${n}`);
      // A proof for leaf m must not pass for a neighbour in the same tree.
      if (n > 1) assert.equal(verifyInclusion(leaf, (m + 1) % n, n, proof, root).ok, false, `neighbour ${m}/${n}`);
    }
  }
});

test('consistency: every pair 1 ≤ m ≤ n ≤ 130 equals PROOF(m, D[n]) and verifies', async () => {
  const store = storeFor(smallRef);
  for (let n = 1; n <= SMALL.length; n++) {
    for (let m = 1; m <= n; m++) {
      const expected = smallRef.proof(m, n);
      const proof = await buildConsistencyProof(m, n, store);
      assert.deepEqual(hexOf(proof), hexOf(expected), `PROOF(${m}, D[${n}])`);
      assert.deepEqual(verifyConsistency(m, n, proof, smallRef.mth(0, m), smallRef.mth(0, n)), { ok: true }, `verify ${m}->${n}`);
      if (m < n && proof.length > 0) {
        const tampered = proof.map((h, i) => (i === proof.length - 1 ? h.map((b, j) => (j === 0 ? b ^ 1 : b)) : h));
        assert.equal(verifyConsistency(m, n, tampered, smallRef.mth(0, m), smallRef.mth(0, n)).ok, false, `tampered ${m}->${n}`);
      }
    }
  }
});

test('proof plans fetch each node once and only perfect subtrees inside the tree', () => {
  for (let n = 1; n <= SMALL.length; n++) {
    for (let m = 0; m < n; m++) {
      const plan = inclusionProofNodes(m, n);
      const keys = plan.nodes.map((c) => `${c.level}/${c.index}`);
      assert.equal(new Set(keys).size, keys.length);
      for (const c of plan.nodes) assert.ok((c.index + 1) * 2 ** c.level <= n);
      const cplan = consistencyProofNodes(m + 1, n);
      for (const c of cplan.nodes) assert.ok((c.index + 1) * 2 ** c.level <= n);
    }
  }
});

test('random trees up to 5000 leaves: inclusion, consistency and roots match the reference', async () => {
  const rnd = prng(9162);
  const leaves = randomLeaves(5000, rnd);
  const ref = new Reference(leaves);
  const store = storeFor(ref);
  for (let round = 0; round < 40; round++) {
    const n = 1 + Math.floor(rnd() * 5000);
    const root = ref.mth(0, n);
    for (let j = 0; j < 5; j++) {
      const m = Math.floor(rnd() * n);
      const proof = await buildInclusionProof(m, n, store);
      assert.deepEqual(hexOf(proof), hexOf(ref.path(m, 0, n)), `PATH(${m}, D[${n}])`);
      assert.deepEqual(verifyInclusion(ref.mth(m, m + 1), m, n, proof, root), { ok: true });
      const computed = rootFromInclusionProof(ref.mth(m, m + 1), m, n, proof);
      assert.ok(computed.ok && Buffer.from(computed.root).equals(root));
      const size1 = 1 + Math.floor(rnd() * n);
      const cproof = await buildConsistencyProof(size1, n, store);
      assert.deepEqual(hexOf(cproof), hexOf(ref.proof(size1, n)), `PROOF(${size1}, D[${n}])`);
      assert.deepEqual(verifyConsistency(size1, n, cproof, ref.mth(0, size1), root), { ok: true });
    }
  }
  // One batched storage call per proof.
  const before = store.calls;
  await buildInclusionProof(1234, 4999, store);
  assert.equal(store.calls, before + 1);
});

test('sizes beyond 32 bits up to 2^53 − 1: identical-leaf trees against the reference recursion', async () => {
  // With every leaf equal, MTH(D[lo:hi]) depends only on hi − lo, so the RFC recursion stays
  // cheap (memoised by size) even for trees of 2^53 − 1 leaves.
  const leafH = H(LEAF, new Uint8Array([7]));
  const bySize = new Map<number, Uint8Array>([[1, leafH]]);
  const mth = (n: number): Uint8Array => {
    let r = bySize.get(n);
    if (!r) {
      r = H(NODE, mth(k(n)), mth(n - k(n)));
      bySize.set(n, r);
    }
    return r;
  };
  const path = (m: number, n: number): Uint8Array[] =>
    n === 1 ? [] : m < k(n) ? [...path(m, k(n)), mth(n - k(n))] : [...path(m - k(n), n - k(n)), mth(k(n))];
  const store = { nodeHash: (level: number) => mth(2 ** level) };
  const rnd = prng(53);
  const sizes = [2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1, 2 ** 40 + 12345, 2 ** 52 + 3, Number.MAX_SAFE_INTEGER];
  for (const n of sizes) {
    for (const m of [0, n - 1, Math.floor(rnd() * n), Math.floor(rnd() * n)]) {
      const proof = await buildInclusionProof(m, n, store);
      assert.deepEqual(hexOf(proof), hexOf(path(m, n)), `PATH(${m}, D[${n}])`);
      assert.deepEqual(verifyInclusion(leafH, m, n, proof, mth(n)), { ok: true }, `verify ${m}/${n}`);
    }
    for (const m of [1, 2 ** 31 + 1, Math.floor(n / 3), n - 1]) {
      if (m > n) continue;
      const proof = await buildConsistencyProof(m, n, store);
      assert.deepEqual(verifyConsistency(m, n, proof, mth(m), mth(n)), { ok: true }, `consistency ${m}->${n}`);
      const plan = consistencyProofNodes(m, n);
      for (const c of plan.nodes) assert.ok((c.index + 1) * 2 ** c.level <= n);
    }
  }
  // The last leaf of 2^53 − 1 leaves has one left sibling per lower power of two: 52 of them.
  const plan = inclusionProofNodes(Number.MAX_SAFE_INTEGER - 1, Number.MAX_SAFE_INTEGER);
  assert.equal(plan.elements.length, 52);
  assert.ok(plan.elements.every((e) => e.nodes.length === 1));
});
