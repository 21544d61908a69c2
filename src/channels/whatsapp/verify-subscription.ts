/**
 * The webhook verification handshake (whatsapp-cloud-api.md §2.1): Meta sends
 * `GET ?hub.mode=subscribe&hub.verify_token=<ours>&hub.challenge=<n>` and expects the challenge
 * echoed with HTTP 200 when the token matches, any non-200 otherwise.
 */
import { timingSafeEqual } from 'node:crypto';

/** The outcome of {@link verifySubscription}: echo `challenge` with 200, or answer 403. */
export type SubscriptionResult = { ok: true; challenge: string } | { ok: false };

/** Meta's challenge is a short number; anything longer is not from Meta. */
const MAX_CHALLENGE_LENGTH = 256;

function firstString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  // Query parsers turn a repeated key into an array; a repeated key is not Meta's request.
  return undefined;
}

/**
 * Checks a verification request. `query` is the parsed query string (keys `hub.mode`,
 * `hub.verify_token`, `hub.challenge`). The token is compared in constant time. An empty
 * configured `verifyToken` never verifies.
 */
export function verifySubscription(query: Record<string, unknown>, verifyToken: string): SubscriptionResult {
  const mode = firstString(query['hub.mode']);
  const token = firstString(query['hub.verify_token']);
  const challenge = firstString(query['hub.challenge']);
  if (mode !== 'subscribe' || token === undefined || challenge === undefined) return { ok: false };
  if (verifyToken.length === 0 || challenge.length === 0 || challenge.length > MAX_CHALLENGE_LENGTH) return { ok: false };
  const given = Buffer.from(token, 'utf8');
  const expected = Buffer.from(verifyToken, 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false };
  return { ok: true, challenge };
}
