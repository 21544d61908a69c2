/**
 * The breaches the scheduled SLA job must record: every clock of an open application that is
 * past its deadline and whose breach is not yet noted. Pure over the stored clocks; the job
 * selects candidate rows (deadline before now, not noted), calls this to be exact, then
 * `applyBreach` on each application in its own transaction. Noting the breach on the clock is
 * what makes a second run, or a second process, find nothing more.
 */
import type { SlaClock, WorkflowApplication } from './workflow-application.ts';

/** One unrecorded breach. */
export interface Breach {
  reference: string;
  /** The state clock or the overall clock. */
  scope: 'state' | 'overall';
  /** The state the application is in. */
  state: string;
  deadline: string;
  /** Calendar time since the deadline, in milliseconds (0 or more). */
  overdueMs: number;
}

/** True when `clock` is past its deadline at `now` and the breach is not yet noted. */
export function isUnnotedBreach(clock: SlaClock, now: Date): boolean {
  if (clock.breachNotedAt !== null) return false;
  if (clock.pausedWithWorkingMs !== null) return clock.pausedWithWorkingMs === 0;
  return Date.parse(clock.deadline) < now.getTime();
}

/** Every unrecorded breach among `applications` at `now`, earliest deadline first. */
export function findBreaches(applications: Iterable<WorkflowApplication>, now: Date): Breach[] {
  const breaches: Breach[] = [];
  for (const app of applications) {
    if (app.closedAt !== null) continue;
    const clocks: ['state' | 'overall', SlaClock | null][] = [['state', app.stateClock], ['overall', app.overallClock]];
    for (const [scope, clock] of clocks) {
      if (!clock || !isUnnotedBreach(clock, now)) continue;
      breaches.push({
        reference: app.reference, scope, state: app.state, deadline: clock.deadline,
        overdueMs: Math.max(0, now.getTime() - Date.parse(clock.deadline)),
      });
    }
  }
  // Earliest deadline first; on a tie, one application's breaches together, its state clock first.
  const scopeOrder = { state: 0, overall: 1 } as const;
  return breaches.sort((a, b) => Date.parse(a.deadline) - Date.parse(b.deadline)
    || (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0)
    || scopeOrder[a.scope] - scopeOrder[b.scope]);
}
