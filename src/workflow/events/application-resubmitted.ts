/**
 * Fact: the citizen answered a request for information; the application is back with the office
 * and the overall SLA runs again.
 */
import { z } from 'zod';
import { transitionFields } from './transition-fields.ts';

/** `application_resubmitted`, recorded by the `resubmit` action. */
export const applicationResubmitted = z.object({
  type: z.literal('application_resubmitted'),
  ...transitionFields,
  action: z.literal('resubmit'),
}).strict();
