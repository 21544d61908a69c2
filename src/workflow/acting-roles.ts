/**
 * Who may act on an application in a given state: every role named by an action leaving it, in
 * the order of `ACTOR_ROLES`. DIGIT puts an application in the inbox of every employee holding
 * such a role; Mitra does the same, narrowed by jurisdiction (`canAct`).
 */
import { ACTOR_ROLES, type ActorRole } from './actor-role.ts';
import type { WorkflowState } from './workflow-schema.ts';

/** The roles that can take some action in `state` (none for a terminal state). */
export function actingRoles(state: WorkflowState): ActorRole[] {
  const named = new Set(state.actions.flatMap((a) => a.roles));
  return ACTOR_ROLES.filter((r) => named.has(r));
}
