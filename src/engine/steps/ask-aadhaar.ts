/**
 * `ask_aadhaar`: a 12-digit Aadhaar number (spaces and hyphens allowed), first digit 2-9,
 * Verhoeff check digit valid. The full number is stored for the department; it is NEVER shown:
 * displays use "XXXX XXXX 1234" and rejection reasons never repeat what was typed.
 */
import type { z } from 'zod';
import type { askAadhaar } from '../definition/schema.ts';
import { normalizeDigits } from '../../lib/normalize-digits.ts';
import { isVerhoeffValid } from '../../lib/verhoeff.ts';
import { maskAadhaar } from '../../lib/mask.ts';
import { say } from '../texts.ts';
import type { StepHandler } from './step-handler.ts';
import { questionText } from './question-text.ts';
import { answerText } from './answer-text.ts';

/** Digits in an Aadhaar number. */
export const AADHAAR_DIGITS = 12;

/** The `ask_aadhaar` handler. */
export const askAadhaarStep: StepHandler<z.infer<typeof askAadhaar>> = {
  type: 'ask_aadhaar',
  accepts: ['text'],
  prompt: (step, ctx) => ({ type: 'text', body: questionText(step, ctx.lang, say('hint_aadhaar', ctx.lang)) }),
  validate(_step, content) {
    const text = answerText(content);
    if (text === null) return { ok: false, reason: 'aadhaar_length' };
    const digits = normalizeDigits(text).replace(/[\s-]/g, '');
    if (!/^\d+$/.test(digits) || digits.length !== AADHAAR_DIGITS) return { ok: false, reason: 'aadhaar_length' };
    if (digits[0] === '0' || digits[0] === '1') return { ok: false, reason: 'aadhaar_first_digit' };
    if (!isVerhoeffValid(digits)) return { ok: false, reason: 'aadhaar_checksum' };
    return { ok: true, value: digits, display: maskAadhaar(digits) };
  },
  display: (_step, value) => maskAadhaar(String(value)),
};
