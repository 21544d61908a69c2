/**
 * WhatsApp's 24-hour customer-service window (whatsapp-cloud-api.md §5): a citizen's message
 * opens or refreshes it; inside it any message type may be sent, outside it only approved
 * templates. A free-form send outside it fails with 131047.
 */

/** The window's length: 24 hours, in milliseconds. */
export const CUSTOMER_SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * True when a free-form message may be sent at `now`, given when the citizen last wrote
 * (`lastInboundAt`, ISO 8601, or null when they never did). Pure. An unparseable timestamp is
 * treated as closed, so a corrupt record falls back to templates rather than to a 131047.
 */
export function isWindowOpen(lastInboundAt: string | null, now: Date): boolean {
  if (lastInboundAt === null) return false;
  const last = Date.parse(lastInboundAt);
  if (!Number.isFinite(last)) return false;
  return now.getTime() - last < CUSTOMER_SERVICE_WINDOW_MS;
}
