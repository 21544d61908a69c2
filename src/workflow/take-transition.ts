/**
 * Takes one transition that the caller has already checked (role, reason, rating): builds the
 * audit entry, moves the application with `enterState` and builds the event. Shared by
 * `applyAction` and `applyBreach`, which acts as `system` without a reason.
 */
import { actingRoles } from './acting-roles.ts';
import type { ActorRole } from './actor-role.ts';
import { currentState } from './current-state.ts';
import { enterState } from './enter-state.ts';
import { transitionEvent, type TransitionExtras } from './transition-event.ts';
import { WorkflowFault } from './workflow-fault.ts';
import type { TransitionEvent } from './events/registry.ts';
import type { HistoryEntry, WorkflowApplication } from './workflow-application.ts';
import type { Workflow, WorkflowAction } from './workflow-schema.ts';
import type { WorkingCalendar } from './working-calendar.ts';

/** Who takes the transition, with what, and when. */
export interface TransitionActor {
  actorRole: ActorRole;
  reason?: string;
  rating?: number;
  at: Date;
}

/**
 * `application` moved through `transition` (an action of its current state) by `who`, and the
 * event recording it. Pure; throws `WorkflowFault` only when the workflow is inconsistent.
 */
export function takeTransition(
  workflow: Workflow, application: WorkflowApplication, transition: WorkflowAction,
  who: TransitionActor, calendar: WorkingCalendar, extras: TransitionExtras = {},
): { application: WorkflowApplication; event: TransitionEvent } {
  const from = currentState(workflow, application);
  const target = workflow.states.find((s) => s.id === transition.to);
  if (!target) throw new WorkflowFault('workflow:unknown-target', `action '${transition.action}' leads to unknown state '${transition.to}'`, { workflow: workflow.id });
  const at = who.at.toISOString();
  const entry: HistoryEntry = {
    action: transition.action, actorRole: who.actorRole, from: from.id, to: target.id,
    ...(who.reason !== undefined ? { reason: who.reason } : {}),
    ...(who.rating !== undefined ? { rating: who.rating } : {}),
    at,
  };
  const next = enterState(application, target, entry, who.at, calendar);
  const event = transitionEvent(transition.action, {
    reference: application.reference, workflowId: workflow.id, workflowVersion: workflow.version,
    actorRole: who.actorRole, fromState: from.id, toState: target.id,
    previousStatus: application.applicationStatus, applicationStatus: target.applicationStatus,
    nextRoles: actingRoles(target), ...(who.reason !== undefined ? { reason: who.reason } : {}), at,
  }, { ...extras, ...(who.rating !== undefined ? { rating: who.rating } : {}) });
  return { application: next, event };
}
