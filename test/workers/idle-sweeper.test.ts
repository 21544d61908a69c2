import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabases, type TestDatabase } from '../support/test-databases.ts';
import { migrate } from '../../src/storage/migrate.ts';
import { createStore, type Store } from '../../src/storage/store.ts';
import { createIdleSweeper } from '../../src/app/workers/idle-sweeper.ts';
import { createInboundProcessor, type TurnPort } from '../../src/app/workers/inbound-processor.ts';

interface S { step: string; deadline: string | null }

for (const driver of testDatabases()) {
  describe(`idle sweeper (${driver.name})`, () => {
    let t: TestDatabase;
    let store: Store;
    before(async () => {
      t = await driver.open();
      await migrate(t.db);
      store = createStore(t.db);
    });
    after(async () => t.cleanup());

    it('queues one idle_timeout per passed deadline, idempotently, and the engine receives it', async () => {
      const deadline = '2026-01-05T10:15:00.000Z';
      await t.db.query(
        `INSERT INTO citizens (wa_id, session, idle_deadline) VALUES
           ('919855500001', $1::jsonb, $2), ('919855500002', $3::jsonb, '2026-01-05T11:00:00Z')`,
        [JSON.stringify({ step: 'ask_name', deadline }), deadline, JSON.stringify({ step: 'ask_name', deadline: '2026-01-05T11:00:00.000Z' })],
      );
      const now = () => new Date('2026-01-05T10:20:00Z');
      const sweepers = [createIdleSweeper({ db: t.db, now }), createIdleSweeper({ db: await t.openPeer(), now })];
      const queued = await Promise.all(sweepers.map((s) => s.runOnce()));
      assert.equal(queued[0] + queued[1], 1);
      assert.equal(await sweepers[0].runOnce(), 0);
      // Even if the deadline were set again to the same instant, the message id dedupes it.
      await t.db.query(`UPDATE citizens SET idle_deadline = $1 WHERE wa_id = '919855500001'`, [deadline]);
      assert.equal(await sweepers[1].runOnce(), 0);
      const { rows } = await t.db.query(`SELECT wamid, payload FROM inbound_messages`, []);
      assert.deepEqual(rows.map((r) => r.wamid), [`idle:919855500001:${deadline}`]);
      assert.deepEqual(rows[0].payload, { id: `idle:919855500001:${deadline}`, from: '919855500001', at: deadline, content: { type: 'idle_timeout' } });

      const seen: string[] = [];
      const turn: TurnPort = (session, message) => {
        seen.push(message.content.type);
        return { session: { step: 'menu', deadline: null }, outbound: [], events: [] };
      };
      const processor = createInboundProcessor({ db: t.db, turn, idleDeadline: (s) => (s as S).deadline });
      await processor.runOnce();
      assert.deepEqual(seen, ['idle_timeout']);
      const citizen = await store.citizen('919855500001');
      assert.deepEqual(citizen?.session, { step: 'menu', deadline: null });
      assert.equal(citizen?.idleDeadline, null);
      assert.equal(citizen?.lastInboundAt, null, 'a synthetic message does not open the 24-hour window');
    });

    it('drops an idle_timeout the conversation has moved past', async () => {
      const old = '2026-01-05T09:00:00.000Z';
      await t.db.query(`INSERT INTO citizens (wa_id, session, idle_deadline) VALUES ('919855500003', $1::jsonb, NULL)`, [
        JSON.stringify({ step: 'ask_dob', deadline: '2026-01-05T12:00:00.000Z' }),
      ]);
      await store.ingest({ messages: [{ id: `idle:919855500003:${old}`, from: '919855500003', at: old, content: { type: 'idle_timeout' } }] });
      let turns = 0;
      const processor = createInboundProcessor({ db: t.db, turn: (s) => (turns++, { session: s, outbound: [], events: [] }), idleDeadline: (s) => (s as S).deadline });
      await processor.runOnce();
      assert.equal(turns, 0);
      const { rows } = await t.db.query(`SELECT status FROM inbound_messages WHERE wa_id = '919855500003'`, []);
      assert.equal(rows[0].status, 'done');
    });
  });
}
