/**
 * The Verhoeff check-digit scheme (dihedral group D5), used by Aadhaar (12 digits) and the
 * Aadhaar Virtual ID (16 digits): a number is valid when its checksum over all digits is 0.
 * Verhoeff catches every single-digit error and every adjacent transposition, which is why
 * UIDAI chose it. Tables as published by Verhoeff (1969) and in every reference implementation.
 */

// d(j, k): multiplication in D5.
const MULTIPLY: readonly (readonly number[])[] = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];

// p(i, n): the permutation applied to the digit at position i (from the right), period 8.
const PERMUTE: readonly (readonly number[])[] = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

// inv(j): the inverse in D5.
const INVERSE: readonly number[] = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

const DIGITS_ONLY = /^\d+$/;

function checksumFrom(digits: string, offset: number): number {
  let c = 0;
  for (let i = 0; i < digits.length; i++) {
    const digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    c = MULTIPLY[c][PERMUTE[(i + offset) % 8][digit]];
  }
  return c;
}

/**
 * The Verhoeff checksum of `digits` (ASCII digits only, at least one). 0 means the number,
 * including its last digit as check digit, is valid. Throws a TypeError on anything but digits:
 * callers normalise citizen input first.
 */
export function verhoeffChecksum(digits: string): number {
  if (!DIGITS_ONLY.test(digits)) throw new TypeError('verhoeffChecksum: digits only');
  return checksumFrom(digits, 0);
}

/** The check digit to append to `digits` so that the result has checksum 0. */
export function verhoeffCheckDigit(digits: string): string {
  if (!DIGITS_ONLY.test(digits)) throw new TypeError('verhoeffCheckDigit: digits only');
  // Positions shift by one because the check digit will take position 0.
  return String(INVERSE[checksumFrom(digits, 1)]);
}

/** True when `digits` is a non-empty run of ASCII digits whose Verhoeff checksum is 0. */
export function isVerhoeffValid(digits: string): boolean {
  return DIGITS_ONLY.test(digits) && checksumFrom(digits, 0) === 0;
}
