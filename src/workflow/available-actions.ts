/**
 * The actions a role may take on an application now: the buttons of the console, the choices
 * offered to the citizen on WhatsApp, the `actions` of the officer API's application view.
 * Empty for a closed application. Jurisdiction is not checked here (`canAct`).
 */
import type { ActionName } from './action-name.ts';
import type { ApplicationStatus } from './application-status.ts';
import { currentState } from './current-state.ts';
import type { WorkflowApplication } from './workflow-application.ts';
import type { Workflow } from './workflow-schema.ts';

/** One action on offer. */
export interface AvailableAction {
  action: ActionName;
  /** The state it leads to and what the citizen will then see. */
  to: string;
  applicationStatus: ApplicationStatus;
  reasonRequired: boolean;
  ratingRequired: boolean;
}

/** The actions `actorRole` may take on `application` now, in the workflow's order. */
export function availableActions(workflow: Workflow, application: WorkflowApplication, actorRole: string): AvailableAction[] {
  const state = currentState(workflow, application);
  if (state.terminal || application.closedAt !== null) return [];
  return state.actions
    .filter((a) => (a.roles as readonly string[]).includes(actorRole))
    .map((a) => ({
      action: a.action,
      to: a.to,
      applicationStatus: workflow.states.find((s) => s.id === a.to)?.applicationStatus ?? state.applicationStatus,
      reasonRequired: a.reasonRequired,
      ratingRequired: a.ratingRequired,
    }));
}
