/**
 * Meta's rules for a `POST /<PHONE_NUMBER_ID>/messages` body (whatsapp-cloud-api.md §3),
 * checked before sending and by the Graph API double, which refuses what Meta refuses. One
 * function shared by both so they cannot drift apart.
 */
import { MESSAGE_LIMITS, textLength } from '../../lib/message-limits.ts';

/** The message `type` values the Cloud API accepts. */
export const GRAPH_MESSAGE_TYPES = [
  'text',
  'interactive',
  'image',
  'document',
  'audio',
  'video',
  'sticker',
  'location',
  'contacts',
  'reaction',
  'template',
] as const;

/** Interactive kinds the Cloud API accepts. */
const INTERACTIVE_TYPES = ['list', 'button', 'cta_url', 'location_request_message', 'flow', 'address_message', 'product', 'product_list', 'order_details', 'order_status'];
/** Media types that may carry a caption. */
const CAPTIONED_MEDIA = ['image', 'document', 'video'];
/** Media types sent by `id` or `link`. */
const MEDIA_TYPES = ['image', 'document', 'audio', 'video', 'sticker'];
/** Header kinds an interactive message may have. */
const HEADER_TYPES = ['text', 'image', 'video', 'document'];
/** Message ids a mark-as-read or a reply refers to; Meta's wamids are far shorter. */
const MAX_MESSAGE_ID_LENGTH = 512;

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Collects violations, phrased as Meta phrases them in `error_data.details`. */
class Violations {
  readonly list: string[] = [];
  missing(param: string): void {
    this.list.push(`Required parameter is missing: ${param}`);
  }
  invalid(param: string, why: string): void {
    this.list.push(`Param ${param} ${why}`);
  }
  /** A required non-empty string of at most `max` characters. */
  text(value: unknown, param: string, max: number, required = true): void {
    if (value === undefined) {
      if (required) this.missing(param);
      return;
    }
    if (typeof value !== 'string') return this.invalid(param, 'must be a string');
    if (value.trim().length === 0) return this.invalid(param, 'must not be empty');
    if (textLength(value) > max) this.invalid(param, `must be at most ${max} characters long`);
  }
}

function checkHeader(header: unknown, v: Violations): void {
  if (header === undefined) return;
  if (!isRecord(header) || typeof header.type !== 'string') return v.invalid("interactive['header']", 'must be an object with a type');
  if (!HEADER_TYPES.includes(header.type)) return v.invalid("interactive['header']['type']", `must be one of ${HEADER_TYPES.join(', ')}`);
  if (header.type === 'text') v.text(header.text, "interactive['header']['text']", MESSAGE_LIMITS.header);
  else checkMediaObject(header[header.type], `interactive['header']['${header.type}']`, v, false);
}

function checkMediaObject(media: unknown, param: string, v: Violations, captionAllowed: boolean): void {
  if (!isRecord(media)) return v.missing(param);
  const hasId = typeof media.id === 'string' && media.id.length > 0;
  const hasLink = typeof media.link === 'string' && /^https?:\/\//.test(media.link);
  if (hasId === hasLink) v.invalid(param, "must have exactly one of 'id' or a http(s) 'link'");
  if (media.caption !== undefined) {
    if (!captionAllowed) v.invalid(`${param}['caption']`, 'is not supported for this media type');
    else v.text(media.caption, `${param}['caption']`, MESSAGE_LIMITS.caption, false);
  }
  if (media.filename !== undefined && typeof media.filename !== 'string') v.invalid(`${param}['filename']`, 'must be a string');
}

function checkList(interactive: Json, action: Json, v: Violations): void {
  v.text(action.button, "interactive['action']['button']", MESSAGE_LIMITS.listButton);
  const sections = action.sections;
  if (!Array.isArray(sections) || sections.length === 0) return v.missing("interactive['action']['sections']");
  if (sections.length > MESSAGE_LIMITS.listSections) {
    v.invalid("interactive['action']['sections']", `must have at most ${MESSAGE_LIMITS.listSections} elements`);
  }
  let totalRows = 0;
  const ids = new Set<string>();
  sections.forEach((section, s) => {
    const sp = `interactive['action']['sections'][${s}]`;
    if (!isRecord(section)) return v.invalid(sp, 'must be an object');
    // Meta requires a section title when there is more than one section.
    v.text(section.title, `${sp}['title']`, MESSAGE_LIMITS.listSectionTitle, sections.length > 1);
    if (!Array.isArray(section.rows) || section.rows.length === 0) return v.missing(`${sp}['rows']`);
    section.rows.forEach((row, r) => {
      totalRows++;
      const rp = `${sp}['rows'][${r}]`;
      if (!isRecord(row)) return v.invalid(rp, 'must be an object');
      v.text(row.id, `${rp}['id']`, MESSAGE_LIMITS.listRowId);
      if (typeof row.id === 'string') {
        if (ids.has(row.id)) v.invalid(`${rp}['id']`, 'must be unique');
        ids.add(row.id);
      }
      v.text(row.title, `${rp}['title']`, MESSAGE_LIMITS.listRowTitle);
      v.text(row.description, `${rp}['description']`, MESSAGE_LIMITS.listRowDescription, false);
    });
  });
  if (totalRows > MESSAGE_LIMITS.listRowsTotal) {
    v.invalid("interactive['action']['sections']", `must have at most ${MESSAGE_LIMITS.listRowsTotal} rows in total`);
  }
  if (interactive.header !== undefined && isRecord(interactive.header) && interactive.header.type !== 'text') {
    v.invalid("interactive['header']['type']", "must be 'text' for list messages");
  }
}

function checkButtons(action: Json, v: Violations): void {
  const buttons = action.buttons;
  if (!Array.isArray(buttons) || buttons.length === 0) return v.missing("interactive['action']['buttons']");
  if (buttons.length > MESSAGE_LIMITS.replyButtons) {
    v.invalid("interactive['action']['buttons']", `must have at most ${MESSAGE_LIMITS.replyButtons} elements`);
  }
  const ids = new Set<string>();
  const titles = new Set<string>();
  buttons.forEach((button, i) => {
    const bp = `interactive['action']['buttons'][${i}]`;
    if (!isRecord(button) || button.type !== 'reply' || !isRecord(button.reply)) {
      return v.invalid(bp, "must be {type:'reply', reply:{id, title}}");
    }
    const { id, title } = button.reply;
    v.text(id, `${bp}['reply']['id']`, MESSAGE_LIMITS.replyButtonId);
    v.text(title, `${bp}['reply']['title']`, MESSAGE_LIMITS.replyButtonTitle);
    if (typeof id === 'string') {
      if (ids.has(id)) v.invalid(`${bp}['reply']['id']`, 'must be unique');
      ids.add(id);
    }
    if (typeof title === 'string') {
      if (titles.has(title)) v.invalid(`${bp}['reply']['title']`, 'must be unique');
      titles.add(title);
    }
  });
}

function checkInteractive(interactive: unknown, v: Violations): void {
  if (!isRecord(interactive)) return v.missing('interactive');
  const kind = interactive.type;
  if (typeof kind !== 'string' || !INTERACTIVE_TYPES.includes(kind)) {
    return v.invalid("interactive['type']", `must be one of ${INTERACTIVE_TYPES.join(', ')}`);
  }
  const bodyLimit = kind === 'list' ? MESSAGE_LIMITS.listBody : MESSAGE_LIMITS.interactiveBody;
  const body = interactive.body;
  if (!isRecord(body)) v.missing("interactive['body']");
  else v.text(body.text, "interactive['body']['text']", bodyLimit);
  checkHeader(interactive.header, v);
  if (interactive.footer !== undefined) {
    if (!isRecord(interactive.footer)) v.invalid("interactive['footer']", 'must be an object');
    else v.text(interactive.footer.text, "interactive['footer']['text']", MESSAGE_LIMITS.footer);
  }
  const action = interactive.action;
  if (!isRecord(action)) return v.missing("interactive['action']");
  switch (kind) {
    case 'list':
      return checkList(interactive, action, v);
    case 'button':
      return checkButtons(action, v);
    case 'cta_url': {
      if (action.name !== 'cta_url') v.invalid("interactive['action']['name']", "must be 'cta_url'");
      const p = action.parameters;
      if (!isRecord(p)) return v.missing("interactive['action']['parameters']");
      v.text(p.display_text, "interactive['action']['parameters']['display_text']", MESSAGE_LIMITS.ctaDisplayText);
      if (typeof p.url !== 'string' || !/^https?:\/\/\S+$/.test(p.url)) {
        v.invalid("interactive['action']['parameters']['url']", 'must be a valid http(s) URL');
      }
      return;
    }
    case 'location_request_message':
      if (action.name !== 'send_location') v.invalid("interactive['action']['name']", "must be 'send_location'");
      return;
    default:
      return;
  }
}

function checkTemplate(template: unknown, v: Violations): void {
  if (!isRecord(template)) return v.missing('template');
  v.text(template.name, "template['name']", 512);
  if (!isRecord(template.language) || typeof template.language.code !== 'string' || template.language.code.length === 0) {
    v.missing("template['language']['code']");
  }
  if (template.components !== undefined && !Array.isArray(template.components)) {
    v.invalid("template['components']", 'must be an array');
  }
}

/**
 * The violations of Meta's rules in a Graph API `/messages` body, phrased as Meta phrases
 * them; empty when the body is acceptable. Handles mark-as-read bodies (`status: "read"`) too.
 * Does not know which media ids exist: the double checks that against its store.
 */
export function checkGraphMessage(body: object): string[] {
  const v = new Violations();
  if (!isRecord(body)) {
    v.invalid('body', 'must be a JSON object');
    return v.list;
  }
  if (body.messaging_product !== 'whatsapp') {
    if (body.messaging_product === undefined) v.missing('messaging_product');
    else v.invalid('messaging_product', "must be 'whatsapp'");
  }
  if (body.status !== undefined) {
    if (body.status !== 'read') v.invalid('status', "must be 'read'");
    v.text(body.message_id, 'message_id', MAX_MESSAGE_ID_LENGTH);
    if (body.typing_indicator !== undefined && (!isRecord(body.typing_indicator) || body.typing_indicator.type !== 'text')) {
      v.invalid('typing_indicator', "must be {type:'text'}");
    }
    return v.list;
  }
  // Meta echoes this string in status webhooks; it is limited to 512 characters.
  if (body.biz_opaque_callback_data !== undefined && (typeof body.biz_opaque_callback_data !== 'string' || body.biz_opaque_callback_data.length > 512)) {
    v.invalid('biz_opaque_callback_data', 'must be a string of at most 512 characters');
  }
  if (body.recipient_type !== undefined && body.recipient_type !== 'individual' && body.recipient_type !== 'group') {
    v.invalid('recipient_type', "must be 'individual' or 'group'");
  }
  if (typeof body.to !== 'string' || body.to.trim().length === 0) v.missing('to');
  if (body.context !== undefined) {
    if (!isRecord(body.context)) v.invalid('context', 'must be an object');
    else v.text(body.context.message_id, "context['message_id']", MAX_MESSAGE_ID_LENGTH);
  }
  const type = body.type ?? 'text';
  if (typeof type !== 'string' || !(GRAPH_MESSAGE_TYPES as readonly string[]).includes(type)) {
    v.invalid('type', `must be one of ${GRAPH_MESSAGE_TYPES.join(', ')}`);
    return v.list;
  }
  switch (type) {
    case 'text':
      if (!isRecord(body.text)) v.missing('text');
      else {
        v.text(body.text.body, "text['body']", MESSAGE_LIMITS.textBody);
        if (body.text.preview_url !== undefined && typeof body.text.preview_url !== 'boolean') {
          v.invalid("text['preview_url']", 'must be a boolean');
        }
      }
      break;
    case 'interactive':
      checkInteractive(body.interactive, v);
      break;
    case 'template':
      checkTemplate(body.template, v);
      break;
    case 'location':
      if (!isRecord(body.location) || typeof body.location.latitude !== 'number' || typeof body.location.longitude !== 'number') {
        v.missing("location['latitude'], location['longitude']");
      }
      break;
    case 'reaction':
      if (!isRecord(body.reaction)) v.missing('reaction');
      else v.text(body.reaction.message_id, "reaction['message_id']", MAX_MESSAGE_ID_LENGTH);
      break;
    case 'contacts':
      if (!Array.isArray(body.contacts) || body.contacts.length === 0) v.missing('contacts');
      break;
    default:
      if (MEDIA_TYPES.includes(type)) checkMediaObject(body[type], type, v, CAPTIONED_MEDIA.includes(type));
  }
  return v.list;
}
