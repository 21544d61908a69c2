/**
 * Mitra's canonical outbound message → the JSON body of `POST /<PHONE_NUMBER_ID>/messages`
 * (whatsapp-cloud-api.md §3). Pure: media ids and the reply target come from the caller.
 */
import type { OutboundMessage } from '../../engine/outbound.ts';
import { isLang } from '../../lib/languages.ts';
import { fitToLimits } from './fit-to-limits.ts';
import { TEMPLATES } from './templates.ts';

/** What {@link toGraphMessage} needs besides the message. */
export interface ToGraphOptions {
  /**
   * Meta's media id for one of our stored documents (uploaded beforehand through
   * `uploadMedia`). MUST return a non-empty id or throw.
   */
  mediaIdFor(documentId: string): string;
  /** The wamid of the citizen's message to quote, when replying to one. */
  replyTo?: string;
}

/** A programmer error: the message cannot be expressed for WhatsApp (unknown template…). */
export class GraphMessageError extends Error {
  override readonly name = 'GraphMessageError';
  constructor(
    message: string,
    readonly evidence: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** A Graph API `/messages` request body. */
export type GraphMessageBody = Record<string, unknown>;

/**
 * Meta asks for `+` and the country code; without `+` it prepends the business number's
 * country code, which would misroute a number already carrying "91" (§3).
 */
function toRecipient(to: string): string {
  const compact = to.replace(/[\s()-]/g, '');
  return /^\d+$/.test(compact) ? `+${compact}` : compact;
}

function textPart(text: string | undefined): { text: string } | undefined {
  return text === undefined ? undefined : { text };
}

function interactive(fields: Record<string, unknown>): Record<string, unknown> {
  // Drop absent optional parts: Meta refuses `header: undefined` serialised as null elsewhere.
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

function templateBody(message: Extract<OutboundMessage, { type: 'template' }>): Record<string, unknown> {
  const template = Object.hasOwn(TEMPLATES, message.name) ? TEMPLATES[message.name] : undefined;
  if (template === undefined) throw new GraphMessageError(`template '${message.name}' is not in the registry`, { name: message.name });
  if (!isLang(message.lang)) throw new GraphMessageError(`template '${message.name}': language '${message.lang}' is not one of ours`, { lang: message.lang });
  const missing = template.bodyParams.filter((p) => typeof message.params[p] !== 'string' || message.params[p].length === 0);
  if (missing.length > 0) {
    throw new GraphMessageError(`template '${message.name}': missing parameter(s) ${missing.join(', ')}`, { missing });
  }
  return {
    name: message.name,
    language: { code: template.languages[message.lang] },
    components: [
      {
        type: 'body',
        parameters: template.bodyParams.map((p) => ({ type: 'text', parameter_name: p, text: message.params[p] })),
      },
    ],
  };
}

/**
 * The Graph API body that sends `message` to `to` (a WhatsApp id, digits, or a phone number).
 * Applies {@link fitToLimits} first, so the body never breaks Meta's length limits. Throws
 * {@link GraphMessageError} for an unregistered template, a language we do not have, or a
 * missing template parameter.
 */
export function toGraphMessage(to: string, message: OutboundMessage, opts: ToGraphOptions): GraphMessageBody {
  const fitted = fitToLimits(message);
  const envelope: GraphMessageBody = {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: toRecipient(to),
  };
  if (opts.replyTo !== undefined) envelope.context = { message_id: opts.replyTo };
  switch (fitted.type) {
    case 'text':
      return { ...envelope, type: 'text', text: { preview_url: fitted.previewUrl ?? false, body: fitted.body } };
    case 'buttons':
      return {
        ...envelope,
        type: 'interactive',
        interactive: interactive({
          type: 'button',
          header: fitted.header === undefined ? undefined : { type: 'text', text: fitted.header },
          body: { text: fitted.body },
          footer: textPart(fitted.footer),
          action: { buttons: fitted.buttons.map((b) => ({ type: 'reply', reply: { id: b.id, title: b.title } })) },
        }),
      };
    case 'list':
      return {
        ...envelope,
        type: 'interactive',
        interactive: interactive({
          type: 'list',
          header: fitted.header === undefined ? undefined : { type: 'text', text: fitted.header },
          body: { text: fitted.body },
          footer: textPart(fitted.footer),
          action: {
            button: fitted.button,
            sections: fitted.sections.map((s) => ({
              title: s.title,
              rows: s.rows.map((r) => (r.description === undefined ? { id: r.id, title: r.title } : { id: r.id, title: r.title, description: r.description })),
            })),
          },
        }),
      };
    case 'cta_url':
      return {
        ...envelope,
        type: 'interactive',
        interactive: interactive({
          type: 'cta_url',
          header: fitted.header === undefined ? undefined : { type: 'text', text: fitted.header },
          body: { text: fitted.body },
          footer: textPart(fitted.footer),
          action: { name: 'cta_url', parameters: { display_text: fitted.displayText, url: fitted.url } },
        }),
      };
    case 'document':
      return {
        ...envelope,
        type: 'document',
        document: {
          id: opts.mediaIdFor(fitted.documentId),
          filename: fitted.filename,
          ...(fitted.caption !== undefined ? { caption: fitted.caption } : {}),
        },
      };
    case 'image':
      return {
        ...envelope,
        type: 'image',
        image: { id: opts.mediaIdFor(fitted.documentId), ...(fitted.caption !== undefined ? { caption: fitted.caption } : {}) },
      };
    case 'audio':
      return {
        ...envelope,
        type: 'audio',
        audio: { id: opts.mediaIdFor(fitted.documentId), ...(fitted.voice === true ? { voice: true } : {}) },
      };
    case 'location_request':
      return {
        ...envelope,
        type: 'interactive',
        interactive: { type: 'location_request_message', body: { text: fitted.body }, action: { name: 'send_location' } },
      };
    case 'template':
      return { ...envelope, type: 'template', template: templateBody(fitted) };
    default: {
      const unreachable: never = fitted;
      return unreachable;
    }
  }
}
