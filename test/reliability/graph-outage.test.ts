/**
 * Issue #2, Graph API outage: the double answers 429 (throughput 130429, pair rate 131056),
 * 500 (131000) and hangs (client timeouts) for a while, while several citizens send several
 * messages. Once it recovers, every reply is delivered exactly once (no duplicate
 * `biz_opaque_callback_data`) and in outbox order per citizen. Permanent errors (131026
 * undeliverable, 131009 bad parameter) are recorded as failed with `last_error`, surface in the
 * errors metric and `store.counts().outboxFailed`, and do not hold back the citizen's later
 * replies. Runs on every driver the harness offers.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { errors as errorsMetric } from '../../src/app/metrics.ts';
import { platformDrivers, startTestPlatform, type TestPlatform } from '../support/test-platform.ts';
import { duplicatesOf, groupInOrder, isDrained, readLedger } from './support/platform-ledger.ts';
import { waitUntil } from './support/wait-until.ts';

const CITIZENS = 4;
const MESSAGES_PER_CITIZEN = 3;
const TEXTS = ['Hi', 'help', 'menu'];
/** Long enough for a 4^1 s pair-rate backoff plus the other retries. */
const DRAIN_TIMEOUT_MS = 30_000;
/** Short client timeout and grace so hung requests and their retries take a second, not minutes. */
const OUTAGE_ENV = { WHATSAPP_TIMEOUT_MS: '300', OUTBOX_LEASE_MS: '2000', OUTBOX_RECLAIM_GRACE_MS: '500' };

async function sendFailures(): Promise<number> {
  return (await errorsMetric.get()).values.filter((v) => v.labels.code === 'send_failed').reduce((s, v) => s + v.value, 0);
}

for (const driver of platformDrivers()) {
  describe(`Graph API outage (${driver.name})`, () => {
    let platform: TestPlatform;
    before(async () => {
      platform = await startTestPlatform(await driver.create(), OUTAGE_ENV);
    });
    after(async () => {
      await platform?.stop();
    });

    const sentIds = () => platform.double!.sent.map((s) => String(s.body.biz_opaque_callback_data));

    async function post(waId: string, text: string): Promise<void> {
      const answer = await platform.simulator!.send(waId, 'Test Citizen', { type: 'text', text });
      assert.equal(answer.status, 200);
    }

    /** Inbox empty, outbox settled, and every non-failed reply seen by the double. */
    async function drained(): Promise<void> {
      await waitUntil(async () => {
        if (!(await isDrained(platform.db))) return false;
        const sent = new Set(sentIds());
        return (await readLedger(platform.db)).outbound.every((o) => o.status === 'failed' || sent.has(o.id));
      }, DRAIN_TIMEOUT_MS, async () => JSON.stringify(await platform.store.counts()));
    }

    it('delivers every reply exactly once and in order after 429s, 500s and hangs', async () => {
      const double = platform.double!;
      // The outage is scripted before the citizens write, so their first replies meet it. It
      // spans more calls (18) than the citizens' best-effort mark-as-read calls (at most 12,
      // one per inbound message), so replies meet every kind of failure whatever the order.
      double.failNext({ status: 429, code: 130429, count: 8, retryAfterSeconds: 1 });
      double.failNext({ status: 500, code: 131000, count: 6 });
      double.failNext({ status: 429, code: 131056, count: 1 });
      double.failNext({ status: 504, code: 0, count: 3, hang: true });
      const citizens = Array.from({ length: CITIZENS }, (_, i) => `91970000${String(i).padStart(4, '0')}`);
      for (const text of TEXTS.slice(0, MESSAGES_PER_CITIZEN)) {
        await Promise.all(citizens.map((waId) => post(waId, text)));
      }
      await drained();

      const ledger = await readLedger(platform.db);
      const mine = ledger.outbound.filter((o) => citizens.includes(o.waId));
      assert.ok(mine.length >= CITIZENS * MESSAGES_PER_CITIZEN, 'every message was answered');
      assert.deepEqual(mine.filter((o) => !['sent', 'delivered', 'read'].includes(o.status)).map((o) => [o.id, o.status, o.lastError]), [],
        'nothing failed: the outage was transient');
      assert.deepEqual([...duplicatesOf(sentIds())], [], 'no reply sent twice');
      const retried = await platform.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbound_messages WHERE last_error IS NOT NULL`, []);
      assert.ok(retried.rows[0].n > 0, 'the outage was met (some rows carry the error they retried after)');
      const sentByCitizen = groupInOrder(double.sent, (s) => String(s.to).replace(/\D/g, ''));
      for (const [waId, rows] of groupInOrder(mine, (o) => o.waId)) {
        assert.deepEqual((sentByCitizen.get(waId) ?? []).map((s) => String(s.body.biz_opaque_callback_data)), rows.map((o) => o.id),
          `citizen ${waId}: replies in outbox order`);
      }
    });

    it('records permanent errors as failed and keeps sending the citizen later replies', async () => {
      const waId = '919700009999';
      const failuresBefore = await sendFailures();
      const failedBefore = (await platform.store.counts()).outboxFailed;

      // The double fails the next N API calls of any kind, and each inbound message also brings
      // one best-effort mark-as-read call (start-platform.ts): count 2 covers it and the reply.
      platform.double!.failNext({ status: 400, code: 131026, count: 2 });
      await post(waId, 'Hi');
      await drained();
      platform.double!.failNext({ status: 400, code: 131009, count: 2 });
      await post(waId, 'help');
      await drained();
      await post(waId, 'menu');
      await drained();

      const rows = await platform.store.outboundFor(waId);
      const failed = rows.filter((r) => r.status === 'failed');
      assert.deepEqual(failed.map((r) => (r.lastError as { code?: number }).code), [131026, 131009], 'both permanent errors recorded with their code');
      for (const r of failed) assert.equal(r.attempts, 1, 'a permanent error is not retried');
      assert.equal((await platform.store.counts()).outboxFailed - failedBefore, 2, 'surfaced in store.counts()');
      assert.equal((await sendFailures()) - failuresBefore, 2, 'surfaced in the errors metric');
      const lastReplies = rows.filter((r) => rows.indexOf(r) > rows.indexOf(failed[1]));
      assert.ok(lastReplies.length >= 1 && lastReplies.every((r) => ['sent', 'delivered', 'read'].includes(r.status)),
        'the replies after the failures were delivered');
      const sent = new Set(sentIds());
      assert.ok(rows.filter((r) => r.status !== 'failed').every((r) => sent.has(r.id)));
      assert.ok(failed.every((r) => !sent.has(r.id)), 'a failed reply never reached the citizen');
    });
  });
}
