/** Fact: an answer failed validation; `reason` is the message key shown to the citizen. */
import { z } from 'zod';

/** `input_rejected`. Never carries the rejected text: it may hold personal data. */
export const inputRejected = z.object({
  type: z.literal('input_rejected'),
  serviceId: z.string(),
  stepId: z.string(),
  reason: z.string(),
}).strict();
