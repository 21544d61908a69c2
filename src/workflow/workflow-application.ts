/**
 * The lifecycle of one application as plain JSON (STYLE.md 2): where it is, since when, its
 * SLA clocks and every action taken on it. The caller stores it as it is (one JSONB column or
 * a row per field) and hands it back; `workflowApplication.parse` checks what comes back from
 * storage. Who the citizen is and what they answered are not here: this is only the lifecycle.
 *
 * Times are ISO-8601 UTC strings (`Date.toISOString()`); durations are milliseconds.
 */
import { z } from 'zod';
import { ACTION_NAMES } from './action-name.ts';
import { ACTOR_ROLES } from './actor-role.ts';
import { APPLICATION_STATUSES } from './application-status.ts';
import { WAITING_FOR } from './workflow-schema.ts';

/** The version of this JSON shape; a change to it needs a migration of stored applications. */
export const APPLICATION_FORMAT = 1;

/**
 * One SLA clock: the state clock (restarted on every change of state, as in DIGIT) or the
 * overall clock (one per application, paused while the application waits for the citizen).
 */
export const slaClock = z.object({
  /** Office time the whole window holds, for the "due soon" share. */
  workingWindowMs: z.number().int().min(0),
  /**
   * When the limit passes. While the clock is paused this is the deadline it had when paused
   * (it moves on resuming), so a breach from before the pause keeps its date.
   */
  deadline: z.string(),
  /** When the application becomes "due soon" (most of the window used). */
  dueSoonAt: z.string(),
  /** Office time that was left when the clock was paused; null while it runs. A paused clock
   * with 0 left was breached before it was paused. */
  pausedWithWorkingMs: z.number().int().min(0).nullable(),
  /** When the breach of this clock was recorded (`sla_breached`); null until then. */
  breachNotedAt: z.string().nullable(),
}).strict();

/** One action taken, as kept in the audit history. */
export const historyEntry = z.object({
  action: z.enum(ACTION_NAMES),
  actorRole: z.enum(ACTOR_ROLES),
  from: z.string(),
  to: z.string(),
  reason: z.string().optional(),
  rating: z.number().int().optional(),
  at: z.string(),
}).strict();

/** An application's lifecycle. */
export const workflowApplication = z.object({
  format: z.literal(APPLICATION_FORMAT),
  /** The citizen-facing reference number; events carry it. */
  reference: z.string().min(1),
  /** The workflow and the version this application started on and finishes on. */
  workflowId: z.string(),
  workflowVersion: z.number().int().min(1),
  /** The current state id, and what it shows the citizen and who it waits for. */
  state: z.string(),
  applicationStatus: z.enum(APPLICATION_STATUSES),
  waitingFor: z.enum(WAITING_FOR),
  submittedAt: z.string(),
  stateEnteredAt: z.string(),
  /** When a terminal state was entered; null while the application is open. */
  closedAt: z.string().nullable(),
  /** Null in states without an SLA (terminal states). */
  stateClock: slaClock.nullable(),
  overallClock: slaClock,
  history: z.array(historyEntry),
}).strict();

/** An application's lifecycle, as plain JSON. */
export type WorkflowApplication = z.infer<typeof workflowApplication>;
/** One SLA clock. */
export type SlaClock = z.infer<typeof slaClock>;
/** One entry of the audit history. */
export type HistoryEntry = z.infer<typeof historyEntry>;
