/**
 * Starts an SLA clock: the deadline from the working calendar, the office time the window
 * holds, and the moment the application turns "due soon" (when only {@link DUE_SOON_SHARE} of
 * the window's office time is left, so a Friday-evening application is not "due soon" merely
 * because a weekend passes).
 */
import type { SlaClock } from './workflow-application.ts';
import type { SlaSpec } from './sla-spec.ts';
import type { WorkingCalendar } from './working-calendar.ts';

/** The share of a window's office time that, once all that is left, makes it "due soon". */
export const DUE_SOON_SHARE = 0.2;

/** The office time before a window of `windowMs` turns "due soon". */
export function timeBeforeDueSoon(windowMs: number): number {
  return windowMs - Math.ceil(windowMs * DUE_SOON_SHARE);
}

/** A running clock for `sla`, started at `at`. */
export function startClock(sla: SlaSpec, at: Date, calendar: WorkingCalendar): SlaClock {
  const deadline = calendar.deadline(at, sla);
  const window = calendar.workingTimeBetween(at, deadline);
  return {
    workingWindowMs: window,
    deadline: deadline.toISOString(),
    dueSoonAt: calendar.addWorkingTime(at, timeBeforeDueSoon(window)).toISOString(),
    pausedWithWorkingMs: null,
    breachNotedAt: null,
  };
}
