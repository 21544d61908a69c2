/**
 * `ask_mobile`: an Indian mobile number: 10 digits starting 6-9, optionally written with +91,
 * 91, 0091 or 0 in front and with spaces, hyphens or brackets (india-ids.json `mobile`). Stored
 * as the 10 digits; displayed masked "XXXXXX3210", like every personal number.
 */
import type { z } from 'zod';
import type { askMobile } from '../definition/schema.ts';
import { normalizeDigits } from '../../lib/normalize-digits.ts';
import { maskMobile } from '../../lib/mask.ts';
import { say } from '../texts.ts';
import type { StepHandler } from './step-handler.ts';
import { questionText } from './question-text.ts';
import { answerText } from './answer-text.ts';

/** The 10 national digits of a typed Indian mobile number, or a rejection reason. */
export function parseMobile(text: string): { ok: true; digits: string } | { ok: false; reason: 'mobile_length' | 'mobile_first_digit' } {
  let s = normalizeDigits(text).replace(/[\s\-().]/g, '');
  if (s.startsWith('+91')) s = s.slice(3);
  else if (s.startsWith('0091')) s = s.slice(4);
  else if (s.length === 12 && s.startsWith('91')) s = s.slice(2);
  else if (s.length === 11 && s.startsWith('0')) s = s.slice(1);
  if (!/^\d{10}$/.test(s)) return { ok: false, reason: 'mobile_length' };
  if (!/^[6-9]/.test(s)) return { ok: false, reason: 'mobile_first_digit' };
  return { ok: true, digits: s };
}

/** The `ask_mobile` handler. */
export const askMobileStep: StepHandler<z.infer<typeof askMobile>> = {
  type: 'ask_mobile',
  accepts: ['text'],
  prompt: (step, ctx) => ({ type: 'text', body: questionText(step, ctx.lang, say('hint_mobile', ctx.lang)) }),
  validate(_step, content) {
    const text = answerText(content);
    if (text === null) return { ok: false, reason: 'mobile_length' };
    const parsed = parseMobile(text);
    if (!parsed.ok) return { ok: false, reason: parsed.reason };
    return { ok: true, value: parsed.digits, display: maskMobile(parsed.digits) };
  },
  display: (_step, value) => maskMobile(String(value)),
};
