import { describe, it, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabases, type TestDatabase } from '../support/test-databases.ts';
import { migrate } from '../../src/storage/migrate.ts';
import { createStore, type Store } from '../../src/storage/store.ts';
import { createOutboxSender, type SendResult, type OutboxRow, type SendPort } from '../../src/app/workers/outbox-sender.ts';

/** A clock the test moves by hand. */
function manualClock(start = '2026-01-05T10:00:00.000Z') {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms: number) => { t += ms; } };
}

async function queue(store: Store, waId: string, bodies: string[]): Promise<string[]> {
  const ids = bodies.map((b) => `${waId}:${b}`);
  await store.db.query(
    `INSERT INTO outbound_messages (id, wa_id, message)
     SELECT id, $1, jsonb_build_object('type', 'text', 'body', body)
       FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS x(id, body, ord) ORDER BY ord`,
    [waId, ids, bodies],
  );
  return ids;
}

const ok = (row: OutboxRow): SendResult => ({ ok: true, messageId: `wamid.${row.id}`, request: { to: row.waId } });
const body = (row: OutboxRow) => (row.message as { body: string }).body;

for (const driver of testDatabases()) {
  describe(`outbox sender (${driver.name})`, () => {
    let t: TestDatabase;
    let store: Store;
    before(async () => {
      t = await driver.open();
      await migrate(t.db);
      store = createStore(t.db);
    });
    after(async () => t.cleanup());
    beforeEach(async () => {
      await t.db.query(`DELETE FROM outbound_messages; DELETE FROM message_statuses`);
    });

    it('retries retryable errors with backoff, keeps per-citizen order and delivers each message once', async () => {
      const clock = manualClock();
      const citizens = ['919833300001', '919833300002', '919833300003'];
      for (const c of citizens) await queue(store, c, ['a', 'b', 'c', 'd']);
      const attemptsById = new Map<string, number>();
      const log: string[] = [];
      const send: SendPort = async (row) => {
        const n = (attemptsById.get(row.id) ?? 0) + 1;
        attemptsById.set(row.id, n);
        log.push(`${row.waId}:${body(row)}:${n}`);
        assert.equal(row.attempts, n);
        return n < 3 ? { ok: false, retryable: true, code: 131000, title: 'Something went wrong' } : ok(row);
      };
      const sender = createOutboxSender({ db: t.db, send, now: clock.now, random: () => 0, maxAttempts: 5 });
      // The first attempt is immediate; retries are not due until the clock moves.
      assert.equal(await sender.runOnce(), 3);
      assert.equal(await sender.runOnce(), 0);
      for (let i = 0; i < 40; i++) {
        clock.advance(10 * 60_000);
        await sender.runOnce();
      }
      for (const c of citizens) {
        const mine = log.filter((l) => l.startsWith(c)).map((l) => l.slice(c.length + 1));
        assert.deepEqual(mine, ['a:1', 'a:2', 'a:3', 'b:1', 'b:2', 'b:3', 'c:1', 'c:2', 'c:3', 'd:1', 'd:2', 'd:3']);
        const rows = await store.outboundFor(c);
        assert.deepEqual(rows.map((r) => [r.status, r.attempts, r.providerId]), ['a', 'b', 'c', 'd'].map((b) => ['sent', 3, `wamid.${c}:${b}`]));
      }
      // The exact request body the channel reported is kept for audit.
      const { rows } = await t.db.query(`SELECT wa_id, request FROM outbound_messages`, []);
      for (const r of rows) assert.deepEqual(r.request, { to: r.wa_id });
    });

    it('backs off exponentially: a retry is not due before its delay', async () => {
      const clock = manualClock();
      await queue(store, '919833300010', ['a']);
      let calls = 0;
      const sender = createOutboxSender({
        db: t.db, now: clock.now, random: () => 0.999,
        send: async () => (++calls, { ok: false, retryable: true, title: 'temporary' }),
      });
      await sender.runOnce(); // attempt 1 → wait ~1 s
      clock.advance(900);
      assert.equal(await sender.runOnce(), 0);
      clock.advance(200);
      assert.equal(await sender.runOnce(), 1); // attempt 2 → wait ~2 s
      clock.advance(1500);
      assert.equal(await sender.runOnce(), 0);
      clock.advance(600);
      assert.equal(await sender.runOnce(), 1);
      assert.equal(calls, 3);
    });

    it('fails a message on a permanent error or after maxAttempts, and later messages then go out', async () => {
      const clock = manualClock();
      await queue(store, '919833300020', ['bad', 'next']);
      await queue(store, '919833300021', ['flaky', 'after']);
      const sent: string[] = [];
      const send: SendPort = async (row) => {
        if (body(row) === 'bad') return { ok: false, retryable: false, code: 131026, title: 'Message undeliverable', detail: 'not on WhatsApp' };
        if (body(row) === 'flaky') return { ok: false, retryable: true, title: 'timeout' };
        sent.push(body(row));
        return ok(row);
      };
      const sender = createOutboxSender({ db: t.db, send, now: clock.now, maxAttempts: 3 });
      for (let i = 0; i < 10; i++) {
        await sender.runOnce();
        clock.advance(10 * 60_000);
      }
      assert.deepEqual(sent.sort(), ['after', 'next']);
      const [bad] = await store.outboundFor('919833300020');
      assert.equal(bad.status, 'failed');
      assert.equal(bad.attempts, 1);
      assert.deepEqual(bad.lastError, { code: 131026, title: 'Message undeliverable', detail: 'not on WhatsApp', attempts: 1 });
      const [flaky] = await store.outboundFor('919833300021');
      assert.deepEqual([flaky.status, flaky.attempts], ['failed', 3]);
    });

    it('pauses everything on the throughput limit without counting the attempt', async () => {
      const clock = manualClock();
      await queue(store, '919833300030', ['a']);
      await queue(store, '919833300031', ['b']);
      let calls = 0;
      const sender = createOutboxSender({
        db: t.db, now: clock.now, concurrency: 1,
        send: async (row) => (++calls === 1 ? { ok: false, retryable: true, code: 130429, title: 'Rate limit hit', retryAfterMs: 5000 } : ok(row)),
      });
      assert.equal(await sender.runOnce(), 1);
      clock.advance(4000);
      assert.equal(await sender.runOnce(), 0); // paused, even for the other citizen
      assert.equal(calls, 1);
      clock.advance(1001);
      await sender.runOnce();
      await sender.runOnce();
      const [a] = await store.outboundFor('919833300030');
      assert.deepEqual([a.status, a.attempts], ['sent', 1]);
      assert.equal((await store.outboundFor('919833300031'))[0].status, 'sent');
    });

    it('reclaims a row left sending by a crashed process only after lease + grace', async () => {
      const clock = manualClock();
      await queue(store, '919833300040', ['a']);
      const crashed = createOutboxSender({ db: t.db, now: clock.now, leaseMs: 60_000, reclaimGraceMs: 15_000, send: () => new Promise<SendResult>(() => {}) });
      void crashed.runOnce(); // claims the row, then "crashes" mid-send
      await waitFor(async () => (await store.outboundFor('919833300040'))[0].status === 'sending');
      const sent: string[] = [];
      const survivor = createOutboxSender({ db: t.db, now: clock.now, leaseMs: 60_000, reclaimGraceMs: 15_000, send: async (row) => (sent.push(row.id), ok(row)) });
      clock.advance(60_000);
      assert.equal(await survivor.runOnce(), 0, 'lease expired but still in grace');
      clock.advance(15_000);
      assert.equal(await survivor.runOnce(), 1);
      assert.deepEqual(sent, ['919833300040:a']);
      const [row] = await store.outboundFor('919833300040');
      assert.deepEqual([row.status, row.attempts], ['sent', 2]);
    });

    it('does not resend when the status webhook echoes our id during the grace period', async () => {
      const clock = manualClock();
      const [id] = await queue(store, '919833300050', ['a']);
      await queue(store, '919833300050', ['b']);
      const crashed = createOutboxSender({ db: t.db, now: clock.now, send: () => new Promise<SendResult>(() => {}) });
      void crashed.runOnce();
      await waitFor(async () => (await store.outboundFor('919833300050'))[0].status === 'sending');
      // Meta accepted it before the crash; its status webhook carries biz_opaque_callback_data.
      await store.ingest({ statuses: [{ providerId: 'wamid.REAL', status: 'delivered', at: clock.now().toISOString(), callbackData: id }] });
      const sent: string[] = [];
      const survivor = createOutboxSender({ db: t.db, now: clock.now, send: async (row) => (sent.push(body(row)), ok(row)) });
      clock.advance(10 * 60_000);
      await survivor.runOnce();
      await survivor.runOnce();
      assert.deepEqual(sent, ['b']);
      const rows = await store.outboundFor('919833300050');
      assert.deepEqual(rows.map((r) => [r.status, r.providerId]), [['delivered', 'wamid.REAL'], ['sent', `wamid.${rows[1].id}`]]);
    });

    it('applies a status that arrived before the send result was recorded', async () => {
      const [id] = await queue(store, '919833300060', ['a']);
      await store.ingest({ statuses: [{ providerId: `wamid.${id}`, status: 'read', at: '2026-01-05T10:00:00Z' }] });
      const sender = createOutboxSender({ db: t.db, send: async (row) => ok(row) });
      await sender.runOnce();
      const [row] = await store.outboundFor('919833300060');
      assert.deepEqual([row.status, row.providerId], ['read', `wamid.${id}`]);
    });

    it('keeps one message in flight per citizen with two senders running at once', async () => {
      const peer = await t.openPeer();
      const citizens = Array.from({ length: 10 }, (_, i) => `9198444000${String(i).padStart(2, '0')}`);
      const bodies = Array.from({ length: 8 }, (_, i) => `m${i}`);
      for (const c of citizens) await queue(store, c, bodies);
      const inFlight = new Set<string>();
      const order = new Map<string, string[]>();
      let overlaps = 0;
      const send: SendPort = async (row) => {
        if (inFlight.has(row.waId)) overlaps++;
        inFlight.add(row.waId);
        await new Promise((r) => setTimeout(r, Math.random() * 3));
        inFlight.delete(row.waId);
        order.set(row.waId, [...(order.get(row.waId) ?? []), body(row)]);
        return ok(row);
      };
      const senders = [createOutboxSender({ db: t.db, send, concurrency: 4 }), createOutboxSender({ db: peer, send, concurrency: 4 })];
      senders.forEach((s) => s.start());
      await waitFor(async () => (await store.counts()).outboxQueued + (await store.counts()).outboxSending === 0, 20_000);
      await Promise.all(senders.map((s) => s.stop()));
      assert.equal(overlaps, 0);
      for (const c of citizens) assert.deepEqual(order.get(c), bodies, c);
    });
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
