/**
 * The fields every transition event carries: which application, which workflow version, who
 * did what from which state to which, what the citizen now sees, who may act next, and when.
 * Each event file adds its literal `type` (and `action`) to these.
 */
import { z } from 'zod';
import { ACTOR_ROLES } from '../actor-role.ts';
import { APPLICATION_STATUSES } from '../application-status.ts';

/** The shape shared by every transition event (spread into each event's `z.object`). */
export const transitionFields = {
  reference: z.string(),
  workflowId: z.string(),
  workflowVersion: z.number().int(),
  actorRole: z.enum(ACTOR_ROLES),
  fromState: z.string(),
  toState: z.string(),
  /** The status before and after, as the citizen sees them. */
  previousStatus: z.enum(APPLICATION_STATUSES),
  applicationStatus: z.enum(APPLICATION_STATUSES),
  /** Roles that may act in the new state (empty when it is terminal): whom to notify. */
  nextRoles: z.array(z.enum(ACTOR_ROLES)),
  /** The actor's reason, trimmed; shown to the citizen. */
  reason: z.string().optional(),
  at: z.string(),
};
