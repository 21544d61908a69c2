// Golden conversations (STYLE.md 8): each test/engine/golden/*.json holds a catalog, settings,
// a start time, citizen facts and the turns: inbound content (or a text shorthand) and the
// recorded outbound messages and events. The runner uses a fixed clock and seeded ids, and
// round-trips the session through JSON between every turn. GOLDEN_UPDATE=1 re-records.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { turn, engineEvent, type Session } from '../../src/engine/index.ts';
import type { InboundContent } from '../../src/engine/inbound.ts';
import type { OutboundMessage } from '../../src/engine/outbound.ts';
import type { CitizenFacts, EngineSettings } from '../../src/engine/ports.ts';
import { buildCatalog, type CatalogSpec } from './test-catalog.ts';
import { assertFitsLimits } from './assert-fits-limits.ts';

const DIR = join(import.meta.dirname, 'golden');
const UPDATE = process.env.GOLDEN_UPDATE === '1';
/** Seconds between turns unless a step says otherwise. */
const DEFAULT_GAP_SECONDS = 30;

interface GoldenStep {
  note?: string;
  in: InboundContent | string;
  /** Minutes of silence before this message (for expiry tests). */
  waitMinutes?: number;
  out?: OutboundMessage[];
  events?: unknown[];
}

interface Golden {
  description: string;
  catalog: CatalogSpec;
  settings?: Partial<EngineSettings>;
  clock: string;
  citizen?: CitizenFacts;
  /** Full Aadhaar numbers typed in this conversation; none may appear in any outbound. */
  secrets?: string[];
  steps: GoldenStep[];
}

for (const file of readdirSync(DIR).filter((f) => f.endsWith('.json')).sort()) {
  describe(`golden ${file}`, () => {
    it('replays exactly', () => {
      const path = join(DIR, file);
      const golden = JSON.parse(readFileSync(path, 'utf8')) as Golden;
      const catalog = buildCatalog(golden.catalog);
      const settings: EngineSettings = { idleTimeoutMinutes: 30, publicBaseUrl: 'https://mitra.example', ...golden.settings };
      const citizen: CitizenFacts = golden.citizen ?? { applications: [], documents: [] };
      let now = Date.parse(golden.clock);
      let ids = 0;
      let session: Session | undefined;
      golden.steps.forEach((step, i) => {
        now += (step.waitMinutes ?? 0) * 60_000 + DEFAULT_GAP_SECONDS * 1000;
        const content: InboundContent = typeof step.in === 'string' ? { type: 'text', text: step.in } : step.in;
        const result = turn(session, { id: `wamid.${i}`, from: '919876543210', at: new Date(now).toISOString(), content }, {
          now: new Date(now), newId: () => `id-${++ids}`, catalog, citizen, settings,
        });
        // Every turn: JSON round trip, limits, event schemas, at most 2 messages, no secrets.
        session = JSON.parse(JSON.stringify(result.session)) as Session;
        assert.deepEqual(session, result.session, `step ${i}: session survives JSON`);
        assert.ok(result.outbound.length <= 2, `step ${i}: at most 2 messages`);
        for (const msg of result.outbound) assertFitsLimits(msg, `${file} step ${i}`);
        for (const event of result.events) engineEvent.parse(event);
        const text = JSON.stringify(result.outbound);
        for (const secret of golden.secrets ?? []) assert.ok(!text.includes(secret), `step ${i}: full Aadhaar echoed`);
        const events = JSON.parse(JSON.stringify(result.events)) as unknown[];
        if (UPDATE) {
          step.out = result.outbound;
          step.events = events;
        } else {
          assert.deepEqual(result.outbound, step.out, `${file} step ${i} (${JSON.stringify(step.in)}): outbound`);
          assert.deepEqual(events, step.events, `${file} step ${i} (${JSON.stringify(step.in)}): events`);
        }
      });
      if (UPDATE) writeFileSync(path, `${JSON.stringify(golden, null, 2)}\n`);
    });
  });
}
