/**
 * The event an action records. An exhaustive `switch` over `ActionName` (STYLE.md 4): a new
 * action name does not compile until it has an event here and in `events/registry.ts`.
 */
import type { ActionName } from './action-name.ts';
import type { OfficerRole } from './actor-role.ts';
import { WorkflowFault } from './workflow-fault.ts';
import type { TransitionEvent } from './events/registry.ts';

/** What every transition event says (see `events/transition-fields.ts`). */
export type TransitionFacts = Omit<TransitionEvent, 'type' | 'action' | 'rating' | 'escalateTo'>;

/** Facts only some actions carry. */
export interface TransitionExtras {
  rating?: number;
  escalateTo?: OfficerRole;
}

/** The reason, which lint guarantees for the actions that need one; a fault if it is missing. */
function reasonOf(action: ActionName, facts: TransitionFacts): string {
  if (facts.reason === undefined) throw new WorkflowFault('event:missing-reason', `action '${action}' reached its event without a reason`, { action });
  return facts.reason;
}

/** The event recording `action` with `facts`. */
export function transitionEvent(action: ActionName, facts: TransitionFacts, extras: TransitionExtras = {}): TransitionEvent {
  switch (action) {
    case 'verify': return { type: 'application_verified', action, ...facts };
    case 'approve': return { type: 'application_approved', action, ...facts };
    case 'reject': return { type: 'application_rejected', action, ...facts, reason: reasonOf(action, facts) };
    case 'request_info': return { type: 'information_requested', action, ...facts, reason: reasonOf(action, facts) };
    case 'forward': return { type: 'application_forwarded', action, ...facts };
    case 'send_back': return { type: 'application_sent_back', action, ...facts, reason: reasonOf(action, facts) };
    case 'assign': return { type: 'application_assigned', action, ...facts };
    case 'resolve': return { type: 'application_resolved', action, ...facts };
    case 'resubmit': return { type: 'application_resubmitted', action, ...facts };
    case 'withdraw': return { type: 'application_withdrawn', action, ...facts };
    case 'close':
    case 'auto_close':
      return { type: 'application_closed', action, ...facts, ...(extras.rating !== undefined ? { rating: extras.rating } : {}) };
    case 'reopen': return { type: 'application_reopened', action, ...facts, reason: reasonOf(action, facts) };
    case 'escalate':
      return { type: 'application_escalated', action, ...facts, ...(extras.escalateTo ? { escalateTo: extras.escalateTo } : {}) };
    case 'lapse': return { type: 'application_lapsed', action, ...facts };
    default: {
      const unhandled: never = action;
      throw new WorkflowFault('event:unknown-action', `no event for action '${String(unhandled)}'`, { action: unhandled });
    }
  }
}
