// A table test per registered step type (STYLE.md 9). The tables are keyed by step type and
// the test enumerates STEP_HANDLERS, so registering a new type without a table fails here.
import { describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { STEP_HANDLERS, handlerFor } from '../../src/engine/steps/registry.ts';
import type { Step, StepType } from '../../src/engine/definition/schema.ts';
import type { InboundContent } from '../../src/engine/inbound.ts';
import type { AnswerValue } from '../../src/engine/answer-value.ts';
import { TEXTS } from '../../src/engine/texts.ts';
import { parseMobile } from '../../src/engine/steps/ask-mobile.ts';
import { parseEmail } from '../../src/engine/steps/ask-email.ts';

const L = (en: string) => ({ te: `${en} (te)`, en, hi: `${en} (hi)` });
const base = { prompt: L('Question?'), label: L('Label') };
const NOW = new Date('2025-11-23T04:30:00Z');
const text = (t: string): InboundContent => ({ type: 'text', text: t });

type Row = [InboundContent | string, { value: AnswerValue; display?: string } | { reason: string }];
interface Table { step: Step; rows: Row[] }

const stored = (mimeType: string, bytes: number) => ({ documentId: 'd1', mimeType, bytes, sha256: 'x' });
const IDS = JSON.parse(readFileSync(new URL('../vectors/india-ids.json', import.meta.url), 'utf8'));

const TABLES: Record<StepType, Table> = {
  ask_text: {
    step: { ...base, id: 'name', type: 'ask_text', minLength: 2, maxLength: 10, pattern: '[A-Za-z ]+', patternError: L('Letters only') },
    rows: [
      ['  Ravi  ', { value: 'Ravi' }], ['Ravi   Kumar', { value: 'Ravi Kumar' }], ['R', { reason: 'text_too_short' }],
      ['Ravi Kumar Naidu', { reason: 'text_too_long' }], ['Ravi2', { reason: 'text_pattern' }], ['   ', { reason: 'text_needed' }],
      [{ type: 'location', latitude: 1, longitude: 2 }, { reason: 'text_needed' }],
    ],
  },
  ask_number: {
    step: { ...base, id: 'income', type: 'ask_number', min: 0, max: 10000000, unit: 'rupees' },
    rows: [
      ['45000', { value: 45000, display: '₹45,000' }], ['45,000', { value: 45000 }], ['1,20,000', { value: 120000, display: '₹1,20,000' }],
      ['120,000', { value: 120000 }], ['45000.50', { value: 45000.5 }], ['₹ 45,000', { value: 45000 }], ['Rs. 45,000/-', { value: 45000 }],
      ['౪౫౦౦౦', { value: 45000 }], ['४५०००', { value: 45000 }], ['1,2,3', { reason: 'number_format' }], ['abc', { reason: 'number_format' }],
      ['-5', { reason: 'number_too_small' }], ['20000000', { reason: 'number_too_large' }], ['', { reason: 'number_format' }],
    ],
  },
  ask_date: {
    step: { ...base, id: 'dob', type: 'ask_date', min: '1900-01-01', max: 'today-18y' },
    rows: [
      ['15-08-1990', { value: '1990-08-15', display: '15-08-1990' }], ['15 ఆగస్టు 1990', { value: '1990-08-15' }],
      ['23-11-2007', { value: '2007-11-23' }], ['24-11-2007', { reason: 'date_too_late' }], ['31-12-1899', { reason: 'date_too_early' }],
      ['31-02-2000', { reason: 'date_not_real' }], ['soon', { reason: 'date_format' }],
    ],
  },
  ask_choice: {
    step: { ...base, id: 'cat', type: 'ask_choice', options: [
      { id: 'oc', label: { te: 'ఓసీ', en: 'General', hi: 'सामान्य' } },
      { id: 'bc', label: { te: 'బీసీ', en: 'BC', hi: 'पिछड़ा वर्ग' } },
    ] },
    rows: [
      [{ type: 'choice', id: 'opt:bc', title: 'BC' }, { value: 'bc', display: 'BC' }], ['general', { value: 'oc' }], ['GENERAL!', { value: 'oc' }],
      ['ఓసీ', { value: 'oc' }], ['पिछड़ा वर्ग', { value: 'bc' }], ['2', { value: 'bc' }], ['౨', { value: 'bc' }], ['3', { reason: 'choice_unknown' }],
      [{ type: 'choice', id: 'opt:zz', title: 'ZZ' }, { reason: 'choice_unknown' }], ['maybe', { reason: 'choice_unknown' }],
    ],
  },
  ask_aadhaar: {
    step: { ...base, id: 'aadhaar', type: 'ask_aadhaar' },
    rows: [
      ['234123412346', { value: '234123412346', display: 'XXXX XXXX 2346' }], ['2341 2341 2346', { value: '234123412346' }],
      ['2341-2341-2346', { value: '234123412346' }], ['౨౩౪౧౨౩౪౧౨౩౪౬', { value: '234123412346' }], ['298448863364', { value: '298448863364' }],
      ['234123412347', { reason: 'aadhaar_checksum' }], ['123412341234', { reason: 'aadhaar_first_digit' }],
      ['23412341234', { reason: 'aadhaar_length' }], ['2341234123461', { reason: 'aadhaar_length' }], ['abcd', { reason: 'aadhaar_length' }],
    ],
  },
  ask_mobile: {
    step: { ...base, id: 'mobile', type: 'ask_mobile' },
    rows: [
      ['9876543210', { value: '9876543210', display: 'XXXXXX3210' }], ['+91 98765 43210', { value: '9876543210' }], ['+91-98765-43210', { value: '9876543210' }],
      ['919876543210', { value: '9876543210' }], ['09876543210', { value: '9876543210' }], ['0091 98765 43210', { value: '9876543210' }],
      [IDS.mobile.valid[0].value, { value: '8123456789' }], ['6000000000', { value: '6000000000' }],
      ['1123456789', { reason: 'mobile_first_digit' }], ['5876543210', { reason: 'mobile_first_digit' }], ['987654321', { reason: 'mobile_length' }],
      ['98765432101', { reason: 'mobile_length' }], ['phone', { reason: 'mobile_length' }],
    ],
  },
  ask_pincode: {
    step: { ...base, id: 'pin', type: 'ask_pincode' },
    rows: [
      ...IDS.pinCode.valid.map((v: string) => [v, { value: v }] as Row), ['520 001', { value: '520001' }], ['౫౨౦౦౦౧', { value: '520001' }],
      ['123', { reason: 'pincode_format' }], ['012345', { reason: 'pincode_format' }], ['5200011', { reason: 'pincode_format' }], ['52000a', { reason: 'pincode_format' }],
    ],
  },
  ask_email: {
    step: { ...base, id: 'email', type: 'ask_email' },
    rows: [
      ['ravi@example.com', { value: 'ravi@example.com' }], [' Ravi.Kumar+ap@Example.CO.IN ', { value: 'Ravi.Kumar+ap@example.co.in' }],
      ['ravi@', { reason: 'email_format' }], ['@example.com', { reason: 'email_format' }], ['ravi@example', { reason: 'email_format' }],
      ['ravi..k@example.com', { reason: 'email_format' }], ['ravi@exa_mple.com', { reason: 'email_format' }], ['a@b@c.com', { reason: 'email_format' }],
      ['ravi@example.c0m', { reason: 'email_format' }], ['ravi@-example.com', { reason: 'email_format' }],
    ],
  },
  ask_media: {
    step: { ...base, id: 'proof', type: 'ask_media', accept: ['image', 'pdf'] },
    rows: [
      [{ type: 'media', media: 'image', mediaId: 'm', mimeType: 'image/jpeg', stored: stored('image/jpeg', 1000) }, { value: { documentId: 'd1', mimeType: 'image/jpeg', bytes: 1000, filename: 'd1.jpg' } }],
      [{ type: 'media', media: 'document', mediaId: 'm', mimeType: 'application/pdf', filename: 'a.pdf', stored: stored('application/pdf', 9 * 1024 * 1024) }, { value: { documentId: 'd1', mimeType: 'application/pdf', bytes: 9 * 1024 * 1024, filename: 'a.pdf' } }],
      [{ type: 'media', media: 'image', mediaId: 'm', mimeType: 'image/png', stored: stored('image/png', 6 * 1024 * 1024) }, { reason: 'media_too_large' }],
      [{ type: 'media', media: 'document', mediaId: 'm', mimeType: 'application/zip', stored: stored('application/zip', 10) }, { reason: 'media_type' }],
      [{ type: 'media', media: 'audio', mediaId: 'm', mimeType: 'audio/ogg', stored: stored('audio/ogg', 10) }, { reason: 'media_type' }],
      [{ type: 'media', media: 'image', mediaId: 'm', mimeType: 'image/jpeg', failure: 'download_failed' }, { reason: 'media_failed' }],
      [{ type: 'media', media: 'image', mediaId: 'm', mimeType: 'image/jpeg', failure: 'too_large' }, { reason: 'media_too_large' }],
      [{ type: 'media', media: 'image', mediaId: 'm', mimeType: 'image/jpeg' }, { reason: 'media_failed' }],
      ['here it is', { reason: 'media_attach_needed' }],
    ],
  },
  ask_location: {
    step: { ...base, id: 'home', type: 'ask_location' },
    rows: [
      [{ type: 'location', latitude: 16.5, longitude: 80.6, name: 'Home' }, { value: { latitude: 16.5, longitude: 80.6, name: 'Home' }, display: '📍 Home (16.5000, 80.6000)' }],
      [{ type: 'location', latitude: 16.5, longitude: 80.6 }, { value: { latitude: 16.5, longitude: 80.6 } }],
      [{ type: 'location', latitude: 95, longitude: 80.6 }, { reason: 'location_use_attach' }],
      ['Vijayawada', { reason: 'location_use_attach' }],
    ],
  },
  // Steps that ask nothing: no input can answer them (the engine moves past show_info itself,
  // and stops at the integration steps while their system is not connected).
  show_info: {
    step: { id: 'timings', type: 'show_info', body: L('Open 7 am to 3 pm.') },
    rows: [['ok', { reason: 'choose_from_buttons' }]],
  },
  call_department: {
    step: { ...base, id: 'bill', type: 'call_department', system: 'apspdcl', operation: 'bill-lookup', params: { serviceNumber: '{{service_number}}' } },
    rows: [['1234567890123', { reason: 'choose_from_buttons' }], [{ type: 'choice', id: 'int:retry', title: 'Try again' }, { reason: 'choose_from_buttons' }]],
  },
  make_payment: {
    step: { ...base, id: 'pay', type: 'make_payment', amount: 300 },
    rows: [['paid', { reason: 'choose_from_buttons' }]],
  },
};

test('every registered step type has a table', () => {
  for (const type of Object.keys(STEP_HANDLERS)) assert.ok(TABLES[type as StepType], `no table test for ${type}`);
});

for (const type of Object.keys(STEP_HANDLERS) as StepType[]) {
  describe(`step ${type}`, () => {
    const { step, rows } = TABLES[type];
    const handler = handlerFor(step);
    it('validates its table', () => {
      for (const [input, expected] of rows) {
        const content = typeof input === 'string' ? text(input) : input;
        const result = handler.validate(step, content, { lang: 'en', now: NOW });
        if ('reason' in expected) {
          assert.equal(result.ok, false, `${JSON.stringify(input)} should be rejected`);
          assert.equal(!result.ok && result.reason, expected.reason, JSON.stringify(input));
          assert.ok(!result.ok && result.reason in TEXTS, `reason ${!result.ok && result.reason} is a text key`);
        } else {
          assert.ok(result.ok, `${JSON.stringify(input)} should be accepted: ${JSON.stringify(result)}`);
          assert.deepEqual(result.ok && result.value, expected.value, JSON.stringify(input));
          if (expected.display) assert.equal(result.ok && result.display, expected.display);
          if (result.ok) assert.equal(handler.display(step, result.value, 'en'), result.display, 'display matches');
        }
      }
    });
    it('prompts in every language', () => {
      for (const lang of ['te', 'en', 'hi'] as const) {
        const msg = handler.prompt(step, { lang, now: NOW }, 0);
        const asked = step.type === 'show_info' ? step.body[lang] : step.prompt[lang];
        assert.ok(JSON.stringify(msg).includes(asked), `${lang} prompt`);
      }
    });
    it('never throws on odd content', () => {
      const odd: unknown[] = [{ type: 'text', text: '' }, { type: 'text', text: '\u0000'.repeat(5000) }, { type: 'choice', id: '', title: '' },
        { type: 'media', media: 'sticker', mediaId: '', mimeType: '' }, { type: 'reaction', messageId: 'x' }, { type: 'idle_timeout' }, { type: 'text' }];
      for (const c of odd) handler.validate(step, c as InboundContent, { lang: 'te', now: NOW });
    });
  });
}

test('mobile parsing keeps 10 digits', () => {
  assert.deepEqual(parseMobile('+91 81234 56789'), { ok: true, digits: '8123456789' });
  assert.deepEqual(parseMobile('1800123456'), { ok: false, reason: 'mobile_first_digit' });
});
test('email parsing lower-cases only the domain', () => {
  assert.equal(parseEmail('Ravi@EXAMPLE.com'), 'Ravi@example.com');
  assert.equal(parseEmail(`${'a'.repeat(65)}@example.com`), null);
});
test('the Aadhaar display is always masked', () => {
  const step = TABLES.ask_aadhaar.step;
  assert.equal(handlerFor(step).display(step, '234123412346', 'te'), 'XXXX XXXX 2346');
});
