/**
 * The order of an officer's inbox: breached first, then due soon, then on time, then those
 * waiting for the citizen, then closed; within each, the earliest deadline first, then the
 * oldest submission, then the reference (so the order is total and stable across pages).
 */
import { slaStatus, SLA_STATUS_URGENCY } from './sla-status.ts';
import type { WorkflowApplication } from './workflow-application.ts';

/** Negative when `a` is more urgent than `b` at `now`; for `Array.prototype.sort`. */
export function compareUrgency(a: WorkflowApplication, b: WorkflowApplication, now: Date): number {
  const ra = slaStatus(a, now);
  const rb = slaStatus(b, now);
  const byStatus = SLA_STATUS_URGENCY[ra.status] - SLA_STATUS_URGENCY[rb.status];
  if (byStatus !== 0) return byStatus;
  const da = ra.deadline === null ? Number.POSITIVE_INFINITY : Date.parse(ra.deadline);
  const db = rb.deadline === null ? Number.POSITIVE_INFINITY : Date.parse(rb.deadline);
  if (da !== db) return da < db ? -1 : 1;
  if (a.submittedAt !== b.submittedAt) return a.submittedAt < b.submittedAt ? -1 : 1;
  return a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0;
}
