/**
 * Fact: a grievance was assigned to the field staff who will resolve it.
 */
import { z } from 'zod';
import { transitionFields } from './transition-fields.ts';

/** `application_assigned`, recorded by the `assign` action. */
export const applicationAssigned = z.object({
  type: z.literal('application_assigned'),
  ...transitionFields,
  action: z.literal('assign'),
}).strict();
