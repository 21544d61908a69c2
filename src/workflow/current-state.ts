/**
 * The workflow state an application is in, after checking that the application belongs to this
 * workflow and version. A mismatch is a programmer fault (the caller loaded the wrong workflow
 * or a stored application was edited by hand), so it throws `WorkflowFault`.
 */
import { WorkflowFault } from './workflow-fault.ts';
import type { WorkflowApplication } from './workflow-application.ts';
import type { Workflow, WorkflowState } from './workflow-schema.ts';

/** The state of `application` in `workflow`. Throws `WorkflowFault` on a mismatch. */
export function currentState(workflow: Workflow, application: WorkflowApplication): WorkflowState {
  if (application.workflowId !== workflow.id || application.workflowVersion !== workflow.version) {
    throw new WorkflowFault('application:wrong-workflow', `application ${application.reference} follows ${application.workflowId} v${application.workflowVersion}, not ${workflow.id} v${workflow.version}`, {
      reference: application.reference, application: `${application.workflowId}@${application.workflowVersion}`, workflow: `${workflow.id}@${workflow.version}`,
    });
  }
  const state = workflow.states.find((s) => s.id === application.state);
  if (!state) {
    throw new WorkflowFault('application:unknown-state', `application ${application.reference} is in state '${application.state}', which ${workflow.id} v${workflow.version} does not have`, {
      reference: application.reference, state: application.state,
    });
  }
  return state;
}
