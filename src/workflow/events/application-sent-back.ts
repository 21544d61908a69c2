/**
 * Fact: an officer returned the application to an earlier desk, with the reason, for example for
 * verification again.
 */
import { z } from 'zod';
import { transitionFields } from './transition-fields.ts';

/** `application_sent_back`, recorded by the `send_back` action. */
export const applicationSentBack = z.object({
  type: z.literal('application_sent_back'),
  ...transitionFields,
  action: z.literal('send_back'),
  reason: z.string().min(1),
}).strict();
