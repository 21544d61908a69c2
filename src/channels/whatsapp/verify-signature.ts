/**
 * Webhook signatures (whatsapp-cloud-api.md §2.2). Meta signs every webhook POST with
 * `X-Hub-Signature-256: sha256=<lowercase hex HMAC-SHA256(app secret, raw body bytes)>`.
 * The HMAC MUST be computed over the bytes exactly as received: Meta signs an escaped-unicode
 * serialisation, so re-serialising parsed JSON breaks every Telugu or Hindi message.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header prefix Meta puts before the hex digest. */
const SIGNATURE_PREFIX = 'sha256=';
/** A SHA-256 digest is 32 bytes, 64 hex digits. */
const SHA256_HEX_LENGTH = 64;
const HEX_DIGEST = /^[0-9a-fA-F]{64}$/;

/**
 * The `X-Hub-Signature-256` header value for `rawBody` under `appSecret`. Used by the Graph API
 * double and the simulator to sign what they post, exactly as Meta does.
 */
export function signBody(rawBody: Buffer | string, appSecret: string): string {
  const digest = createHmac('sha256', appSecret).update(rawBody).digest('hex');
  return `${SIGNATURE_PREFIX}${digest}`;
}

/**
 * True only when `header` is a well-formed `sha256=<64 hex>` value equal to the HMAC of
 * `rawBody`. Compares in constant time (`timingSafeEqual`, after a length check, since it throws
 * on unequal lengths). Missing, malformed or wrongly prefixed headers are false, never a throw.
 * An empty `appSecret` never verifies: an unconfigured secret must not accept forged posts.
 */
export function verifySignature(rawBody: Buffer, header: string | undefined, appSecret: string): boolean {
  if (typeof header !== 'string' || appSecret.length === 0) return false;
  const trimmed = header.trim();
  if (!trimmed.toLowerCase().startsWith(SIGNATURE_PREFIX)) return false;
  const claimedHex = trimmed.slice(SIGNATURE_PREFIX.length);
  if (claimedHex.length !== SHA256_HEX_LENGTH || !HEX_DIGEST.test(claimedHex)) return false;
  const claimed = Buffer.from(claimedHex, 'hex');
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  if (claimed.length !== expected.length) return false;
  return timingSafeEqual(claimed, expected);
}
