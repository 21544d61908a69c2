/**
 * Malformed-but-signed webhook bodies for the fuzz test: mutations of Meta's own webhook
 * examples (deleted fields, wrong types, huge strings, deep nesting, nulls, arrays where objects
 * belong, numbers as strings, unknown message types, NUL characters and lone surrogates), plus
 * random JSON, non-JSON bytes and invalid UTF-8. Deterministic for a seed, so a failure can be
 * replayed.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Meta's example payloads (whatsapp research folder). */
export const META_EXAMPLES_DIR = new URL('../../vectors/meta-examples/', import.meta.url).pathname;
/** The longest string a mutation plants (Meta's own limit on a text body is 4096 characters). */
const HUGE_STRING_CHARS = 20_000;
/** Nesting depth of the deep-nesting mutations. */
const DEEP_NESTING = 1_500;

/** Drops keys starting with "_" (annotations in the research fixtures), at every level. */
export function dropAnnotations(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropAnnotations);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => !k.startsWith('_')).map(([k, v]) => [k, dropAnnotations(v)]));
  }
  return value;
}

/** Every `webhook-*.json` example, annotations dropped. */
export function loadWebhookExamples(): unknown[] {
  return readdirSync(META_EXAMPLES_DIR)
    .filter((f) => f.startsWith('webhook-') && f.endsWith('.json'))
    .map((f) => dropAnnotations(JSON.parse(readFileSync(`${META_EXAMPLES_DIR}/${f}`, 'utf8'))));
}

/** A small seeded PRNG (mulberry32): the same seed gives the same bodies. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Container = Record<string, unknown> | unknown[];

/** Every (container, key) pair in `root`, so a mutation can hit any node (iterative: deep nests). */
function slots(root: unknown): [Container, string | number][] {
  const out: [Container, string | number][] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) node.forEach((v, i) => { out.push([node, i]); stack.push(v); });
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) { out.push([node as Record<string, unknown>, k]); stack.push(v); }
  }
  return out;
}

/** Creates the generator; `next()` returns one raw body (bytes as they will be signed). */
export function createWebhookMutator(seed: number) {
  const random = seededRandom(seed);
  const examples = loadWebhookExamples();
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const deep = (leaf: unknown, depth: number, asArray: boolean): unknown => {
    let v = leaf;
    for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
    return v;
  };
  const randomValue = (depth = 0): unknown => {
    const r = random();
    if (depth > 3 || r < 0.15) return null;
    if (r < 0.3) return Math.floor(random() * 1e12) * (random() < 0.5 ? -1 : 1);
    if (r < 0.4) return random() < 0.5;
    if (r < 0.6) return pick(['', 'Hi', 'నమస్కారం', 'नमस्ते', '\u0000', '\ud800', '💥', '1e309', '__proto__', 'wamid.']);
    if (r < 0.8) return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(depth + 1));
    return Object.fromEntries(Array.from({ length: Math.floor(random() * 4) }, (_, i) => [pick(['id', 'type', 'from', 'text', 'messages', '__proto__', `k${i}`]), randomValue(depth + 1)]));
  };
  const replacements: (() => unknown)[] = [
    () => null,
    () => [],
    () => ({}),
    () => 42,
    () => '42',
    () => true,
    () => 'x'.repeat(HUGE_STRING_CHARS),
    () => 'తెలుగు'.repeat(HUGE_STRING_CHARS / 6),
    () => deep('leaf', DEEP_NESTING, random() < 0.5),
    () => 'text\u0000with NUL',
    () => 'lone \ud800 surrogate',
    () => randomValue(),
    () => pick(['hologram', 'unknown', 'order', 'ephemeral', 'request_welcome']),
  ];

  /** One mutated example, serialised as Meta does (JSON text). */
  function mutatedExample(): string {
    const root = structuredClone(pick(examples));
    const mutations = 1 + Math.floor(random() * 3);
    for (let m = 0; m < mutations; m++) {
      const all = slots(root);
      if (all.length === 0) break;
      const [container, key] = pick(all);
      const kind = random();
      if (kind < 0.25) {
        if (Array.isArray(container)) container.splice(Number(key), 1);
        else delete container[key as string];
      } else if (kind < 0.35) {
        // Numbers as strings and strings as numbers.
        const v = (container as Record<string, unknown>)[key as string];
        (container as Record<string, unknown>)[key as string] = typeof v === 'number' ? String(v) : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
      } else if (kind < 0.45) {
        // An array where an object belongs, or the other way round.
        const v = (container as Record<string, unknown>)[key as string];
        (container as Record<string, unknown>)[key as string] = Array.isArray(v) ? { ...v } : [v];
      } else {
        (container as Record<string, unknown>)[key as string] = pick(replacements)();
      }
    }
    return JSON.stringify(root);
  }

  /** A batch of `count` messages from distinct fuzz citizens, some of them broken. */
  function bigBatch(count: number, phoneNumberId: string): string {
    const messages = Array.from({ length: count }, (_, i) => {
      const from = `9190${String(Math.floor(random() * 1e8)).padStart(8, '0')}`;
      const m: Record<string, unknown> = { from, id: `wamid.FUZZ${seed}_${Math.floor(random() * 1e12)}_${i}`, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: pick(['Hi', 'help', '1', 'నమస్కారం', 'नमस्ते']) } };
      if (random() < 0.1) m.text = pick(replacements)();
      if (random() < 0.05) m.type = pick(['hologram', 'image', 'interactive']);
      return m;
    });
    return JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [{ id: '102290129340398', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: phoneNumberId }, messages } }] }],
    });
  }

  /** Bytes that are not a JSON document at all, or not valid UTF-8. */
  function garbage(): Buffer {
    const r = random();
    if (r < 0.3) return Buffer.from(Array.from({ length: 1 + Math.floor(random() * 512) }, () => Math.floor(random() * 256)));
    if (r < 0.5) {
      // A JSON document whose text carries invalid UTF-8 bytes.
      const text = Buffer.from(mutatedExample());
      const at = text.indexOf('"body"') > 0 ? text.indexOf('"body"') + 9 : Math.floor(text.length / 2);
      return Buffer.concat([text.subarray(0, at), Buffer.from([0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0x80]), text.subarray(at)]);
    }
    if (r < 0.65) return Buffer.from('['.repeat(100_000) + ']'.repeat(100_000));
    if (r < 0.8) return Buffer.from(mutatedExample().slice(0, Math.floor(random() * 200)));
    return Buffer.from(JSON.stringify(randomValue()));
  }

  return {
    /** The next body: mostly mutated examples, some garbage, a few 1,000-message batches. */
    next(index: number, phoneNumberId: string, bigBatchEvery: number): Buffer {
      if (index > 0 && index % bigBatchEvery === 0) return Buffer.from(bigBatch(1000, phoneNumberId));
      return random() < 0.8 ? Buffer.from(mutatedExample()) : garbage();
    },
  };
}
