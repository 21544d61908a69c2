/** Fact: the citizen sent something the conversation could not use at that point. */
import { z } from 'zod';

/** `unexpected_message`; `contentType` is the inbound content type (or media kind). */
export const unexpectedMessage = z.object({
  type: z.literal('unexpected_message'),
  contentType: z.string(),
}).strict();
