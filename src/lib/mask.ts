/**
 * How personal numbers are shown to anyone, the citizen included: only the last four digits.
 * Aadhaar follows the MeitY / UIDAI masking form "XXXX XXXX 1234"; mobile numbers use the same
 * idea "XXXXXX3210". The full value may be stored, never displayed (Aadhaar Act 2016 §29).
 */

/** Digits shown at the end of a masked number. */
export const VISIBLE_DIGITS = 4;

/** Masks a 12-digit Aadhaar number as "XXXX XXXX 1234". Any input gives the same shape. */
export function maskAadhaar(aadhaar: string): string {
  const digits = aadhaar.replace(/\D/g, '');
  return `XXXX XXXX ${digits.slice(-VISIBLE_DIGITS).padStart(VISIBLE_DIGITS, 'X')}`;
}

/** Masks a 10-digit mobile number as "XXXXXX3210". */
export function maskMobile(mobile: string): string {
  const digits = mobile.replace(/\D/g, '').slice(-10);
  const hidden = Math.max(0, digits.length - VISIBLE_DIGITS);
  return `${'X'.repeat(hidden)}${digits.slice(-VISIBLE_DIGITS)}`;
}
