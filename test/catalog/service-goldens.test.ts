// A golden conversation for EVERY service in the catalog (issue #3): the happy path, generated
// from the definition and recorded as a readable transcript in test/catalog/service-goldens/
// <service id>.txt. Each service is walked in one of te, en, hi (rotating, so every language
// is exercised): "Hi", the language, the service from the menu, consent, a valid answer to
// every question, and then the review and Confirm (an application with a reference number), or
// the end of an information service, or the honest stop at a department system or payment that
// is not connected yet. GOLDEN_UPDATE=1 re-records; a new service without a transcript fails.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog, CatalogStore } from '../../src/catalog/index.ts';
import { turn, engineEvent, type Session } from '../../src/engine/index.ts';
import { handlerFor } from '../../src/engine/steps/registry.ts';
import { isQuestionStep, type QuestionStep } from '../../src/engine/definition/schema.ts';
import type { InboundContent } from '../../src/engine/inbound.ts';
import type { OutboundMessage } from '../../src/engine/outbound.ts';
import type { EngineEvent } from '../../src/engine/events/registry.ts';
import { LANGUAGES, type Lang } from '../../src/lib/languages.ts';
import { assertFitsLimits } from '../engine/assert-fits-limits.ts';

const CATALOG_DIR = process.env.CATALOG_DIR || new URL('../../catalog/', import.meta.url).pathname;
const DIR = join(import.meta.dirname, 'service-goldens');
const UPDATE = process.env.GOLDEN_UPDATE === '1';
const CLOCK = Date.parse('2026-01-12T04:30:00Z');
/** Most turns a happy path may take before the test gives up (a loop in a definition). */
const MAX_TURNS = 120;

/** Candidate typed answers for a text step, tried in order until the step accepts one. */
const TEXT_CANDIDATES = [
  'Ravi Kumar', 'Door 12-3-45, Gandhi Nagar', '1234567890123', '123456789012', '1234567890', '123456789', '12345678', '1234567', '123456', '12345', '1234', '123', '12',
  'AP39AB1234', 'AP39AB1234567', 'AP16 20240012345', 'WAP1234567890', 'ABCDE1234F', '1/2024', '123/2024', '2024/123', 'AP-123456', '12345678901234567890', 'A1', 'AB12',
  '9876543210', '12345678901234', '123456789012345', '2019', '37ABCDE1234F1Z5', 'SBIN0001234', 'Ravi', 'Vijayawada', 'My street light has not worked for a week near the school gate.',
];
const DATE_CANDIDATES = ['15-08-1990', '01-06-2015', '10-01-2026', '20-01-2026', '15-02-2026', '01-01-2025', '01-01-1960', '01-01-2030'];

function contentFor(step: QuestionStep, lang: Lang, now: Date): InboundContent {
  const accepts = (c: InboundContent) => handlerFor(step).validate(step, c, { lang, now }).ok;
  const firstAccepted = (candidates: InboundContent[]) => candidates.find(accepts);
  const text = (t: string): InboundContent => ({ type: 'text', text: t });
  let found: InboundContent | undefined;
  switch (step.type) {
    case 'ask_text': found = firstAccepted(TEXT_CANDIDATES.map(text)); break;
    case 'ask_number': {
      const lo = step.min ?? 0;
      const hi = step.max ?? lo + 100_000;
      found = firstAccepted([1, 2, 5, 12, 120000, Math.ceil((lo + hi) / 2), lo, hi].filter((n) => n >= lo && n <= hi).map((n) => text(String(n))));
      break;
    }
    case 'ask_date': found = firstAccepted(DATE_CANDIDATES.map(text)); break;
    case 'ask_choice': found = { type: 'choice', id: `opt:${step.options[0].id}`, title: step.options[0].label[lang] }; break;
    case 'ask_aadhaar': found = text('2341 2341 2346'); break;
    case 'ask_mobile': found = text('9876543210'); break;
    case 'ask_pincode': found = text('520001'); break;
    case 'ask_email': found = text('ravi.kumar@example.com'); break;
    case 'ask_media': {
      const pdf = step.accept.includes('pdf');
      const mimeType = pdf ? 'application/pdf' : 'image/jpeg';
      found = { type: 'media', media: pdf ? 'document' : 'image', mediaId: 'media-1', mimeType, ...(pdf ? { filename: 'proof.pdf' } : {}),
        stored: { documentId: 'doc-1', mimeType, bytes: 120_000, sha256: 'f'.repeat(64) } } as InboundContent;
      break;
    }
    case 'ask_location': found = { type: 'location', latitude: 16.5062, longitude: 80.648, name: 'Benz Circle', address: 'Vijayawada' }; break;
    default: {
      const unhandled: never = step;
      return unhandled;
    }
  }
  if (!found) throw new Error(`no generated answer fits step '${step.id}' (${step.type}); widen the candidates in this test`);
  return found;
}

/** One outbound message as transcript lines. */
function describeOut(msg: OutboundMessage): string[] {
  const body = 'body' in msg && typeof msg.body === 'string' ? msg.body : '';
  const lines = [`< [${msg.type}] ${body.replace(/\n/g, '\n<   ')}`];
  if (msg.type === 'buttons') lines.push(`<   buttons: ${msg.buttons.map((b) => `${b.id} "${b.title}"`).join(' | ')}`);
  if (msg.type === 'list') lines.push(`<   rows: ${msg.sections.flatMap((s) => s.rows).map((r) => `${r.id} "${r.title}"`).join(' | ')}`);
  if (msg.type === 'document') lines.push(`<   document: ${msg.filename}`);
  return lines;
}

function describeIn(content: InboundContent): string {
  switch (content.type) {
    case 'text': return `> ${content.text}`;
    case 'choice': return `> (tap) ${content.id}`;
    case 'media': return `> (${content.media}) ${content.mimeType}`;
    case 'location': return `> (location) ${content.latitude}, ${content.longitude}`;
    default: return `> (${content.type})`;
  }
}

const catalog = await loadCatalog(CATALOG_DIR);
const view = new CatalogStore(catalog).current();
const services = catalog.services();

describe('a golden happy path for every service', () => {
  it('has a transcript for every service and none for services that are gone', () => {
    const expected = new Set(services.map((s) => `${s.id}.txt`));
    const present = existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith('.txt')) : [];
    if (UPDATE) for (const f of present) if (!expected.has(f)) unlinkSync(join(DIR, f));
    else assert.deepEqual(present.filter((f) => !expected.has(f)), [], 'transcripts of services no longer in the catalog');
  });

  services.forEach((def, index) => {
    const lang = LANGUAGES[index % LANGUAGES.length];
    it(`${def.id} (${lang})`, () => {
      let now = CLOCK;
      let ids = 0;
      let session: Session | undefined;
      const transcript: string[] = [`# ${def.id} v${def.version} · ${def.kind} · ${lang} · generated by test/catalog/service-goldens.test.ts`];
      const events: EngineEvent[] = [];
      let last: OutboundMessage[] = [];
      const send = (content: InboundContent) => {
        now += 20_000;
        const result = turn(session, { id: `wamid.${ids}`, from: '919876543210', at: new Date(now).toISOString(), content }, {
          now: new Date(now), newId: () => `golden-${def.id}-${++ids}`, catalog: view, citizen: { applications: [], documents: [] },
          settings: { idleTimeoutMinutes: 30, publicBaseUrl: 'https://mitra.example' },
        });
        session = JSON.parse(JSON.stringify(result.session)) as Session;
        for (const m of result.outbound) assertFitsLimits(m, `${def.id}`);
        for (const e of result.events) engineEvent.parse(e);
        events.push(...result.events);
        transcript.push(describeIn(content), ...result.outbound.flatMap(describeOut));
        for (const e of result.events) transcript.push(`  event ${e.type}${'reference' in e ? ` ${e.reference}` : ''}${'system' in e ? ` ${e.system}` : ''}`);
        last = result.outbound;
      };
      send({ type: 'text', text: 'Hi' });
      send({ type: 'choice', id: `lang:${lang}`, title: lang });
      send({ type: 'choice', id: `svc:${def.id}`, title: def.name[lang] });
      send({ type: 'choice', id: 'consent:yes', title: 'yes' });
      let outcome = '';
      for (let turns = 0; turns < MAX_TURNS && !outcome; turns++) {
        const progress = session?.service;
        if (!progress) { outcome = 'finished'; break; }
        if (progress.phase === 'review') { send({ type: 'choice', id: 'rev:confirm', title: 'confirm' }); continue; }
        const step = def.steps.find((s) => s.id === progress.stepId);
        assert.ok(step, `${def.id}: at unknown step ${progress.stepId} (phase ${progress.phase})`);
        if (!isQuestionStep(step)) { outcome = `stopped at ${step.type} '${step.id}'`; break; }
        send(contentFor(step, lang, new Date(now)));
        assert.notEqual(events.at(-1)?.type, 'input_rejected', `${def.id}: generated answer rejected at '${step.id}'`);
      }
      assert.ok(outcome, `${def.id}: did not finish within ${MAX_TURNS} turns`);
      const types = events.map((e) => e.type);
      if (outcome.startsWith('stopped')) {
        assert.equal(types.at(-1), 'integration_unavailable', `${def.id}: stops with integration_unavailable`);
        assert.ok(last[0]?.type === 'buttons' && last[0].buttons.some((b) => b.id === 'int:retry'), 'offers Try again');
      } else if (def.kind === 'information' || def.kind === 'status') {
        assert.ok(!types.includes('application_submitted'), `${def.id}: information creates no application`);
      } else {
        assert.ok(types.includes('application_submitted'), `${def.id}: submitted`);
      }
      assert.ok(!types.includes('input_rejected'));
      transcript.push(`# outcome: ${outcome}`);
      const file = join(DIR, `${def.id}.txt`);
      const text = `${transcript.join('\n')}\n`;
      if (UPDATE) writeFileSync(file, text);
      else {
        assert.ok(existsSync(file), `no golden transcript for ${def.id}: run GOLDEN_UPDATE=1 and review it`);
        assert.equal(text, readFileSync(file, 'utf8'), `${def.id}: transcript differs (GOLDEN_UPDATE=1 re-records)`);
      }
    });
  });
});
