/**
 * Fact: an officer asked the citizen for more information or documents; `reason` says what is
 * needed and the application waits for the citizen, with the overall SLA paused.
 */
import { z } from 'zod';
import { transitionFields } from './transition-fields.ts';

/** `information_requested`, recorded by the `request_info` action. */
export const informationRequested = z.object({
  type: z.literal('information_requested'),
  ...transitionFields,
  action: z.literal('request_info'),
  reason: z.string().min(1),
}).strict();
