/**
 * Fact: secretariat staff verified the application (documents, field enquiry) and sent it on for a
 * decision.
 */
import { z } from 'zod';
import { transitionFields } from './transition-fields.ts';

/** `application_verified`, recorded by the `verify` action. */
export const applicationVerified = z.object({
  type: z.literal('application_verified'),
  ...transitionFields,
  action: z.literal('verify'),
}).strict();
