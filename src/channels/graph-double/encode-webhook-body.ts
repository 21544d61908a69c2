/**
 * Serialises a webhook payload the way Meta does before signing it: JSON with every non-ASCII
 * character escaped as `\uXXXX` with lowercase hex (Graph API webhooks guide, quoted in
 * whatsapp-cloud-api.md §2.2). Posting Telugu in this form proves the receiver verifies the
 * raw bytes rather than a re-serialisation.
 */

/** The JSON text of `payload`, ASCII only, as Meta sends it. */
export function encodeWebhookBody(payload: unknown): string {
  return JSON.stringify(payload).replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
