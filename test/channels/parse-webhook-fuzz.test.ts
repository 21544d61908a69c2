import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseWebhook } from '../../src/channels/whatsapp/index.ts';
import { loadMetaExample, metaExampleNames } from './meta-fixtures.ts';

/** A small deterministic PRNG (mulberry32) so a failure reproduces from its seed. */
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

function randomJson(rand: () => number, depth = 0): unknown {
  const pick = Math.floor(rand() * (depth > 3 ? 6 : 8));
  switch (pick) {
    case 0:
      return null;
    case 1:
      return rand() < 0.5;
    case 2:
      return [0, -1, 1e308, -0, 3.5, 1700000000, Number.MAX_SAFE_INTEGER][Math.floor(rand() * 7)];
    case 3:
      return ['', 'text', '1700000000', 'వ్యవసాయం', '😀', 'whatsapp_business_account', 'messages', 'x'.repeat(600)][Math.floor(rand() * 8)];
    case 4:
      return String(Math.floor(rand() * 1e12));
    case 5:
      return 'wamid.' + Math.floor(rand() * 1e9).toString(36);
    case 6:
      return Array.from({ length: Math.floor(rand() * 4) }, () => randomJson(rand, depth + 1));
    default: {
      const keys = ['type', 'id', 'from', 'timestamp', 'text', 'body', 'entry', 'changes', 'value', 'messages', 'statuses', 'emoji', 'interactive', 'field'];
      const out: Record<string, unknown> = {};
      for (let i = Math.floor(rand() * 4); i > 0; i--) out[keys[Math.floor(rand() * keys.length)]] = randomJson(rand, depth + 1);
      return out;
    }
  }
}

/** Every (parent, key) in a JSON tree, so a mutation can hit any level. */
function slots(value: unknown, out: [Record<string, unknown> | unknown[], string | number][] = []) {
  if (Array.isArray(value)) value.forEach((v, i) => (out.push([value, i]), slots(v, out)));
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      out.push([value as Record<string, unknown>, k]);
      slots(v, out);
    }
  }
  return out;
}

function mutate(fixture: unknown, rand: () => number): unknown {
  const copy = structuredClone(fixture);
  const mutations = 1 + Math.floor(rand() * 3);
  for (let i = 0; i < mutations; i++) {
    const all = slots(copy);
    if (all.length === 0) return randomJson(rand);
    const [parent, key] = all[Math.floor(rand() * all.length)];
    const action = rand();
    if (action < 0.35) {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key as string];
    } else if (action < 0.8) {
      (parent as Record<string | number, unknown>)[key] = randomJson(rand);
    } else {
      // Duplicate an array item or an object subtree, to exercise batches.
      const v = (parent as Record<string | number, unknown>)[key];
      if (Array.isArray(v) && v.length > 0) v.push(structuredClone(v[0]));
      else (parent as Record<string | number, unknown>)[key] = [v, v];
    }
  }
  return copy;
}

function assertWellFormed(parsed: ReturnType<typeof parseWebhook>, seed: number): void {
  for (const m of parsed.messages) {
    assert.equal(typeof m.id, 'string', `seed ${seed}`);
    assert.ok(m.id.length > 0, `seed ${seed}`);
    assert.equal(typeof m.from, 'string', `seed ${seed}`);
    assert.ok(!Number.isNaN(Date.parse(m.at)), `seed ${seed}: at ${m.at}`);
    assert.equal(typeof m.content.type, 'string', `seed ${seed}`);
  }
  for (const s of parsed.statuses) assert.ok(['sent', 'delivered', 'read', 'failed', 'played'].includes(s.status), `seed ${seed}`);
  for (const r of parsed.rejected) {
    assert.equal(typeof r.path, 'string');
    assert.equal(typeof r.reason, 'string');
  }
}

describe('parseWebhook fuzzing', () => {
  const fixtures = metaExampleNames(/^(pm-)?webhook-.*\.json$/).map(loadMetaExample);
  const RUNS = 1000;

  it(`never throws on ${RUNS} mutated fixtures and returns well-formed output`, () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const rand = prng(seed);
      const input = mutate(fixtures[seed % fixtures.length], rand);
      let parsed: ReturnType<typeof parseWebhook> | undefined;
      assert.doesNotThrow(() => {
        parsed = parseWebhook(input);
      }, `seed ${seed}`);
      assertWellFormed(parsed!, seed);
      // Whatever was read or refused, nothing is silently lost: each message slot is accounted for.
    }
  });

  it(`never throws on ${RUNS} random JSON values`, () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const rand = prng(seed * 7919);
      const input = rand() < 0.5 ? randomJson(rand) : { object: 'whatsapp_business_account', entry: [randomJson(rand)] };
      assertWellFormed(parseWebhook(input), seed);
    }
  });

  it('accounts for every message of a batch: read, system event or rejected', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const rand = prng(seed * 31);
      const base = loadMetaExample('webhook-text.json') as any;
      const messages = fixtures
        .flatMap((f: any) => f.entry?.[0]?.changes?.[0]?.value?.messages ?? [])
        .map((m: unknown) => (rand() < 0.3 ? mutate(m, rand) : m));
      base.entry[0].changes[0].value.messages = messages;
      const parsed = parseWebhook(base);
      const accounted = parsed.messages.length + parsed.systemEvents.length + parsed.rejected.length;
      assert.equal(accounted, messages.length, `seed ${seed}: ${JSON.stringify(parsed.rejected)} ${messages.length} ${parsed.messages.length} ${parsed.systemEvents.length}`);
    }
  });

  it('survives a hostile object whose getter throws', () => {
    const hostile = { object: 'whatsapp_business_account', get entry(): unknown[] { throw new Error('boom'); } };
    const parsed = parseWebhook(hostile);
    assert.deepEqual(parsed.messages, []);
    assert.equal(parsed.rejected.length, 1);
  });
});
