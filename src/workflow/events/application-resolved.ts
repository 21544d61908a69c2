/**
 * Fact: staff recorded a grievance as resolved; the citizen may now close it with a rating or
 * reopen it.
 */
import { z } from 'zod';
import { transitionFields } from './transition-fields.ts';

/** `application_resolved`, recorded by the `resolve` action. */
export const applicationResolved = z.object({
  type: z.literal('application_resolved'),
  ...transitionFields,
  action: z.literal('resolve'),
}).strict();
