// Shared by the workflow tests: the shipped workflows and holidays, read through the real
// pipelines, and a way to walk an application into any state with real actions.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import {
  applyAction, readHolidays, readWorkflows, startApplication, WorkingCalendar, workflowApplication,
  type Workflow, type WorkflowApplication, type WorkflowAction,
} from '../../src/workflow/index.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
export const WORKFLOWS_DIR = join(ROOT, 'catalog', 'workflows');
export const HOLIDAYS_DIR = join(ROOT, 'catalog', 'holidays');

/** Every shipped workflow, by id. Fails the calling test when any is broken. */
export function shippedWorkflows(): ReadonlyMap<string, Workflow> {
  const files = readdirSync(WORKFLOWS_DIR).filter((f) => f.endsWith('.yaml')).map((file) => ({ file, text: readFileSync(join(WORKFLOWS_DIR, file), 'utf8') }));
  const result = readWorkflows(files);
  assert.ok(result.ok, result.ok ? '' : result.errors.join('\n'));
  return result.workflows;
}

/** One shipped workflow. */
export function shipped(id: string): Workflow {
  const wf = shippedWorkflows().get(id);
  assert.ok(wf, `no shipped workflow '${id}'`);
  return wf;
}

/** The working calendar of the shipped 2026 holidays. */
export function calendar2026(): WorkingCalendar {
  const r = readHolidays('2026.yaml', readFileSync(join(HOLIDAYS_DIR, '2026.yaml'), 'utf8'));
  assert.ok(r.ok, r.ok ? '' : r.errors.join('\n'));
  return new WorkingCalendar({ holidays: r.holidays.holidays.map((h) => h.date), years: [r.holidays.year] });
}

/** An instant given as IST wall-clock time: `ist('2026-03-02 11:00')`. */
export function ist(local: string): Date {
  return new Date(`${local.replace(' ', 'T')}:00+05:30`);
}

/** Arguments that satisfy `transition` when taken by its first role. */
export function satisfying(transition: WorkflowAction, at: Date) {
  return {
    action: transition.action, actorRole: transition.roles[0], at,
    ...(transition.reasonRequired ? { reason: 'Because the record says so' } : {}),
    ...(transition.ratingRequired ? { rating: 7 } : {}),
  };
}

/** The shortest list of actions from the start state to `target`, or undefined. */
export function pathTo(wf: Workflow, target: string): WorkflowAction[] | undefined {
  const queue: [string, WorkflowAction[]][] = [[wf.start, []]];
  const seen = new Set([wf.start]);
  while (queue.length > 0) {
    const [id, path] = queue.shift()!;
    if (id === target) return path;
    for (const a of wf.states.find((s) => s.id === id)?.actions ?? []) {
      if (!seen.has(a.to)) {
        seen.add(a.to);
        queue.push([a.to, [...path, a]]);
      }
    }
  }
  return undefined;
}

/**
 * A new application walked into `target` with real actions, one hour apart from `start`,
 * re-read through JSON and the schema after every step (STYLE.md 2).
 */
export function applicationIn(wf: Workflow, target: string, calendar: WorkingCalendar, start = ist('2026-03-02 11:00')): WorkflowApplication {
  let app = roundTrip(startApplication(wf, { reference: 'MM26ABCD', at: start }, calendar));
  const path = pathTo(wf, target);
  assert.ok(path, `state '${target}' is unreachable in ${wf.id}`);
  path.forEach((transition, i) => {
    const r = applyAction(wf, app, satisfying(transition, new Date(start.getTime() + (i + 1) * 3_600_000)), calendar);
    assert.ok(r.ok, r.ok ? '' : `${transition.action}: ${r.message}`);
    app = roundTrip(r.application);
  });
  assert.equal(app.state, target);
  return app;
}

/** `app` serialised and read back through the schema. */
export function roundTrip(app: WorkflowApplication): WorkflowApplication {
  return workflowApplication.parse(JSON.parse(JSON.stringify(app)));
}
