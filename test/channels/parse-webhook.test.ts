import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseWebhook } from '../../src/channels/whatsapp/index.ts';
import type { InboundContent } from '../../src/engine/inbound.ts';
import { buildMessagesWebhook, flowReply, textMessage } from '../../src/channels/graph-double/index.ts';
import { loadMetaExample, metaExampleNames } from './meta-fixtures.ts';

const SHEENA = '16505551234';

/** The content every current-reference inbound fixture must become. */
const EXPECTED_CONTENT: Record<string, InboundContent> = {
  'webhook-text.json': { type: 'text', text: 'Does it come in another color?' },
  'webhook-text-from-ad-referral.json': { type: 'text', text: 'Can I get more info about this?' },
  'webhook-text-product-enquiry.json': { type: 'text', text: 'Is this still available?' },
  'webhook-interactive-button-reply.json': { type: 'choice', id: 'cancel-button', title: 'Cancel' },
  'webhook-button-reply-from-buttons-guide.json': { type: 'choice', id: 'change-button', title: 'Change' },
  'webhook-interactive-list-reply.json': { type: 'choice', id: 'priority_express', title: 'Priority Mail Express' },
  'webhook-list-reply-from-list-guide.json': { type: 'choice', id: 'priority_express', title: 'Priority Mail Express' },
  'webhook-button-template-quick-reply.json': { type: 'choice', id: 'Unsubscribe', title: 'Unsubscribe' },
  'webhook-image.json': {
    type: 'media',
    media: 'image',
    mediaId: '1003383421387256',
    mimeType: 'image/jpeg',
    sha256: 'SfInY0gGKTsJlUWbwxC1k+FAD0FZHvzwfpvO0zX0GUI=',
    caption: 'Taj Mahal',
  },
  'webhook-document.json': {
    type: 'media',
    media: 'document',
    mediaId: '622684793477189',
    mimeType: 'application/pdf',
    sha256: 'V5OPpLD/gEG6Xjg0MbmQDLFgcKsL+j5LfY4ny/pZ4MY=',
    caption: 'my receipt',
    filename: 'receipt.pdf',
  },
  'webhook-audio-voice.json': {
    type: 'media',
    media: 'audio',
    mediaId: '1908647269898587',
    mimeType: 'audio/ogg; codecs=opus',
    sha256: 'wvqXMe6n7n1W0zphvLPoLj+s/NtKqmr3zZ7YzTP7xFI=',
    voice: true,
  },
  'webhook-video.json': {
    type: 'media',
    media: 'video',
    mediaId: '731675419373506',
    mimeType: 'video/mp4',
    sha256: 'vdGU5X4caz12KwFgYwpljlUNqMt1YnkH+5GkPc3mMnc=',
    caption: 'Timelapse of growth',
  },
  'webhook-sticker.json': {
    type: 'media',
    media: 'sticker',
    mediaId: '1908647269898587',
    mimeType: 'image/webp',
    sha256: 'wvqXMe6n7n1W0zphvLPoLj+s/NtKqmr3zZ7YzTP7xFI=',
  },
  'webhook-location.json': {
    type: 'location',
    latitude: 37.44221496582,
    longitude: -122.16165924072,
    name: 'Philz Coffee',
    address: '101 Forest Ave, Palo Alto, CA 94301',
  },
  'webhook-location-from-location-request.json': {
    type: 'location',
    latitude: 40.782910059774,
    longitude: -73.959075808525,
    name: 'Solomon R. Guggenheim Museum',
    address: '1071 5th Ave, New York, NY 10128',
  },
  'webhook-contacts.json': { type: 'contacts', count: 1 },
  'webhook-reaction.json': { type: 'reaction', messageId: 'wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA=', emoji: '👍' },
  'webhook-reaction-removed.json': { type: 'reaction', messageId: 'wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA=' },
  'webhook-unsupported.json': { type: 'unsupported', original: 'edit' },
};

describe('parseWebhook on Meta\'s current reference fixtures', () => {
  for (const [name, content] of Object.entries(EXPECTED_CONTENT)) {
    it(name, () => {
      const raw = loadMetaExample(name);
      const parsed = parseWebhook(raw);
      assert.deepEqual(parsed.rejected, []);
      assert.deepEqual(parsed.phoneNumberIds, ['106540352242922']);
      assert.equal(parsed.messages.length, 1);
      const [m] = parsed.messages;
      assert.deepEqual(m.content, content);
      assert.equal(m.from, SHEENA);
      assert.match(m.id, /^wamid\./);
      const rawMessage = ((raw.entry as any)[0].changes[0].value.messages[0]) as { timestamp: string; context?: { id: string } };
      assert.equal(m.at, new Date(Number(rawMessage.timestamp) * 1000).toISOString());
      assert.equal(m.replyTo, rawMessage.context?.id);
      assert.ok(m.profileName === 'Sheena Nelson' || m.profileName === 'Pablo Morales');
      assert.deepEqual(parsed.statuses, []);
    });
  }

  it('covers every current inbound webhook fixture', () => {
    const inbound = metaExampleNames(/^webhook-.*\.json$/).filter(
      (n) => !/status|errors-value|system|nfm-reply/.test(n),
    );
    assert.deepEqual(inbound.filter((n) => !(n in EXPECTED_CONTENT)), []);
  });

  it('webhook-text.json: timestamp and profile name exactly', () => {
    const [m] = parseWebhook(loadMetaExample('webhook-text.json')).messages;
    assert.equal(m.at, '2025-06-08T20:59:43.000Z');
    assert.equal(m.profileName, 'Sheena Nelson');
  });

  it('webhook-system-user-changed-number.json becomes a system event, not a message', () => {
    const parsed = parseWebhook(loadMetaExample('webhook-system-user-changed-number.json'));
    assert.deepEqual(parsed.messages, []);
    assert.deepEqual(parsed.systemEvents, [
      {
        type: 'user_changed_number',
        from: SHEENA,
        newWaId: '12195555358',
        at: new Date(1750269342 * 1000).toISOString(),
        messageId: 'wamid.HBgLMTk4MzU1NTE5NzQVAgASGAoxMTgyMDg2MjY3AA==',
        body: 'User Sheena Nelson changed from 16505551234 to 12195555358',
      },
    ]);
  });

  it('webhook-errors-value-level.json becomes a value error', () => {
    const parsed = parseWebhook(loadMetaExample('webhook-errors-value-level.json'));
    assert.deepEqual(parsed.errors, [
      {
        code: 130429,
        title: 'Rate limit hit',
        message: 'Rate limit hit',
        details: 'Message failed to send because there were too many messages sent from this phone number in a short period of time',
      },
    ]);
    assert.deepEqual(parsed.messages, []);
  });

  it('status fixtures become status updates', () => {
    const sent = parseWebhook(loadMetaExample('webhook-status-sent.json'));
    assert.deepEqual(sent.statuses, [
      {
        messageId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=',
        status: 'sent',
        at: new Date(1750030073 * 1000).toISOString(),
        recipient: SHEENA,
        conversation: { id: '72b14d6bd5407799e66f64d1b338e567', expiresAt: new Date(1750116480 * 1000).toISOString(), origin: 'marketing' },
        pricing: { billable: true, model: 'PMP', type: 'regular', category: 'marketing' },
      },
    ]);
    const delivered = parseWebhook(loadMetaExample('webhook-status-delivered.json')).statuses[0];
    assert.equal(delivered.status, 'delivered');
    assert.deepEqual(delivered.conversation, { id: '6ceb9d929c9bdc4f90e967a32f8639b4', origin: 'service' });
    const failed = parseWebhook(loadMetaExample('webhook-status-failed.json')).statuses[0];
    assert.equal(failed.status, 'failed');
    assert.equal(failed.errors?.[0].code, 131049);
    assert.equal(failed.errors?.[0].details, 'In order to maintain a healthy ecosystem engagement, the message failed to be delivered.');
    const v24 = parseWebhook(loadMetaExample('webhook-status-v24-without-conversation.json'));
    assert.equal(v24.statuses.length, 1);
    assert.equal(v24.statuses[0].conversation, undefined);
    assert.deepEqual(v24.rejected, []);
  });

  it('nfm_reply fixtures (Meta publishes only messages[]) become flow replies inside an envelope', () => {
    for (const [name, expectedName] of [
      ['webhook-nfm-reply-flow-completion.json', 'flow'],
      ['webhook-nfm-reply-address-message-in.json', 'address_message'],
    ] as const) {
      const published = (loadMetaExample(name).messages as Record<string, unknown>[])[0];
      // The published samples carry placeholders for the sender and time; fill them in.
      const message = { ...published, from: '919876543210', timestamp: '1700000000' };
      const envelope = buildMessagesWebhook({ phoneNumberId: '1', messages: [] });
      (envelope as any).entry[0].changes[0].value.messages = [message];
      const parsed = parseWebhook(envelope);
      assert.deepEqual(parsed.rejected, [], name);
      const content = parsed.messages[0].content;
      assert.equal(content.type, 'flow_reply');
      if (content.type !== 'flow_reply') return;
      assert.equal(content.name, expectedName);
      assert.equal(content.responseJson, ((published.interactive as any).nfm_reply as { response_json: string }).response_json);
      assert.doesNotThrow(() => JSON.parse(content.responseJson));
    }
  });
});

describe('parseWebhook on the Postman collection fixtures', () => {
  it('pm-webhook-text.json', () => {
    const parsed = parseWebhook(loadMetaExample('pm-webhook-text.json'));
    assert.deepEqual(parsed.messages, [
      {
        id: 'wamid.ABGGFlCGg0cvAgo-sJQh43L5Pe4W',
        from: '16315551234',
        at: new Date(1603059201 * 1000).toISOString(),
        profileName: 'Kerry Fisher',
        content: { type: 'text', text: 'Hello this is an answer' },
      },
    ]);
    assert.deepEqual(parsed.phoneNumberIds, ['27681414235104944']);
  });

  it('pm-webhook-template-quick-reply-button.json: the payload is the choice id', () => {
    const [m] = parseWebhook(loadMetaExample('pm-webhook-template-quick-reply-button.json')).messages;
    assert.deepEqual(m.content, { type: 'choice', id: 'No-Button-Payload', title: 'No' });
    assert.equal(m.replyTo, 'wamid.gBGGFlCGg0cvAgkLFm4e9tICiTI');
  });

  it('pm-webhook-unknown-message.json: the older "unknown" type is unsupported', () => {
    const [m] = parseWebhook(loadMetaExample('pm-webhook-unknown-message.json')).messages;
    assert.deepEqual(m.content, { type: 'unsupported', original: 'unknown' });
  });

  it('pm-webhook-status-sent-minimal.json', () => {
    const parsed = parseWebhook(loadMetaExample('pm-webhook-status-sent-minimal.json'));
    assert.deepEqual(parsed.statuses, [
      { messageId: 'wamid.gBGGFlCGg0cvAglAxydbAoy-gwNo', status: 'sent', at: new Date(1603086313 * 1000).toISOString(), recipient: '16315551234' },
    ]);
  });

  it('placeholder-only fixtures are rejected item by item with a path, never thrown', () => {
    for (const name of ['pm-webhook-image.json', 'pm-webhook-contacts.json', 'pm-webhook-reaction.json']) {
      const parsed = parseWebhook(loadMetaExample(name));
      assert.deepEqual(parsed.messages, [], name);
      assert.equal(parsed.rejected.length, 1, name);
      assert.equal(parsed.rejected[0].path, 'entry[0].changes[0].value.messages[0]');
      assert.match(parsed.rejected[0].reason, /timestamp/);
    }
  });

  it('pm-webhook-payment-transaction-status.json: payment statuses are not message statuses', () => {
    const parsed = parseWebhook(loadMetaExample('pm-webhook-payment-transaction-status.json'));
    assert.deepEqual(parsed.statuses, []);
    assert.deepEqual(parsed.rejected, [{ path: 'entry[0].changes[0].value.statuses[0]', reason: "status type 'payment' is not handled" }]);
  });

  it('every pm-webhook fixture is covered above', () => {
    assert.deepEqual(metaExampleNames(/^pm-webhook-/), [
      'pm-webhook-contacts.json',
      'pm-webhook-image.json',
      'pm-webhook-payment-transaction-status.json',
      'pm-webhook-reaction.json',
      'pm-webhook-status-sent-minimal.json',
      'pm-webhook-template-quick-reply-button.json',
      'pm-webhook-text.json',
      'pm-webhook-unknown-message.json',
    ]);
  });
});

describe('parseWebhook on batches and malformed input', () => {
  it('a malformed message is rejected alone; the rest of the batch survives', () => {
    const body = buildMessagesWebhook({
      phoneNumberId: 'P1',
      messages: [
        { ...textMessage('919000000001', 'నమస్కారం'), profileName: 'రాము' },
        { from: '919000000002', type: 'image', image: { caption: 'no id' } },
        { ...textMessage('919000000003', 'Hi'), timestamp: 'yesterday' },
        textMessage('919000000004', 'नमस्ते'),
      ],
    });
    const parsed = parseWebhook(body);
    assert.deepEqual(
      parsed.messages.map((m) => [m.from, m.content.type === 'text' ? m.content.text : '?', m.profileName]),
      [
        ['919000000001', 'నమస్కారం', 'రాము'],
        ['919000000004', 'नमस्ते', undefined],
      ],
    );
    assert.deepEqual(
      parsed.rejected.map((r) => r.path),
      ['entry[0].changes[0].value.messages[1]', 'entry[0].changes[0].value.messages[2]'],
    );
    assert.match(parsed.rejected[0].reason, /^image: id/);
  });

  it('reads every entry and change, records other fields as ignored', () => {
    const a = buildMessagesWebhook({ phoneNumberId: 'A', messages: [textMessage('1111111', 'one')] }) as any;
    const b = buildMessagesWebhook({ phoneNumberId: 'B', messages: [textMessage('2222222', 'two')] }) as any;
    const body = {
      object: 'whatsapp_business_account',
      entry: [
        { id: '1', changes: [a.entry[0].changes[0], { field: 'message_template_status_update', value: { event: 'APPROVED' } }] },
        b.entry[0],
        'not an entry',
      ],
    };
    const parsed = parseWebhook(body);
    assert.deepEqual(parsed.messages.map((m) => m.from), ['1111111', '2222222']);
    assert.deepEqual(parsed.phoneNumberIds, ['A', 'B']);
    assert.deepEqual(parsed.ignored, [{ path: 'entry[0].changes[1]', field: 'message_template_status_update' }]);
    assert.equal(parsed.rejected[0].path, 'entry[2]');
  });

  it('maps order, request_welcome, interactive kinds it does not know and future types to unsupported', () => {
    const parsed = parseWebhook(
      buildMessagesWebhook({
        phoneNumberId: 'P',
        messages: [
          { from: '91', type: 'order', order: { catalog_id: '1', product_items: [] } },
          { from: '91', type: 'request_welcome' },
          { from: '91', type: 'interactive', interactive: { type: 'call_permission_reply', call_permission_reply: {} } },
          { from: '91', type: 'poll_vote', poll_vote: {} },
        ],
      }),
    );
    assert.deepEqual(
      parsed.messages.map((m) => m.content),
      [
        { type: 'unsupported', original: 'order' },
        { type: 'unsupported', original: 'request_welcome' },
        { type: 'unsupported', original: 'interactive:call_permission_reply' },
        { type: 'unsupported', original: 'poll_vote' },
      ],
    );
  });

  it('a flow reply built with the test builder round-trips', () => {
    const parsed = parseWebhook(buildMessagesWebhook({ phoneNumberId: 'P', messages: [flowReply('91', '{"flow_token":"t"}')] }));
    assert.deepEqual(parsed.messages[0].content, { type: 'flow_reply', name: 'flow', responseJson: '{"flow_token":"t"}' });
  });

  it('rejects a body that is not a WhatsApp envelope without throwing', () => {
    for (const body of [null, undefined, 42, 'x', [], {}, { object: 'page', entry: [] }, { object: 'whatsapp_business_account' }]) {
      const parsed = parseWebhook(body);
      assert.deepEqual(parsed.messages, []);
      assert.equal(parsed.rejected.length, 1);
      assert.equal(parsed.rejected[0].path, '');
    }
    assert.deepEqual(parseWebhook({ object: 'whatsapp_business_account', entry: [] }).rejected, []);
  });

  it('rejects out-of-range coordinates and a missing metadata', () => {
    const body = buildMessagesWebhook({
      phoneNumberId: 'P',
      messages: [{ from: '91', type: 'location', location: { latitude: 123, longitude: 0 } }],
    });
    assert.match(parseWebhook(body).rejected[0].reason, /^location: latitude/);
    const noMeta = structuredClone(body) as any;
    delete noMeta.entry[0].changes[0].value.metadata;
    assert.deepEqual(parseWebhook(noMeta).rejected.map((r) => r.path), ['entry[0].changes[0].value']);
  });
});
