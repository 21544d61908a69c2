import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  audioMessage,
  buildMessagesWebhook,
  buttonReply,
  documentMessage,
  encodeWebhookBody,
  imageMessage,
  listReply,
  locationMessage,
  reactionMessage,
  templateButtonReply,
  textMessage,
} from '../../src/channels/graph-double/index.ts';
import { parseWebhook, signBody, verifySignature } from '../../src/channels/whatsapp/index.ts';
import { loadMetaExample } from './meta-fixtures.ts';

describe('buildMessagesWebhook', () => {
  it('builds exactly Meta\'s envelope (compared with webhook-text.json)', () => {
    const meta = loadMetaExample('webhook-text.json');
    const built = buildMessagesWebhook({
      phoneNumberId: '106540352242922',
      displayPhoneNumber: '15550783881',
      wabaId: '102290129340398',
      messages: [
        {
          ...textMessage('16505551234', 'Does it come in another color?', 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA='),
          timestamp: '1749416383',
          profileName: 'Sheena Nelson',
        },
      ],
    });
    assert.deepEqual(built, meta);
  });

  it('every builder produces a message parseWebhook reads as intended', () => {
    const from = '919876543210';
    const parsed = parseWebhook(
      buildMessagesWebhook({
        phoneNumberId: 'P',
        messages: [
          textMessage(from, 'హాయ్'),
          buttonReply(from, 'lang:te', 'తెలుగు', 'wamid.OUT1'),
          listReply(from, 'svc:income', 'Income certificate', 'Revenue'),
          templateButtonReply(from, 'resume', 'Continue'),
          imageMessage(from, '111', 'image/jpeg', 'c2hh', 'ration card'),
          documentMessage(from, '222', 'application/pdf', 'c2hh', 'aadhaar.pdf'),
          audioMessage(from, '333', 'c2hh'),
          locationMessage(from, 16.5062, 80.648, 'Vijayawada'),
          reactionMessage(from, 'wamid.OUT1', '🙏'),
          reactionMessage(from, 'wamid.OUT1'),
        ],
      }),
    );
    assert.deepEqual(parsed.rejected, []);
    assert.deepEqual(
      parsed.messages.map((m) => m.content),
      [
        { type: 'text', text: 'హాయ్' },
        { type: 'choice', id: 'lang:te', title: 'తెలుగు' },
        { type: 'choice', id: 'svc:income', title: 'Income certificate' },
        { type: 'choice', id: 'resume', title: 'Continue' },
        { type: 'media', media: 'image', mediaId: '111', mimeType: 'image/jpeg', sha256: 'c2hh', caption: 'ration card' },
        { type: 'media', media: 'document', mediaId: '222', mimeType: 'application/pdf', sha256: 'c2hh', filename: 'aadhaar.pdf' },
        { type: 'media', media: 'audio', mediaId: '333', mimeType: 'audio/ogg; codecs=opus', sha256: 'c2hh', voice: true },
        { type: 'location', latitude: 16.5062, longitude: 80.648, name: 'Vijayawada' },
        { type: 'reaction', messageId: 'wamid.OUT1', emoji: '🙏' },
        { type: 'reaction', messageId: 'wamid.OUT1' },
      ],
    );
    assert.equal(parsed.messages[1].replyTo, 'wamid.OUT1');
    assert.equal(new Set(parsed.messages.map((m) => m.id)).size, parsed.messages.length, 'fresh ids are unique');
  });
});

describe('encodeWebhookBody', () => {
  it('escapes non-ASCII like Meta, and the signature verifies on those raw bytes', () => {
    const payload = buildMessagesWebhook({ phoneNumberId: 'P', messages: [textMessage('91', 'నమస్తే 🙏 नमस्ते')] });
    const raw = encodeWebhookBody(payload);
    assert.match(raw, /^[\x00-\x7f]*$/);
    assert.match(raw, /\\u0c28/);
    assert.deepEqual(JSON.parse(raw), payload);
    const header = signBody(raw, 'secret');
    assert.equal(verifySignature(Buffer.from(raw), header, 'secret'), true);
    // Re-serialising (as a careless receiver would) changes the bytes and breaks the signature.
    assert.equal(verifySignature(Buffer.from(JSON.stringify(JSON.parse(raw))), header, 'secret'), false);
    assert.equal((parseWebhook(JSON.parse(raw)).messages[0].content as { text: string }).text, 'నమస్తే 🙏 नमस्ते');
  });
});
