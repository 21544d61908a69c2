import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { createGraphDouble, type GraphDouble } from '../../src/channels/graph-double/index.ts';
import {
  createGraphClient,
  GraphMediaError,
  parseWebhook,
  toGraphMessage,
  verifySignature,
  type GraphClient,
  type StatusUpdate,
} from '../../src/channels/whatsapp/index.ts';

const TOKEN = 'test-access-token';
const PHONE_ID = '106540352242922';
const SECRET = 'app-secret-for-tests';
const CITIZEN = '919876543210';

function clientFor(double: GraphDouble, over: Partial<Parameters<typeof createGraphClient>[0]> = {}): GraphClient {
  return createGraphClient({ graphUrl: double.url, apiVersion: 'v24.0', accessToken: TOKEN, phoneNumberId: PHONE_ID, timeoutMs: 2000, ...over });
}

const hello = (to = CITIZEN) => toGraphMessage(to, { type: 'text', body: 'నమస్కారం! మన మిత్రకు స్వాగతం.' }, { mediaIdFor: () => assert.fail() });

describe('graph client against the Graph API double', () => {
  let double: GraphDouble;
  let client: GraphClient;
  before(async () => {
    double = createGraphDouble({ accessToken: TOKEN, phoneNumberId: PHONE_ID, appSecret: SECRET, statusDelays: false });
    await double.listen();
    client = clientFor(double);
  });
  after(() => double.close());

  it('sends a message and gets a wamid; the double records the exact body', async () => {
    const seen: string[] = [];
    const off = double.on('message', (rec) => seen.push(rec.id));
    const result = await client.send(hello());
    off();
    assert.equal(result.ok, true);
    if (!result.ok) return;
    assert.match(result.messageId, /^wamid\.[A-Za-z0-9+/=]+$/);
    const record = double.sent.at(-1)!;
    assert.equal(record.id, result.messageId);
    assert.deepEqual(record.body, hello());
    assert.equal(record.to, `+${CITIZEN}`);
    assert.deepEqual(seen, [result.messageId]);
  });

  it('a wrong token is a permanent 190 failure with HTTP 401', async () => {
    const result = await clientFor(double, { accessToken: 'wrong' }).send(hello());
    assert.deepEqual({ ...result, title: undefined }, { ok: false, retryable: false, code: 190, httpStatus: 401, title: undefined });
  });

  it('an unknown phone number id is a permanent code 100', async () => {
    const result = await clientFor(double, { phoneNumberId: '999' }).send(hello());
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.code, 100);
    assert.equal(result.retryable, false);
  });

  it('429 / 130429 is retryable, with Retry-After in milliseconds', async () => {
    double.failNext({ status: 429, code: 130429, count: 1, retryAfterSeconds: 3 });
    const result = await client.send(hello());
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.retryable, true);
    assert.equal(result.code, 130429);
    assert.equal(result.retryAfterMs, 3000);
    assert.equal(result.httpStatus, 429);
    assert.match(result.title, /Rate limit hit/);
    // The plan covered one request only.
    assert.equal((await client.send(hello())).ok, true);
  });

  it('500 / 131000 is retryable; so is 131056 pair rate limit', async () => {
    double.failNext({ status: 500, code: 131000, count: 2 });
    for (let i = 0; i < 2; i++) {
      const r = await client.send(hello());
      assert.deepEqual([r.ok, !r.ok && r.retryable, !r.ok && r.code], [false, true, 131000]);
    }
    double.failNext({ status: 400, code: 131056, count: 1 });
    const pair = await client.send(hello());
    assert.deepEqual([pair.ok, !pair.ok && pair.retryable], [false, true]);
  });

  it('a hanging Graph API is a retryable timeout', async () => {
    double.failNext({ status: 500, code: 131000, count: 1, hang: true });
    const started = Date.now();
    const result = await clientFor(double, { timeoutMs: 150 }).send(hello());
    assert.ok(Date.now() - started < 1500);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.retryable, true);
    assert.equal(result.title, 'timeout');
  });

  it('a refused connection is a retryable network error', async () => {
    const result = await createGraphClient({ graphUrl: 'http://127.0.0.1:1', apiVersion: 'v24.0', accessToken: TOKEN, phoneNumberId: PHONE_ID, timeoutMs: 500 }).send(hello());
    assert.deepEqual([result.ok, !result.ok && result.retryable, !result.ok && result.title], [false, true, 'network error']);
  });

  it('131047 re-engagement and 131009 invalid parameter are permanent with their code', async () => {
    double.failNext({ status: 400, code: 131047, count: 1 });
    const reengage = await client.send(hello());
    assert.deepEqual([reengage.ok, !reengage.ok && reengage.retryable, !reengage.ok && reengage.code], [false, false, 131047]);
    // A real 131009 from the double's validation: a list row title of 25 characters.
    const invalid = await client.send({
      messaging_product: 'whatsapp',
      to: `+${CITIZEN}`,
      type: 'interactive',
      interactive: { type: 'list', body: { text: 'b' }, action: { button: 'Open', sections: [{ title: 'S', rows: [{ id: 'r', title: 'x'.repeat(25) }] }] } },
    });
    assert.equal(invalid.ok, false);
    if (invalid.ok) return;
    assert.deepEqual([invalid.retryable, invalid.code, invalid.httpStatus], [false, 131009, 400]);
    assert.match(invalid.detail ?? '', /at most 24 characters/);
  });

  it('refuses a template the registry does not know, and accepts a registered one', async () => {
    const unknown = await client.send({ messaging_product: 'whatsapp', to: `+${CITIZEN}`, type: 'template', template: { name: 'nope', language: { code: 'en' } } });
    assert.deepEqual([unknown.ok, !unknown.ok && unknown.code], [false, 132001]);
    const good = await client.send(
      toGraphMessage(CITIZEN, { type: 'template', name: 'application_status_update', lang: 'hi', params: { reference: 'AP-1', service: 'आय प्रमाणपत्र', status: 'स्वीकृत' } }, { mediaIdFor: () => '' }),
    );
    assert.equal(good.ok, true);
  });

  it('marks a message read, with the typing indicator', async () => {
    const result = await client.markRead('wamid.IN', { typing: true });
    assert.deepEqual(result, { ok: true });
    assert.deepEqual(double.reads.at(-1)?.messageId, 'wamid.IN');
    assert.equal(double.reads.at(-1)?.typing, true);
  });

  it('uploads a PDF, sends it by id, and fetches it back with its sha256 verified', async () => {
    const pdf = Buffer.from('%PDF-1.7\n% ఆదాయ ధ్రువపత్రం\n%%EOF\n');
    const mediaId = await client.uploadMedia(pdf, 'application/pdf', 'income-certificate.pdf');
    assert.match(mediaId, /^\d{15,16}$/);
    assert.deepEqual(double.mediaBytes(mediaId), { bytes: pdf, mimeType: 'application/pdf', filename: 'income-certificate.pdf' });
    const sent = await client.send(toGraphMessage(CITIZEN, { type: 'document', documentId: 'doc-1', filename: 'income-certificate.pdf' }, { mediaIdFor: () => mediaId }));
    assert.equal(sent.ok, true);
    const fetched = await client.fetchMedia(mediaId);
    assert.deepEqual(fetched, { bytes: pdf, mimeType: 'application/pdf', sha256: createHash('sha256').update(pdf).digest('hex'), fileSize: pdf.length });
  });

  it('a send referring to a media id that does not exist is a 131009', async () => {
    const r = await client.send(toGraphMessage(CITIZEN, { type: 'image', documentId: 'x' }, { mediaIdFor: () => '1234567890123456' }));
    assert.deepEqual([r.ok, !r.ok && r.code], [false, 131009]);
  });

  it('fetches a citizen\'s photo stored in the double', async () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);
    const id = double.storeMedia(jpeg, 'image/jpeg');
    const fetched = await client.fetchMedia(id, { maxBytes: 1024 });
    assert.deepEqual(fetched.bytes, jpeg);
    assert.equal(fetched.mimeType, 'image/jpeg');
  });

  it('refuses media larger than maxBytes with a typed too_large error', async () => {
    const id = double.storeMedia(Buffer.alloc(4096, 1), 'application/pdf', 'big.pdf');
    await assert.rejects(client.fetchMedia(id, { maxBytes: 1000 }), (e: unknown) => e instanceof GraphMediaError && e.reason === 'too_large');
  });

  it('an unknown media id is a download_failed error', async () => {
    await assert.rejects(client.fetchMedia('42'), (e: unknown) => e instanceof GraphMediaError && e.reason === 'download_failed');
  });

  it('refuses unsupported or oversized uploads as Meta does (131053)', async () => {
    await assert.rejects(client.uploadMedia(Buffer.from('MZ'), 'application/x-msdownload', 'virus.exe'), (e: unknown) => e instanceof GraphMediaError && (e.evidence as { code?: number }).code === 131053);
    await assert.rejects(client.uploadMedia(Buffer.alloc(600 * 1024), 'image/webp', 'sticker.webp'), (e: unknown) => e instanceof GraphMediaError && (e.evidence as { code?: number }).code === 131053);
  });

  it('detects a checksum mismatch (declared hex or base64)', async () => {
    // A fetch in front of the double that corrupts the declared sha256.
    const corrupting = (encoding: 'hex' | 'base64'): typeof fetch => async (input, init) => {
      const response = await fetch(input, init);
      const url = String(input);
      if (!/\/v24\.0\/\d+$/.test(url)) return response;
      const info = (await response.json()) as Record<string, unknown>;
      info.sha256 = createHash('sha256').update('something else').digest(encoding);
      return new Response(JSON.stringify(info), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const id = double.storeMedia(Buffer.from('real bytes'), 'text/plain', 'a.txt');
    for (const encoding of ['hex', 'base64'] as const) {
      await assert.rejects(clientFor(double, { fetch: corrupting(encoding) }).fetchMedia(id), (e: unknown) => e instanceof GraphMediaError && e.reason === 'checksum_mismatch');
    }
    // The same data with the right hash in base64 (as webhooks give it) passes.
    const base64Right: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (!/\/v24\.0\/\d+$/.test(String(input))) return response;
      const info = (await response.json()) as Record<string, unknown>;
      info.sha256 = createHash('sha256').update('real bytes').digest('base64');
      return new Response(JSON.stringify(info), { status: 200 });
    };
    assert.equal((await clientFor(double, { fetch: base64Right }).fetchMedia(id)).bytes.toString(), 'real bytes');
  });

  it('the download URL needs the Bearer token', async () => {
    const id = double.storeMedia(Buffer.from('x'), 'text/plain');
    const info = (await (await fetch(`${double.url}/v24.0/${id}`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as { url: string };
    assert.equal((await fetch(info.url)).status, 401);
    assert.equal((await fetch(info.url, { headers: { authorization: `Bearer ${TOKEN}` } })).status, 200);
  });

  it('unknown routes answer 404 in Meta\'s error shape; oversized bodies are refused', async () => {
    const r = await fetch(`${double.url}/nope`);
    assert.equal(r.status, 404);
    const body = (await r.json()) as { error: { code: number; type: string; fbtrace_id: string } };
    assert.equal(typeof body.error.code, 'number');
    assert.equal(typeof body.error.fbtrace_id, 'string');
    const big = await fetch(`${double.url}/v24.0/${PHONE_ID}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ messaging_product: 'whatsapp', to: '1', type: 'text', text: { body: 'x'.repeat(2 * 1024 * 1024) } }),
    });
    assert.equal(big.status, 413);
  });
});

describe('status webhooks from the double', () => {
  let receiver: Server;
  let receiverUrl: string;
  const received: { valid: boolean; raw: Buffer }[] = [];
  let notify: () => void = () => undefined;

  before(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks);
        received.push({ valid: verifySignature(raw, req.headers['x-hub-signature-256'] as string | undefined, SECRET), raw });
        res.end('ok');
        notify();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const address = receiver.address();
    receiverUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/webhooks/whatsapp`;
  });
  after(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

  function waitFor(count: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${received.length} of ${count} webhooks arrived`)), 3000);
      notify = () => {
        if (received.length >= count) {
          clearTimeout(timer);
          resolve();
        }
      };
      notify();
    });
  }

  it('posts signed sent → delivered → read webhooks in Meta\'s format', async () => {
    received.length = 0;
    const double = createGraphDouble({ accessToken: TOKEN, phoneNumberId: PHONE_ID, appSecret: SECRET, webhookUrl: receiverUrl, statusDelays: { sentMs: 5, deliveredMs: 10, readMs: 15 } });
    await double.listen();
    try {
      const result = await clientFor(double).send(hello());
      assert.equal(result.ok, true);
      await waitFor(3);
      assert.ok(received.every((r) => r.valid), 'every webhook carries a valid X-Hub-Signature-256');
      const statuses: StatusUpdate[] = received.flatMap((r) => {
        const parsed = parseWebhook(JSON.parse(r.raw.toString()));
        assert.deepEqual(parsed.rejected, []);
        assert.deepEqual(parsed.phoneNumberIds, [PHONE_ID]);
        return parsed.statuses;
      });
      assert.deepEqual(statuses.map((s) => s.status), ['sent', 'delivered', 'read']);
      for (const s of statuses) {
        assert.equal(s.messageId, result.ok ? result.messageId : '');
        assert.equal(s.recipient, CITIZEN);
      }
      assert.equal(statuses[0].pricing?.category, 'service');
    } finally {
      await double.close();
    }
  });

  it('outside the 24-hour window a free-form message is accepted, then fails with 131047', async () => {
    received.length = 0;
    const double = createGraphDouble({ accessToken: TOKEN, phoneNumberId: PHONE_ID, appSecret: SECRET, webhookUrl: receiverUrl, statusDelays: { sentMs: 5, deliveredMs: 10, readMs: 15 } });
    await double.listen();
    double.setWindowCheck(() => false);
    try {
      const result = await clientFor(double).send(hello());
      assert.equal(result.ok, true);
      await waitFor(1);
      const [status] = parseWebhook(JSON.parse(received[0].raw.toString())).statuses;
      assert.equal(status.status, 'failed');
      assert.equal(status.errors?.[0].code, 131047);
      assert.equal(double.sent.length, 0);
    } finally {
      await double.close();
    }
  });
});
