// The simulator backend against the real Graph API double and a real HTTP receiver that checks
// signatures: webhooks must be Meta-shaped and signed, uploads must land in the double, and
// Mitra's replies must come back to the right citizen only.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createGraphDouble, type GraphDouble } from '../../src/channels/graph-double/index.ts';
import { parseWebhook } from '../../src/channels/whatsapp/index.ts';
import { createSimulatorBackend, type SimulatorBackend } from '../../src/channels/simulator/simulator-backend.ts';
import type { SimulatedInput } from '../../src/channels/simulator/simulated-input.ts';
import type { SimEvent } from '../../src/channels/simulator/sim-event.ts';
import { startFakeWebhookReceiver, type FakeReceiver } from './fake-webhook-receiver.ts';

const APP_SECRET = 'simulator-test-secret';
const ACCESS_TOKEN = 'test-token';
const PHONE_NUMBER_ID = '106540352242922';
const DISPLAY = '918008001234';
const CITIZEN = '919876543210';

/** Waits until `check` is true, polling; fails after `ms`. */
async function until(check: () => boolean, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('simulator backend', () => {
  let double: GraphDouble;
  let receiver: FakeReceiver;
  let backend: SimulatorBackend;

  before(async () => {
    double = createGraphDouble({ accessToken: ACCESS_TOKEN, phoneNumberId: PHONE_NUMBER_ID, appSecret: APP_SECRET, statusDelays: false });
    await double.listen(0);
    receiver = await startFakeWebhookReceiver({
      appSecret: APP_SECRET,
      graph: { url: () => double.url, accessToken: ACCESS_TOKEN, phoneNumberId: PHONE_NUMBER_ID },
      async onMessage(post, send) {
        const message = post.parsed.messages[0];
        if (message.content.type !== 'text') return;
        const text = message.content.text;
        if (text === 'read me') {
          await send({ messaging_product: 'whatsapp', status: 'read', message_id: message.id });
          return;
        }
        if (text === 'template') {
          await send({
            messaging_product: 'whatsapp',
            to: message.from,
            type: 'template',
            template: {
              name: 'certificate_ready',
              language: { code: 'te' },
              components: [{ type: 'body', parameters: [
                { type: 'text', parameter_name: 'reference', text: 'AP-123' },
                { type: 'text', parameter_name: 'service', text: 'ఆదాయ' },
              ] }],
            },
          });
          return;
        }
        // Echo, addressed with "+" as Mitra's outbox does.
        await send({ messaging_product: 'whatsapp', recipient_type: 'individual', to: `+${message.from}`, type: 'text', text: { body: `echo: ${text}` } });
      },
    });
    backend = createSimulatorBackend({ double, webhookUrl: receiver.url, appSecret: APP_SECRET, phoneNumberId: PHONE_NUMBER_ID, displayPhoneNumber: DISPLAY });
  });

  after(async () => {
    backend.close();
    await receiver.close();
    await double.close();
  });

  it('posts a signed, Meta-shaped webhook with Telugu escaped as Meta escapes it', async () => {
    const result = await backend.send(CITIZEN, 'రవి', { type: 'text', text: 'నమస్కారం' });
    assert.equal(result.status, 200);
    const post = receiver.posts.at(-1)!;
    assert.equal(post.valid, true, 'signature verifies over the raw bytes');
    assert.match(post.signature!, /^sha256=[0-9a-f]{64}$/);
    assert.ok(/^[\x00-\x7f]*$/.test(post.raw.toString('latin1')), 'raw body is ASCII only');
    assert.ok(post.raw.toString('utf8').includes('\\u0c28'), 'Telugu written as lowercase \\u escapes');
    const body = post.body as any;
    assert.equal(body.object, 'whatsapp_business_account');
    const change = body.entry[0].changes[0];
    assert.equal(change.field, 'messages');
    assert.equal(change.value.messaging_product, 'whatsapp');
    assert.deepEqual(change.value.metadata, { display_phone_number: DISPLAY, phone_number_id: PHONE_NUMBER_ID });
    assert.deepEqual(change.value.contacts, [{ profile: { name: 'రవి' }, wa_id: CITIZEN }]);
    const message = change.value.messages[0];
    assert.equal(message.from, CITIZEN);
    assert.equal(message.id, result.wamid);
    assert.match(message.timestamp, /^\d{10}$/);
    assert.deepEqual(message.text, { body: 'నమస్కారం' });
    const parsed = parseWebhook(body);
    assert.deepEqual(parsed.rejected, []);
    assert.equal(parsed.messages[0].profileName, 'రవి');
    assert.deepEqual(parsed.messages[0].content, { type: 'text', text: 'నమస్కారం' });
  });

  it('a wrong app secret is refused by the receiver and the message shows as failed', async () => {
    const forged = createSimulatorBackend({ double, webhookUrl: receiver.url, appSecret: 'not-the-secret', phoneNumberId: PHONE_NUMBER_ID, displayPhoneNumber: DISPLAY });
    try {
      const result = await forged.send('919000000001', 'X', { type: 'text', text: 'hi' });
      assert.equal(result.status, 403);
      const inbound = forged.history('919000000001').find((e) => e.kind === 'in');
      assert.equal(inbound?.kind === 'in' && inbound.status, 'failed');
    } finally {
      forged.close();
    }
  });

  it('uploads an image into the double and sends its media id and sha256', async () => {
    const bytes = Buffer.from('\x89PNG\r\n\x1a\n fake png bytes for the test');
    const result = await backend.send(CITIZEN, 'Ravi', { type: 'image', base64: bytes.toString('base64'), mimeType: 'image/png', filename: 'aadhaar.png', caption: 'ఆధార్' });
    assert.equal(result.status, 200);
    const image = (receiver.posts.at(-1)!.body as any).entry[0].changes[0].value.messages[0].image;
    assert.equal(image.mime_type, 'image/png');
    assert.equal(image.caption, 'ఆధార్');
    assert.equal(image.sha256, createHash('sha256').update(bytes).digest('base64'));
    const stored = double.mediaBytes(image.id);
    assert.ok(stored, 'the media id resolves in the double');
    assert.deepEqual(Buffer.from(stored.bytes), bytes);
    assert.equal(stored.mimeType, 'image/png');
    const inbound = backend.history(CITIZEN).findLast((e) => e.kind === 'in');
    assert.ok(inbound?.kind === 'in' && inbound.input.type === 'image');
    assert.equal((inbound.input as any).mediaId, image.id);
    assert.equal((inbound.input as any).base64, undefined, 'history keeps the media id, not the bytes');
  });

  it('every input kind becomes a webhook Mitra parses into the right canonical content', async () => {
    const pdf = Buffer.from('%PDF-1.4 test').toString('base64');
    const cases: [SimulatedInput, string, (c: any) => void][] = [
      [{ type: 'button_reply', id: 'lang:te', title: 'తెలుగు', replyTo: 'wamid.OUT1' }, 'choice', (c) => assert.equal(c.id, 'lang:te')],
      [{ type: 'list_reply', id: 'svc:income', title: 'Income certificate', description: 'Revenue' }, 'choice', (c) => assert.equal(c.title, 'Income certificate')],
      [{ type: 'document', base64: pdf, mimeType: 'application/pdf', filename: 'ration.pdf' }, 'media', (c) => { assert.equal(c.media, 'document'); assert.equal(c.filename, 'ration.pdf'); }],
      [{ type: 'location', latitude: 16.5062, longitude: 80.648, name: 'Vijayawada' }, 'location', (c) => assert.equal(c.latitude, 16.5062)],
      [{ type: 'sticker' }, 'media', (c) => assert.equal(c.media, 'sticker')],
      [{ type: 'contacts', name: 'Lakshmi Devi', phone: '+91 98480 12345' }, 'contacts', (c) => assert.equal(c.count, 1)],
      [{ type: 'reaction', messageId: 'wamid.OUT1', emoji: '👍' }, 'reaction', (c) => assert.equal(c.emoji, '👍')],
      [{ type: 'voice' }, 'media', (c) => { assert.equal(c.media, 'audio'); assert.equal(c.voice, true); }],
      [{ type: 'unsupported', kind: 'edit' }, 'unsupported', () => {}],
    ];
    for (const [input, expectedType, check] of cases) {
      const result = await backend.send(CITIZEN, 'Ravi', input);
      assert.equal(result.status, 200, input.type);
      const post = receiver.posts.at(-1)!;
      assert.equal(post.valid, true);
      assert.deepEqual(post.parsed.rejected, [], input.type);
      const message = post.parsed.messages[0];
      assert.equal(message.content.type, expectedType, input.type);
      check(message.content);
      if (input.type === 'button_reply') assert.equal(message.replyTo, 'wamid.OUT1', 'replyTo becomes context.id');
    }
  });

  it('streams Mitra replies to the citizen they were sent to, and to no one else', async () => {
    const mine: SimEvent[] = [];
    const theirs: SimEvent[] = [];
    const stopMine = backend.subscribe('+91 98765 43210', (e) => mine.push(e));
    const stopTheirs = backend.subscribe('919111111111', (e) => theirs.push(e));
    try {
      const result = await backend.send(CITIZEN, 'Ravi', { type: 'text', text: 'hello' });
      await receiver.settled();
      await until(() => mine.some((e) => e.kind === 'out'));
      // The reply may overtake the 200 of the webhook POST, as on WhatsApp; both must arrive.
      assert.equal(mine[0].kind, 'in');
      assert.deepEqual(mine.map((e) => e.kind).sort(), ['in', 'out', 'status']);
      const out = mine.find((e) => e.kind === 'out')!;
      assert.ok(out.kind === 'out');
      assert.equal(out.to, CITIZEN);
      assert.deepEqual(out.body, { messaging_product: 'whatsapp', recipient_type: 'individual', to: `+${CITIZEN}`, type: 'text', text: { body: 'echo: hello' } });
      assert.equal(out.id, double.sent.at(-1)!.id);
      const status = mine.find((e) => e.kind === 'status')!;
      assert.ok(status.kind === 'status');
      assert.deepEqual([status.wamid, status.status, status.httpStatus], [result.wamid, 'delivered', 200]);
      assert.deepEqual(theirs, []);
      const history = backend.history(CITIZEN);
      assert.equal(history.at(-1)!.kind, 'out');
      const inbound = history.find((e) => e.kind === 'in' && e.wamid === result.wamid);
      assert.ok(inbound?.kind === 'in' && inbound.status === 'delivered', 'history holds the latest tick');
    } finally {
      stopMine();
      stopTheirs();
    }
  });

  it('renders template bodies in the template language', async () => {
    await backend.send(CITIZEN, 'Ravi', { type: 'text', text: 'template' });
    await receiver.settled();
    await until(() => backend.history(CITIZEN).at(-1)?.kind === 'out');
    const out = backend.history(CITIZEN).at(-1)!;
    assert.ok(out.kind === 'out');
    assert.equal(out.rendered, 'దరఖాస్తు AP-123 కు మీ ఆదాయ ధ్రువపత్రం సిద్ధంగా ఉంది. దాన్ని PDF గా పొందడానికి ఈ సందేశానికి జవాబు ఇవ్వండి.');
  });

  it('turns the tick blue when Mitra marks the message as read', async () => {
    const result = await backend.send(CITIZEN, 'Ravi', { type: 'text', text: 'read me' });
    await receiver.settled();
    await until(() => {
      const e = backend.history(CITIZEN).find((x) => x.kind === 'in' && x.wamid === result.wamid);
      return e?.kind === 'in' && e.status === 'read';
    });
  });

  it('reports an unreachable webhook as status 0 and a failed tick', async () => {
    const dead = createSimulatorBackend({ double, webhookUrl: 'http://127.0.0.1:9/webhooks/whatsapp', appSecret: APP_SECRET, phoneNumberId: PHONE_NUMBER_ID, displayPhoneNumber: DISPLAY });
    try {
      const result = await dead.send('919000000002', 'X', { type: 'text', text: 'hi' });
      assert.equal(result.status, 0);
      const inbound = dead.history('919000000002')[0];
      assert.ok(inbound.kind === 'in' && inbound.status === 'failed');
    } finally {
      dead.close();
    }
  });
});
