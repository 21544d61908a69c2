/**
 * zod schemas for the parts of Meta's messages webhook Mitra reads
 * (DOC/webhooks/reference/messages; whatsapp-cloud-api.md §2.4–2.6). Each schema is applied to
 * ONE item (one change, one message, one status) so a malformed item is rejected on its own.
 * Unknown keys are stripped, not refused: Meta adds fields without notice.
 */
import { z } from 'zod';

/** Meta's ids are strings; a generous cap stops absurd values reaching the database. */
const MAX_ID_LENGTH = 512;
/**
 * Unix seconds as a decimal string, as Meta sends `timestamp`. At most 11 digits (year 5138):
 * 12 digits can overflow `Date` and make `toISOString` throw.
 */
export const UNIX_SECONDS = /^\d{1,11}$/;
/** The largest accepted Unix-seconds value (11 digits). */
const MAX_UNIX_SECONDS = 99_999_999_999;

const id = z.string().min(1).max(MAX_ID_LENGTH);

/** A Unix-seconds string (or number, for tolerance) turned into ISO 8601. */
export const unixTimestamp = z
  .union([z.string().regex(UNIX_SECONDS), z.number().int().nonnegative().max(MAX_UNIX_SECONDS)])
  .transform((value) => new Date(Number(value) * 1000).toISOString());

/** `change.value.metadata`. */
export const metadataSchema = z.object({
  display_phone_number: z.string().optional(),
  phone_number_id: id,
});

/** `change.value.contacts[]`: who sent the messages of this change. */
export const contactSchema = z.object({
  wa_id: z.string().optional(),
  profile: z.object({ name: z.string().optional() }).optional(),
});

/** An error item, as in `value.errors[]`, `statuses[].errors[]` and `messages[].errors[]`. */
export const errorItemSchema = z.object({
  code: z.number().int(),
  title: z.string().optional(),
  message: z.string().optional(),
  details: z.string().optional(),
  error_data: z.object({ details: z.string().optional() }).optional(),
});

/** The fields every inbound message has. */
export const messageBaseSchema = z.object({
  from: id,
  id,
  timestamp: unixTimestamp,
  type: z.string().min(1),
  context: z.object({ id: z.string().optional(), from: z.string().optional() }).optional(),
});

/** `messages[].text`. */
export const textSchema = z.object({ body: z.string() });

/** `messages[].interactive` for the reply kinds Mitra understands. */
export const interactiveSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('button_reply'), button_reply: z.object({ id, title: z.string() }) }),
  z.object({
    type: z.literal('list_reply'),
    list_reply: z.object({ id, title: z.string(), description: z.string().optional() }),
  }),
  z.object({
    type: z.literal('nfm_reply'),
    nfm_reply: z.object({ name: z.string().default('flow'), body: z.string().optional(), response_json: z.string() }),
  }),
]);

/** `messages[].button`: a quick-reply button of a template message. */
export const templateButtonSchema = z.object({ text: z.string(), payload: z.string().optional() });

/** `messages[].<image|document|audio|video|sticker>`. */
export const mediaSchema = z.object({
  id,
  mime_type: z.string().min(1),
  sha256: z.string().optional(),
  caption: z.string().optional(),
  filename: z.string().optional(),
  voice: z.boolean().optional(),
  animated: z.boolean().optional(),
  url: z.string().optional(),
});

/** `messages[].location`. */
export const locationSchema = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  name: z.string().optional(),
  address: z.string().optional(),
});

/** `messages[].reaction`; `emoji` is absent when the citizen removed the reaction. */
export const reactionSchema = z.object({ message_id: id, emoji: z.string().optional() });

/** `messages[].system`. */
export const systemSchema = z.object({
  type: z.string(),
  body: z.string().optional(),
  wa_id: z.string().optional(),
  new_wa_id: z.string().optional(),
});

/** `value.statuses[]` for our own messages (payment statuses are a different kind). */
export const statusSchema = z.object({
  id,
  status: z.enum(['sent', 'delivered', 'read', 'failed', 'played']),
  timestamp: unixTimestamp,
  recipient_id: z.string().min(1),
  /** Echo of the `biz_opaque_callback_data` set on the send (Mitra puts its outbox row id there). */
  biz_opaque_callback_data: z.string().max(512).optional(),
  type: z.undefined().optional(),
  errors: z.array(errorItemSchema).optional(),
  conversation: z
    .object({
      id: z.string(),
      expiration_timestamp: z.string().optional(),
      origin: z.object({ type: z.string() }).optional(),
    })
    .optional(),
  pricing: z
    .object({
      billable: z.boolean().optional(),
      pricing_model: z.string().optional(),
      type: z.string().optional(),
      category: z.string().optional(),
    })
    .optional(),
});

/** One `entry[].changes[]` item, before its `value` is read. */
export const changeSchema = z.object({ field: z.string(), value: z.unknown() });

/** `change.value` of a `messages` change; the arrays are read item by item. */
export const messagesValueSchema = z.object({
  messaging_product: z.literal('whatsapp').optional(),
  metadata: metadataSchema,
  contacts: z.array(z.unknown()).optional(),
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
  errors: z.array(z.unknown()).optional(),
});

/** The envelope: `object` and `entry[]`; each entry is read on its own. */
export const envelopeSchema = z.object({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(z.unknown()),
});

/** One `entry[]` item. */
export const entrySchema = z.object({ id: z.string().optional(), changes: z.array(z.unknown()) });
