/**
 * Fact: the citizen did not answer a request for information in time, so the system closed the
 * application.
 */
import { z } from 'zod';
import { transitionFields } from './transition-fields.ts';

/** `application_lapsed`, recorded by the `lapse` action. */
export const applicationLapsed = z.object({
  type: z.literal('application_lapsed'),
  ...transitionFields,
  action: z.literal('lapse'),
}).strict();
