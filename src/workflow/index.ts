/**
 * The workflow module's public surface (DESIGN.md: "pure application lifecycle: states,
 * officer commands, SLA computation"). Pure: no database, no HTTP, no clock; time is passed in
 * and working time comes from a `WorkingCalendar` built from holiday data. Other modules
 * import from here only, never from files inside `src/workflow/`.
 *
 * The usual round:
 *   readWorkflows(files)                      → workflows by id (catalog/workflows/*.yaml)
 *   new WorkingCalendar({ holidays, years })  ← readHolidays(catalog/holidays/<year>.yaml)
 *   startApplication(workflow, { reference, at, overallSla }, calendar) on submission
 *   canAct(officer, area) on every officer API call, then
 *   applyAction(workflow, application, { action, actorRole, reason, rating, at }, calendar)
 *   findBreaches(applications, now) + applyBreach(workflow, application, now, calendar) in the SLA job
 *   slaStatus(application, now) and compareUrgency(a, b, now) for the inbox
 */
export { ACTION_NAMES, isActionName, type ActionName } from './action-name.ts';
export { ACTOR_ROLES, OFFICER_ROLES, isActorRole, isOfficerRole, type ActorRole, type OfficerRole } from './actor-role.ts';
export { APPLICATION_STATUSES, FINAL_STATUSES, type ApplicationStatus } from './application-status.ts';
export { MIN_RATING, MAX_RATING, isRating } from './rating.ts';
export { WorkflowFault } from './workflow-fault.ts';

export { slaSpec, MAX_SLA_WORKING_DAYS, MAX_SLA_WORKING_HOURS, type SlaSpec } from './sla-spec.ts';
export {
  workflowDefinition, workflowState, workflowAction, breachRule, WORKFLOW_SPEC_VERSION, WAITING_FOR,
  type Workflow, type WorkflowState, type WorkflowAction, type BreachRule, type WaitingFor,
} from './workflow-schema.ts';
export { lintWorkflow, REASON_REQUIRED_ACTIONS, ACTION_OUTCOMES } from './lint-workflow.ts';
export { readWorkflow, MAX_WORKFLOW_BYTES, type ReadWorkflowResult } from './read-workflow.ts';
export { readWorkflows, type WorkflowFile, type ReadWorkflowsResult } from './read-workflows.ts';

export { WorkingCalendar, AP_OFFICE_HOURS, MAX_CLOSED_DAYS_IN_A_ROW, type OfficeHours, type WorkingCalendarOptions } from './working-calendar.ts';
export { readHolidays, holidaysFile, MAX_HOLIDAYS_BYTES, type HolidaysFile, type ReadHolidaysResult } from './read-holidays.ts';

export {
  workflowApplication, slaClock, historyEntry, APPLICATION_FORMAT,
  type WorkflowApplication, type SlaClock, type HistoryEntry,
} from './workflow-application.ts';
export { startApplication, type NewApplication } from './start-application.ts';
export { applyAction, MAX_REASON_LENGTH, REFUSAL_CODES, type ActionCommand, type ActionResult, type RefusalCode } from './apply-action.ts';
export { availableActions, type AvailableAction } from './available-actions.ts';
export { actingRoles } from './acting-roles.ts';

export { DUE_SOON_SHARE } from './start-clock.ts';
export { slaStatus, readClock, SLA_STATUS_URGENCY, type SlaReading, type SlaStatusValue, type ClockReading, type ClockStatus } from './sla-status.ts';
export { findBreaches, type Breach } from './find-breaches.ts';
export { applyBreach, type BreachResult } from './apply-breach.ts';
export { compareUrgency } from './compare-urgency.ts';

export { canAct } from './can-act.ts';
export { jurisdictionOf, withinJurisdiction, type Jurisdiction, type Officer, type ApplicationArea } from './jurisdiction.ts';
export { normalizeAreaName } from './normalize-area-name.ts';

export {
  workflowEvent, WORKFLOW_EVENT_SCHEMAS,
  type WorkflowEvent, type WorkflowEventType, type TransitionEvent,
} from './events/registry.ts';
