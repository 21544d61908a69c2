/**
 * Fact: an SLA clock passed its deadline while the application was open. Recorded once per
 * clock run (a state clock restarts when the state changes; the overall clock never restarts).
 * The citizen is told, and the console shows the breach.
 */
import { z } from 'zod';
import { APPLICATION_STATUSES } from '../application-status.ts';

/** `sla_breached`. */
export const slaBreached = z.object({
  type: z.literal('sla_breached'),
  reference: z.string(),
  workflowId: z.string(),
  workflowVersion: z.number().int(),
  /** Which clock: the current state's, or the application's overall one. */
  scope: z.enum(['state', 'overall']),
  /** The state the application was in when the breach was recorded. */
  state: z.string(),
  applicationStatus: z.enum(APPLICATION_STATUSES),
  deadline: z.string(),
  /** How late the recording is, in milliseconds (the scheduled job runs every few minutes). */
  overdueMs: z.number().int().min(0),
  at: z.string(),
}).strict();
