/**
 * Fact: an officer passed the application to another desk (`nextRoles` says whose); it is not a
 * decision.
 */
import { z } from 'zod';
import { transitionFields } from './transition-fields.ts';

/** `application_forwarded`, recorded by the `forward` action. */
export const applicationForwarded = z.object({
  type: z.literal('application_forwarded'),
  ...transitionFields,
  action: z.literal('forward'),
}).strict();
