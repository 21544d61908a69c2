/**
 * Fact: an officer approved the application. For a certificate the caller issues it after
 * committing this event.
 */
import { z } from 'zod';
import { transitionFields } from './transition-fields.ts';

/** `application_approved`, recorded by the `approve` action. */
export const applicationApproved = z.object({
  type: z.literal('application_approved'),
  ...transitionFields,
  action: z.literal('approve'),
}).strict();
