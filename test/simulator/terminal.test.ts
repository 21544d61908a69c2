// The terminal simulator, driven through PassThrough streams against the real Graph API double
// and a signature-checking receiver that answers like a tiny Mitra.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGraphDouble, type GraphDouble } from '../../src/channels/graph-double/index.ts';
import { createSimulatorBackend, type SimulatorBackend } from '../../src/channels/simulator/simulator-backend.ts';
import { runTerminalSimulator } from '../../src/channels/simulator/run-terminal-simulator.ts';
import { startFakeWebhookReceiver, type FakeReceiver } from './fake-webhook-receiver.ts';

const APP_SECRET = 'terminal-secret';
const ACCESS_TOKEN = 'terminal-token';
const PHONE_NUMBER_ID = '555000111';
const CITIZEN = '919876543210';

describe('terminal simulator', () => {
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
        const m = post.parsed.messages[0];
        const base = { messaging_product: 'whatsapp', recipient_type: 'individual', to: `+${m.from}` };
        if (m.content.type === 'text' && m.content.text === 'hi') {
          await send({
            ...base,
            type: 'interactive',
            interactive: {
              type: 'list',
              body: { text: 'సేవను ఎంచుకోండి' },
              action: {
                button: 'Services',
                sections: [{ title: 'Revenue', rows: [
                  { id: 'svc:income', title: 'Income certificate', description: 'Aadaya dhruvapatram' },
                  { id: 'svc:caste', title: 'Caste certificate' },
                ] }],
              },
            },
          });
        } else if (m.content.type === 'choice' && m.content.id === 'svc:caste') {
          await send({
            ...base,
            type: 'interactive',
            interactive: { type: 'button', body: { text: 'Apply now?' }, action: { buttons: [
              { type: 'reply', reply: { id: 'yes', title: 'Yes' } },
              { type: 'reply', reply: { id: 'no', title: 'No' } },
            ] } },
          });
        } else if (m.content.type === 'choice' && m.content.id === 'yes') {
          await send({ ...base, type: 'interactive', interactive: { type: 'location_request_message', body: { text: 'Share your location' }, action: { name: 'send_location' } } });
        }
      },
    });
    backend = createSimulatorBackend({ double, webhookUrl: receiver.url, appSecret: APP_SECRET, phoneNumberId: PHONE_NUMBER_ID, displayPhoneNumber: '918008001234' });
  });

  after(async () => {
    backend.close();
    await receiver.close();
    await double.close();
  });

  it('prints lists and buttons, picks by number, and sends commands as real webhooks', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => {
      printed += chunk.toString('utf8');
    });
    const waitFor = async (pattern: RegExp): Promise<void> => {
      const deadline = Date.now() + 3000;
      while (!pattern.test(printed)) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; output so far:\n${printed}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    };
    const lastMessage = () => receiver.posts.at(-1)!.parsed.messages[0];
    const run = runTerminalSimulator({ backend, waId: CITIZEN, profileName: 'Ravi', input, output });

    input.write('hi\n');
    await waitFor(/2\. Caste certificate/);
    assert.match(printed, /Mitra ▸ సేవను ఎంచుకోండి/);
    assert.match(printed, /1\. Income certificate — Aadaya dhruvapatram/);
    const listWamid = double.sent.at(-1)!.id;

    input.write('7\n');
    await waitFor(/Pick a number from 1 to 2\./);

    input.write('2\n');
    await waitFor(/\[1\] Yes {2}\[2\] No/);
    assert.deepEqual(receiver.posts.at(-1)!.parsed.messages[0].content, { type: 'choice', id: 'svc:caste', title: 'Caste certificate' });
    assert.equal(receiver.posts.at(-1)!.parsed.messages[0].replyTo, listWamid);

    input.write('/raw\n');
    await waitFor(/raw Graph API JSON on/);
    input.write('1\n');
    await waitFor(/Send location: \/location/);
    await waitFor(/"location_request_message"/);
    const requestWamid = double.sent.at(-1)!.id;

    input.write('/location 16.5062 80.6480 Vijayawada\n');
    await receiver.settled();
    await waitForPosts(receiver, 4);
    assert.deepEqual(lastMessage().content, { type: 'location', latitude: 16.5062, longitude: 80.648, name: 'Vijayawada' });
    assert.equal(lastMessage().replyTo, requestWamid, 'answers the location request');

    const dir = mkdtempSync(join(tmpdir(), 'mitra-terminal-'));
    const pdfPath = join(dir, 'income-proof.pdf');
    writeFileSync(pdfPath, '%PDF-1.4 tiny');
    input.write(`/doc ${pdfPath} my proof\n`);
    await waitForPosts(receiver, 5);
    const doc = lastMessage().content;
    assert.ok(doc.type === 'media');
    assert.equal(doc.filename, 'income-proof.pdf');
    assert.equal(doc.mimeType, 'application/pdf');
    assert.equal(doc.caption, 'my proof');
    assert.equal(Buffer.from(double.mediaBytes(doc.mediaId)!.bytes).toString(), '%PDF-1.4 tiny');

    // The latest message asked for a location, not a pick: a number is sent as typed.
    input.write('1234567890123\n');
    await waitForPosts(receiver, 6);
    assert.deepEqual(lastMessage().content, { type: 'text', text: '1234567890123' });

    input.write('/location north\n');
    await waitFor(/Usage: \/location/);
    input.write('/frobnicate\n');
    await waitFor(/Unknown command \/frobnicate/);
    input.write('/image /no/such/file.png\n');
    await waitFor(/Could not send: .*ENOENT/);

    input.write('/quit\n');
    await run;
    assert.equal(receiver.posts.length, 6, 'bad commands send nothing');
  });

  it('ends when the input ends', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    output.resume();
    const run = runTerminalSimulator({ backend, waId: '919000000009', input, output });
    input.end();
    await run;
  });
});

async function waitForPosts(receiver: FakeReceiver, n: number): Promise<void> {
  const deadline = Date.now() + 3000;
  while (receiver.posts.length < n) {
    if (Date.now() > deadline) throw new Error(`expected ${n} posts, got ${receiver.posts.length}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
