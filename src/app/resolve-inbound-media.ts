/**
 * The inbound processor's media port: before the engine sees a photo or a document, download it
 * from the channel (sha256 checked), store it in the database and attach the stored document to
 * the message, or say why it could not be stored. Idempotent on the channel's media id, so a
 * retried turn never downloads twice.
 */
import type { InboundMessage, MediaFailure, MediaKind } from '../engine/inbound.ts';
import { GraphMediaError, type GraphClient } from '../channels/whatsapp/index.ts';
import type { Store } from '../storage/index.ts';

/** The largest file we keep per media kind; stickers and videos are not kept at all. */
export const STORED_MEDIA_LIMITS: Partial<Record<MediaKind, number>> = {
  image: 5 * 1024 * 1024,
  document: 10 * 1024 * 1024,
  audio: 16 * 1024 * 1024,
};

/** Creates the resolver over a Graph client and the store. */
export function createMediaResolver(
  client: Pick<GraphClient, 'fetchMedia'>,
  store: Pick<Store, 'findDocumentByMedia' | 'saveDocument'>,
) {
  return async function resolveMedia(message: InboundMessage): Promise<InboundMessage> {
    const c = message.content;
    if (c.type !== 'media' || c.stored || c.failure) return message;
    const limit = STORED_MEDIA_LIMITS[c.media];
    // Not kept (videos, stickers): say so. Returning the message unresolved would leave it
    // pending forever, and the processor holds every later message of the citizen behind it.
    if (limit === undefined) return { ...message, content: { ...c, failure: 'type_not_allowed' } };
    const known = await store.findDocumentByMedia(c.mediaId);
    const attach = (doc: { id: string; mimeType: string; bytes: number; sha256: string; filename: string | null }) => ({
      ...message,
      content: { ...c, stored: { documentId: doc.id, mimeType: doc.mimeType, bytes: doc.bytes, sha256: doc.sha256, ...(doc.filename ? { filename: doc.filename } : {}) } },
    });
    if (known) return attach(known);
    try {
      const media = await client.fetchMedia(c.mediaId, { maxBytes: limit });
      const doc = await store.saveDocument({
        waId: message.from, kind: 'upload', mimeType: media.mimeType, filename: c.filename, content: media.bytes, sourceMediaId: c.mediaId,
      });
      return attach(doc);
    } catch (err) {
      const failure: MediaFailure = err instanceof GraphMediaError && err.reason !== 'upload_failed' ? err.reason : 'download_failed';
      return { ...message, content: { ...c, failure } };
    }
  };
}
