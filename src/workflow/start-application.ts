/**
 * The lifecycle of a newly submitted application: in the workflow's start state, with its state
 * clock and overall clock running from the moment of submission. The caller commits it in the
 * same transaction as the engine's `application_submitted` event; no workflow event is added.
 */
import { WorkflowFault } from './workflow-fault.ts';
import { APPLICATION_FORMAT, type WorkflowApplication } from './workflow-application.ts';
import { startClock } from './start-clock.ts';
import type { SlaSpec } from './sla-spec.ts';
import type { Workflow } from './workflow-schema.ts';
import type { WorkingCalendar } from './working-calendar.ts';

/** What a new application needs. */
export interface NewApplication {
  /** The reference number the citizen was given. */
  reference: string;
  /** The moment of submission. */
  at: Date;
  /**
   * The service's own overall limit, when its citizen charter sets one (`sla.days` of the
   * service definition, as working days); the workflow's `sla` otherwise.
   */
  overallSla?: SlaSpec;
}

/**
 * Starts `workflow` for a new application. `workflow` MUST have passed `readWorkflow` (its
 * start state exists and is not terminal); otherwise, or for an invalid `at`, it throws
 * `WorkflowFault`.
 */
export function startApplication(workflow: Workflow, input: NewApplication, calendar: WorkingCalendar): WorkflowApplication {
  const start = workflow.states.find((s) => s.id === workflow.start);
  if (!start || start.terminal) {
    throw new WorkflowFault('workflow:bad-start', `workflow ${workflow.id} has no usable start state '${workflow.start}'`, { workflow: workflow.id });
  }
  const at = input.at;
  if (!(at instanceof Date) || !Number.isFinite(at.getTime())) throw new WorkflowFault('time:invalid', 'at is not a valid Date', { at: String(at) });
  return {
    format: APPLICATION_FORMAT,
    reference: input.reference,
    workflowId: workflow.id,
    workflowVersion: workflow.version,
    state: start.id,
    applicationStatus: start.applicationStatus,
    waitingFor: start.waitingFor,
    submittedAt: at.toISOString(),
    stateEnteredAt: at.toISOString(),
    closedAt: null,
    stateClock: start.sla ? startClock(start.sla, at, calendar) : null,
    overallClock: startClock(input.overallSla ?? workflow.sla, at, calendar),
    history: [],
  };
}
