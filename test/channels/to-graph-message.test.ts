import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkGraphMessage,
  GraphMessageError,
  renderTemplate,
  TEMPLATES,
  toGraphMessage,
} from '../../src/channels/whatsapp/index.ts';
import type { OutboundMessage, OutboundType } from '../../src/engine/outbound.ts';
import { LANGUAGES } from '../../src/lib/languages.ts';
import { loadMetaExample } from './meta-fixtures.ts';

const mediaIds: Record<string, string> = { 'doc-cert': '1376223850470843', 'img-1': '1479537139650973', 'voice-1': '1013859600285441' };
const opts = { mediaIdFor: (documentId: string) => mediaIds[documentId] ?? assert.fail(`no media id for ${documentId}`) };

/** One message of every outbound type; the exhaustive record makes a new type fail to compile. */
const ONE_OF_EACH: Record<OutboundType, OutboundMessage> = {
  text: { type: 'text', body: 'మీ దరఖాస్తు స్వీకరించబడింది.' },
  buttons: {
    type: 'buttons',
    header: 'భాష / Language',
    body: 'దయచేసి మీ భాషను ఎంచుకోండి',
    footer: 'Mana Mitra',
    buttons: [
      { id: 'lang:te', title: 'తెలుగు' },
      { id: 'lang:en', title: 'English' },
      { id: 'lang:hi', title: 'हिन्दी' },
    ],
  },
  list: {
    type: 'list',
    body: 'Choose a department',
    button: 'Departments',
    sections: [{ title: 'Popular', rows: [{ id: 'revenue', title: 'Revenue', description: 'Caste, income, residence' }] }],
  },
  cta_url: { type: 'cta_url', body: 'Verify your certificate', displayText: 'Verify', url: 'https://mitra.example/v/abc' },
  document: { type: 'document', documentId: 'doc-cert', filename: 'income-certificate.pdf', caption: 'ఆదాయ ధ్రువపత్రం' },
  image: { type: 'image', documentId: 'img-1', caption: 'QR' },
  audio: { type: 'audio', documentId: 'voice-1', voice: true },
  location_request: { type: 'location_request', body: 'Please share your location' },
  template: { type: 'template', name: 'certificate_ready', lang: 'te', params: { reference: 'AP-2025-000123', service: 'ఆదాయ ధ్రువపత్రం' } },
};

describe('toGraphMessage', () => {
  for (const [type, message] of Object.entries(ONE_OF_EACH)) {
    it(`${type}: passes checkGraphMessage and has Meta's envelope`, () => {
      const body = toGraphMessage('919876543210', message, opts);
      assert.deepEqual(checkGraphMessage(body), []);
      assert.equal(body.messaging_product, 'whatsapp');
      assert.equal(body.recipient_type, 'individual');
      assert.equal(body.to, '+919876543210');
      assert.equal(typeof body.type, 'string');
      assert.ok(body[body.type as string] !== undefined, `the ${String(body.type)} object is present`);
    });
  }

  it('reproduces Meta\'s own request bodies', () => {
    const to = '16505551234';
    const list = loadMetaExample('send-interactive-list.json');
    const li = (list.interactive as any);
    assert.deepEqual(
      toGraphMessage(to, {
        type: 'list',
        header: li.header.text,
        body: li.body.text,
        footer: li.footer.text,
        button: li.action.button,
        sections: li.action.sections,
      }, opts),
      list,
    );
    const text = loadMetaExample('send-text.json');
    assert.deepEqual(toGraphMessage(to, { type: 'text', body: (text.text as any).body, previewUrl: true }, opts), text);
    const doc = loadMetaExample('send-document-by-id.json');
    assert.deepEqual(
      toGraphMessage(to, { type: 'document', documentId: 'doc', filename: 'order_abc123.pdf', caption: 'Your order confirmation (PDF)' }, { mediaIdFor: () => '1376223850470843' }),
      doc,
    );
    const voice = loadMetaExample('send-audio-voice.json');
    assert.deepEqual(toGraphMessage(to, { type: 'audio', documentId: 'v', voice: true }, { mediaIdFor: () => '1013859600285441' }), voice);
    const image = loadMetaExample('send-image-by-id.json');
    assert.deepEqual(toGraphMessage(to, { type: 'image', documentId: 'i', caption: 'The best succulent ever?' }, { mediaIdFor: () => '1479537139650973' }), image);
    const location = loadMetaExample('send-location-request.json');
    assert.deepEqual(toGraphMessage(to, { type: 'location_request', body: (location.interactive as any).body.text }, opts), location);
    const reply = loadMetaExample('send-text-contextual-reply.json');
    assert.deepEqual(
      toGraphMessage(to, { type: 'text', body: "You're welcome, Pablo!" }, { ...opts, replyTo: (reply.context as any).message_id }),
      { ...reply, text: { preview_url: false, body: "You're welcome, Pablo!" } },
    );
  });

  it('sends templates with named parameters and Meta\'s language code', () => {
    const body = toGraphMessage('919876543210', ONE_OF_EACH.template, opts) as any;
    assert.deepEqual(body.template, {
      name: 'certificate_ready',
      language: { code: 'te' },
      components: [
        {
          type: 'body',
          parameters: [
            { type: 'text', parameter_name: 'reference', text: 'AP-2025-000123' },
            { type: 'text', parameter_name: 'service', text: 'ఆదాయ ధ్రువపత్రం' },
          ],
        },
      ],
    });
  });

  it('refuses unknown templates, foreign languages and missing parameters with a typed error', () => {
    assert.throws(() => toGraphMessage('91', { type: 'template', name: 'nope', lang: 'en', params: {} }, opts), GraphMessageError);
    assert.throws(() => toGraphMessage('91', { type: 'template', name: 'certificate_ready', lang: 'ta', params: { reference: 'r', service: 's' } }, opts), GraphMessageError);
    assert.throws(
      () => toGraphMessage('91', { type: 'template', name: 'application_status_update', lang: 'hi', params: { reference: 'r', service: 's' } }, opts),
      (e: unknown) => e instanceof GraphMessageError && /status/.test(e.message),
    );
  });

  it('shortens what is too long before converting', () => {
    const body = toGraphMessage('91', { type: 'buttons', body: 'b', buttons: [{ id: 'x', title: 'ఒక చాలా పొడవైన బటన్ శీర్షిక ఇది' }] }, opts) as any;
    assert.deepEqual(checkGraphMessage(body), []);
    assert.ok(Array.from(body.interactive.action.buttons[0].reply.title as string).length <= 20);
  });
});

describe('templates registry', () => {
  it('has the required templates, utility category, all three languages and every parameter in every text', () => {
    for (const name of ['application_status_update', 'session_expired_resume', 'certificate_ready']) assert.ok(name in TEMPLATES, name);
    for (const [name, t] of Object.entries(TEMPLATES)) {
      assert.equal(t.category, 'utility');
      for (const lang of LANGUAGES) {
        assert.ok(t.languages[lang].length > 0);
        const placeholders = [...t.body[lang].matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
        assert.deepEqual(placeholders, [...t.bodyParams].sort(), `${name}/${lang}`);
      }
    }
    // Each language is really written in its own script.
    assert.match(TEMPLATES.certificate_ready.body.te, /[\u0C00-\u0C7F]/);
    assert.match(TEMPLATES.certificate_ready.body.hi, /[\u0900-\u097F]/);
  });

  it('renders the approved text with parameters', () => {
    assert.equal(
      renderTemplate('application_status_update', 'en', { reference: 'AP-1', service: 'Income certificate', status: 'approved' }),
      'Your application AP-1 for Income certificate is now: approved. Reply to this message to see the details.',
    );
    assert.equal(renderTemplate('session_expired_resume', 'hi', { service: 'x' })?.includes('x'), true);
    assert.equal(renderTemplate('nope', 'en', {}), undefined);
  });
});

describe('checkGraphMessage', () => {
  const ok = (over: Record<string, unknown>) => ({ messaging_product: 'whatsapp', recipient_type: 'individual', to: '+91', ...over });
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['wrong product', { ...ok({ type: 'text', text: { body: 'x' } }), messaging_product: 'sms' }, /messaging_product/],
    ['no to', { messaging_product: 'whatsapp', type: 'text', text: { body: 'x' } }, /Required parameter is missing: to/],
    ['unknown type', ok({ type: 'fax' }), /Param type/],
    ['text too long', ok({ type: 'text', text: { body: 'a'.repeat(4097) } }), /at most 4096/],
    ['11 rows', ok({ type: 'interactive', interactive: { type: 'list', body: { text: 'b' }, action: { button: 'Open', sections: [{ title: 's', rows: Array.from({ length: 11 }, (_, i) => ({ id: `r${i}`, title: 't' })) }] } } }), /at most 10 rows/],
    ['row title 25', ok({ type: 'interactive', interactive: { type: 'list', body: { text: 'b' }, action: { button: 'Open', sections: [{ title: 's', rows: [{ id: 'r', title: 'x'.repeat(25) }] }] } } }), /\['title'\] must be at most 24/],
    ['description 73', ok({ type: 'interactive', interactive: { type: 'list', body: { text: 'b' }, action: { button: 'Open', sections: [{ title: 's', rows: [{ id: 'r', title: 't', description: 'd'.repeat(73) }] }] } } }), /at most 72/],
    ['4 buttons', ok({ type: 'interactive', interactive: { type: 'button', body: { text: 'b' }, action: { buttons: [1, 2, 3, 4].map((i) => ({ type: 'reply', reply: { id: `b${i}`, title: `B${i}` } })) } } }), /at most 3/],
    ['duplicate button ids', ok({ type: 'interactive', interactive: { type: 'button', body: { text: 'b' }, action: { buttons: [1, 2].map((i) => ({ type: 'reply', reply: { id: 'same', title: `B${i}` } })) } } }), /must be unique/],
    ['header 61', ok({ type: 'interactive', interactive: { type: 'button', header: { type: 'text', text: 'h'.repeat(61) }, body: { text: 'b' }, action: { buttons: [{ type: 'reply', reply: { id: 'a', title: 'A' } }] } } }), /at most 60/],
    ['interactive body 1025', ok({ type: 'interactive', interactive: { type: 'button', body: { text: 'b'.repeat(1025) }, action: { buttons: [{ type: 'reply', reply: { id: 'a', title: 'A' } }] } } }), /at most 1024/],
    ['caption 1025', ok({ type: 'image', image: { id: '1', caption: 'c'.repeat(1025) } }), /at most 1024/],
    ['media with both id and link', ok({ type: 'document', document: { id: '1', link: 'https://x' } }), /exactly one/],
    ['bad cta url', ok({ type: 'interactive', interactive: { type: 'cta_url', body: { text: 'b' }, action: { name: 'cta_url', parameters: { display_text: 'Go', url: 'javascript:1' } } } }), /url/],
  ];
  for (const [name, body, pattern] of cases) {
    it(`flags: ${name}`, () => {
      const violations = checkGraphMessage(body);
      assert.ok(violations.some((v) => pattern.test(v)), `${name}: ${JSON.stringify(violations)}`);
    });
  }
  it('accepts Meta\'s own request examples', () => {
    for (const name of ['send-text.json', 'send-interactive-list.json', 'send-interactive-reply-buttons.json', 'send-interactive-cta-url.json', 'send-document-by-id.json', 'send-image-by-id.json', 'send-audio-voice.json', 'send-location-request.json', 'send-reaction.json', 'send-template-utility-named-params.json', 'send-text-contextual-reply.json', 'send-mark-as-read.json', 'send-typing-indicator.json', 'send-address-message-in.json']) {
      assert.deepEqual(checkGraphMessage(loadMetaExample(name)), [], name);
    }
  });
  it('counts characters as code points: 24 Telugu code points fit a row title', () => {
    const telugu = 'ఆదాయధ్రువపత్రంకోసందరఖాస్తు'.slice(0, 24);
    assert.equal(Array.from(telugu).length, 24);
    const body = ok({ type: 'interactive', interactive: { type: 'list', body: { text: 'b' }, action: { button: 'Open', sections: [{ title: 's', rows: [{ id: 'r', title: telugu }] }] } } });
    assert.deepEqual(checkGraphMessage(body), []);
  });
});
