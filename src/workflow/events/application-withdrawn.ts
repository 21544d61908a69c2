/**
 * Fact: the citizen withdrew the application before a decision.
 */
import { z } from 'zod';
import { transitionFields } from './transition-fields.ts';

/** `application_withdrawn`, recorded by the `withdraw` action. */
export const applicationWithdrawn = z.object({
  type: z.literal('application_withdrawn'),
  ...transitionFields,
  action: z.literal('withdraw'),
}).strict();
