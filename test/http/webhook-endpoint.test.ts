// The webhook endpoint's contract with Meta: the GET handshake, the signature gate on the raw
// bytes, Meta's 3 MB limit, and that nothing unsigned is ever stored.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildMessagesWebhook, encodeWebhookBody, textMessage } from '../../src/channels/graph-double/index.ts';
import { signBody } from '../../src/channels/whatsapp/index.ts';
import { platformDrivers, startTestPlatform, type TestPlatform } from '../support/test-platform.ts';

for (const d of platformDrivers()) {
  describe(`POST|GET /webhooks/whatsapp (${d.name})`, () => {
    let p: TestPlatform;
    let verifyToken: string;
    before(async () => {
      p = await startTestPlatform(await d.create());
      const { loadOrCreateLocalSecrets } = await import('../../src/app/local-secrets.ts');
      verifyToken = (await loadOrCreateLocalSecrets(p.driver.env.DATA_DIR)).verifyToken;
    });
    after(async () => { await p?.stop(); });

    const post = (raw: string | Buffer, signature?: string) =>
      fetch(`${p.url}/webhooks/whatsapp`, {
        method: 'POST', body: typeof raw === 'string' ? raw : new Uint8Array(raw),
        headers: { 'content-type': 'application/json', ...(signature !== undefined ? { 'x-hub-signature-256': signature } : {}) },
      });
    const inboxCount = async () => Number((await p.db.query('SELECT count(*)::int AS n FROM inbound_messages')).rows[0].n);

    it('answers the subscription handshake with the challenge, and only with the right token', async () => {
      const ok = await fetch(`${p.url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${verifyToken}&hub.challenge=1158201444`);
      assert.equal(ok.status, 200);
      assert.equal(await ok.text(), '1158201444');
      const wrong = await fetch(`${p.url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1158201444`);
      assert.equal(wrong.status, 403);
    });

    it('refuses unsigned, wrongly signed and re-serialised bodies and stores nothing', async () => {
      const before = await inboxCount();
      // Telugu text: Meta signs the escaped-unicode bytes, so re-encoding them breaks the HMAC.
      const raw = encodeWebhookBody(buildMessagesWebhook({ phoneNumberId: p.phoneNumberId, messages: [textMessage('919800000001', 'నమస్తే')] }));
      assert.equal((await post(raw)).status, 401);
      assert.equal((await post(raw, 'sha256=' + '0'.repeat(64))).status, 403);
      assert.equal((await post(raw, 'sha1=abc')).status, 403);
      const reserialised = JSON.stringify(JSON.parse(raw));
      assert.notEqual(reserialised, raw);
      assert.equal((await post(reserialised, signBody(raw, p.appSecret))).status, 403);
      assert.equal(await inboxCount(), before);
      assert.equal((await post(raw, signBody(raw, p.appSecret))).status, 200);
      assert.equal(await inboxCount(), before + 1);
    });

    it('refuses bodies over 3 MB and signed non-JSON with a 4xx', async () => {
      const big = Buffer.alloc(3 * 1024 * 1024 + 10, 0x20);
      assert.equal((await post(big, signBody(big, p.appSecret))).status, 413);
      assert.equal((await post('{not json', signBody('{not json', p.appSecret))).status, 400);
    });

    it('records delivery statuses of unknown messages without failing', async () => {
      const raw = JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '1', phone_number_id: p.phoneNumberId }, statuses: [{ id: 'wamid.unknown', status: 'delivered', timestamp: '1700000000', recipient_id: '919800000001' }] } }] }] });
      assert.equal((await post(raw, signBody(raw, p.appSecret))).status, 200);
      const rows = await p.db.query(`SELECT status FROM message_statuses WHERE provider_id = 'wamid.unknown'`);
      assert.deepEqual(rows.rows.map((r: any) => r.status), ['delivered']);
    });

    it('serves health, readiness and Prometheus metrics', async () => {
      assert.equal((await fetch(`${p.url}/healthz`)).status, 200);
      assert.equal((await fetch(`${p.url}/readyz`)).status, 200);
      const metrics = await (await fetch(`${p.url}/metrics`)).text();
      for (const name of ['mitra_messages_in_total', 'mitra_messages_out_total', 'mitra_turn_seconds', 'mitra_outbox_depth', 'mitra_errors_total']) {
        assert.match(metrics, new RegExp(`^# TYPE ${name}`, 'm'));
      }
    });
  });
}
