/**
 * Fact: the citizen confirmed the review; the caller persists the application from this event.
 * `answers` holds full values (an Aadhaar number in full, for the department); anything shown to
 * people MUST mask it. Skipped optional steps are absent.
 */
import { z } from 'zod';
import { LANGUAGES } from '../../lib/languages.ts';
import { answerValue } from '../answer-value.ts';

/** `application_submitted`. */
export const applicationSubmitted = z.object({
  type: z.literal('application_submitted'),
  reference: z.string(),
  serviceId: z.string(),
  serviceVersion: z.number().int(),
  lang: z.enum(LANGUAGES),
  answers: z.record(z.string(), answerValue),
  documentIds: z.array(z.string()),
  location: z.object({ latitude: z.number(), longitude: z.number() }).strict().optional(),
  submittedAt: z.string(),
}).strict();
