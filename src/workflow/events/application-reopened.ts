/**
 * Fact: the citizen reopened a resolved grievance, saying why.
 */
import { z } from 'zod';
import { transitionFields } from './transition-fields.ts';

/** `application_reopened`, recorded by the `reopen` action. */
export const applicationReopened = z.object({
  type: z.literal('application_reopened'),
  ...transitionFields,
  action: z.literal('reopen'),
  reason: z.string().min(1),
}).strict();
