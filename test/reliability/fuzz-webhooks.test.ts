/**
 * Issue #2, fuzzed webhooks: 10,000 malformed or mutated but CORRECTLY SIGNED bodies (see
 * support/webhook-mutator.ts) posted to /webhooks/whatsapp. None may get a 5xx or crash the
 * process; /healthz still answers; a normal conversation works afterwards; no engine turn of a
 * fuzz-created citizen failed. Then the signature gate: 1,000 bodies with wrong, missing or
 * malformed signatures all get a 4xx and nothing of them is stored.
 *
 * One driver only, PGlite: the parsing and signature checks under test run before and above
 * the storage driver, and what reaches the database is the same parameterised `ingest`
 * statement on both drivers (the storage contract suite covers PostgreSQL); 10,000 bodies twice
 * would not fit the time budget on this machine.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { buildMessagesWebhook, encodeWebhookBody, newInboundWamid, textMessage } from '../../src/channels/graph-double/index.ts';
import { signBody } from '../../src/channels/whatsapp/verify-signature.ts';
import { errors as errorsMetric } from '../../src/app/metrics.ts';
import { choices, platformDrivers, startTestPlatform, type TestPlatform } from '../support/test-platform.ts';
import { createSignedPoster, type SignedPoster } from './support/post-signed.ts';
import { createWebhookMutator } from './support/webhook-mutator.ts';
import { waitUntil } from './support/wait-until.ts';

const FUZZ_BODIES = Number(process.env.FUZZ_BODIES ?? 10_000);
const BAD_SIGNATURES = 1_000;
/** Requests in flight at once: modest, one keep-alive pool. */
const CONCURRENCY = 8;
/** Every this many bodies is a 1,000-message batch (so 2 of them). */
const BIG_BATCH_EVERY = 4_000;
const SEED = Number(process.env.FUZZ_SEED ?? 20250130);
const DRAIN_TIMEOUT_MS = 40_000;

async function turnFailures(): Promise<number> {
  return (await errorsMetric.get()).values.filter((v) => v.labels.code === 'turn_failed').reduce((s, v) => s + v.value, 0);
}

/** Runs `work(i)` for i in [0, n) with `limit` in flight. */
async function runPool(n: number, limit: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < n) await work(next++);
  }));
}

const pglite = platformDrivers().find((d) => d.name === 'pglite')!;

describe('fuzzed webhooks (pglite)', () => {
  let platform: TestPlatform;
  let poster: SignedPoster;
  let webhookUrl: string;
  before(async () => {
    platform = await startTestPlatform(await pglite.create());
    poster = createSignedPoster(platform.appSecret, CONCURRENCY);
    webhookUrl = `${platform.url}/webhooks/whatsapp`;
  });
  after(async () => {
    poster?.close();
    await platform?.stop();
  });

  it(`answers ${FUZZ_BODIES} signed fuzzed bodies without a 5xx, then still works`, { timeout: 240_000 }, async (t) => {
    const mutator = createWebhookMutator(SEED);
    const failuresBefore = await turnFailures();
    const byStatus = new Map<number, number>();
    const startedAt = Date.now();
    const serverErrors: { index: number; status: number; body: string; sample: string }[] = [];
    await runPool(FUZZ_BODIES, CONCURRENCY, async (i) => {
      const raw = mutator.next(i, platform.phoneNumberId, BIG_BATCH_EVERY);
      const answer = await poster.post(webhookUrl, raw, { timeoutMs: 30_000 });
      byStatus.set(answer.status, (byStatus.get(answer.status) ?? 0) + 1);
      if (answer.status >= 500 || answer.status === 0) {
        serverErrors.push({ index: i, status: answer.status, body: answer.body || answer.error || '', sample: raw.subarray(0, 300).toString('utf8') });
      }
    });
    t.diagnostic(`posting took ${Date.now() - startedAt} ms`);
    t.diagnostic(`seed ${SEED}; answers by status: ${JSON.stringify(Object.fromEntries(byStatus))}`);
    assert.deepEqual(serverErrors.slice(0, 5), [], `no 5xx or dropped connection (${serverErrors.length} in all)`);
    assert.ok((byStatus.get(200) ?? 0) > 0 && (byStatus.get(400) ?? 0) > 0, 'the mix held both readable and unreadable bodies');

    const health = await fetch(`${platform.url}/healthz`);
    assert.equal(health.status, 200);

    // Every message the fuzz managed to store is processed, and no turn failed on it. (Only the
    // inbox is awaited: the thousands of replies to fuzz citizens need not all reach the double.)
    await waitUntil(async () => (await platform.store.counts()).inboxPending === 0, DRAIN_TIMEOUT_MS, async () => JSON.stringify(await platform.store.counts()));
    const counts = await platform.store.counts();
    assert.equal(counts.inboxFailed, 0, 'no fuzz citizen got a crashed turn');
    const apologies = await platform.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbound_messages WHERE id LIKE '%#apology'`, []);
    assert.equal(apologies.rows[0].n, 0, 'no apology was needed');
    assert.equal((await turnFailures()) - failuresBefore, 0, 'no engine turn threw');
    const stored = await platform.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM inbound_messages`, []);
    t.diagnostic(`inbound messages stored from the fuzz: ${stored.rows[0].n}`);
    assert.ok(stored.rows[0].n >= 1000, 'the 1,000-message batches were stored');

    // A normal conversation still works.
    // Generous: its reply queues behind the replies to thousands of fuzz citizens on one PGlite.
    const replies = await platform.say('919111100001', 'Hi', { timeoutMs: 120_000 });
    assert.ok(choices(replies[0]).length >= 3, `language buttons offered: ${JSON.stringify(replies[0]).slice(0, 300)}`);
  });

  it(`refuses ${BAD_SIGNATURES} bodies with wrong signatures with a 4xx and stores nothing`, async () => {
    const wamids: string[] = [];
    const statuses = new Map<number, number>();
    await runPool(BAD_SIGNATURES, CONCURRENCY, async (i) => {
      const waId = `9192${String(i).padStart(8, '0')}`;
      const wamid = newInboundWamid(waId);
      wamids.push(wamid);
      const raw = encodeWebhookBody(buildMessagesWebhook({ phoneNumberId: platform.phoneNumberId, messages: [textMessage(waId, 'Hi', wamid)] }));
      const good = signBody(raw, platform.appSecret);
      // Wrong secret, a flipped digit, a truncated or missing header, another algorithm's prefix.
      const signature = [
        signBody(raw, randomBytes(16).toString('hex')),
        good.slice(0, -1) + (good.endsWith('0') ? '1' : '0'),
        good.slice(0, 20),
        null,
        good.replace('sha256=', 'sha1='),
        `sha256=${'z'.repeat(64)}`,
        signBody(`${raw} `, platform.appSecret),
      ][i % 7];
      const answer = await poster.post(webhookUrl, raw, { signature });
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    });
    assert.ok([...statuses.keys()].every((s) => s >= 400 && s < 500), `all refused with 4xx: ${JSON.stringify(Object.fromEntries(statuses))}`);
    const stored = await platform.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM inbound_messages WHERE wamid = ANY($1::text[])`, [wamids]);
    assert.equal(stored.rows[0].n, 0, 'nothing stored');
    const citizens = await platform.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM citizens WHERE wa_id LIKE '9192%'`, []);
    assert.equal(citizens.rows[0].n, 0);
  });
});
