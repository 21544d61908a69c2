/**
 * Fact: a citizen reached a step that needs a department system or the payment gateway, and
 * it is not connected. Counting these shows operators which integrations citizens wait for.
 */
import { z } from 'zod';

/** `integration_unavailable`: `system` is a `systems.yaml` id (`payments` for the gateway). */
export const integrationUnavailable = z.object({
  type: z.literal('integration_unavailable'),
  serviceId: z.string(),
  stepId: z.string(),
  system: z.string(),
}).strict();
