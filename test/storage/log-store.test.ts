// The log's storage on every driver: entries queued in a business transaction are sequenced in
// order, the stored tiles and frontier give the RFC 6962 root of exactly those entries, proofs
// built from the tiles verify, and two sequencers never integrate an entry twice.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabases, type TestDatabase } from '../support/test-databases.ts';
import { migrate } from '../../src/storage/migrate.ts';
import {
  enqueueLogEntry, sequenceBatch, readLogState, readEntries, readTile, createTileHashSource, frontierFromTiles, logQueueDepth, entriesAbout,
} from '../../src/storage/log-store.ts';
import { buildConsistencyProof, buildInclusionProof, leafHash, merkleRoot, verifyConsistency, verifyInclusion } from '../../src/translog/index.ts';
import { decodeLogEntry } from '../../src/translog/index.ts';

const record = (i: number) => ({ type: 'application_submitted' as const, at: new Date(Date.UTC(2026, 0, 1, 0, 0, i % 60)), meta: { department: 'revenue', service: 'revenue.income-certificate' }, subject: `MM-260101-${String(i).padStart(8, '0')}`, record: { reference: `MM-260101-${i}`, answers: { name: `Citizen ${i}` } } });

for (const driver of testDatabases()) {
  describe(`log store (${driver.name})`, () => {
    let t: TestDatabase;
    before(async () => { t = await driver.open(); await migrate(t.db); });
    after(async () => t.cleanup());

    it('sequences queued entries in order across batches; tiles and frontier give the RFC 6962 root', async () => {
      const total = 700;
      for (let i = 0; i < total; i += 100) {
        await t.db.transaction(async (tx) => { for (let j = i; j < i + 100; j++) await enqueueLogEntry(tx, record(j)); });
        const r = await sequenceBatch(t.db, 150);
        assert.ok(r && r.toSize > r.fromSize);
      }
      while ((await logQueueDepth(t.db)) > 0) await sequenceBatch(t.db, 150);
      const state = await readLogState(t.db);
      assert.equal(state.size, total);
      const entries = await readEntries(t.db, 0, total);
      assert.deepEqual(entries.map((e) => e.idx), [...Array(total).keys()]);
      assert.equal(entries[5].subject, record(5).subject);
      const leaves = entries.map((e) => leafHash(e.entry));
      assert.deepEqual(state.frontier.root(), merkleRoot(leaves));
      assert.deepEqual((await frontierFromTiles(t.db, total)).root(), merkleRoot(leaves));
      const tile0 = await readTile(t.db, 0, 0);
      assert.equal(tile0?.width, 256);
      assert.equal((await readTile(t.db, 0, 2))?.width, total - 512);
      assert.equal((await readTile(t.db, 1, 0))?.width, 2);
      // No personal data in the log: the entry is a commitment and public metadata.
      const decoded = decodeLogEntry(entries[5].entry);
      assert.ok(decoded.ok);
      assert.ok(!new TextDecoder().decode(entries[5].entry).includes('Citizen'));
      assert.deepEqual(await entriesAbout(t.db, record(5).subject), [5]);
    });

    it('builds inclusion and consistency proofs from the tiles that verify', async () => {
      const size = (await readLogState(t.db)).size;
      const entries = await readEntries(t.db, 0, size);
      const leaves = entries.map((e) => leafHash(e.entry));
      const source = createTileHashSource(t.db);
      for (const [index, at] of [[0, 1], [5, 300], [255, 256], [256, 257], [511, 700], [699, 700], [300, 513]]) {
        const root = merkleRoot(leaves, 0, at);
        const proof = await buildInclusionProof(index, at, source);
        assert.equal(verifyInclusion(leaves[index], index, at, proof, root).ok, true, `inclusion ${index} in ${at}`);
      }
      for (const [m, n] of [[1, 700], [256, 512], [300, 700], [699, 700]]) {
        const proof = await buildConsistencyProof(m, n, source);
        assert.equal(verifyConsistency(m, n, proof, merkleRoot(leaves, 0, m), merkleRoot(leaves, 0, n)).ok, true, `consistency ${m}→${n}`);
      }
    });

    it('never sequences an entry twice when sequencers race', async () => {
      const peer = await t.openPeer();
      await t.db.transaction(async (tx) => { for (let j = 0; j < 300; j++) await enqueueLogEntry(tx, record(1000 + j)); });
      const before = (await readLogState(t.db)).size;
      await Promise.all([sequenceBatch(t.db, 50), sequenceBatch(peer, 50), sequenceBatch(t.db, 50), sequenceBatch(peer, 50)]);
      while ((await logQueueDepth(t.db)) > 0) await sequenceBatch(peer, 100);
      const size = (await readLogState(t.db)).size;
      assert.equal(size, before + 300);
      const entries = await readEntries(t.db, 0, size);
      assert.equal(new Set(entries.map((e) => Buffer.from(e.entry).toString('hex'))).size, size, 'every entry once');
      assert.deepEqual((await readLogState(peer)).frontier.root(), merkleRoot(entries.map((e) => leafHash(e.entry))));
    });
  });
}
