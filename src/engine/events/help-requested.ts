/** Fact: the citizen asked for help (for analytics: which steps confuse people). */
import { z } from 'zod';

/** `help_requested`; ids are null outside a service. */
export const helpRequested = z.object({
  type: z.literal('help_requested'),
  serviceId: z.string().nullable(),
  stepId: z.string().nullable(),
}).strict();
