/**
 * Fact: the citizen answered an officer's request for more information and confirmed the
 * reply. The caller moves the application back to the office (the workflow's `resubmit`
 * action) in the same transaction, and links the files to the application.
 */
import { z } from 'zod';

/** `information_provided`. */
export const informationProvided = z.object({
  type: z.literal('information_provided'),
  /** The application whose request this answers. */
  reference: z.string(),
  /** What the citizen typed, parts joined by blank lines; empty when they sent only files. */
  text: z.string(),
  /** Files the citizen sent with the reply (table `documents`). */
  documentIds: z.array(z.string()),
  at: z.string(),
}).strict();
