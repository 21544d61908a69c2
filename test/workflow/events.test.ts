// The event registry (STYLE.md 4 and 9): every action name has an event, every event schema
// is strict and carries a literal type, and the public surface exposes only what index.ts lists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACTION_NAMES, OFFICER_ROLES, WORKFLOW_EVENT_SCHEMAS, workflowEvent } from '../../src/workflow/index.ts';
import { transitionEvent } from '../../src/workflow/transition-event.ts';

const SRC = join(import.meta.dirname, '..', '..', 'src', 'workflow');

test('every action builds an event that the registry accepts', () => {
  for (const action of ACTION_NAMES) {
    const event = transitionEvent(action, {
      reference: 'R', workflowId: 'w', workflowVersion: 1, actorRole: 'system', fromState: 'a', toState: 'b',
      previousStatus: 'submitted', applicationStatus: 'escalated', nextRoles: [], reason: 'why', at: '2026-03-02T05:30:00.000Z',
    }, { escalateTo: OFFICER_ROLES[2], ...(action === 'close' ? { rating: 10 } : {}) });
    assert.deepEqual(workflowEvent.parse(event), event, action);
  }
});

test('each event type has its own file in events/, listed in the registry', () => {
  const files = readdirSync(join(SRC, 'events')).filter((f) => f.endsWith('.ts') && !['registry.ts', 'transition-fields.ts'].includes(f));
  assert.deepEqual(files.map((f) => f.replace(/\.ts$/, '').replace(/-/g, '_')).sort(), Object.keys(WORKFLOW_EVENT_SCHEMAS).sort());
});

test('every event schema refuses unknown fields and a wrong type', () => {
  for (const [type, schema] of Object.entries(WORKFLOW_EVENT_SCHEMAS)) {
    assert.equal(schema.safeParse({ type, extra: 1 }).success, false, type);
    assert.equal(schema.shape.type.safeParse('something_else').success, false, type);
  }
});

test('the module stays pure: no I/O, no clock, no other module but lib', () => {
  const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
  for (const file of files(SRC)) {
    const text = readFileSync(file, 'utf8');
    assert.doesNotMatch(text, /from 'node:(fs|net|http|https|child_process|worker_threads)/, file);
    assert.doesNotMatch(text, /Date\.now\(\)|new Date\(\)|Math\.random\(\)/, file);
    for (const m of text.matchAll(/from '(\.\.\/[^']+)'/g)) {
      const inEvents = file.includes(`${join('workflow', 'events')}`);
      const target = m[1];
      const ok = target.startsWith('../lib/') || (inEvents && !target.startsWith('../../'));
      assert.ok(ok, `${file} imports ${target}`);
    }
    assert.doesNotMatch(text, /: any\b|as any\b|<any>/, file);
  }
});
