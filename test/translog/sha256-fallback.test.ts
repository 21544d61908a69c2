// sha256 on Node 20.0–20.11, which lack crypto.hash: the createHash fallback must give the
// same digests. Runs in its own test file (own process) because it hides crypto.hash.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire, syncBuiltinESMExports } from 'node:module';

type Sha256Module = typeof import('../../src/translog/sha256.ts');

test('without crypto.hash, sha256 falls back to createHash with identical results', async () => {
  const crypto = createRequire(import.meta.url)('node:crypto');
  const { hash, createHash } = crypto;
  let createHashCalls = 0;
  try {
    crypto.hash = undefined;
    crypto.createHash = (...args: unknown[]) => {
      createHashCalls += 1;
      return createHash(...args);
    };
    syncBuiltinESMExports();
    // A query string gives a fresh instance of the module, evaluated without crypto.hash.
    const url = new URL('../../src/translog/sha256.ts?without-crypto-hash', import.meta.url).href;
    const fallback: Sha256Module = await import(url);
    for (const n of [0, 1, 55, 56, 64, 65, 1000]) {
      const data = new Uint8Array(n).map((_, i) => (i * 13 + 5) & 0xff);
      const before = createHashCalls;
      const digest = Buffer.from(fallback.sha256(data)).toString('hex');
      assert.equal(createHashCalls, before + 1, 'the fallback path was taken');
      assert.equal(digest, createHash('sha256').update(data).digest('hex'), `length ${n}`);
    }
  } finally {
    crypto.hash = hash;
    crypto.createHash = createHash;
    syncBuiltinESMExports();
  }
});
