// The transparency log end to end on every driver: a publisher that sequences, signs and gets
// checkpoints cosigned by a real `mitra witness`, and `mitra log verify`'s audit, which names
// each kind of tampering: a modified row, a deleted entry, reordered entries, a forked
// checkpoint, a checkpoint not signed by the log, and a witness that cosigned two trees of one size.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { testDatabases, type TestDatabase } from '../support/test-databases.ts';
import { migrate, enqueueLogEntry, latestCheckpoint, listCosignatures, readEntries } from '../../src/storage/index.ts';
import {
  Ed25519SigningKey, SIGNATURE_TYPE_ED25519, formatAddCheckpointRequest, formatCheckpoint, parseVerifierKey, signNote, parseTlogProof,
  verifyTlogProof, leafHash, CosignatureV1Verifier,
} from '../../src/translog/index.ts';
import { createLogPublisher, parseWitnessList, proveSubject } from '../../src/app/transparency-log.ts';
import { auditLog, type AuditProblem } from '../../src/app/audit-log.ts';
import { startWitness, type Witness } from '../../src/app/witness-command.ts';
import { SILENT_LOG } from '../../src/app/workers/poll-loop.ts';

const ORIGIN = 'mitra.example/log';

for (const driver of testDatabases()) {
  describe(`transparency log audit (${driver.name})`, () => {
    let t: TestDatabase;
    let witness: Witness;
    let witnessDir: string;
    const key = new Ed25519SigningKey(ORIGIN, SIGNATURE_TYPE_ED25519, randomBytes(32));
    const audit = () => auditLog(t.db, { origin: ORIGIN, logVerifiers: [key.verifier()] });
    const kinds = (problems: AuditProblem[]) => problems.map((p) => p.kind);

    before(async () => {
      t = await driver.open();
      await migrate(t.db);
      witnessDir = await mkdtemp(join(tmpdir(), 'mitra-witness-'));
      witness = await startWitness({ logKeys: [key.verifierKey()], port: 0, dataDir: witnessDir, name: 'witness.revenue.example' });
      const publisher = createLogPublisher({ db: t.db, key, origin: ORIGIN, witnesses: parseWitnessList(`${witness.verifierKey}@${witness.url}`), log: SILENT_LOG });
      // Several checkpoints: the witness checks consistency from one to the next.
      for (let batch = 0; batch < 6; batch++) {
        await t.db.transaction(async (tx) => {
          for (let i = 0; i < 110; i++) {
            const n = batch * 110 + i;
            await enqueueLogEntry(tx, { type: 'application_submitted', at: new Date(Date.UTC(2026, 10, 23, 10, 0, n % 60)), meta: { department: 'revenue', service: 'revenue.income-certificate' }, subject: `MM-261123-${String(n).padStart(8, '0')}`, record: { n } });
          }
        });
        await publisher.publishOnce();
      }
    });
    after(async () => { await witness?.close(); await t?.cleanup(); await rm(witnessDir, { recursive: true, force: true }); });

    it('publishes witnessed checkpoints, and a receipt proof verifies with a 1-of-1 witness quorum', async () => {
      const checkpoint = await latestCheckpoint(t.db);
      assert.equal(checkpoint?.size, 660);
      assert.match(checkpoint!.note, /— witness\.revenue\.example /);
      assert.equal((await listCosignatures(t.db)).length, 6);
      const found = await proveSubject(t.db, 'MM-261123-00000123');
      assert.equal(found?.index, 123);
      const [row] = await readEntries(t.db, 123, 124);
      const w = parseVerifierKey(witness.verifierKey);
      assert.ok(w.ok && w.verifier instanceof CosignatureV1Verifier);
      const statement = verifyTlogProof(found!.proof, leafHash(row.entry), { origin: ORIGIN, logVerifiers: [key.verifier()], witnesses: [w.verifier], quorum: 1 });
      assert.ok(statement.ok, JSON.stringify(statement));
      assert.deepEqual(statement.witnessedBy, ['witness.revenue.example']);
      assert.equal(statement.treeSize, 660);
      assert.equal(parseTlogProof(found!.proof).ok, true);
    });

    it('finds nothing wrong with an untouched log', async () => {
      const report = await audit();
      assert.deepEqual(report.problems, []);
      assert.equal(report.entries, 660);
      assert.equal(report.checkpoints, 6);
    });

    it('names a modified row', async () => {
      const [row] = await readEntries(t.db, 17, 18);
      await t.db.query('UPDATE log_entries SET entry = $1 WHERE idx = 17', [Buffer.from(new TextDecoder().decode(row.entry).replace('revenue.income-certificate', 'revenue.caste-certificate'))]);
      const report = await audit();
      await t.db.query('UPDATE log_entries SET entry = $1 WHERE idx = 17', [row.entry]);
      assert.ok(report.problems.some((p) => p.kind === 'entry-modified' && /entry 17 was modified/.test(p.message)), JSON.stringify(report.problems));
      assert.ok(kinds(report.problems).includes('checkpoint-fork'), 'the signed checkpoints no longer match');
    });

    it('names a deleted entry', async () => {
      const [row] = await readEntries(t.db, 40, 41);
      await t.db.query('DELETE FROM log_entries WHERE idx = 40');
      const report = await audit();
      await t.db.query('INSERT INTO log_entries (idx, entry, subject) VALUES (40, $1, $2)', [row.entry, row.subject]);
      assert.ok(report.problems.some((p) => p.kind === 'entry-missing' && /entry 40 is missing/.test(p.message)), JSON.stringify(report.problems));
    });

    it('names reordered entries', async () => {
      const [a, b] = await readEntries(t.db, 300, 302);
      await t.db.query('UPDATE log_entries SET entry = $1 WHERE idx = 300', [b.entry]);
      await t.db.query('UPDATE log_entries SET entry = $1 WHERE idx = 301', [a.entry]);
      const report = await audit();
      await t.db.query('UPDATE log_entries SET entry = $1 WHERE idx = 300', [a.entry]);
      await t.db.query('UPDATE log_entries SET entry = $1 WHERE idx = 301', [b.entry]);
      assert.ok(report.problems.some((p) => p.kind === 'entries-reordered' && /entries 300 and 301/.test(p.message)), JSON.stringify(report.problems));
      assert.ok(!kinds(report.problems).includes('entry-modified'));
    });

    it('names a forked checkpoint: validly signed, but for a tree the entries do not give', async () => {
      const row = (await t.db.query<{ note: string; root: Uint8Array }>('SELECT note, root FROM log_checkpoints WHERE size = 330')).rows[0];
      const forgedRoot = randomBytes(32);
      const forged = signNote(formatCheckpoint({ origin: ORIGIN, size: 330, rootHash: forgedRoot, extensions: [] }), [key]);
      await t.db.query('UPDATE log_checkpoints SET note = $1, root = $2 WHERE size = 330', [forged, forgedRoot]);
      const report = await audit();
      await t.db.query('UPDATE log_checkpoints SET note = $1, root = $2 WHERE size = 330', [row.note, row.root]);
      assert.ok(report.problems.some((p) => p.kind === 'checkpoint-fork' && /size 330/.test(p.message)), JSON.stringify(report.problems));
    });

    it('names a checkpoint not signed by the log key', async () => {
      const row = (await t.db.query<{ note: string }>('SELECT note FROM log_checkpoints WHERE size = 110')).rows[0];
      const other = new Ed25519SigningKey(ORIGIN, SIGNATURE_TYPE_ED25519, randomBytes(32));
      const root = (await t.db.query<{ root: Uint8Array }>('SELECT root FROM log_checkpoints WHERE size = 110')).rows[0].root;
      await t.db.query('UPDATE log_checkpoints SET note = $1 WHERE size = 110', [signNote(formatCheckpoint({ origin: ORIGIN, size: 110, rootHash: root, extensions: [] }), [other])]);
      const report = await audit();
      await t.db.query('UPDATE log_checkpoints SET note = $1 WHERE size = 110', [row.note]);
      assert.ok(report.problems.some((p) => p.kind === 'checkpoint-signature' && /size 110/.test(p.message)), JSON.stringify(report.problems));
    });

    it('names a witness that cosigned two different trees of one size', async () => {
      await t.db.query("INSERT INTO log_cosignatures (witness, size, root, timestamp, line) VALUES ('witness.revenue.example', 440, $1, 1, 'forged')", [randomBytes(32)]);
      const report = await audit();
      await t.db.query("DELETE FROM log_cosignatures WHERE line = 'forged'");
      assert.ok(report.problems.some((p) => p.kind === 'witness-equivocation' && /witness\.revenue\.example.*size 440/.test(p.message)), JSON.stringify(report.problems));
      assert.deepEqual((await audit()).problems, [], 'clean again after every revert');
    });

    it('the witness refuses a fork: another root at the same size and an inconsistent larger tree (422), a stale old size (409)', async () => {
      const latest = (await latestCheckpoint(t.db))!;
      const fork = signNote(formatCheckpoint({ origin: ORIGIN, size: latest.size, rootHash: randomBytes(32), extensions: [] }), [key]);
      const same = await fetch(`${witness.url}/add-checkpoint`, { method: 'POST', body: formatAddCheckpointRequest({ oldSize: latest.size, consistencyProof: [], checkpoint: fork }) });
      assert.equal(same.status, 422);
      const stale = await fetch(`${witness.url}/add-checkpoint`, { method: 'POST', body: formatAddCheckpointRequest({ oldSize: 110, consistencyProof: [randomBytes(32)], checkpoint: fork }) });
      assert.equal(stale.status, 409);
      assert.equal(await stale.text(), `${latest.size}\n`, 'the witness says which size it cosigned last');
      const bigger = signNote(formatCheckpoint({ origin: ORIGIN, size: latest.size + 5, rootHash: randomBytes(32), extensions: [] }), [key]);
      const proof = Array.from({ length: 4 }, () => randomBytes(32));
      const res = await fetch(`${witness.url}/add-checkpoint`, { method: 'POST', body: formatAddCheckpointRequest({ oldSize: latest.size, consistencyProof: proof, checkpoint: bigger }) });
      assert.equal(res.status, 422);
      const unknown = new Ed25519SigningKey('other.example/log', SIGNATURE_TYPE_ED25519, randomBytes(32));
      const stranger = await fetch(`${witness.url}/add-checkpoint`, { method: 'POST', body: formatAddCheckpointRequest({ oldSize: 0, consistencyProof: [], checkpoint: signNote(formatCheckpoint({ origin: 'other.example/log', size: 1, rootHash: randomBytes(32), extensions: [] }), [unknown]) }) });
      assert.equal(stranger.status, 404);
    });
  });
}
