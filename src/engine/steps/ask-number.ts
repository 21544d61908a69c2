/**
 * `ask_number`: a number as citizens type it: "45000", "45,000", "1,20,000" (Indian grouping),
 * "₹ 45000", "Rs. 45,000/-", decimals when the step is not integer-only; Telugu and
 * Devanagari digits too. Displayed with Indian grouping and the step's unit.
 */
import type { z } from 'zod';
import type { askNumber } from '../definition/schema.ts';
import { normalizeDigits } from '../../lib/normalize-digits.ts';
import { formatIndianNumber } from '../../lib/format-indian-number.ts';
import { say } from '../texts.ts';
import type { StepHandler } from './step-handler.ts';
import { questionText } from './question-text.ts';
import { answerText } from './answer-text.ts';

// Plain digits, Indian grouping (1,20,000) or international grouping (120,000), then decimals.
const NUMBER = /^-?(\d+|\d{1,2}(,\d{2})*,\d{3}|\d{1,3}(,\d{3})+)(\.\d+)?$/;
// Currency marks and the "/-" that closes rupee amounts on Indian forms.
const DECORATION = /^(₹|rs\.?|inr)\s*|\s*(\/-|rs\.?|rupees|₹)$/gi;

/** Parses a typed number, or null. Exported for the table tests. */
export function parseNumber(text: string): number | null {
  const clean = normalizeDigits(text).trim().replace(DECORATION, '').replace(/\s+/g, '');
  if (!NUMBER.test(clean)) return null;
  const value = Number(clean.replace(/,/g, ''));
  return Number.isFinite(value) ? value : null;
}

/** The `ask_number` handler. */
export const askNumberStep: StepHandler<z.infer<typeof askNumber>> = {
  type: 'ask_number',
  accepts: ['text'],
  prompt: (step, ctx) => ({ type: 'text', body: questionText(step, ctx.lang) }),
  validate(step, content, ctx) {
    const text = answerText(content);
    if (text === null) return { ok: false, reason: 'number_format' };
    const value = parseNumber(text);
    if (value === null) return { ok: false, reason: 'number_format' };
    if (step.integer && !Number.isInteger(value)) return { ok: false, reason: 'number_integer' };
    if (step.min !== undefined && value < step.min) return { ok: false, reason: 'number_too_small', params: { min: formatIndianNumber(step.min) } };
    if (step.max !== undefined && value > step.max) return { ok: false, reason: 'number_too_large', params: { max: formatIndianNumber(step.max) } };
    return { ok: true, value, display: askNumberStep.display(step, value, ctx.lang) };
  },
  display(step, value, lang) {
    const n = typeof value === 'number' ? formatIndianNumber(value) : String(value);
    switch (step.unit) {
      case 'rupees': return `₹${n}`;
      case 'acres': return say('unit_acres', lang, { n });
      case 'years': return say('unit_years', lang, { n });
      case 'members': return say('unit_members', lang, { n });
      default: return n;
    }
  },
};
