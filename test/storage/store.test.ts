import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabases, type TestDatabase } from '../support/test-databases.ts';
import { migrate } from '../../src/storage/migrate.ts';
import { createStore, type Store } from '../../src/storage/store.ts';
import { loadCitizenFacts } from '../../src/storage/load-citizen-facts.ts';
import type { InboundMessage } from '../../src/engine/inbound.ts';

const text = (id: string, from: string, body: string): InboundMessage => ({
  id, from, at: '2026-01-05T10:00:00.000Z', content: { type: 'text', text: body },
});

async function queueOutbound(store: Store, id: string, waId: string, status = 'sending', providerId: string | null = null) {
  await store.db.query(
    `INSERT INTO outbound_messages (id, wa_id, message, status, provider_id) VALUES ($1, $2, $3::jsonb, $4, $5)`,
    [id, waId, JSON.stringify({ type: 'text', body: 'hi' }), status, providerId],
  );
}

for (const driver of testDatabases()) {
  describe(`store (${driver.name})`, () => {
    let t: TestDatabase;
    let store: Store;
    before(async () => {
      t = await driver.open();
      await migrate(t.db);
      store = createStore(t.db);
    });
    after(async () => t.cleanup());

    it('stores a message once however often the webhook is redelivered', async () => {
      const m = text('wamid.A1', '919800000001', 'hello');
      const first = await store.ingest({ messages: [m, text('wamid.A2', '919800000001', 'again')] });
      assert.deepEqual([first.accepted, first.duplicates], [2, 0]);
      assert.deepEqual(first.acceptedByType, { text: 2 });
      const again = await store.ingest({ messages: [m] });
      assert.deepEqual([again.accepted, again.duplicates], [0, 1]);
      // The same wamid twice inside ONE webhook is also stored once.
      const twice = await store.ingest({ messages: [text('wamid.A3', '919800000001', 'x'), text('wamid.A3', '919800000001', 'x')] });
      assert.deepEqual([twice.accepted, twice.duplicates], [1, 1]);
      const { rows } = await t.db.query(`SELECT wamid, payload, status FROM inbound_messages WHERE wa_id = $1 ORDER BY seq`, ['919800000001']);
      assert.deepEqual(rows.map((r) => r.wamid), ['wamid.A1', 'wamid.A2', 'wamid.A3']);
      assert.deepEqual(rows[0].payload, m);
      assert.equal(rows[0].status, 'pending');
      assert.equal((await store.counts()).inboxPending, 3);
    });

    it('advances outbound statuses monotonically: sent < delivered < read', async () => {
      await queueOutbound(store, 'out-1', '919800000002', 'sent', 'wamid.OUT1');
      const at = '2026-01-05T10:00:01.000Z';
      let r = await store.ingest({ statuses: [{ providerId: 'wamid.OUT1', status: 'read', at }] });
      assert.equal(r.outboundAdvanced, 1);
      r = await store.ingest({ statuses: [{ providerId: 'wamid.OUT1', status: 'delivered', at }, { providerId: 'wamid.OUT1', status: 'sent', at }] });
      assert.equal(r.outboundAdvanced, 0);
      assert.deepEqual(r.statusesByStatus, { delivered: 1, sent: 1 });
      const [row] = await store.outboundFor('919800000002');
      assert.equal(row.status, 'read');
      // Redelivered statuses are not counted again.
      r = await store.ingest({ statuses: [{ providerId: 'wamid.OUT1', status: 'read', at }] });
      assert.deepEqual(r.statusesByStatus, {});
      const { rows } = await t.db.query(`SELECT status FROM message_statuses WHERE provider_id = 'wamid.OUT1' ORDER BY status`, []);
      assert.deepEqual(rows.map((x) => x.status), ['delivered', 'read', 'sent']);
    });

    it("records a failed status with its errors, and a late 'sent' does not undo it", async () => {
      await queueOutbound(store, 'out-2', '919800000003', 'sent', 'wamid.OUT2');
      const errors = [{ code: 131049, title: 'healthy ecosystem' }];
      await store.ingest({ statuses: [{ providerId: 'wamid.OUT2', status: 'failed', at: '2026-01-05T10:00:00Z', errors }] });
      let [row] = await store.outboundFor('919800000003');
      assert.equal(row.status, 'failed');
      assert.deepEqual(row.lastError, errors);
      await store.ingest({ statuses: [{ providerId: 'wamid.OUT2', status: 'sent', at: '2026-01-05T10:00:00Z' }] });
      [row] = await store.outboundFor('919800000003');
      assert.equal(row.status, 'failed');
    });

    it('finds a row whose send was never recorded through biz_opaque_callback_data', async () => {
      await queueOutbound(store, 'out-3', '919800000004', 'sending');
      await store.ingest({ statuses: [{ providerId: 'wamid.OUT3', status: 'sent', at: '2026-01-05T10:00:00Z', callbackData: 'out-3' }] });
      const [row] = await store.outboundFor('919800000004');
      assert.equal(row.status, 'sent');
      assert.equal(row.providerId, 'wamid.OUT3');
      assert.ok(row.sentAt);
    });

    it('keeps statuses for unknown messages, and value-level errors and rejected parts', async () => {
      const r = await store.ingest({
        statuses: [{ providerId: 'wamid.UNKNOWN', status: 'delivered', at: '2026-01-05T10:00:00Z' }],
        errors: [{ code: 130429, title: 'Rate limit hit', details: 'throughput', raw: { code: 130429 } }],
        rejected: [{ reason: 'schema: messages[0].type', part: { weird: true } }],
      });
      assert.equal(r.outboundAdvanced, 0);
      const statuses = await t.db.query(`SELECT status FROM message_statuses WHERE provider_id = 'wamid.UNKNOWN'`, []);
      assert.equal(statuses.rowCount, 1);
      const { rows } = await t.db.query(`SELECT kind, code, title, details, payload FROM channel_errors ORDER BY id`, []);
      assert.deepEqual(rows, [
        { kind: 'value_error', code: 130429, title: 'Rate limit hit', details: 'throughput', payload: { code: 130429 } },
        { kind: 'rejected', code: null, title: 'schema: messages[0].type', details: null, payload: { weird: true } },
      ]);
    });

    it('round-trips document bytes exactly and dedupes on the media id', async () => {
      const content = new Uint8Array(256).map((_, i) => i); // every byte value, including 0x00
      const saved = await store.saveDocument({ waId: '919800000005', kind: 'upload', mimeType: 'image/jpeg', content, sourceMediaId: 'media-1', filename: 'a.jpg' });
      assert.equal(saved.bytes, 256);
      assert.equal(saved.sha256, '40aff2e9d2d8922e47afd4648e6967497158785fbd1da870e7110266bf944880');
      const again = await store.saveDocument({ waId: '919800000005', kind: 'upload', mimeType: 'image/jpeg', content: new Uint8Array([1]), sourceMediaId: 'media-1' });
      assert.equal(again.id, saved.id);
      const loaded = await store.getDocument(saved.id);
      assert.ok(loaded);
      assert.deepEqual([...loaded.content], [...content]);
      assert.equal((await store.findDocumentByMedia('media-1'))?.id, saved.id);
      assert.equal(await store.getDocument('nope'), undefined);
      const issued = await store.saveDocument({ waId: '919800000005', kind: 'issued', mimeType: 'application/pdf', content: new Uint8Array([37, 80]), filename: 'cert.pdf' });
      assert.deepEqual((await store.documentsFor('919800000005')).map((d) => d.id).sort(), [saved.id, issued.id].sort());
      const facts = await loadCitizenFacts(t.db, ['919800000005', '919800000099']);
      assert.deepEqual(facts.get('919800000005')?.documents.map((d) => d.documentId), [issued.id]);
      assert.deepEqual(facts.get('919800000099'), { applications: [], documents: [] });
    });

    it('caches channel media ids until they expire', async () => {
      await store.saveOutboundMedia('doc-x', 'meta-media-1', new Date('2026-01-10T00:00:00Z'));
      assert.equal(await store.outboundMedia('doc-x', new Date('2026-01-09T00:00:00Z')), 'meta-media-1');
      assert.equal(await store.outboundMedia('doc-x', new Date('2026-01-11T00:00:00Z')), undefined);
    });

    it('reports health', async () => {
      const h = await store.health();
      assert.equal(h.ok, true);
      assert.equal(h.driver, driver.name);
    });
  });
}
