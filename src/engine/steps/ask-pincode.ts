/**
 * `ask_pincode`: an Indian postal PIN code, 6 digits, first digit 1-9 (india-ids.json
 * `pinCode.simpleRegex`). The stricter unallocated-prefix list of validator.js is not applied:
 * it is not from India Post, and a wrong rejection would block a citizen.
 */
import type { z } from 'zod';
import type { askPincode } from '../definition/schema.ts';
import { normalizeDigits } from '../../lib/normalize-digits.ts';
import { say } from '../texts.ts';
import type { StepHandler } from './step-handler.ts';
import { questionText } from './question-text.ts';
import { answerText } from './answer-text.ts';

const PIN = /^[1-9]\d{5}$/;

/** The `ask_pincode` handler. */
export const askPincodeStep: StepHandler<z.infer<typeof askPincode>> = {
  type: 'ask_pincode',
  accepts: ['text'],
  prompt: (step, ctx) => ({ type: 'text', body: questionText(step, ctx.lang, say('hint_pincode', ctx.lang)) }),
  validate(_step, content) {
    const text = answerText(content);
    const pin = text === null ? '' : normalizeDigits(text).replace(/\s/g, '');
    if (!PIN.test(pin)) return { ok: false, reason: 'pincode_format' };
    return { ok: true, value: pin, display: pin };
  },
  display: (_step, value) => String(value),
};
