/**
 * Issue #2, redelivery: Meta delivers a webhook "at least once", so the same signed body (same
 * wamid) may arrive again, at the same time as itself, or inside a later batch next to a new
 * message. Each message must still be processed once: one engine turn (the citizen's
 * `session_version` advances once per message), one set of replies, each sent once.
 * Runs on every driver the harness offers.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildMessagesWebhook, encodeWebhookBody, newInboundWamid, textMessage } from '../../src/channels/graph-double/index.ts';
import { inboundDuplicates } from '../../src/app/metrics.ts';
import { platformDrivers, startTestPlatform, type TestPlatform } from '../support/test-platform.ts';
import { createSignedPoster, type SignedPoster } from './support/post-signed.ts';
import { duplicatesOf, isDrained, readLedger } from './support/platform-ledger.ts';
import { waitUntil } from './support/wait-until.ts';

/** Times the same body is redelivered in the sequential and concurrent cases. */
const REDELIVERIES = 3;
const DRAIN_TIMEOUT_MS = 20_000;

async function duplicateCount(): Promise<number> {
  return (await inboundDuplicates.get()).values.reduce((sum, v) => sum + v.value, 0);
}

for (const driver of platformDrivers()) {
  describe(`webhook redelivery (${driver.name})`, () => {
    let platform: TestPlatform;
    let poster: SignedPoster;
    let webhookUrl: string;

    before(async () => {
      platform = await startTestPlatform(await driver.create());
      poster = createSignedPoster(platform.appSecret);
      webhookUrl = `${platform.url}/webhooks/whatsapp`;
    });
    after(async () => {
      poster?.close();
      await platform?.stop();
    });

    const body = (...messages: ReturnType<typeof textMessage>[]) =>
      encodeWebhookBody(buildMessagesWebhook({ phoneNumberId: platform.phoneNumberId, messages }));

    /** Waits until every reply of the processed messages has reached the double. */
    async function drained(): Promise<void> {
      await waitUntil(async () => {
        if (!(await isDrained(platform.db))) return false;
        const ledger = await readLedger(platform.db);
        const sent = new Set(platform.double!.sent.map((s) => String(s.body.biz_opaque_callback_data)));
        return ledger.outbound.every((o) => sent.has(o.id));
      }, DRAIN_TIMEOUT_MS, async () => JSON.stringify(await platform.store.counts()));
    }

    /** Asserts `wamid` was processed once: done, its replies `wamid#0..n-1`, each sent once. */
    async function assertProcessedOnce(wamid: string): Promise<void> {
      const ledger = await readLedger(platform.db);
      const inbound = ledger.inbound.get(wamid);
      assert.equal(inbound?.status, 'done', `inbound ${wamid} is done`);
      const replies = ledger.outbound.filter((o) => o.inReplyTo === wamid);
      assert.ok(replies.length >= 1, 'the engine answered');
      assert.deepEqual(replies.map((o) => o.id).sort(), replies.map((_, i) => `${wamid}#${i}`).sort());
      const sentIds = platform.double!.sent.map((s) => String(s.body.biz_opaque_callback_data)).filter((id) => id.startsWith(`${wamid}#`));
      assert.deepEqual(sentIds.sort(), replies.map((o) => o.id).sort(), 'every reply sent exactly once');
    }

    async function sessionVersion(waId: string): Promise<number | undefined> {
      return (await platform.store.citizen(waId))?.sessionVersion;
    }

    it('processes a body posted three times in a row once', async () => {
      const waId = '919000000101';
      const wamid = newInboundWamid(waId);
      const raw = body(textMessage(waId, 'Hi', wamid));
      const before = await duplicateCount();
      for (let i = 0; i < REDELIVERIES; i++) {
        assert.equal((await poster.post(webhookUrl, raw)).status, 200);
      }
      await drained();
      await assertProcessedOnce(wamid);
      assert.equal(await sessionVersion(waId), 1, 'one turn for one message');
      assert.equal((await duplicateCount()) - before, REDELIVERIES - 1, 'redeliveries are counted as duplicates');
    });

    it('processes a body posted three times concurrently once', async () => {
      const waId = '919000000102';
      const wamid = newInboundWamid(waId);
      const raw = body(textMessage(waId, 'Hi', wamid));
      const answers = await Promise.all(Array.from({ length: REDELIVERIES }, () => poster.post(webhookUrl, raw)));
      assert.deepEqual(answers.map((a) => a.status), Array(REDELIVERIES).fill(200));
      await drained();
      await assertProcessedOnce(wamid);
      assert.equal(await sessionVersion(waId), 1);
      const ledger = await readLedger(platform.db);
      assert.equal([...ledger.inbound.values()].filter((r) => r.waId === waId).length, 1, 'one inbound row');
    });

    it('processes a redelivered message inside a batch with a new one once, and the new one once', async () => {
      const waId = '919000000103';
      const other = '919000000104';
      const first = newInboundWamid(waId);
      assert.equal((await poster.post(webhookUrl, body(textMessage(waId, 'Hi', first)))).status, 200);
      await drained();
      assert.equal(await sessionVersion(waId), 1);

      // Meta batches the old message again with two new ones: the citizen's next and another citizen's.
      const second = newInboundWamid(waId);
      const otherFirst = newInboundWamid(other);
      const batch = body(textMessage(waId, 'Hi', first), textMessage(waId, 'help', second), textMessage(other, 'Hi', otherFirst));
      // The batch itself is redelivered too, concurrently with a lone copy of the old message.
      const answers = await Promise.all([
        poster.post(webhookUrl, batch),
        poster.post(webhookUrl, batch),
        poster.post(webhookUrl, body(textMessage(waId, 'Hi', first))),
      ]);
      assert.deepEqual(answers.map((a) => a.status), [200, 200, 200]);
      await drained();
      for (const wamid of [first, second, otherFirst]) await assertProcessedOnce(wamid);
      assert.equal(await sessionVersion(waId), 2, 'two messages, two turns');
      assert.equal(await sessionVersion(other), 1);

      // The citizen's replies went out in outbox order, each once, whole platform included.
      const ledger = await readLedger(platform.db);
      const sentAll = platform.double!.sent.map((s) => String(s.body.biz_opaque_callback_data));
      assert.deepEqual([...duplicatesOf(sentAll)], [], 'no reply sent twice');
      const expected = ledger.outbound.filter((o) => o.waId === waId).map((o) => o.id);
      assert.deepEqual(sentAll.filter((id) => expected.includes(id)), expected, 'replies in outbox order');
    });
  });
}
