/**
 * Fact: the application was escalated, usually by the system when a state SLA was breached;
 * `escalateTo` names the officer level now answerable.
 */
import { z } from 'zod';
import { OFFICER_ROLES } from '../actor-role.ts';
import { transitionFields } from './transition-fields.ts';

/** `application_escalated`, recorded by the `escalate` action. */
export const applicationEscalated = z.object({
  type: z.literal('application_escalated'),
  ...transitionFields,
  action: z.literal('escalate'),
  escalateTo: z.enum(OFFICER_ROLES).optional(),
}).strict();
