/**
 * Every event the workflow module emits, listed once (STYLE.md 4). The caller validates with
 * `workflowEvent` before persisting; tests check every emitted event against it and that every
 * action of `ACTION_NAMES` has its event here.
 */
import { z } from 'zod';
import { applicationVerified } from './application-verified.ts';
import { applicationApproved } from './application-approved.ts';
import { applicationRejected } from './application-rejected.ts';
import { informationRequested } from './information-requested.ts';
import { applicationResubmitted } from './application-resubmitted.ts';
import { applicationForwarded } from './application-forwarded.ts';
import { applicationSentBack } from './application-sent-back.ts';
import { applicationEscalated } from './application-escalated.ts';
import { applicationAssigned } from './application-assigned.ts';
import { applicationResolved } from './application-resolved.ts';
import { applicationClosed } from './application-closed.ts';
import { applicationReopened } from './application-reopened.ts';
import { applicationWithdrawn } from './application-withdrawn.ts';
import { applicationLapsed } from './application-lapsed.ts';
import { slaBreached } from './sla-breached.ts';

/** The schema of every event type, by `type`. */
export const WORKFLOW_EVENT_SCHEMAS = {
  application_verified: applicationVerified,
  application_approved: applicationApproved,
  application_rejected: applicationRejected,
  information_requested: informationRequested,
  application_resubmitted: applicationResubmitted,
  application_forwarded: applicationForwarded,
  application_sent_back: applicationSentBack,
  application_escalated: applicationEscalated,
  application_assigned: applicationAssigned,
  application_resolved: applicationResolved,
  application_closed: applicationClosed,
  application_reopened: applicationReopened,
  application_withdrawn: applicationWithdrawn,
  application_lapsed: applicationLapsed,
  sla_breached: slaBreached,
} as const;

/** Any workflow event, discriminated by `type`. */
export const workflowEvent = z.discriminatedUnion('type', [
  applicationVerified, applicationApproved, applicationRejected, informationRequested,
  applicationResubmitted, applicationForwarded, applicationSentBack, applicationEscalated,
  applicationAssigned, applicationResolved, applicationClosed, applicationReopened,
  applicationWithdrawn, applicationLapsed, slaBreached,
]);

/** An event emitted by `applyAction` or `applyBreach`. */
export type WorkflowEvent = z.infer<typeof workflowEvent>;
/** The `type` of every workflow event. */
export type WorkflowEventType = WorkflowEvent['type'];
/** An event recording an action (every event but `sla_breached`). */
export type TransitionEvent = Exclude<WorkflowEvent, { type: 'sla_breached' }>;
