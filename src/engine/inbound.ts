/**
 * What a citizen sent, in Mitra's own channel-neutral form. The WhatsApp adapter converts Meta's
 * webhook JSON into this; the simulator and the terminal runner produce it the same way. The
 * engine never sees Meta's JSON.
 */

/** A media file the processor has already downloaded and stored (sha256 checked). */
export interface StoredMedia {
  /** Our id of the stored document (table `documents`). */
  documentId: string;
  mimeType: string;
  bytes: number;
  sha256: string;
  filename?: string;
}

/** Why a media file the citizen sent could not be stored. */
export type MediaFailure = 'too_large' | 'type_not_allowed' | 'download_failed' | 'checksum_mismatch';

/** The media kinds WhatsApp delivers. */
export type MediaKind = 'image' | 'document' | 'audio' | 'video' | 'sticker';

/** The content of one inbound message. `type` is the discriminant. */
export type InboundContent =
  | { type: 'text'; text: string }
  /** A tap on a reply button, a list row, or a template quick-reply button: `id` is ours. */
  | { type: 'choice'; id: string; title: string }
  | {
      type: 'media';
      media: MediaKind;
      /** The channel's media id (Meta's media id); used by the processor to download. */
      mediaId: string;
      mimeType: string;
      sha256?: string;
      caption?: string;
      filename?: string;
      /** True for a recorded voice note. */
      voice?: boolean;
      /** Set by the processor before the engine turn: the stored file, or why it failed. */
      stored?: StoredMedia;
      failure?: MediaFailure;
    }
  | { type: 'location'; latitude: number; longitude: number; name?: string; address?: string }
  | { type: 'contacts'; count: number }
  /** A reaction to one of our messages; `emoji` is absent when the reaction was removed. */
  | { type: 'reaction'; messageId: string; emoji?: string }
  /** A WhatsApp Flow or address-message completion (`nfm_reply`). */
  | { type: 'flow_reply'; name: string; responseJson: string }
  /** Anything the channel cannot represent (edits, deletions, polls, unknown types). */
  | { type: 'unsupported'; original: string }
  /**
   * Synthetic: the idle timer fired for a conversation left half-way. Produced by Mitra's own
   * scheduler, never by a citizen.
   */
  | { type: 'idle_timeout' };

/** One inbound message. */
export interface InboundMessage {
  /** The channel's message id (a wamid on WhatsApp). Unique; the dedupe key. */
  id: string;
  /** The citizen: their WhatsApp id, digits only (e.g. "919876543210"). */
  from: string;
  /** When the citizen sent it, ISO 8601. */
  at: string;
  /** The citizen's WhatsApp profile name, when the channel gave one. */
  profileName?: string;
  /** The id of our message this one replies to, when any. */
  replyTo?: string;
  content: InboundContent;
}
