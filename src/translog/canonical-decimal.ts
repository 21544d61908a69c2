const DECIMAL = /^(?:0|[1-9][0-9]{0,15})$/;
const MAX = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Parses the ASCII decimal the C2SP formats use for sizes, indices and timestamps: digits only,
 * no sign, no leading zeros (except `0` itself). Values above 2^53 − 1 are refused, as this
 * module represents sizes as JavaScript numbers. Returns `undefined` when not acceptable.
 */
export function parseCanonicalDecimal(text: string): number | undefined {
  if (!DECIMAL.test(text)) return undefined;
  if (text.length === 16 && BigInt(text) > MAX) return undefined;
  return Number(text);
}
