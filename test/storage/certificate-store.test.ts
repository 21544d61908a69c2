// Certificate storage on every driver: the issuance queue is claimed once across concurrent
// transactions, numbers are consecutive per prefix and year with no duplicates under
// concurrency, a certificate is stored, delivered and revoked exactly once.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabases, type TestDatabase } from '../support/test-databases.ts';
import { migrate } from '../../src/storage/migrate.ts';
import {
  certificateByNumber, certificateOfApplication, claimCertificateRequests, claimUndeliveredCertificates, deleteCertificateRequest,
  failCertificateRequest, insertCertificates, pendingCertificateRequests, queueCertificateRequest, reserveCertificateNumbers,
  revokeCertificate, storeCertificatePdf,
} from '../../src/storage/certificate-store.ts';

const at = new Date('2026-11-23T06:00:00Z');

for (const driver of testDatabases()) {
  describe(`certificate store (${driver.name})`, () => {
    let t: TestDatabase;
    before(async () => { t = await driver.open(); await migrate(t.db); });
    after(async () => t.cleanup());

    it('queues a request once, and two concurrent claimers never take the same request', async () => {
      for (let i = 0; i < 10; i++) {
        await queueCertificateRequest(t.db, { applicationId: `app-${i}`, waId: `91980000000${i}`, officerId: null, at });
        await queueCertificateRequest(t.db, { applicationId: `app-${i}`, waId: `91980000000${i}`, officerId: null, at });
      }
      assert.equal(await pendingCertificateRequests(t.db), 10);
      // PGlite has one connection, so "concurrent" transactions run one after the other there;
      // on PostgreSQL they overlap and SKIP LOCKED must split the work.
      const claims = await Promise.all([0, 1].map(() => t.db.transaction(async (tx) => {
        const claimed = await claimCertificateRequests(tx, at, 6);
        for (const c of claimed) await deleteCertificateRequest(tx, c.applicationId);
        return claimed.map((c) => c.applicationId);
      })));
      const all = claims.flat();
      assert.equal(new Set(all).size, all.length, 'no request claimed twice');
      assert.equal(all.length, 10);
      assert.equal(await pendingCertificateRequests(t.db), 0);
    });

    it('a failed request waits until its retry time', async () => {
      await queueCertificateRequest(t.db, { applicationId: 'app-retry', waId: '919800000099', officerId: 7, at });
      await failCertificateRequest(t.db, 'app-retry', 'no layout', new Date(at.getTime() + 60_000));
      assert.deepEqual(await t.db.transaction((tx) => claimCertificateRequests(tx, at, 10)), []);
      const later = await t.db.transaction((tx) => claimCertificateRequests(tx, new Date(at.getTime() + 61_000), 10));
      assert.deepEqual(later.map((r) => [r.applicationId, r.officerId, r.attempts]), [['app-retry', 7, 1]]);
    });

    it('reserves consecutive numbers per prefix and year, never the same twice', async () => {
      const firsts = await Promise.all(Array.from({ length: 20 }, () => t.db.transaction((tx) => reserveCertificateNumbers(tx, 'INC', 2026))));
      assert.deepEqual([...firsts].sort((a, b) => a - b), Array.from({ length: 20 }, (_, i) => i + 1));
      assert.equal(await reserveCertificateNumbers(t.db, 'INC', 2026, 5), 21);
      assert.equal(await reserveCertificateNumbers(t.db, 'INC', 2026), 26);
      assert.equal(await reserveCertificateNumbers(t.db, 'INC', 2027), 1);
      assert.equal(await reserveCertificateNumbers(t.db, 'CST', 2026), 1);
    });

    it('stores a certificate, delivers its PDF once, and revokes it once', async () => {
      await insertCertificates(t.db, [{
        number: 'AP-INC-2026-0000001', applicationId: 'app-1', waId: '919800000001', serviceId: 'revenue.income-certificate', type: 'income',
        document: { number: 'AP-INC-2026-0000001', holderName: 'Lakshmi Devi' }, bodySha256: 'ab'.repeat(32), qrText: 'https://example.in/v/AP-INC-2026-0000001#x.y',
        keyId: '0a1b2c3d', issuedAt: at.toISOString(),
      }]);
      const stored = await certificateByNumber(t.db, 'AP-INC-2026-0000001');
      assert.equal(stored?.status, 'issued');
      assert.deepEqual(stored?.document, { number: 'AP-INC-2026-0000001', holderName: 'Lakshmi Devi' });
      assert.equal((await certificateOfApplication(t.db, 'app-1'))?.number, 'AP-INC-2026-0000001');
      await assert.rejects(insertCertificates(t.db, [{ ...stored!, number: 'AP-INC-2026-0000002' }]), 'one certificate per application');

      const undelivered = await t.db.transaction((tx) => claimUndeliveredCertificates(tx, 10));
      assert.deepEqual(undelivered.map((c) => c.number), ['AP-INC-2026-0000001']);
      const pdf = new TextEncoder().encode('%PDF-1.7 test');
      const documentId = await storeCertificatePdf(t.db, { number: 'AP-INC-2026-0000001', waId: '919800000001', applicationId: 'app-1', pdf, filename: 'AP-INC-2026-0000001.pdf', at });
      assert.deepEqual(await t.db.transaction((tx) => claimUndeliveredCertificates(tx, 10)), []);
      const doc = await t.db.query('SELECT kind, mime_type, application_id FROM documents WHERE id = $1', [documentId]);
      assert.deepEqual(doc.rows[0], { kind: 'issued', mime_type: 'application/pdf', application_id: 'app-1' });

      assert.equal(await revokeCertificate(t.db, { number: 'AP-INC-2026-0000001', by: 'ntr.tahsildar', reason: 'issued on a forged income proof', at }), true);
      assert.equal(await revokeCertificate(t.db, { number: 'AP-INC-2026-0000001', by: 'ntr.tahsildar', reason: 'again', at }), false);
      const revoked = await certificateByNumber(t.db, 'AP-INC-2026-0000001');
      assert.equal(revoked?.status, 'revoked');
      assert.equal(revoked?.revokeReason, 'issued on a forged income proof');
      assert.equal(revoked?.revokedAt, at.toISOString());
    });
  });
}
