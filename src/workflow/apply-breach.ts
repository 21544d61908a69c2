/**
 * What the scheduled SLA job does to one application at `now` (DIGIT's auto-escalation, but
 * declared in the workflow): records each unrecorded breach as `sla_breached`, then, for a
 * breached state clock, takes the state's `onBreach` action as `system` (escalate to the next
 * level, lapse an unanswered request, close a resolved grievance nobody rated). Idempotent: a
 * second call at the same or a later `now` finds the breaches noted and returns no events,
 * unless the new state's own clock has run out too.
 */
import { currentState } from './current-state.ts';
import { findBreaches } from './find-breaches.ts';
import { takeTransition } from './take-transition.ts';
import { WorkflowFault } from './workflow-fault.ts';
import type { WorkflowEvent } from './events/registry.ts';
import type { WorkflowApplication } from './workflow-application.ts';
import type { Workflow } from './workflow-schema.ts';
import type { WorkingCalendar } from './working-calendar.ts';

/** The application with its breaches recorded, and the events to commit (none when on time). */
export interface BreachResult {
  application: WorkflowApplication;
  events: WorkflowEvent[];
}

/**
 * Records the breaches of `application` at `now` and applies the escalation rule. `application`
 * MUST follow `workflow`; a rule naming an action `system` cannot take throws `WorkflowFault`
 * (lint prevents it).
 */
export function applyBreach(workflow: Workflow, application: WorkflowApplication, now: Date, calendar: WorkingCalendar): BreachResult {
  const state = currentState(workflow, application);
  const breaches = findBreaches([application], now);
  if (breaches.length === 0) return { application, events: [] };
  const at = now.toISOString();
  const events: WorkflowEvent[] = breaches.map((b) => ({
    type: 'sla_breached', reference: application.reference, workflowId: workflow.id, workflowVersion: workflow.version,
    scope: b.scope, state: state.id, applicationStatus: application.applicationStatus, deadline: b.deadline, overdueMs: b.overdueMs, at,
  }));
  let next: WorkflowApplication = {
    ...application,
    stateClock: application.stateClock && breaches.some((b) => b.scope === 'state') ? { ...application.stateClock, breachNotedAt: at } : application.stateClock,
    overallClock: breaches.some((b) => b.scope === 'overall') ? { ...application.overallClock, breachNotedAt: at } : application.overallClock,
  };
  const rule = state.onBreach;
  if (rule && breaches.some((b) => b.scope === 'state')) {
    const transition = state.actions.find((a) => a.action === rule.action);
    if (!transition || !transition.roles.includes('system')) {
      throw new WorkflowFault('workflow:bad-breach-rule', `state '${state.id}' of ${workflow.id}: 'system' cannot take onBreach action '${rule.action}'`, { workflow: workflow.id, state: state.id });
    }
    const moved = takeTransition(workflow, next, transition, { actorRole: 'system', at: now }, calendar, rule.escalateTo ? { escalateTo: rule.escalateTo } : {});
    next = moved.application;
    events.push(moved.event);
  }
  return { application: next, events };
}
