import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabases, type TestDatabase } from '../support/test-databases.ts';
import { migrate, listMigrations } from '../../src/storage/migrate.ts';

for (const driver of testDatabases()) {
  describe(`migrate (${driver.name})`, () => {
    let t: TestDatabase;
    before(async () => {
      t = await driver.open();
    });
    after(async () => t.cleanup());

    it('applies every migration once, then nothing', async () => {
      const all = listMigrations().map((m) => m.version);
      assert.ok(all.includes('0001_init'));
      assert.deepEqual(await migrate(t.db), all);
      assert.deepEqual(await migrate(t.db), []);
      const { rows } = await t.db.query<{ version: string }>('SELECT version FROM schema_migrations ORDER BY version', []);
      assert.deepEqual(rows.map((r) => r.version), all);
      const tables = await t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = current_schema()
           AND table_name IN ('citizens','inbound_messages','outbound_messages','message_statuses','channel_errors','applications','documents','outbound_media')`,
        [],
      );
      assert.equal(tables.rows[0].n, 8);
    });

    it('is safe when two processes migrate a fresh schema at the same time', async () => {
      const fresh = await driver.open();
      try {
        const peer = await fresh.openPeer();
        const [a, b] = await Promise.all([migrate(fresh.db), migrate(peer)]);
        // Exactly one of them applied the migrations; the other found them done.
        assert.deepEqual([a.length > 0, b.length > 0].filter(Boolean).length, 1);
        assert.deepEqual([...a, ...b].sort(), listMigrations().map((m) => m.version));
      } finally {
        await fresh.cleanup();
      }
    });

    it('returns int8 as numbers and bytea as bytes on this driver', async () => {
      const { rows } = await t.db.query<{ n: number; b: Uint8Array }>(`SELECT 42::int8 AS n, '\\x0102'::bytea AS b`, []);
      assert.equal(rows[0].n, 42);
      assert.deepEqual([...rows[0].b], [1, 2]);
    });
  });
}
