/**
 * The shape of a workflow definition (`catalog/workflows/<id>.yaml`), modelled on DIGIT's
 * egov-workflow-v2 "BusinessService": a start state, states that each carry the status the
 * citizen sees, a state SLA and the actions that leave them (each with its next state and the
 * roles allowed to take it), terminal states, and an overall SLA for the whole application.
 * Unlike DIGIT, actions are a closed vocabulary (`ACTION_NAMES`), SLAs are in working time,
 * and escalation on a breached state SLA is part of the definition (`onBreach`), not a
 * separate table. What zod cannot see (dangling states, dead ends) is `lint-workflow.ts`.
 */
import { z } from 'zod';
import { ACTION_NAMES } from './action-name.ts';
import { ACTOR_ROLES, OFFICER_ROLES } from './actor-role.ts';
import { APPLICATION_STATUSES } from './application-status.ts';
import { slaSpec } from './sla-spec.ts';

/** The spec version this code reads; files with a newer one are refused. */
export const WORKFLOW_SPEC_VERSION = 1;

/** Workflow ids are kebab-case, as their file names: `certificate-two-level`. */
export const WORKFLOW_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/** State ids are snake_case: `pending_approval`. */
export const STATE_ID = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

const listed = (what: string, values: readonly string[]) => (issue: { input?: unknown }) =>
  `unknown ${what} '${String(issue.input)}' (one of: ${values.join(', ')})`;

/** Who must act next in a state: the office (its SLA runs) or the citizen (the overall SLA pauses). */
export const WAITING_FOR = ['office', 'citizen'] as const;

/** One action that leaves a state. */
export const workflowAction = z.object({
  action: z.enum(ACTION_NAMES, { error: listed('action', ACTION_NAMES) }),
  /** The state the application moves to. MUST differ from the state the action leaves. */
  to: z.string().regex(STATE_ID, 'must be a snake_case state id'),
  /** Roles allowed to take it (DIGIT `roles`); `citizen` and `system` are pseudo-roles. */
  roles: z.array(z.enum(ACTOR_ROLES, { error: listed('role', ACTOR_ROLES) })).min(1),
  /** When true the actor MUST give a reason, which the citizen is shown. */
  reasonRequired: z.boolean().default(false),
  /** When true the actor MUST give a rating from 1 to 10 (the citizen closing a grievance). */
  ratingRequired: z.boolean().default(false),
}).strict();

/** What the system does when a state's SLA is breached. */
export const breachRule = z.object({
  /** An action of the same state that `system` may take, such as `escalate` or `lapse`. */
  action: z.enum(ACTION_NAMES, { error: listed('action', ACTION_NAMES) }),
  /** The officer level told of the escalation; it MUST be able to act in the next state. */
  escalateTo: z.enum(OFFICER_ROLES, { error: listed('role', OFFICER_ROLES) }).optional(),
}).strict();

/** One state of the lifecycle. */
export const workflowState = z.object({
  id: z.string().regex(STATE_ID, 'must be a snake_case state id'),
  /** What the citizen is shown (DIGIT `applicationStatus`). */
  applicationStatus: z.enum(APPLICATION_STATUSES, { error: listed('applicationStatus', APPLICATION_STATUSES) }),
  /** True for end states (DIGIT `isTerminateState`): no action leaves them, no SLA runs. */
  terminal: z.boolean().default(false),
  /** `citizen` when the application waits for the applicant: the overall SLA is paused. */
  waitingFor: z.enum(WAITING_FOR).default('office'),
  /** The state SLA. Required on every state that is not terminal (lint). */
  sla: slaSpec.optional(),
  /** What happens when the state SLA is breached; without it the breach is only reported. */
  onBreach: breachRule.optional(),
  /** The actions that leave this state. */
  actions: z.array(workflowAction).default([]),
}).strict();

/** A workflow definition, after validation. */
export const workflowDefinition = z.object({
  specVersion: z.number().int().min(1).max(WORKFLOW_SPEC_VERSION),
  id: z.string().regex(WORKFLOW_ID, 'must be a kebab-case id'),
  /** Bump on every change to a published workflow: applications finish on the version they began. */
  version: z.number().int('must be a whole number from 1').min(1, 'must be a whole number from 1'),
  /** For the operator: who does what, in one or two sentences. */
  description: z.string().min(1),
  /** The state every new application enters (DIGIT `isStartState`). */
  start: z.string().regex(STATE_ID, 'must be a snake_case state id'),
  /** The overall SLA (DIGIT `businessServiceSla`); a service's own charter limit may replace it. */
  sla: slaSpec,
  states: z.array(workflowState).min(2),
}).strict();

/** A validated workflow definition. */
export type Workflow = z.infer<typeof workflowDefinition>;
/** One state of a workflow. */
export type WorkflowState = z.infer<typeof workflowState>;
/** One action leaving a state. */
export type WorkflowAction = z.infer<typeof workflowAction>;
/** A state's escalation rule. */
export type BreachRule = z.infer<typeof breachRule>;
/** Who an application waits for. */
export type WaitingFor = (typeof WAITING_FOR)[number];
