// turn() as a caller uses it: purity, version pinning, idle deadline, and a fuzz test that no
// input (random content objects, random strings) makes it throw or break a WhatsApp limit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { turn, idleDeadline, sessionLang, engineEvent, type Session } from '../../src/engine/index.ts';
import type { InboundContent } from '../../src/engine/inbound.ts';
import type { EngineContext } from '../../src/engine/ports.ts';
import { buildCatalog, loadFixture } from './test-catalog.ts';
import { assertFitsLimits } from './assert-fits-limits.ts';

const SPEC = { services: ['income-certificate.yaml', 'caste-certificate.yaml', 'ration-card.yaml', 'public-grievance.yaml'], departments: 'departments.yaml', extraDepartments: 12 };
const settings = { idleTimeoutMinutes: 30, publicBaseUrl: 'https://mitra.example' };

function context(now: number, catalog = buildCatalog(SPEC)): EngineContext {
  let n = 0;
  return { now: new Date(now), newId: () => `id-${++n}`, catalog, citizen: { applications: [], documents: [] }, settings };
}

function run(session: Session | undefined, content: InboundContent, ctx: EngineContext) {
  return turn(session, { id: 'w', from: '919000000000', at: ctx.now.toISOString(), content }, ctx);
}

const T0 = Date.parse('2025-11-23T04:30:00Z');

test('turn does not change the session it is given', () => {
  const first = run(undefined, { type: 'text', text: 'hi' }, context(T0));
  const frozen = JSON.stringify(first.session);
  run(first.session, { type: 'choice', id: 'lang:te', title: 'తెలుగు' }, context(T0 + 1000));
  assert.equal(JSON.stringify(first.session), frozen);
});

test('an application in flight keeps the definition version it started with', () => {
  let s = run(undefined, { type: 'text', text: 'hi' }, context(T0)).session;
  s = run(s, { type: 'choice', id: 'lang:en', title: 'English' }, context(T0)).session;
  s = run(s, { type: 'choice', id: 'svc:civil-supplies.ration-card', title: 'x' }, context(T0)).session;
  s = run(s, { type: 'choice', id: 'consent:yes', title: 'x' }, context(T0)).session;
  assert.equal(s.service?.serviceVersion, 1);
  // Version 2 is published with a different question; the citizen still gets version 1.
  const v1 = loadFixture('ration-card.yaml');
  const v2 = { ...v1, version: 2, steps: [{ ...v1.steps[0], prompt: { te: 'కొత్త?', en: 'New question?', hi: 'नया?' } }] };
  const base = buildCatalog(SPEC);
  const catalog = { ...base, service: (id: string, version?: number) => (id === v1.id ? (version === 1 ? v1 : version === undefined || version === 2 ? v2 : undefined) : base.service(id, version)) };
  const r = run(s, { type: 'text', text: 'help' }, context(T0, catalog));
  assert.ok(JSON.stringify(r.outbound).includes('How many members in the family?'));
  const done = run(run(s, { type: 'text', text: '4' }, context(T0, catalog)).session, { type: 'choice', id: 'rev:confirm', title: 'x' }, context(T0, catalog));
  const submitted = done.events.find((e) => e.type === 'application_submitted');
  assert.equal(submitted?.type === 'application_submitted' && submitted.serviceVersion, 1);
  assert.match(submitted?.type === 'application_submitted' ? submitted.reference : '', /^MM-251123-[2-9A-HJKMNP-Z]{8}$/);
});

test('idleDeadline and sessionLang', () => {
  let s = run(undefined, { type: 'text', text: 'hi' }, context(T0)).session;
  assert.equal(sessionLang(s), null);
  assert.equal(idleDeadline(s, settings), null);
  s = run(s, { type: 'text', text: 'हिंदी' }, context(T0)).session;
  assert.equal(sessionLang(s), 'hi');
  s = run(s, { type: 'choice', id: 'svc:civil-supplies.ration-card', title: 'x' }, context(T0 + 60_000)).session;
  assert.equal(s.updatedAt, new Date(T0 + 60_000).toISOString());
  assert.equal(idleDeadline(s, settings), new Date(T0 + 60_000 + 30 * 60_000).toISOString());
  s = run(s, { type: 'text', text: 'menu' }, context(T0 + 120_000)).session;
  assert.equal(idleDeadline(s, settings), null, 'an unconsented service left for the menu is dropped');
});

// A small deterministic PRNG so the fuzz test is reproducible.
function prng(seed: number) {
  let x = seed >>> 0;
  return () => {
    x ^= x << 13; x >>>= 0; x ^= x >> 17; x ^= x << 5; x >>>= 0;
    return x / 0x100000000;
  };
}

test('fuzz: random content and strings never throw and always fit the limits', () => {
  const rnd = prng(20251123);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const words = ['hi', 'menu', 'back', 'cancel', 'help', 'skip', 'language', '0', '1', '2', '3', '9', '12', 'yes', 'no', 'తెలుగు', 'English', 'हिंदी',
    'income', 'caste', 'ration', 'కుల', '15-08-1990', '31-02-2000', '234123412346', '9876543210', '520001', 'a@b.co', '45,000', '', ' ', '🙏', '\u200d', 'x'.repeat(5000)];
  const ids = ['lang:te', 'lang:xx', 'menu:popular', 'menu:departments', 'menu:resume', 'menu:documents', 'menu:grievance', 'menu:applications', 'menu:search', 'menu:help',
    'svc:revenue.income-certificate', 'svc:nope', 'dept:revenue', 'dept:dept-3', 'page:1', 'page:99', 'page:-1', 'consent:yes', 'consent:no', 'opt:bc', 'opt:zz', 'opt-page:1',
    'opt-page:x', 'rev:confirm', 'rev:change', 'rev:cancel', 'chg:category', 'chg:nope', 'chg-page:1', 'exp:resume', 'exp:restart', 'exp:menu', 'stuck:retry', 'stuck:help', 'stuck:menu', 'doc:none', '', ':', 'nav:departments'];
  const randomString = () => Array.from({ length: Math.floor(rnd() * 12) }, () => String.fromCodePoint(pick([0x20, 0x41, 0x61, 0x30, 0x0c15, 0x0915, 0x1f600, 0x0c66, 0x2d, 0x2f])) ).join('');
  const contents: (() => unknown)[] = [
    () => ({ type: 'text', text: pick(words) }),
    () => ({ type: 'text', text: randomString() }),
    () => ({ type: 'choice', id: pick(ids), title: randomString() }),
    () => ({ type: 'media', media: pick(['image', 'document', 'audio', 'video', 'sticker']), mediaId: 'm', mimeType: pick(['image/jpeg', 'application/pdf', 'audio/ogg', 'x/y']),
      ...(rnd() < 0.5 ? { stored: { documentId: 'd', mimeType: pick(['image/jpeg', 'application/pdf', 'x/y']), bytes: Math.floor(rnd() * 2e7), sha256: 's' } } : { failure: pick(['too_large', 'download_failed']) }) }),
    () => ({ type: 'location', latitude: rnd() * 200 - 100, longitude: rnd() * 400 - 200 }),
    () => ({ type: 'contacts', count: 1 }),
    () => ({ type: 'reaction', messageId: 'x', emoji: '👍' }),
    () => ({ type: 'flow_reply', name: 'flow', responseJson: '{' }),
    () => ({ type: 'unsupported', original: 'x' }),
    () => ({ type: 'idle_timeout' }),
    () => pick([null, undefined, 42, 'text', {}, { type: 7 }, { type: 'text' }, { type: 'choice' }, { type: 'media' }, { type: 'location' }, []]),
  ];
  let now = T0;
  for (let conversation = 0; conversation < 60; conversation++) {
    let session: Session | undefined;
    for (let i = 0; i < 60; i++) {
      now += Math.floor(rnd() * (rnd() < 0.05 ? 90 : 2)) * 60_000;
      const content = pick(contents)() as InboundContent;
      const r = run(session, content, context(now));
      for (const m of r.outbound) assertFitsLimits(m, `fuzz ${conversation}/${i} ${JSON.stringify(content)?.slice(0, 80)}`);
      for (const e of r.events) engineEvent.parse(e);
      assert.ok(r.outbound.length <= 2);
      session = JSON.parse(JSON.stringify(r.session)) as Session;
    }
  }
  // Malformed stored sessions start over instead of throwing.
  for (const bad of [null, {}, { version: 99 }, 'x', 42] as unknown[]) {
    run(bad as Session, { type: 'text', text: 'hi' }, context(now));
  }
});
