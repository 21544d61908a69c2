/**
 * What a simulated citizen can send: one variant per kind of WhatsApp message the simulators
 * offer. The web page posts these as JSON, the terminal runner builds them from commands; the
 * simulator backend turns each into Meta's exact webhook body. Validated with zod at the HTTP
 * edge so a bad request gets a 400 with the path of the problem.
 */
import { z } from 'zod';
import { MESSAGE_LIMITS } from '../../lib/message-limits.ts';

/** The largest media upload the simulator accepts (base64-decoded). Meta's image limit is 5 MB,
 * documents 100 MB; the simulator keeps demos small and the JSON body bounded. */
export const MAX_SIMULATED_UPLOAD_BYTES = 16 * 1024 * 1024;
/** Base64 of {@link MAX_SIMULATED_UPLOAD_BYTES}, rounded up (4 characters per 3 bytes). */
const MAX_BASE64_LENGTH = Math.ceil(MAX_SIMULATED_UPLOAD_BYTES / 3) * 4;
/** Meta's limit on a text message body (whatsapp-cloud-api.md §3.1); citizens share it. */
const MAX_TEXT = MESSAGE_LIMITS.textBody;
/** Meta's limit on a media caption. */
const MAX_CAPTION = MESSAGE_LIMITS.caption;

const base64 = z
  .string()
  .min(1)
  .max(MAX_BASE64_LENGTH, `must be at most ${MAX_SIMULATED_UPLOAD_BYTES} bytes once decoded`)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64');
const mimeType = z.string().min(3).max(100).regex(/^[\w.+-]+\/[\w.+-]+(;.*)?$/, 'must be a MIME type');
/** The wamid of one of Mitra's messages this input answers (WhatsApp's `context.id`). */
const replyTo = z.string().min(1).max(300).optional();

/** The zod schema of {@link SimulatedInput}. */
export const simulatedInputSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().min(1).max(MAX_TEXT), replyTo }),
  z.object({
    type: z.literal('button_reply'),
    id: z.string().min(1).max(MESSAGE_LIMITS.replyButtonId),
    title: z.string().min(1).max(100),
    replyTo,
  }),
  z.object({
    type: z.literal('list_reply'),
    id: z.string().min(1).max(MESSAGE_LIMITS.listRowId),
    title: z.string().min(1).max(100),
    description: z.string().max(200).optional(),
    replyTo,
  }),
  z.object({
    type: z.literal('image'),
    base64,
    mimeType,
    filename: z.string().max(255).optional(),
    caption: z.string().max(MAX_CAPTION).optional(),
    replyTo,
  }),
  z.object({
    type: z.literal('document'),
    base64,
    mimeType,
    filename: z.string().min(1).max(255),
    caption: z.string().max(MAX_CAPTION).optional(),
    replyTo,
  }),
  z.object({
    type: z.literal('location'),
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    name: z.string().max(200).optional(),
    address: z.string().max(500).optional(),
    replyTo,
  }),
  z.object({ type: z.literal('sticker'), replyTo }),
  z.object({
    type: z.literal('contacts'),
    name: z.string().min(1).max(200),
    phone: z.string().min(3).max(40),
    replyTo,
  }),
  z.object({
    type: z.literal('reaction'),
    messageId: z.string().min(1).max(300),
    /** Absent: the citizen removed their reaction, as Meta reports it. */
    emoji: z.string().min(1).max(16).optional(),
  }),
  z.object({
    type: z.literal('voice'),
    /** A recorded voice note; when absent the simulator sends a tiny placeholder OGG file. */
    base64: base64.optional(),
    mimeType: mimeType.optional(),
    replyTo,
  }),
  z.object({
    type: z.literal('unsupported'),
    /** What WhatsApp could not represent, e.g. "edit" (Meta's `unsupported.type`). */
    kind: z.string().min(1).max(40).default('edit'),
  }),
]);

/**
 * One thing a simulated citizen sends. `replyTo` is the wamid of the Mitra message answered,
 * which becomes the webhook's `context` (taps on buttons and rows always carry it on WhatsApp).
 */
export type SimulatedInput = z.input<typeof simulatedInputSchema>;
