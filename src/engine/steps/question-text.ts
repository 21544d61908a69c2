/**
 * The text of a question: the definition's prompt, an optional hint (an example of the
 * expected form), and the "optional, send skip" note for optional steps.
 */
import type { QuestionStep } from '../definition/schema.ts';
import { say, type TextKey } from '../texts.ts';
import type { Lang } from '../../lib/languages.ts';

/** The question text for `step` in `lang`, with `hint` (a TEXTS key) on its own line. */
export function questionText(step: QuestionStep, lang: Lang, hint?: string): string {
  const lines = [step.prompt[lang]];
  if (hint) lines.push(`_${hint}_`);
  if (step.optional) lines.push(say('skip_hint', lang));
  return lines.join('\n\n');
}

/** Shorthand for a hint taken from TEXTS. */
export function hintText(key: TextKey, lang: Lang, params: Record<string, string | number> = {}): string {
  return say(key, lang, params);
}
