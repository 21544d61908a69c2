/**
 * `ask_email`: an email address with a sensible shape check: one '@', a local part of the usual
 * characters without leading, trailing or double dots, and a domain of at least two labels
 * ending in a letter TLD. Stored with the domain in lower case. Deliverability is not checked.
 */
import type { z } from 'zod';
import type { askEmail } from '../definition/schema.ts';
import type { StepHandler } from './step-handler.ts';
import { questionText } from './question-text.ts';
import { answerText } from './answer-text.ts';

/** RFC 5321 §4.5.3.1.3: a path is at most 256 octets, so an address at most 254. */
export const MAX_EMAIL_LENGTH = 254;

const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** The normalised address, or null when `text` is not a plausible email address. */
export function parseEmail(text: string): string | null {
  const s = text.trim();
  if (s.length === 0 || s.length > MAX_EMAIL_LENGTH) return null;
  const at = s.lastIndexOf('@');
  if (at <= 0 || s.indexOf('@') !== at) return null;
  const local = s.slice(0, at);
  const domain = s.slice(at + 1).toLowerCase();
  if (local.length > 64 || !LOCAL.test(local)) return null;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return null;
  if (!/^[a-z]{2,}$/.test(labels[labels.length - 1])) return null;
  return `${local}@${domain}`;
}

/** The `ask_email` handler. */
export const askEmailStep: StepHandler<z.infer<typeof askEmail>> = {
  type: 'ask_email',
  accepts: ['text'],
  prompt: (step, ctx) => ({ type: 'text', body: questionText(step, ctx.lang) }),
  validate(_step, content) {
    const text = answerText(content);
    const email = text === null ? null : parseEmail(text);
    if (email === null) return { ok: false, reason: 'email_format' };
    return { ok: true, value: email, display: email };
  },
  display: (_step, value) => String(value),
};
