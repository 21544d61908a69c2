/**
 * `ask_date`: a calendar date in any form `parseDate` reads, within the step's bounds. Stored
 * as ISO 'YYYY-MM-DD', displayed 'DD-MM-YYYY'.
 */
import type { z } from 'zod';
import type { askDate } from '../definition/schema.ts';
import { parseDate } from '../../lib/parse-date.ts';
import { indiaDate } from '../../lib/india-date.ts';
import { say } from '../texts.ts';
import type { StepHandler } from './step-handler.ts';
import { questionText } from './question-text.ts';
import { answerText } from './answer-text.ts';
import { displayDate, resolveDateBound } from './date-bound.ts';

/** The `ask_date` handler. */
export const askDateStep: StepHandler<z.infer<typeof askDate>> = {
  type: 'ask_date',
  accepts: ['text'],
  prompt: (step, ctx) => ({ type: 'text', body: questionText(step, ctx.lang, say('hint_date', ctx.lang)) }),
  validate(step, content, ctx) {
    const text = answerText(content);
    if (text === null) return { ok: false, reason: 'date_format' };
    const currentYear = Number(indiaDate(ctx.now).slice(0, 4));
    const parsed = parseDate(text, currentYear);
    if (!parsed.ok) return { ok: false, reason: parsed.reason };
    const min = step.min ? resolveDateBound(step.min, ctx.now) : null;
    const max = step.max ? resolveDateBound(step.max, ctx.now) : null;
    // ISO dates compare correctly as strings.
    if (min && parsed.iso < min) return { ok: false, reason: 'date_too_early', params: { min: displayDate(min) } };
    if (max && parsed.iso > max) return { ok: false, reason: 'date_too_late', params: { max: displayDate(max) } };
    return { ok: true, value: parsed.iso, display: displayDate(parsed.iso) };
  },
  display: (_step, value) => displayDate(String(value)),
};
