/**
 * What Mitra says to a citizen, in channel-neutral form. The engine produces these already
 * paged to fit `MESSAGE_LIMITS`; the WhatsApp adapter converts them to Graph API JSON and checks
 * the limits once more before sending.
 */

/** A row of an interactive list. `id` comes back in the citizen's `choice`. */
export interface ListRow {
  id: string;
  title: string;
  description?: string;
}

/** One outbound message. `type` is the discriminant. */
export type OutboundMessage =
  | { type: 'text'; body: string; previewUrl?: boolean }
  | {
      type: 'buttons';
      body: string;
      header?: string;
      footer?: string;
      /** At most `MESSAGE_LIMITS.replyButtons`. */
      buttons: { id: string; title: string }[];
    }
  | {
      type: 'list';
      body: string;
      header?: string;
      footer?: string;
      /** The label of the button that opens the list. */
      button: string;
      /** At most `MESSAGE_LIMITS.listRowsTotal` rows across all sections. */
      sections: { title: string; rows: ListRow[] }[];
    }
  | { type: 'cta_url'; body: string; displayText: string; url: string; header?: string; footer?: string }
  /** A stored document (table `documents`) sent as a file, e.g. a certificate PDF. */
  | { type: 'document'; documentId: string; filename: string; caption?: string }
  | { type: 'image'; documentId: string; caption?: string }
  | { type: 'audio'; documentId: string; voice?: boolean }
  /** Asks the citizen to share a location (WhatsApp `location_request_message`). */
  | { type: 'location_request'; body: string }
  /**
   * An approved template, the only kind WhatsApp allows outside the 24-hour window. `name` is a
   * key of the template registry; `params` fill its named body parameters.
   */
  | { type: 'template'; name: string; lang: string; params: Record<string, string> };

/** The `type` of every outbound message, for exhaustive switches. */
export type OutboundType = OutboundMessage['type'];
