/**
 * Where an application stands against its SLAs at `now`, for the inbox, the console and the
 * citizen's status message. Reads only the stored clocks, so it needs no calendar and costs
 * no more than a few comparisons: the calendar did its work when the clocks were set.
 *
 * A clock is `breached` once `now` is past its deadline, `due_soon` once only a fifth of its
 * office time is left (`DUE_SOON_SHARE`), `on_time` before, and `paused` while the application
 * waits for the citizen. The application's status is its worst running clock; while it waits
 * for the citizen it is `waiting_for_citizen` (the office is not late) unless the overall SLA
 * was already breached. A closed application is `closed`.
 */
import type { SlaClock, WorkflowApplication } from './workflow-application.ts';

/** What one clock says. */
export type ClockStatus = 'on_time' | 'due_soon' | 'breached' | 'paused';

/** One clock at `now`. */
export interface ClockReading {
  status: ClockStatus;
  deadline: string;
  /** Calendar time to the deadline (negative once breached); null while paused. */
  remainingMs: number | null;
}

/** What an application's SLAs say, worst first. */
export type SlaStatusValue = 'breached' | 'due_soon' | 'on_time' | 'waiting_for_citizen' | 'closed';

/** Order of urgency: lower is more urgent. */
export const SLA_STATUS_URGENCY: Readonly<Record<SlaStatusValue, number>> = {
  breached: 0, due_soon: 1, on_time: 2, waiting_for_citizen: 3, closed: 4,
};

/** An application's SLA reading. */
export interface SlaReading {
  status: SlaStatusValue;
  /** Which clock decided `status`; null when closed. */
  governedBy: 'state' | 'overall' | null;
  /** That clock's deadline and remaining calendar time (negative once breached). */
  deadline: string | null;
  remainingMs: number | null;
  /** Both clocks, for display; null when closed (and `state` in states without an SLA). */
  state: ClockReading | null;
  overall: ClockReading | null;
}

/** One clock at `now`. */
export function readClock(clock: SlaClock, now: Date): ClockReading {
  if (clock.pausedWithWorkingMs !== null) {
    return { status: clock.pausedWithWorkingMs === 0 ? 'breached' : 'paused', deadline: clock.deadline, remainingMs: null };
  }
  const t = now.getTime();
  const remainingMs = Date.parse(clock.deadline) - t;
  const status: ClockStatus = remainingMs < 0 ? 'breached' : t >= Date.parse(clock.dueSoonAt) ? 'due_soon' : 'on_time';
  return { status, deadline: clock.deadline, remainingMs };
}

const CLOCK_URGENCY: Readonly<Record<ClockStatus, number>> = { breached: 0, due_soon: 1, on_time: 2, paused: 3 };

/** The SLA reading of `application` at `now`. Never throws for a well-formed application. */
export function slaStatus(application: WorkflowApplication, now: Date): SlaReading {
  if (application.closedAt !== null) {
    return { status: 'closed', governedBy: null, deadline: null, remainingMs: null, state: null, overall: null };
  }
  const state = application.stateClock ? readClock(application.stateClock, now) : null;
  const overall = readClock(application.overallClock, now);
  const reading = (status: SlaStatusValue, governedBy: 'state' | 'overall', clock: ClockReading): SlaReading =>
    ({ status, governedBy, deadline: clock.deadline, remainingMs: clock.remainingMs, state, overall });
  if (application.waitingFor === 'citizen') {
    if (overall.status === 'breached') return reading('breached', 'overall', overall);
    return state ? reading('waiting_for_citizen', 'state', state) : reading('waiting_for_citizen', 'overall', overall);
  }
  // The worst clock decides; between equally bad ones, the earlier deadline.
  let worst: ['state' | 'overall', ClockReading] = ['overall', overall];
  if (state) {
    const byStatus = CLOCK_URGENCY[state.status] - CLOCK_URGENCY[overall.status];
    if (byStatus < 0 || (byStatus === 0 && Date.parse(state.deadline) <= Date.parse(overall.deadline))) worst = ['state', state];
  }
  const [which, clock] = worst;
  // A running clock is never 'paused' here: the overall clock pauses only for the citizen.
  return reading(clock.status === 'paused' ? 'on_time' : clock.status, which, clock);
}
