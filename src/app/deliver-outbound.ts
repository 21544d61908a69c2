/**
 * The outbox's send port for WhatsApp: turns one stored outbound row into a Graph API request
 * (uploading any document first, once, and reusing Meta's media id while it is valid) and sends
 * it. Our row id travels as `biz_opaque_callback_data`, which Meta echoes in status webhooks,
 * so a send whose result we never recorded (a crash) is recognised instead of sent twice.
 *
 * WhatsApp's 24-hour window (customer-service-window.ts): a row that carries a template (the
 * back office's notices) is sent as that approved template when the citizen last wrote more
 * than 24 hours ago, since a free-form message would fail with 131047.
 */
import type { OutboundMessage } from '../engine/outbound.ts';
import { isWindowOpen, toGraphMessage, type GraphClient, type SendResult } from '../channels/whatsapp/index.ts';
import type { Store } from '../storage/index.ts';

/** Meta keeps uploaded media for 30 days; reuse an id for a little less than that. */
const MEDIA_REUSE_MS = 29 * 24 * 60 * 60 * 1000;

/** Graph client failure titles after which the message may nevertheless have been sent. */
const AMBIGUOUS_FAILURES: ReadonlySet<string> = new Set(['timeout', 'network error']);

/** One row the outbox asks us to send. */
export interface OutboundRow {
  id: string;
  waId: string;
  message: OutboundMessage;
  attempts: number;
  lastInboundAt: string | null;
  template?: { name: string; lang: string; params: Record<string, string> };
}

/** Creates the send function for the outbox sender; `now` is the clock of the window check. */
export function createWhatsappDelivery(client: GraphClient, store: Pick<Store, 'outboundMedia' | 'saveOutboundMedia' | 'getDocument'>, now: () => Date = () => new Date()) {
  async function mediaIdFor(documentId: string): Promise<string> {
    const known = await store.outboundMedia(documentId);
    if (known) return known;
    const doc = await store.getDocument(documentId);
    if (!doc) throw new Error(`document ${documentId} does not exist`);
    const id = await client.uploadMedia(doc.content, doc.mimeType, doc.filename ?? 'document');
    await store.saveOutboundMedia(documentId, id, new Date(Date.now() + MEDIA_REUSE_MS));
    return id;
  }

  return async function deliver(row: OutboundRow): Promise<SendResult & { request?: object; maybeDelivered?: boolean }> {
    const media = new Map<string, string>();
    const m: OutboundMessage = row.template && !isWindowOpen(row.lastInboundAt, now())
      ? { type: 'template', name: row.template.name, lang: row.template.lang, params: row.template.params }
      : row.message;
    if (m.type === 'document' || m.type === 'image' || m.type === 'audio') {
      try {
        media.set(m.documentId, await mediaIdFor(m.documentId));
      } catch (err) {
        return { ok: false, retryable: true, title: 'media upload failed', detail: (err as Error).message };
      }
    }
    const body = {
      ...toGraphMessage(row.waId, m, { mediaIdFor: (id) => media.get(id) ?? '' }),
      biz_opaque_callback_data: row.id,
    };
    const result = await client.send(body);
    // The Graph client reports a request that got no answer as 'timeout' or 'network error'
    // (graph-client.ts): Meta may have sent it, so the outbox must not resend it straight away.
    if (!result.ok && result.retryable && AMBIGUOUS_FAILURES.has(result.title)) return { ...result, maybeDelivered: true, request: body };
    return { ...result, request: body };
  };
}
