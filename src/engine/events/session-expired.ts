/** Fact: a half-finished service was paused after the idle timeout; its answers are kept. */
import { z } from 'zod';

/** `session_expired`; `trigger` says whether the scheduler or a late message noticed it. */
export const sessionExpired = z.object({
  type: z.literal('session_expired'),
  serviceId: z.string(),
  stepId: z.string().nullable(),
  idleMinutes: z.number(),
  trigger: z.enum(['idle_timeout', 'late_message']),
}).strict();
