import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkGraphMessage, fitToLimits, toGraphMessage } from '../../src/channels/whatsapp/index.ts';
import type { OutboundMessage } from '../../src/engine/outbound.ts';
import { textLength } from '../../src/lib/message-limits.ts';

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['ఆదాయ', 'ధ్రువీకరణ', 'పత్రం', 'దరఖాస్తు', 'రెవెన్యూ', 'certificate', 'income', 'residence', 'आय', 'प्रमाणपत्र', 'आवेदन', '👍', 'A', 'Mee-Seva'];

/** A random string of Telugu, English and Hindi words: never blank, sometimes very long. */
function words(rand: () => number, maxWords: number): string {
  const n = 1 + Math.floor(rand() * maxWords);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(rand() < 0.1 ? 'x'.repeat(1 + Math.floor(rand() * 80)) : WORDS[Math.floor(rand() * WORDS.length)]);
  return out.join(rand() < 0.8 ? ' ' : '');
}

function randomMessage(rand: () => number, seed: number): OutboundMessage {
  const long = () => words(rand, rand() < 0.3 ? 800 : 12);
  const maybe = () => (rand() < 0.5 ? long() : undefined);
  switch (seed % 7) {
    case 0:
      return { type: 'text', body: long() };
    case 1: {
      const count = 1 + Math.floor(rand() * 5);
      return { type: 'buttons', body: long(), header: maybe(), footer: maybe(), buttons: Array.from({ length: count }, (_, i) => ({ id: `b${i}`, title: `${i}${long()}` })) };
    }
    case 2: {
      let id = 0;
      const sections = Array.from({ length: 1 + Math.floor(rand() * 12) }, () => ({
        title: long(),
        rows: Array.from({ length: Math.floor(rand() * 6) }, () => ({ id: `r${id++}`, title: long(), description: maybe() })),
      }));
      return { type: 'list', body: long(), header: maybe(), footer: maybe(), button: long(), sections: sections.some((s) => s.rows.length > 0) ? sections : [{ title: 'x', rows: [{ id: 'only', title: long() }] }] };
    }
    case 3:
      return { type: 'cta_url', body: long(), displayText: long(), url: 'https://mitra.example/v/x', header: maybe(), footer: maybe() };
    case 4:
      return { type: 'document', documentId: 'd', filename: 'c.pdf', caption: maybe() };
    case 5:
      return { type: 'image', documentId: 'd', caption: maybe() };
    default:
      return { type: 'location_request', body: long() };
  }
}

function dropUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

describe('fitToLimits', () => {
  it('property: 2,000 random long Telugu/English/Hindi messages never violate a limit after fitting', () => {
    for (let seed = 0; seed < 2000; seed++) {
      const rand = prng(seed + 1);
      const message = dropUndefined(randomMessage(rand, seed));
      const body = toGraphMessage('919876543210', message, { mediaIdFor: () => '123' });
      assert.deepEqual(checkGraphMessage(body), [], `seed ${seed}: ${JSON.stringify(message).slice(0, 300)}`);
    }
  });

  it('leaves a message that already fits unchanged', () => {
    const message: OutboundMessage = { type: 'buttons', body: 'భాష ఎంచుకోండి', buttons: [{ id: 'te', title: 'తెలుగు' }] };
    assert.deepEqual(fitToLimits(message), message);
  });

  it('keeps the first 10 rows only, dropping emptied sections, and keeps ids', () => {
    const message: OutboundMessage = {
      type: 'list',
      body: 'b',
      button: 'Open',
      sections: [
        { title: 'A', rows: Array.from({ length: 7 }, (_, i) => ({ id: `a${i}`, title: `A${i}` })) },
        { title: 'B', rows: Array.from({ length: 7 }, (_, i) => ({ id: `b${i}`, title: `B${i}` })) },
        { title: 'C', rows: [{ id: 'c0', title: 'C0' }] },
      ],
    };
    const fitted = fitToLimits(message);
    assert.equal(fitted.type, 'list');
    if (fitted.type !== 'list') return;
    assert.deepEqual(fitted.sections.map((s) => s.rows.map((r) => r.id)), [
      ['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6'],
      ['b0', 'b1', 'b2'],
    ]);
  });

  it('moves a long row title\'s overflow into its description', () => {
    const fitted = fitToLimits({
      type: 'list',
      body: 'b',
      button: 'Open',
      sections: [{ title: 'S', rows: [{ id: 'x', title: 'Income certificate for students abroad', description: 'Revenue' }] }],
    });
    if (fitted.type !== 'list') return assert.fail('not a list');
    const row = fitted.sections[0].rows[0];
    assert.equal(row.title, 'Income certificate for…');
    assert.equal(row.description, '…students abroad · Revenue');
    assert.ok(textLength(row.title) <= 24);
  });

  it('cuts a long Telugu row title without breaking the 72-character description', () => {
    const title = 'కుల ధ్రువీకరణ పత్రం కోసం దరఖాస్తు మరియు పునరుద్ధరణ సేవ';
    const fitted = fitToLimits({ type: 'list', body: 'b', button: 'Open', sections: [{ title: 'S', rows: [{ id: 'x', title, description: 'ధ'.repeat(80) }] }] });
    if (fitted.type !== 'list') return assert.fail('not a list');
    const row = fitted.sections[0].rows[0];
    assert.ok(textLength(row.title) <= 24 && row.title.endsWith('…'));
    assert.ok(row.description !== undefined && textLength(row.description) <= 72);
    assert.ok(row.description.startsWith('…'));
  });
});
