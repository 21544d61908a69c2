/**
 * Fact: a grievance was closed, by the citizen (`close`, with a rating from 1 to 10) or by the
 * system after the citizen did not respond in time (`auto_close`, no rating), as DIGIT PGR's
 * auto-escalation closes resolved complaints.
 */
import { z } from 'zod';
import { transitionFields } from './transition-fields.ts';
import { MAX_RATING, MIN_RATING } from '../rating.ts';

/** `application_closed`, recorded by the `close` and `auto_close` actions. */
export const applicationClosed = z.object({
  type: z.literal('application_closed'),
  ...transitionFields,
  action: z.enum(['close', 'auto_close']),
  rating: z.number().int().min(MIN_RATING).max(MAX_RATING).optional(),
}).strict();
