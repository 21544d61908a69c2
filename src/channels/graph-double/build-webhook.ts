/**
 * Builders of inbound webhooks in Meta's exact envelope (whatsapp-cloud-api.md §2.4–2.5), for
 * tests, the benchmark and the web simulator. Sign the encoded result with `signBody` and post
 * it to `/webhooks/whatsapp` as Meta would.
 */
import { randomBytes } from 'node:crypto';

/** One inbound message: the common fields plus the type's own object, as in Meta's format. */
export interface WebhookMessageInput {
  from: string;
  id?: string;
  /** Unix seconds (string or number) or a Date; now when omitted. */
  timestamp?: string | number | Date;
  /** Shown in `value.contacts[]`. */
  profileName?: string;
  type: string;
  /** The wamid of our message this one replies to (taps on buttons and lists carry it). */
  context?: { from?: string; id: string };
  [typeField: string]: unknown;
}

/** What {@link buildMessagesWebhook} needs. */
export interface MessagesWebhookInput {
  phoneNumberId: string;
  displayPhoneNumber?: string;
  /** The WhatsApp Business Account id in `entry[].id`. */
  wabaId?: string;
  messages: WebhookMessageInput[];
}

/** A plausible inbound wamid: "wamid." + base64, like Meta's. */
export function newInboundWamid(from = '910000000000'): string {
  const inner = Buffer.concat([
    Buffer.from([0x18, from.length]),
    Buffer.from(from),
    Buffer.from([0x15, 0x02, 0x00, 0x12, 0x18, 0x14]),
    Buffer.from(randomBytes(10).toString('hex').toUpperCase()),
    Buffer.from([0x00]),
  ]);
  return `wamid.${inner.toString('base64')}`;
}

function unixSeconds(value: string | number | Date | undefined): string {
  if (value === undefined) return String(Math.floor(Date.now() / 1000));
  if (value instanceof Date) return String(Math.floor(value.getTime() / 1000));
  return String(value);
}

/**
 * A messages webhook payload: `{object, entry:[{id, changes:[{value:{messaging_product,
 * metadata, contacts, messages}, field:"messages"}]}]}`, one contact per distinct sender.
 */
export function buildMessagesWebhook(input: MessagesWebhookInput): Record<string, unknown> {
  const contacts: { profile?: { name: string }; wa_id: string }[] = [];
  const messages = input.messages.map((m) => {
    const { from, id, timestamp, profileName, type, context, ...typeFields } = m;
    if (type !== 'system' && !contacts.some((c) => c.wa_id === from)) {
      contacts.push(profileName !== undefined ? { profile: { name: profileName }, wa_id: from } : { wa_id: from });
    }
    return {
      ...(context !== undefined ? { context: { from: context.from ?? input.displayPhoneNumber ?? input.phoneNumberId, id: context.id } } : {}),
      from,
      id: id ?? newInboundWamid(from),
      timestamp: unixSeconds(timestamp),
      type,
      ...typeFields,
    };
  });
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: input.wabaId ?? '102290129340398',
        changes: [
          {
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: input.displayPhoneNumber ?? '15550783881', phone_number_id: input.phoneNumberId },
              ...(contacts.length > 0 ? { contacts } : {}),
              messages,
            },
            field: 'messages',
          },
        ],
      },
    ],
  };
}

/** A text message. */
export function textMessage(from: string, body: string, id?: string): WebhookMessageInput {
  return { from, ...(id !== undefined ? { id } : {}), type: 'text', text: { body } };
}

/** A tap on a reply button of our message `replyTo`. */
export function buttonReply(from: string, id: string, title: string, replyTo?: string): WebhookMessageInput {
  return {
    from,
    type: 'interactive',
    ...(replyTo !== undefined ? { context: { id: replyTo } } : {}),
    interactive: { type: 'button_reply', button_reply: { id, title } },
  };
}

/** A tap on a list row of our message `replyTo`. */
export function listReply(from: string, id: string, title: string, description?: string, replyTo?: string): WebhookMessageInput {
  return {
    from,
    type: 'interactive',
    ...(replyTo !== undefined ? { context: { id: replyTo } } : {}),
    interactive: { type: 'list_reply', list_reply: { id, title, ...(description !== undefined ? { description } : {}) } },
  };
}

/** A tap on a template's quick-reply button. */
export function templateButtonReply(from: string, payload: string, text: string, replyTo?: string): WebhookMessageInput {
  return { from, type: 'button', ...(replyTo !== undefined ? { context: { id: replyTo } } : {}), button: { payload, text } };
}

/** A photo. `sha256` is as Meta gives it in webhooks (base64). */
export function imageMessage(from: string, mediaId: string, mimeType: string, sha256: string, caption?: string): WebhookMessageInput {
  return { from, type: 'image', image: { ...(caption !== undefined ? { caption } : {}), mime_type: mimeType, sha256, id: mediaId } };
}

/** A document (a PDF, a scan). */
export function documentMessage(
  from: string,
  mediaId: string,
  mimeType: string,
  sha256: string,
  filename: string,
  caption?: string,
): WebhookMessageInput {
  return {
    from,
    type: 'document',
    document: { ...(caption !== undefined ? { caption } : {}), filename, mime_type: mimeType, sha256, id: mediaId },
  };
}

/** A voice note (or, with `voice` false, an audio file). */
export function audioMessage(from: string, mediaId: string, sha256: string, voice = true, mimeType = 'audio/ogg; codecs=opus'): WebhookMessageInput {
  return { from, type: 'audio', audio: { mime_type: mimeType, sha256, id: mediaId, voice } };
}

/** A shared location. */
export function locationMessage(from: string, latitude: number, longitude: number, name?: string, address?: string): WebhookMessageInput {
  return {
    from,
    type: 'location',
    location: { latitude, longitude, ...(name !== undefined ? { name } : {}), ...(address !== undefined ? { address } : {}) },
  };
}

/** A reaction to our message; no `emoji` means the reaction was removed. */
export function reactionMessage(from: string, messageId: string, emoji?: string): WebhookMessageInput {
  return { from, type: 'reaction', reaction: { message_id: messageId, ...(emoji !== undefined ? { emoji } : {}) } };
}

/** A completed WhatsApp Flow (`nfm_reply`). */
export function flowReply(from: string, responseJson: string, name = 'flow'): WebhookMessageInput {
  return { from, type: 'interactive', interactive: { type: 'nfm_reply', nfm_reply: { name, body: 'Sent', response_json: responseJson } } };
}
