/**
 * The state machine: one action on one application, as DIGIT's `/process/_transition` validates
 * and applies it, but pure. Checks, in this order: the application is still open; the action
 * exists in this workflow; it is offered in the current state; the actor's role may take it;
 * the reason and the rating it needs are given. Then it moves the application (clocks and all,
 * see `enterState`), appends the audit entry and returns the event to commit.
 *
 * Officer and citizen input never makes it throw: a refusal is a value with a stable `code`.
 * Only programmer faults throw `WorkflowFault` (wrong workflow, unknown state, invalid `at`).
 * Jurisdiction (may THIS officer act on THIS application) is `canAct`, checked by the caller.
 */
import { isActionName } from './action-name.ts';
import { isActorRole } from './actor-role.ts';
import { currentState } from './current-state.ts';
import { isRating, MAX_RATING, MIN_RATING } from './rating.ts';
import { takeTransition } from './take-transition.ts';
import { WorkflowFault } from './workflow-fault.ts';
import type { TransitionEvent } from './events/registry.ts';
import type { WorkflowApplication } from './workflow-application.ts';
import type { Workflow } from './workflow-schema.ts';
import type { WorkingCalendar } from './working-calendar.ts';

/** The longest reason accepted, in characters (a WhatsApp message holds 4,096). */
export const MAX_REASON_LENGTH = 1000;

/** One action, as an officer, the citizen or the system asks for it. */
export interface ActionCommand {
  /** The action name, as typed or posted: checked, never trusted. */
  action: string;
  /** The role of whoever acts (from their session; `citizen` or `system` for the pseudo-roles). */
  actorRole: string;
  /** Why; required by some actions and shown to the citizen. Trimmed; blank counts as none. */
  reason?: string;
  /** 1 to 10, only when closing a grievance. */
  rating?: number;
  /** When the action is taken (the caller's clock). */
  at: Date;
}

/** Why an action was refused: stable codes for the API and the console. */
export const REFUSAL_CODES = [
  'application_closed', 'unknown_action', 'action_not_allowed_in_state', 'role_not_allowed',
  'reason_required', 'reason_too_long', 'rating_required', 'rating_out_of_range', 'rating_not_allowed',
] as const;

/** A refusal code. */
export type RefusalCode = (typeof REFUSAL_CODES)[number];

/** The application after the action and the event recording it, or why it was refused. */
export type ActionResult =
  | { ok: true; application: WorkflowApplication; events: TransitionEvent[] }
  | { ok: false; code: RefusalCode; message: string };

const refuse = (code: RefusalCode, message: string): ActionResult => ({ ok: false, code, message });

/**
 * Applies `command` to `application` under `workflow`. `application` MUST follow `workflow`
 * (same id and version); `calendar` computes the new state's deadlines.
 */
export function applyAction(workflow: Workflow, application: WorkflowApplication, command: ActionCommand, calendar: WorkingCalendar): ActionResult {
  const state = currentState(workflow, application);
  if (!(command.at instanceof Date) || !Number.isFinite(command.at.getTime())) {
    throw new WorkflowFault('time:invalid', 'command.at is not a valid Date', { at: String(command.at) });
  }
  const name = typeof command.action === 'string' ? command.action : String(command.action);
  if (state.terminal || application.closedAt !== null) {
    return refuse('application_closed', `application ${application.reference} is ${application.applicationStatus}; no action can be taken on it`);
  }
  const offeredAnywhere = isActionName(name) && workflow.states.some((s) => s.actions.some((a) => a.action === name));
  if (!offeredAnywhere) return refuse('unknown_action', `'${name}' is not an action of workflow ${workflow.id}`);
  const transition = state.actions.find((a) => a.action === name);
  if (!transition) {
    const offered = state.actions.map((a) => a.action).join(', ');
    return refuse('action_not_allowed_in_state', `'${name}' cannot be taken while the application is ${state.id} (possible: ${offered})`);
  }
  const role = command.actorRole;
  if (!isActorRole(role) || !transition.roles.includes(role)) {
    return refuse('role_not_allowed', `role '${String(role)}' may not ${name} (allowed: ${transition.roles.join(', ')})`);
  }
  const reason = typeof command.reason === 'string' && command.reason.trim().length > 0 ? command.reason.trim() : undefined;
  if (transition.reasonRequired && reason === undefined) return refuse('reason_required', `'${name}' needs a reason, which the citizen is shown`);
  if (reason !== undefined && reason.length > MAX_REASON_LENGTH) {
    return refuse('reason_too_long', `the reason is ${reason.length} characters; at most ${MAX_REASON_LENGTH}`);
  }
  if (transition.ratingRequired && command.rating === undefined) return refuse('rating_required', `'${name}' needs a rating from ${MIN_RATING} to ${MAX_RATING}`);
  if (!transition.ratingRequired && command.rating !== undefined) return refuse('rating_not_allowed', `'${name}' takes no rating`);
  if (command.rating !== undefined && !isRating(command.rating)) {
    return refuse('rating_out_of_range', `the rating must be a whole number from ${MIN_RATING} to ${MAX_RATING}`);
  }
  const { application: next, event } = takeTransition(workflow, application, transition, {
    actorRole: role, at: command.at,
    ...(reason !== undefined ? { reason } : {}),
    ...(command.rating !== undefined ? { rating: command.rating } : {}),
  }, calendar);
  return { ok: true, application: next, events: [event] };
}
