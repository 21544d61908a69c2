// The web chat simulator in a real browser (Debian chromium through playwright-core): the page
// served by the simulator routes, a real Graph API double, and a signature-checking receiver that
// answers like a tiny Mitra with a list, reply buttons, a PDF, an image, a link, a location
// request and a template. Screenshots go to docs/screenshots/simulator-*.png.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { paintPng } from '../support/paint-png.ts';
import Fastify, { type FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createGraphDouble, type GraphDouble } from '../../src/channels/graph-double/index.ts';
import { createSimulatorBackend, registerSimulatorRoutes, type SimulatorBackend } from '../../src/channels/simulator/index.ts';
import { startFakeWebhookReceiver, type FakeReceiver } from './fake-webhook-receiver.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
// Screenshots refresh docs/screenshots only when asked (UPDATE_SCREENSHOTS=1), so a test run leaves the tree clean.
const SCREENSHOTS = resolve(import.meta.dirname, '..', '..', process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : 'test-results/screenshots');
const APP_SECRET = 'browser-secret';
const ACCESS_TOKEN = 'browser-token';
const PHONE_NUMBER_ID = '777000111';
const DISPLAY = '919490000000';

/** A small valid PDF with one line of text. */
function tinyPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    '<< /Length 52 >>\nstream\nBT /F1 18 Tf 30 70 Td (Income certificate) Tj ET\nendstream',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A real PNG: a green-to-blue gradient, so the screenshot shows an image, not a broken icon. */
function gradientPng(width = 240, height = 120): Buffer {
  return paintPng(width, height, (x, y) => [37, Math.round(160 + (95 * x) / width), Math.round(100 + (155 * y) / height)]);
}

/** Finds chromium, or says why the browser test must skip. */
function chromiumProblem(): string | undefined {
  if (!existsSync(CHROMIUM)) return `chromium not found at ${CHROMIUM} (apt-get install -y --no-install-recommends chromium, or set CHROMIUM_PATH)`;
  return undefined;
}

const skip = chromiumProblem();

describe('web chat simulator in chromium', { skip }, () => {
  let double: GraphDouble;
  let receiver: FakeReceiver;
  let backend: SimulatorBackend;
  let app: FastifyInstance;
  let browser: Browser;
  let page: Page;
  let base: string;
  const pdf = tinyPdf();
  /** Requests to anywhere but this machine, which the page must never make. */
  const blocked: string[] = [];

  before(async () => {
    double = createGraphDouble({ accessToken: ACCESS_TOKEN, phoneNumberId: PHONE_NUMBER_ID, appSecret: APP_SECRET, statusDelays: false });
    await double.listen(0);
    receiver = await startFakeWebhookReceiver({
      appSecret: APP_SECRET,
      graph: { url: () => double.url, accessToken: ACCESS_TOKEN, phoneNumberId: PHONE_NUMBER_ID },
      async onMessage(post, send) {
        const m = post.parsed.messages[0];
        const base = { messaging_product: 'whatsapp', recipient_type: 'individual', to: `+${m.from}` };
        await send({ messaging_product: 'whatsapp', status: 'read', message_id: m.id });
        if (m.content.type === 'text' && m.content.text.toLowerCase() === 'hi') {
          await send({
            ...base,
            type: 'interactive',
            interactive: {
              type: 'list',
              header: { type: 'text', text: 'మన మిత్ర' },
              body: { text: 'నమస్కారం! *మన మిత్ర* కు స్వాగతం. మీకు కావలసిన సేవను ఎంచుకోండి.' },
              footer: { text: 'Government of Andhra Pradesh' },
              action: {
                button: 'సేవలు',
                sections: [
                  { title: 'రెవెన్యూ', rows: [
                    { id: 'svc:income', title: 'ఆదాయ ధ్రువపత్రం', description: 'Income certificate · 7 days' },
                    { id: 'svc:caste', title: 'కుల ధ్రువపత్రం', description: 'Caste certificate · 15 days' },
                  ] },
                  { title: 'Civil supplies', rows: [{ id: 'svc:ration', title: 'राशन कार्ड', description: 'नया राशन कार्ड' }] },
                ],
              },
            },
          });
        } else if (m.content.type === 'choice' && m.content.id === 'svc:income') {
          await send({
            ...base,
            type: 'interactive',
            interactive: {
              type: 'button',
              body: { text: 'ఆదాయ ధ్రువపత్రం కోసం దరఖాస్తు చేయాలా? రుసుము ₹45.' },
              footer: { text: 'Revenue Department' },
              action: { buttons: [
                { type: 'reply', reply: { id: 'apply:yes', title: 'అవును' } },
                { type: 'reply', reply: { id: 'apply:no', title: 'వద్దు' } },
              ] },
            },
          });
        } else if (m.content.type === 'choice' && m.content.id === 'apply:yes') {
          const pdfId = double.storeMedia(pdf, 'application/pdf', 'income-certificate.pdf');
          const pngId = double.storeMedia(gradientPng(), 'image/png', 'qr.png');
          await send({ ...base, type: 'document', document: { id: pdfId, filename: 'income-certificate.pdf', caption: 'మీ ఆదాయ ధ్రువపత్రం సిద్ధంగా ఉంది.' } });
          await send({ ...base, type: 'image', image: { id: pngId, caption: 'QR code' } });
          await send({ ...base, type: 'interactive', interactive: { type: 'cta_url', body: { text: 'Verify your certificate online.' }, action: { name: 'cta_url', parameters: { display_text: 'Verify', url: 'http://127.0.0.1/v/AP-123' } } } });
          await send({ ...base, type: 'interactive', interactive: { type: 'location_request_message', body: { text: 'మీ చిరునామా కోసం మీ లొకేషన్ పంపండి.' }, action: { name: 'send_location' } } });
        } else if (m.content.type === 'location') {
          await send({
            ...base,
            type: 'template',
            template: { name: 'application_status_update', language: { code: 'hi' }, components: [{ type: 'body', parameters: [
              { type: 'text', parameter_name: 'reference', text: 'AP-123' },
              { type: 'text', parameter_name: 'service', text: 'आय प्रमाणपत्र' },
              { type: 'text', parameter_name: 'status', text: 'स्वीकृत' },
            ] }] },
          });
        }
      },
    });
    backend = createSimulatorBackend({ double, webhookUrl: receiver.url, appSecret: APP_SECRET, phoneNumberId: PHONE_NUMBER_ID, displayPhoneNumber: DISPLAY });
    app = Fastify({ logger: false });
    await registerSimulatorRoutes(app, backend);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 412, height: 860 }, deviceScaleFactor: 1, acceptDownloads: true });
    page = await context.newPage();
    // No sheet animation, so screenshots never catch a half-drawn sheet.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    // Nothing may come from the internet: fail on any request off this machine.
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1' || url.protocol === 'blob:' || url.protocol === 'data:') return route.continue();
      blocked.push(url.href);
      return route.abort();
    });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await app?.close();
    backend?.close();
    await receiver?.close();
    await double?.close();
  });

  it('chats through a list, buttons, a document, a location and a template', async () => {
    const consoleErrors: string[] = [];
    page.on('pageerror', (e) => consoleErrors.push(e.message));

    await page.goto(`${base}/simulator?waId=919876543210&name=${encodeURIComponent('రవి కుమార్')}`);
    await page.waitForSelector('#business-number:has-text("+91 94900 00000")');

    await page.fill('#text-input', 'Hi');
    await page.press('#text-input', 'Enter');
    const list = page.locator('.msg.from-mitra[data-type="interactive:list"]');
    await list.waitFor();
    assert.match(await list.innerText(), /మన మిత్ర కు స్వాగతం/);
    // The citizen bubble got its blue ticks from Mitra's mark-as-read.
    await page.waitForSelector('.msg.from-citizen .tick.read');
    await page.screenshot({ path: resolve(SCREENSHOTS, 'simulator-list.png') });

    await list.locator('.list-open').click();
    await page.waitForSelector('#list-sheet:not([hidden])');
    assert.equal(await page.locator('#list-sheet .sheet-row').count(), 3);
    await page.screenshot({ path: resolve(SCREENSHOTS, 'simulator-list-sheet.png') });
    await page.locator('#list-sheet .sheet-row[data-row-id="svc:income"]').click();
    assert.equal(await page.locator('#list-sheet').isHidden(), true);

    const buttons = page.locator('.msg.from-mitra[data-type="interactive:button"]');
    await buttons.waitFor();
    const listReply = receiver.posts.map((p) => p.parsed.messages[0]).find((m) => m?.content.type === 'choice');
    assert.deepEqual(listReply?.content, { type: 'choice', id: 'svc:income', title: 'ఆదాయ ధ్రువపత్రం' });
    assert.equal(listReply?.replyTo, await list.getAttribute('data-wamid'), 'list_reply carries the list message as context');

    await buttons.locator('.reply-buttons button[data-reply-id="apply:yes"]').click();
    const doc = page.locator('.msg.from-mitra[data-type="document"] a.file-card');
    await doc.waitFor();
    assert.match(await doc.innerText(), /income-certificate\.pdf/);
    const href = await doc.getAttribute('href');
    const download = await (await fetch(`${base}${href}`)).arrayBuffer();
    assert.deepEqual(Buffer.from(download), pdf, 'the file card downloads the exact PDF Mitra sent');
    await page.waitForSelector('.msg.from-mitra[data-type="image"] img.media');
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('.msg.from-mitra[data-type="image"] img.media');
      return img !== null && img.complete && img.naturalWidth === 240;
    });
    await page.waitForSelector('.msg.from-mitra[data-type="interactive:cta_url"] a.bubble-action[href="http://127.0.0.1/v/AP-123"]');
    const locationRequest = page.locator('.msg.from-mitra[data-type="interactive:location_request_message"]');
    await locationRequest.waitFor();

    // Raw JSON shows the exact Graph API body.
    await doc.locator('xpath=ancestor::div[contains(@class,"bubble")]').locator('.raw-toggle').click();
    const raw = JSON.parse(await page.locator('.msg.from-mitra[data-type="document"] pre.raw').innerText());
    assert.deepEqual(raw, double.sent.find((s) => s.body.type === 'document')!.body);
    await page.screenshot({ path: resolve(SCREENSHOTS, 'simulator-document.png') });
    await page.locator('.msg.from-mitra[data-type="document"] .raw-toggle').click();

    await locationRequest.locator('.bubble-action').click();
    await page.waitForSelector('#location-sheet:not([hidden])');
    await page.locator('#location-presets button', { hasText: 'Tirupati' }).click();
    await page.screenshot({ path: resolve(SCREENSHOTS, 'simulator-location.png') });
    await page.locator('#location-form button[type="submit"]').click();
    const template = page.locator('.msg.from-mitra[data-type="template"]');
    await template.waitFor();
    assert.match(await template.innerText(), /आय प्रमाणपत्र के लिए आपके आवेदन AP-123 की स्थिति अब है: स्वीकृत/);
    const location = receiver.posts.map((p) => p.parsed.messages[0]).find((m) => m?.content.type === 'location');
    assert.deepEqual(location?.content, { type: 'location', latitude: 13.6288, longitude: 79.4192, name: 'Tirupati', address: 'Tirupati, Andhra Pradesh' });
    assert.equal(location?.replyTo, await locationRequest.getAttribute('data-wamid'));
    await page.screenshot({ path: resolve(SCREENSHOTS, 'simulator-template.png') });

    // Export as golden test: steps of {in, out}.
    const [downloadEvent] = await Promise.all([page.waitForEvent('download'), page.click('#export-button')]);
    const golden = JSON.parse(readFileSync((await downloadEvent.path())!, 'utf8'));
    assert.deepEqual(golden.steps.map((s: any) => s.in.type), ['text', 'list_reply', 'button_reply', 'location']);
    assert.deepEqual(golden.steps.map((s: any) => s.out.length), [1, 1, 4, 1]);
    assert.equal(golden.steps[1].out[0].interactive.type, 'button');

    // A reload replays the history from the server.
    await page.reload();
    await template.waitFor();
    assert.equal(await page.locator('.msg').count(), 11);

    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(blocked, []);
  });

  it('attach menu: sticker and contact go out as webhooks; the send API validates input', async () => {
    await page.click('#attach-button');
    await page.screenshot({ path: resolve(SCREENSHOTS, 'simulator-attach.png') });
    await page.click('[data-attach="sticker"]');
    await page.waitForSelector('.msg.from-citizen .sticker');
    await page.click('#attach-button');
    await page.click('[data-attach="contact"]');
    await page.locator('#contact-form button[type="submit"]').click();
    await page.waitForSelector('.msg.from-citizen:has-text("Lakshmi Devi")');
    const kinds = receiver.posts.slice(-2).map((p) => p.parsed.messages[0].content.type);
    assert.deepEqual(kinds, ['media', 'contacts']);

    const bad = await fetch(`${base}/simulator/api/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ waId: '919876543210', input: { type: 'location', latitude: 123, longitude: 80 } }),
    });
    assert.equal(bad.status, 400);
    assert.match((await bad.json()).error, /^input\.latitude: /);
    const badPhone = await fetch(`${base}/simulator/api/events?waId=abc`);
    assert.equal(badPhone.status, 400);
    assert.match((await badPhone.json()).error, /waId: must be a phone number/);
    assert.equal((await fetch(`${base}/simulator/assets/../../package.json`)).status, 404);
    assert.equal((await fetch(`${base}/simulator/api/media/nope`)).status, 404);
  });
});

if (skip) console.log(`# skipping the simulator browser test: ${skip}`);
