/**
 * Moves an application into a state and keeps its clocks true, the one place that does so:
 * - the state clock restarts from the new state's SLA (DIGIT sets `stateSla` afresh on every
 *   change of state), or stops in a state without one;
 * - the overall clock pauses when the application starts waiting for the citizen and resumes,
 *   with the office time that was left, when it comes back to the office: time the citizen
 *   takes to answer is not the office's delay (citizen charters exclude it);
 * - a terminal state closes the application.
 * A breach already recorded on the overall clock stays recorded across a pause.
 */
import { startClock, timeBeforeDueSoon } from './start-clock.ts';
import type { HistoryEntry, SlaClock, WorkflowApplication } from './workflow-application.ts';
import type { WorkflowState } from './workflow-schema.ts';
import type { WorkingCalendar } from './working-calendar.ts';

// A paused clock keeps the deadline it had, so that a breach that happened before the pause
// can still be reported with its deadline; `pausedWithWorkingMs` marks it paused.
function pause(clock: SlaClock, at: Date, calendar: WorkingCalendar): SlaClock {
  if (clock.pausedWithWorkingMs !== null) return clock;
  return { ...clock, pausedWithWorkingMs: calendar.workingTimeBetween(at, new Date(clock.deadline)) };
}

function resume(clock: SlaClock, at: Date, calendar: WorkingCalendar): SlaClock {
  if (clock.pausedWithWorkingMs === null) return clock;
  const left = clock.pausedWithWorkingMs;
  const used = clock.workingWindowMs - left;
  const untilDueSoon = Math.max(0, timeBeforeDueSoon(clock.workingWindowMs) - used);
  return {
    ...clock,
    deadline: calendar.addWorkingTime(at, left).toISOString(),
    dueSoonAt: calendar.addWorkingTime(at, untilDueSoon).toISOString(),
    pausedWithWorkingMs: null,
  };
}

/**
 * `application` after `entry` moved it into `target` at `at`. Pure: returns a new object and
 * leaves `application` untouched. The caller has checked that the move is allowed.
 */
export function enterState(application: WorkflowApplication, target: WorkflowState, entry: HistoryEntry, at: Date, calendar: WorkingCalendar): WorkflowApplication {
  let overall = application.overallClock;
  if (application.waitingFor === 'office' && target.waitingFor === 'citizen') overall = pause(overall, at, calendar);
  if (application.waitingFor === 'citizen' && target.waitingFor === 'office') overall = resume(overall, at, calendar);
  return {
    ...application,
    state: target.id,
    applicationStatus: target.applicationStatus,
    waitingFor: target.waitingFor,
    stateEnteredAt: at.toISOString(),
    closedAt: target.terminal ? at.toISOString() : null,
    stateClock: target.sla && !target.terminal ? startClock(target.sla, at, calendar) : null,
    overallClock: overall,
    history: [...application.history, entry],
  };
}
