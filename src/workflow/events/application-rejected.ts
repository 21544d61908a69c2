/**
 * Fact: an officer rejected the application. `reason` is always present (lint requires it) and is
 * sent to the citizen.
 */
import { z } from 'zod';
import { transitionFields } from './transition-fields.ts';

/** `application_rejected`, recorded by the `reject` action. */
export const applicationRejected = z.object({
  type: z.literal('application_rejected'),
  ...transitionFields,
  action: z.literal('reject'),
  reason: z.string().min(1),
}).strict();
