/**
 * `ask_text`: free text, trimmed, with optional length bounds and a pattern. Text answers longer
 * than `DEFAULT_MAX_TEXT` are refused even when the definition sets no maximum, so one message
 * cannot fill an application with pages of text.
 */
import type { z } from 'zod';
import type { askText } from '../definition/schema.ts';
import { textLength } from '../../lib/message-limits.ts';
import type { StepHandler } from './step-handler.ts';
import { questionText } from './question-text.ts';
import { answerText } from './answer-text.ts';

/** The longest text accepted when a definition sets no `maxLength`. */
export const DEFAULT_MAX_TEXT = 500;

/** Whitespace runs inside an answer collapse to one space. */
const WHITESPACE = /\s+/g;

function compilePattern(pattern: string): RegExp | null {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u');
  } catch {
    return null;
  }
}

/** The `ask_text` handler. */
export const askTextStep: StepHandler<z.infer<typeof askText>> = {
  type: 'ask_text',
  accepts: ['text'],
  prompt: (step, ctx) => ({ type: 'text', body: questionText(step, ctx.lang) }),
  validate(step, content) {
    const raw = answerText(content);
    if (raw === null || raw.length === 0) return { ok: false, reason: 'text_needed' };
    const text = raw.replace(WHITESPACE, ' ');
    const minLength = step.minLength ?? 1;
    const maxLength = step.maxLength ?? DEFAULT_MAX_TEXT;
    if (textLength(text) < minLength) return { ok: false, reason: 'text_too_short', params: { minLength } };
    if (textLength(text) > maxLength) return { ok: false, reason: 'text_too_long', params: { maxLength } };
    if (step.pattern !== undefined) {
      const re = compilePattern(step.pattern);
      if (re === null || !re.test(text)) return { ok: false, reason: 'text_pattern' };
    }
    return { ok: true, value: text, display: text };
  },
  display: (_step, value) => String(value),
};
