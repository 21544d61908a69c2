/** Fact: the citizen chose (or changed) their language. */
import { z } from 'zod';
import { LANGUAGES } from '../../lib/languages.ts';

/** `language_chosen`: `previous` is null on first contact. */
export const languageChosen = z.object({
  type: z.literal('language_chosen'),
  lang: z.enum(LANGUAGES),
  previous: z.enum(LANGUAGES).nullable(),
}).strict();
