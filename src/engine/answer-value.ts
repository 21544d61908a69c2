/**
 * The value stored for one answered step. Plain JSON, so sessions and events round-trip.
 * Text, choice (option id), Aadhaar, mobile, PIN, email and dates are strings (dates ISO
 * 'YYYY-MM-DD'); numbers are numbers; files and locations are small objects.
 */
import { z } from 'zod';

/** A file the citizen attached, already stored by the processor. */
export const mediaAnswer = z.object({
  documentId: z.string(),
  mimeType: z.string(),
  bytes: z.number(),
  filename: z.string(),
}).strict();

/** A location the citizen shared. */
export const locationAnswer = z.object({
  latitude: z.number(),
  longitude: z.number(),
  name: z.string().optional(),
  address: z.string().optional(),
}).strict();

/** Any answer value; see the file comment for which step stores which shape. */
export const answerValue = z.union([z.string(), z.number(), z.boolean(), mediaAnswer, locationAnswer]);

/** The value of one answer. */
export type AnswerValue = z.infer<typeof answerValue>;
/** A stored file answer. */
export type MediaAnswer = z.infer<typeof mediaAnswer>;
/** A shared location answer. */
export type LocationAnswer = z.infer<typeof locationAnswer>;
