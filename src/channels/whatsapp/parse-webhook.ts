/**
 * Meta's messages webhook → Mitra's canonical inbound messages and status updates. Pure and
 * total: it MUST NOT throw on any JSON value, and one malformed message inside a valid batch is
 * rejected on its own (listed in `rejected` with its path) without dropping the others
 * (STYLE.md 11; whatsapp-cloud-api.md §2.3–2.6).
 */
import type { z } from 'zod';
import type { InboundContent, InboundMessage, MediaKind } from '../../engine/inbound.ts';
import {
  changeSchema,
  contactSchema,
  entrySchema,
  envelopeSchema,
  errorItemSchema,
  interactiveSchema,
  locationSchema,
  mediaSchema,
  messageBaseSchema,
  messagesValueSchema,
  reactionSchema,
  statusSchema,
  systemSchema,
  templateButtonSchema,
  textSchema,
  UNIX_SECONDS,
} from './webhook-schema.ts';

/** An error Meta reports, in `value.errors[]` or `statuses[].errors[]`. */
export interface ValueError {
  code: number;
  title: string;
  message?: string;
  details?: string;
}

/** What happened to one of our sent messages (`value.statuses[]`). */
export interface StatusUpdate {
  /** Our message's wamid, as returned by the send call. */
  messageId: string;
  status: 'sent' | 'delivered' | 'read' | 'failed' | 'played';
  /** ISO 8601. */
  at: string;
  /** The citizen's WhatsApp id. */
  recipient: string;
  /** `biz_opaque_callback_data` echoed from the send: our outbox row id. */
  callbackData?: string;
  errors?: ValueError[];
  conversation?: { id: string; expiresAt?: string; origin?: string };
  pricing?: { billable?: boolean; model?: string; type?: string; category?: string };
}

/** A system message: the citizen changed their WhatsApp number. */
export interface UserChangedNumber {
  type: 'user_changed_number';
  /** The old WhatsApp id. */
  from: string;
  /** The new WhatsApp id; later messages come from it. */
  newWaId: string;
  /** ISO 8601. */
  at: string;
  messageId: string;
  body?: string;
}

/** Everything one webhook POST carried, in canonical form. */
export interface ParsedWebhook {
  messages: InboundMessage[];
  statuses: StatusUpdate[];
  errors: ValueError[];
  systemEvents: UserChangedNumber[];
  /** Every distinct `metadata.phone_number_id` seen, to route or refuse the post. */
  phoneNumberIds: string[];
  /** Items that could not be read, with where they were and why. */
  rejected: { path: string; reason: string }[];
  /** Changes of other webhook fields (`account_update`, templates…), recorded and skipped. */
  ignored: { path: string; field: string }[];
}

/** Media types WhatsApp delivers, which map straight to {@link MediaKind}. */
const MEDIA_TYPES: readonly MediaKind[] = ['image', 'document', 'audio', 'video', 'sticker'];

type RawMessage = z.infer<typeof messageBaseSchema>;

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const where = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
  return `${where}${issue.message}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toValueError(raw: z.infer<typeof errorItemSchema>): ValueError {
  const details = raw.error_data?.details ?? raw.details;
  return {
    code: raw.code,
    title: raw.title ?? raw.message ?? `error ${raw.code}`,
    ...(raw.message !== undefined ? { message: raw.message } : {}),
    ...(details !== undefined ? { details } : {}),
  };
}

/** The canonical content of one message, or the reason it cannot be read. */
type ContentResult =
  | { kind: 'content'; content: InboundContent }
  | { kind: 'system'; event: UserChangedNumber }
  | { kind: 'rejected'; reason: string };

function readContent(raw: Record<string, unknown>, base: RawMessage): ContentResult {
  const reject = (error: z.ZodError, key: string): ContentResult => ({
    kind: 'rejected',
    reason: `${key}: ${describeIssue(error)}`,
  });
  const type = base.type;
  if (type === 'text') {
    const text = textSchema.safeParse(raw.text);
    return text.success ? { kind: 'content', content: { type: 'text', text: text.data.body } } : reject(text.error, 'text');
  }
  if (type === 'interactive') {
    const kind = isRecord(raw.interactive) ? raw.interactive.type : undefined;
    if (typeof kind === 'string' && !['button_reply', 'list_reply', 'nfm_reply'].includes(kind)) {
      return { kind: 'content', content: { type: 'unsupported', original: `interactive:${kind}` } };
    }
    const parsed = interactiveSchema.safeParse(raw.interactive);
    if (!parsed.success) return reject(parsed.error, 'interactive');
    const value = parsed.data;
    switch (value.type) {
      case 'button_reply':
        return { kind: 'content', content: { type: 'choice', id: value.button_reply.id, title: value.button_reply.title } };
      case 'list_reply':
        return { kind: 'content', content: { type: 'choice', id: value.list_reply.id, title: value.list_reply.title } };
      case 'nfm_reply':
        return {
          kind: 'content',
          content: { type: 'flow_reply', name: value.nfm_reply.name, responseJson: value.nfm_reply.response_json },
        };
      default: {
        const unreachable: never = value;
        return unreachable;
      }
    }
  }
  if (type === 'button') {
    // A template quick-reply: the payload is the id we set when sending; older clients may
    // omit it, and then the button text is all we have.
    const parsed = templateButtonSchema.safeParse(raw.button);
    if (!parsed.success) return reject(parsed.error, 'button');
    const id = parsed.data.payload && parsed.data.payload.length > 0 ? parsed.data.payload : parsed.data.text;
    return { kind: 'content', content: { type: 'choice', id, title: parsed.data.text } };
  }
  if ((MEDIA_TYPES as readonly string[]).includes(type)) {
    const media = type as MediaKind;
    const parsed = mediaSchema.safeParse(raw[media]);
    if (!parsed.success) return reject(parsed.error, media);
    const m = parsed.data;
    return {
      kind: 'content',
      content: {
        type: 'media',
        media,
        mediaId: m.id,
        mimeType: m.mime_type,
        ...(m.sha256 !== undefined ? { sha256: m.sha256 } : {}),
        ...(m.caption !== undefined ? { caption: m.caption } : {}),
        ...(m.filename !== undefined ? { filename: m.filename } : {}),
        ...(media === 'audio' && m.voice === true ? { voice: true } : {}),
      },
    };
  }
  if (type === 'location') {
    const parsed = locationSchema.safeParse(raw.location);
    if (!parsed.success) return reject(parsed.error, 'location');
    const l = parsed.data;
    return {
      kind: 'content',
      content: {
        type: 'location',
        latitude: l.latitude,
        longitude: l.longitude,
        ...(l.name !== undefined ? { name: l.name } : {}),
        ...(l.address !== undefined ? { address: l.address } : {}),
      },
    };
  }
  if (type === 'contacts') {
    if (!Array.isArray(raw.contacts)) return { kind: 'rejected', reason: 'contacts: expected an array' };
    return { kind: 'content', content: { type: 'contacts', count: raw.contacts.length } };
  }
  if (type === 'reaction') {
    const parsed = reactionSchema.safeParse(raw.reaction);
    if (!parsed.success) return reject(parsed.error, 'reaction');
    const emoji = parsed.data.emoji;
    return {
      kind: 'content',
      content: {
        type: 'reaction',
        messageId: parsed.data.message_id,
        // Meta omits `emoji` when the reaction is removed; an empty string means the same.
        ...(emoji !== undefined && emoji.length > 0 ? { emoji } : {}),
      },
    };
  }
  if (type === 'system') {
    const parsed = systemSchema.safeParse(raw.system);
    if (!parsed.success) return reject(parsed.error, 'system');
    const s = parsed.data;
    const newWaId = s.wa_id ?? s.new_wa_id;
    if (s.type !== 'user_changed_number') return { kind: 'rejected', reason: `system: type '${s.type}' is not handled` };
    if (newWaId === undefined || newWaId.length === 0) return { kind: 'rejected', reason: 'system: wa_id is missing' };
    return {
      kind: 'system',
      event: {
        type: 'user_changed_number',
        from: base.from,
        newWaId,
        at: base.timestamp,
        messageId: base.id,
        ...(s.body !== undefined ? { body: s.body } : {}),
      },
    };
  }
  if (type === 'unsupported') {
    const inner = isRecord(raw.unsupported) && typeof raw.unsupported.type === 'string' ? raw.unsupported.type : 'unsupported';
    return { kind: 'content', content: { type: 'unsupported', original: inner } };
  }
  // `unknown` (older API), `order`, `request_welcome` and any type Meta adds later: the engine
  // answers with a polite "please send text", so they pass through as unsupported.
  return { kind: 'content', content: { type: 'unsupported', original: type } };
}

function emptyResult(): ParsedWebhook {
  return { messages: [], statuses: [], errors: [], systemEvents: [], phoneNumberIds: [], rejected: [], ignored: [] };
}

function readMessage(
  rawMessage: unknown,
  itemPath: string,
  profileNames: Map<string, string>,
  onlyProfileName: string | undefined,
  out: ParsedWebhook,
): void {
  if (!isRecord(rawMessage)) {
    out.rejected.push({ path: itemPath, reason: 'expected an object' });
    return;
  }
  const base = messageBaseSchema.safeParse(rawMessage);
  if (!base.success) {
    out.rejected.push({ path: itemPath, reason: describeIssue(base.error) });
    return;
  }
  const content = readContent(rawMessage, base.data);
  if (content.kind === 'rejected') {
    out.rejected.push({ path: itemPath, reason: content.reason });
    return;
  }
  if (content.kind === 'system') {
    out.systemEvents.push(content.event);
    return;
  }
  const profileName = profileNames.get(base.data.from) ?? onlyProfileName;
  const replyTo = base.data.context?.id;
  out.messages.push({
    id: base.data.id,
    from: base.data.from,
    at: base.data.timestamp,
    ...(profileName !== undefined ? { profileName } : {}),
    ...(replyTo !== undefined && replyTo.length > 0 ? { replyTo } : {}),
    content: content.content,
  });
}

/** Runs `read`; if it throws anyway, only the item at `path` is lost, not the batch. */
function guarded(path: string, out: ParsedWebhook, read: () => void): void {
  try {
    read();
  } catch (error) {
    out.rejected.push({ path, reason: `unreadable: ${error instanceof Error ? error.message : String(error)}` });
  }
}

function readValue(value: unknown, path: string, out: ParsedWebhook): void {
  const parsedValue = messagesValueSchema.safeParse(value);
  if (!parsedValue.success) {
    out.rejected.push({ path, reason: describeIssue(parsedValue.error) });
    return;
  }
  const v = parsedValue.data;
  if (!out.phoneNumberIds.includes(v.metadata.phone_number_id)) out.phoneNumberIds.push(v.metadata.phone_number_id);

  const profileNames = new Map<string, string>();
  let onlyProfileName: string | undefined;
  for (const rawContact of v.contacts ?? []) {
    const contact = contactSchema.safeParse(rawContact);
    if (!contact.success) continue;
    const name = contact.data.profile?.name;
    if (name === undefined) continue;
    if (contact.data.wa_id !== undefined) profileNames.set(contact.data.wa_id, name);
    onlyProfileName = v.contacts?.length === 1 ? name : undefined;
  }

  (v.messages ?? []).forEach((rawMessage, index) => {
    const itemPath = `${path}.messages[${index}]`;
    guarded(itemPath, out, () => readMessage(rawMessage, itemPath, profileNames, onlyProfileName, out));
  });

  (v.statuses ?? []).forEach((rawStatus, index) => {
    const itemPath = `${path}.statuses[${index}]`;
    if (isRecord(rawStatus) && rawStatus.type !== undefined) {
      out.rejected.push({ path: itemPath, reason: `status type '${String(rawStatus.type)}' is not handled` });
      return;
    }
    const parsed = statusSchema.safeParse(rawStatus);
    if (!parsed.success) {
      out.rejected.push({ path: itemPath, reason: describeIssue(parsed.error) });
      return;
    }
    const s = parsed.data;
    const conversation = s.conversation;
    out.statuses.push({
      messageId: s.id,
      status: s.status,
      at: s.timestamp,
      recipient: s.recipient_id,
      ...(s.biz_opaque_callback_data !== undefined ? { callbackData: s.biz_opaque_callback_data } : {}),
      ...(s.errors !== undefined ? { errors: s.errors.map(toValueError) } : {}),
      ...(conversation !== undefined
        ? {
            conversation: {
              id: conversation.id,
              ...(conversation.expiration_timestamp !== undefined && UNIX_SECONDS.test(conversation.expiration_timestamp)
                ? { expiresAt: new Date(Number(conversation.expiration_timestamp) * 1000).toISOString() }
                : {}),
              ...(conversation.origin !== undefined ? { origin: conversation.origin.type } : {}),
            },
          }
        : {}),
      ...(s.pricing !== undefined
        ? {
            pricing: {
              ...(s.pricing.billable !== undefined ? { billable: s.pricing.billable } : {}),
              ...(s.pricing.pricing_model !== undefined ? { model: s.pricing.pricing_model } : {}),
              ...(s.pricing.type !== undefined ? { type: s.pricing.type } : {}),
              ...(s.pricing.category !== undefined ? { category: s.pricing.category } : {}),
            },
          }
        : {}),
    });
  });

  (v.errors ?? []).forEach((rawError, index) => {
    const parsed = errorItemSchema.safeParse(rawError);
    if (!parsed.success) {
      out.rejected.push({ path: `${path}.errors[${index}]`, reason: describeIssue(parsed.error) });
      return;
    }
    out.errors.push(toValueError(parsed.data));
  });
}

function readEnvelope(body: unknown, out: ParsedWebhook): void {
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) {
    out.rejected.push({ path: '', reason: describeIssue(envelope.error) });
    return;
  }
  envelope.data.entry.forEach((rawEntry, entryIndex) => {
    const entryPath = `entry[${entryIndex}]`;
    const entry = entrySchema.safeParse(rawEntry);
    if (!entry.success) {
      out.rejected.push({ path: entryPath, reason: describeIssue(entry.error) });
      return;
    }
    entry.data.changes.forEach((rawChange, changeIndex) => {
      const changePath = `${entryPath}.changes[${changeIndex}]`;
      const change = changeSchema.safeParse(rawChange);
      if (!change.success) {
        out.rejected.push({ path: changePath, reason: describeIssue(change.error) });
        return;
      }
      if (change.data.field !== 'messages') {
        out.ignored.push({ path: changePath, field: change.data.field });
        return;
      }
      readValue(change.data.value, `${changePath}.value`, out);
    });
  });
}

/**
 * Reads one webhook POST body (already JSON-parsed, after {@link verifySignature} passed on the
 * raw bytes). Never throws. Timestamps become ISO 8601; `profileName` comes from
 * `value.contacts[]`; `context.id` becomes `replyTo`. Template quick-reply buttons become
 * `choice` with the button payload as id; `order`, `unknown`, `unsupported`,
 * `request_welcome` and unrecognised types become `unsupported`.
 */
export function parseWebhook(body: unknown): ParsedWebhook {
  const out = emptyResult();
  try {
    readEnvelope(body, out);
  } catch (error) {
    // Last guard: zod and the readers are total, but a hostile value (a getter that throws,
    // a revoked proxy) must still not take the webhook route down.
    out.rejected.push({ path: '', reason: `unreadable body: ${error instanceof Error ? error.message : String(error)}` });
  }
  return out;
}
