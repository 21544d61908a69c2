import { TranslogError } from './translog-error.ts';

/**
 * Largest tree size (and leaf index + 1) this module handles: 2^53 − 1, the largest integer a
 * JavaScript number holds exactly. The C2SP formats allow up to 2^64 − 1; sizes above this
 * limit are rejected as malformed by the parsers, which no real log will reach.
 */
export const MAX_TREE_SIZE = Number.MAX_SAFE_INTEGER;

// Tree sizes exceed 32 bits, so JavaScript's bitwise operators (which truncate to int32) are
// only ever applied to the 32-bit halves below, never to a whole size.
const TWO_POW_32 = 0x1_0000_0000;

/** Number of bits needed to write `x` (0 for 0). `x` MUST be a non-negative safe integer. */
export function bitLength(x: number): number {
  return x < TWO_POW_32 ? 32 - Math.clz32(x) : 64 - Math.clz32(Math.floor(x / TWO_POW_32));
}

/** Largest power of two that divides `x` (its lowest set bit). `x` MUST be a positive safe integer. */
export function lowestSetBit(x: number): number {
  const low = x % TWO_POW_32;
  if (low !== 0) return (low & -low) >>> 0;
  const high = Math.floor(x / TWO_POW_32);
  return ((high & -high) >>> 0) * TWO_POW_32;
}

/**
 * The `k` of RFC 6962 §2.1: the largest power of two strictly smaller than `n`.
 * `n` MUST be at least 2.
 */
export function largestPowerOfTwoBelow(n: number): number {
  return 2 ** (bitLength(n - 1) - 1);
}

/** Whether `x` is 2^k for some k ≥ 0. */
export function isPowerOfTwo(x: number): boolean {
  return x > 0 && lowestSetBit(x) === x;
}

/** Whether `x` is a usable tree size or leaf index: an integer in [0, MAX_TREE_SIZE]. */
export function isTreeSize(x: number): boolean {
  return Number.isSafeInteger(x) && x >= 0;
}

/**
 * Throws `TranslogError` (`tree:bad-size`) unless every value is an integer in
 * [0, MAX_TREE_SIZE]. For preconditions of functions whose callers already parsed their input.
 */
export function assertTreeSizes(values: Readonly<Record<string, number>>): void {
  for (const [name, value] of Object.entries(values)) {
    if (!isTreeSize(value)) {
      throw new TranslogError('tree:bad-size', `${name} must be an integer in [0, 2^53-1]`, { [name]: value });
    }
  }
}
