import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabases, type TestDatabase } from '../support/test-databases.ts';
import { migrate } from '../../src/storage/migrate.ts';
import { createStore, type Store } from '../../src/storage/store.ts';
import { createInboundProcessor, type TurnPort, type InboundProcessor } from '../../src/app/workers/inbound-processor.ts';
import { APOLOGY_TEXT } from '../../src/app/workers/apology-text.ts';
import type { InboundMessage } from '../../src/engine/inbound.ts';

interface EchoSession { lang?: string; texts: string[] }

const text = (id: string, from: string, body: string, at = '2026-01-05T10:00:00.000Z'): InboundMessage => ({
  id, from, at, profileName: 'Lakshmi', content: { type: 'text', text: body },
});

/** A fake engine: appends the text to the session and echoes it; "boom" is a bug. */
const echoTurn: TurnPort = (session, message) => {
  const s: EchoSession = (session as EchoSession | undefined) ?? { lang: 'en', texts: [] };
  const body = message.content.type === 'text' ? message.content.text : message.content.type;
  if (body === 'boom') throw new Error('engine bug');
  // Sessions are plain JSON: prove the processor does not depend on object identity.
  const next: EchoSession = JSON.parse(JSON.stringify({ ...s, texts: [...s.texts, body] }));
  const events = body.startsWith('apply ')
    ? [{ type: 'application_submitted', reference: body.slice(6), serviceId: 'revenue.income-certificate', serviceVersion: 2, lang: 'en', answers: { name: 'Lakshmi' }, submittedAt: message.at }]
    : [];
  return { session: next, outbound: [{ type: 'text', body: `echo ${body}` }], events };
};

async function drain(processors: InboundProcessor[]): Promise<void> {
  for (;;) {
    const done = await Promise.all(processors.map((p) => p.runOnce()));
    if (done.every((n) => n === 0)) return;
  }
}

for (const driver of testDatabases()) {
  describe(`inbound processor (${driver.name})`, () => {
    let t: TestDatabase;
    let store: Store;
    before(async () => {
      t = await driver.open();
      await migrate(t.db);
      store = createStore(t.db);
    });
    after(async () => t.cleanup());

    it('runs turns in order, commits session, outbox, applications and statuses together', async () => {
      const waId = '919811100001';
      await store.ingest({ messages: [text('w1', waId, 'hi'), text('w2', waId, 'apply MM-1', '2026-01-05T10:01:00.000Z')] });
      let woken = 0;
      const processor = createInboundProcessor({ db: t.db, turn: echoTurn, onOutbound: () => woken++ });
      assert.equal(await processor.runOnce(), 2);
      assert.equal(await processor.runOnce(), 0);
      assert.equal(woken, 1);
      const citizen = await store.citizen(waId);
      assert.deepEqual(citizen?.session, { lang: 'en', texts: ['hi', 'apply MM-1'] });
      assert.equal(citizen?.lang, 'en');
      assert.equal(citizen?.profileName, 'Lakshmi');
      assert.equal(citizen?.sessionVersion, 2);
      assert.equal(citizen?.lastInboundAt, '2026-01-05T10:01:00.000Z');
      const out = await store.outboundFor(waId);
      assert.deepEqual(out.map((o) => [o.id, o.inReplyTo, o.status, o.message]), [
        ['w1#0', 'w1', 'queued', { type: 'text', body: 'echo hi' }],
        ['w2#0', 'w2', 'queued', { type: 'text', body: 'echo apply MM-1' }],
      ]);
      const apps = await store.applicationsFor(waId);
      assert.equal(apps.length, 1);
      assert.deepEqual([apps[0].reference, apps[0].serviceId, apps[0].serviceVersion, apps[0].answers], ['MM-1', 'revenue.income-certificate', 2, { name: 'Lakshmi' }]);
      assert.equal((await store.counts()).inboxPending, 0);
    });

    it('retries a throwing turn, then fails it with an apology, and later messages still proceed', async () => {
      const waId = '919811100002';
      await store.ingest({ messages: [text('b1', waId, 'a'), text('b2', waId, 'boom'), text('b3', waId, 'c')] });
      const processor = createInboundProcessor({ db: t.db, turn: echoTurn });
      await drain([processor]);
      const { rows } = await t.db.query(`SELECT wamid, status, attempts, error FROM inbound_messages WHERE wa_id = $1 ORDER BY seq`, [waId]);
      assert.deepEqual(rows.map((r) => [r.wamid, r.status, r.attempts]), [['b1', 'done', 1], ['b2', 'failed', 3], ['b3', 'done', 1]]);
      assert.match(rows[1].error, /engine bug/);
      assert.deepEqual((await store.citizen(waId))?.session, { lang: 'en', texts: ['a', 'c'] });
      const out = await store.outboundFor(waId);
      assert.deepEqual(out.map((o) => o.message), [
        { type: 'text', body: 'echo a' },
        { type: 'text', body: APOLOGY_TEXT.en },
        { type: 'text', body: 'echo c' },
      ]);
    });

    it('apologises in all three languages when the citizen has not chosen one', async () => {
      const waId = '919811100003';
      await store.ingest({ messages: [text('c1', waId, 'boom')] });
      await drain([createInboundProcessor({ db: t.db, turn: echoTurn })]);
      const [apology] = await store.outboundFor(waId);
      const body = (apology.message as { body: string }).body;
      for (const lang of ['te', 'en', 'hi'] as const) assert.ok(body.includes(APOLOGY_TEXT[lang]), lang);
    });

    it('downloads media before the turn and gives the engine the stored file', async () => {
      const waId = '919811100004';
      const media: InboundMessage = { id: 'm1', from: waId, at: '2026-01-05T10:00:00.000Z', content: { type: 'media', media: 'image', mediaId: 'meta-77', mimeType: 'image/jpeg' } };
      await store.ingest({ messages: [media, text('m2', waId, 'after')] });
      const seen: InboundMessage[] = [];
      let downloads = 0;
      const processor = createInboundProcessor({
        db: t.db,
        turn: (session, message, facts) => {
          seen.push(message);
          return echoTurn(session, message, facts);
        },
        resolveMedia: async (m) => {
          downloads++;
          const doc = await store.saveDocument({ waId, kind: 'upload', mimeType: 'image/jpeg', content: new Uint8Array([1, 2, 3]), sourceMediaId: 'meta-77' });
          return { ...m, content: { ...(m.content as any), stored: { documentId: doc.id, mimeType: doc.mimeType, bytes: doc.bytes, sha256: doc.sha256 } } };
        },
      });
      await drain([processor]);
      assert.equal(downloads, 1);
      assert.deepEqual(seen.map((m) => m.id), ['m1', 'm2']);
      const content = seen[0].content as Extract<InboundMessage['content'], { type: 'media' }>;
      assert.equal(content.stored?.bytes, 3);
    });

    it('runs in the background once started and picks up new messages on wake()', async () => {
      const waId = '919811100009';
      const processor = createInboundProcessor({ db: t.db, turn: echoTurn, pollMs: 60_000 });
      processor.start();
      try {
        await store.ingest({ messages: [text('bg1', waId, 'hello')] });
        processor.wake(); // without it the 60 s poll would make this test time out
        const until = Date.now() + 10_000;
        while (!(await store.citizen(waId)) && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
        assert.deepEqual((await store.citizen(waId))?.session, { lang: 'en', texts: ['hello'] });
      } finally {
        await processor.stop();
      }
    });

    it('processes each message exactly once and in order with two processors running at once (50 citizens × 20 messages)', async () => {
      const peer = await t.openPeer();
      const citizens = Array.from({ length: 50 }, (_, i) => `9198222${String(i).padStart(5, '0')}`);
      const processors = [
        createInboundProcessor({ db: t.db, turn: echoTurn, batchSize: 7 }),
        createInboundProcessor({ db: peer, turn: echoTurn, batchSize: 7 }),
      ];
      // Messages arrive in waves while both processors are working.
      const WAVES = 4;
      const PER_WAVE = 5;
      let stop = false;
      const workers = processors.map(async (p) => {
        while (!stop) if ((await p.runOnce()) === 0) await new Promise((r) => setTimeout(r, 2));
      });
      for (let wave = 0; wave < WAVES; wave++) {
        const messages: InboundMessage[] = [];
        for (let k = 0; k < PER_WAVE; k++) {
          const n = wave * PER_WAVE + k;
          for (const waId of citizens) messages.push(text(`x-${waId}-${n}`, waId, `m${n}`));
        }
        await store.ingest({ messages });
        await new Promise((r) => setTimeout(r, 5));
      }
      // runOnce returning 0 can mean "every candidate is locked by the other processor", so
      // wait for the queue itself to be empty.
      const until = Date.now() + 30_000;
      while ((await store.counts()).inboxPending > 0) {
        assert.ok(Date.now() < until, 'inbox not drained in time');
        await new Promise((r) => setTimeout(r, 10));
      }
      stop = true;
      await Promise.all(workers);
      const expected = Array.from({ length: WAVES * PER_WAVE }, (_, n) => `m${n}`);
      const sessions = await t.db.query(`SELECT wa_id, session, session_version FROM citizens WHERE wa_id = ANY($1::text[])`, [citizens]);
      assert.equal(sessions.rowCount, citizens.length);
      for (const row of sessions.rows) {
        assert.deepEqual(row.session.texts, expected, row.wa_id);
        assert.equal(row.session_version, expected.length);
      }
      const out = await t.db.query(
        `SELECT wa_id, array_agg(message->>'body' ORDER BY seq) AS bodies FROM outbound_messages WHERE wa_id = ANY($1::text[]) GROUP BY wa_id`,
        [citizens],
      );
      assert.equal(out.rowCount, citizens.length);
      for (const row of out.rows) assert.deepEqual(row.bodies, expected.map((e) => `echo ${e}`), row.wa_id);
    });
  });
}
