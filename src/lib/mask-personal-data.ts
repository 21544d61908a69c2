/**
 * Masks personal numbers in free text before it reaches a log line: Aadhaar numbers (12 digits,
 * possibly grouped 4-4-4) keep their last 4 digits, and phone numbers (10 digits, optionally with
 * a 91 / +91 / 0 prefix, or a 12-digit WhatsApp id) keep their last 4. Logs are read by people who
 * must not see either (Aadhaar Act 2016 §29; DPDP Act 2023).
 */

// Longest patterns first: a 12-digit run may be an Aadhaar number or a 91-prefixed phone number;
// both are masked the same way, so the order only decides the label.
const AADHAAR_GROUPED = /(?<!\d)([2-9]\d{3})[ -](\d{4})[ -](\d{4})(?!\d)/g;
const LONG_DIGITS = /(?<!\d)\+?\d{10,13}(?!\d)/g;

/** Returns `text` with Aadhaar and phone numbers masked, e.g. "XXXXXXXX1234". */
export function maskPersonalData(text: string): string {
  return text
    .replace(AADHAAR_GROUPED, (_m, _a, _b, last: string) => `XXXX XXXX ${last}`)
    .replace(LONG_DIGITS, (m) => `${'X'.repeat(m.length - 4)}${m.slice(-4)}`);
}

/** Applies {@link maskPersonalData} to every string inside `value` (objects and arrays too). */
export function maskDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskPersonalData(value);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1));
  if (value instanceof Error) return { type: value.name, message: maskPersonalData(value.message), stack: value.stack && maskPersonalData(value.stack) };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = maskDeep(v, depth + 1);
  return out;
}
