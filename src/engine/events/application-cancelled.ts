/** Fact: the citizen cancelled a service half-way (or started it over); its answers are gone. */
import { z } from 'zod';

/** `application_cancelled`; `stepId` is where they were, null outside the questions. */
export const applicationCancelled = z.object({
  type: z.literal('application_cancelled'),
  serviceId: z.string(),
  serviceVersion: z.number().int(),
  stepId: z.string().nullable(),
  reason: z.enum(['citizen', 'start_over', 'replaced']),
}).strict();
