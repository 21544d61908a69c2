/**
 * The columns stored beside an application's workflow JSON so that SQL can do what it is good
 * at: order the inbox by deadline and find the applications whose SLA check is due, without
 * reading every workflow. Derived from the clocks only (no calendar), like `slaStatus`.
 */
import { APPLICATION_FORMAT, type SlaClock, type WorkflowApplication } from '../../workflow/index.ts';

/** What `applications` stores about an application's SLA and status. */
export interface SlaColumns {
  status: string;
  /** Who the application waits for; null once it is closed. */
  waitingFor: 'office' | 'citizen' | null;
  /** The earliest deadline of a running clock (the inbox order); null when closed or paused. */
  slaDeadline: string | null;
  /** When the SLA job must look next: the earliest deadline whose breach is not recorded. */
  slaCheckAt: string | null;
}

/** The columns of `app`. `app` MUST be a well-formed WorkflowApplication (format 1). */
export function slaColumns(app: WorkflowApplication): SlaColumns {
  if (app.format !== APPLICATION_FORMAT) throw new Error(`unknown workflow application format ${String(app.format)}`);
  if (app.closedAt !== null) return { status: app.applicationStatus, waitingFor: null, slaDeadline: null, slaCheckAt: null };
  const clocks = [app.stateClock, app.overallClock].filter((c): c is SlaClock => c !== null);
  const running = clocks.filter((c) => c.pausedWithWorkingMs === null).map((c) => c.deadline);
  // A paused clock with no time left was breached before the pause: check it at once.
  const checks = clocks.flatMap((c) => {
    if (c.breachNotedAt !== null) return [];
    if (c.pausedWithWorkingMs === null) return [c.deadline];
    return c.pausedWithWorkingMs === 0 ? [app.stateEnteredAt] : [];
  });
  const earliest = (values: string[]) => (values.length === 0 ? null : values.reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b)));
  return { status: app.applicationStatus, waitingFor: app.waitingFor, slaDeadline: earliest(running), slaCheckAt: earliest(checks) };
}
