/** Fact: the citizen agreed to the consent text and the first question of a service follows. */
import { z } from 'zod';
import { LANGUAGES } from '../../lib/languages.ts';

/** `service_started`, with the definition version the application will keep. */
export const serviceStarted = z.object({
  type: z.literal('service_started'),
  serviceId: z.string(),
  serviceVersion: z.number().int(),
  lang: z.enum(LANGUAGES),
}).strict();
