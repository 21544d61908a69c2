/**
 * The simulator backend: plays the part of WhatsApp's servers for simulated citizens. Inbound,
 * it builds Meta's exact messages webhook for what the citizen did, serialises it as Meta does,
 * SIGNS it with the app secret and POSTs it to Mitra's real webhook (`/webhooks/whatsapp`) — the
 * simulator goes through the webhook, never around it. Outbound, it listens to the Graph API
 * double and hands each citizen the exact Graph API request bodies Mitra sent them. The web page
 * and the terminal runner are two views of this one backend.
 */
import { createHash } from 'node:crypto';
import { buildMessagesWebhook, encodeWebhookBody, newInboundWamid, type WebhookMessageInput } from '../graph-double/index.ts';
import { renderTemplate, signBody } from '../whatsapp/index.ts';
import type { SimulatedInput } from './simulated-input.ts';
import type { InboundTick, RecordedInput, SimEvent } from './sim-event.ts';

/** Events kept per citizen; older ones are dropped (the page is a demo, not an archive). */
export const MAX_HISTORY_EVENTS = 500;
/** How often to look for new mark-as-read calls in the double (it keeps them in `reads`). */
const READ_POLL_MS = 200;
/** How long to wait for Mitra's webhook to answer; Meta itself gives up after a few seconds. */
const WEBHOOK_TIMEOUT_MS = 10_000;
/** A 1×1 lossless WebP: the sticker a simulated citizen sends. */
const STICKER_WEBP = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64');
/** MIME type of WhatsApp voice notes (whatsapp-cloud-api.md §2.5). */
const VOICE_MIME = 'audio/ogg; codecs=opus';
/** Placeholder voice note when the citizen "records" without a file: an OGG capture pattern and
 * silence. Speech-to-text finds nothing in it, which exercises the engine's re-prompt path. */
const PLACEHOLDER_VOICE = Buffer.concat([Buffer.from('OggS'), Buffer.alloc(60)]);
/** Meta's error for a message type the Cloud API cannot deliver (webhook-unsupported.json). */
const UNSUPPORTED_ERROR = {
  code: 131051,
  title: 'Message type unknown',
  message: 'Message type unknown',
  error_data: { details: 'Message type is currently not supported.' },
};

/** One message Mitra sent through the Graph API double. */
export interface DoubleSentRecord {
  id: string;
  to: string;
  body: unknown;
  at: string | number | Date;
}

/**
 * What the backend needs from the Graph API double (src/channels/graph-double): its stream of
 * sent messages and its media store. Implementations MUST call `on('message')` listeners with
 * the exact request body Mitra sent.
 */
export interface SimulatorGraphDouble {
  on(event: 'message', listener: (record: DoubleSentRecord) => void): () => void;
  storeMedia(bytes: Uint8Array, mimeType: string, filename?: string): string | Promise<string>;
  mediaBytes(mediaId: string): { bytes: Uint8Array; mimeType: string; filename?: string } | undefined;
  /** Every mark-as-read Mitra sent, oldest first; turns the citizen's ticks blue. Optional. */
  readonly reads?: readonly { messageId: string }[];
}

/** Options of {@link createSimulatorBackend}. */
export interface SimulatorBackendOptions {
  double: SimulatorGraphDouble;
  /**
   * Mitra's webhook URL, e.g. `http://127.0.0.1:3000/webhooks/whatsapp`. A function is read at
   * each send, so routes can be registered before the server knows its port.
   */
  webhookUrl: string | (() => string);
  /** The app secret Mitra verifies `X-Hub-Signature-256` with. */
  appSecret: string;
  phoneNumberId: string;
  /** The business number as Meta writes it in `metadata.display_phone_number` (digits, no +). */
  displayPhoneNumber: string;
  /** Clock, for tests. */
  now?: () => Date;
}

/** The result of one simulated send. */
export interface SimulatorSendResult {
  /** The wamid given to the citizen's message. */
  wamid: string;
  /** The HTTP status Mitra's webhook answered; 0 when it could not be reached. */
  status: number;
}

/** The simulator backend. */
export interface SimulatorBackend {
  /** The business number shown to simulated citizens. */
  readonly displayPhoneNumber: string;
  /** Sends `input` as citizen `waId` through the signed webhook; resolves once Mitra answered. */
  send(waId: string, profileName: string, input: SimulatedInput): Promise<SimulatorSendResult>;
  /** Calls `listener` for every new event of citizen `waId`; returns the unsubscribe function. */
  subscribe(waId: string, listener: (event: SimEvent) => void): () => void;
  /** The recorded events of citizen `waId`, oldest first (a copy). */
  history(waId: string): SimEvent[];
  /** A media file held by the double (what Mitra sent, or what a citizen uploaded). */
  media(mediaId: string): { bytes: Uint8Array; mimeType: string; filename?: string } | undefined;
  /** Stops listening to the double. */
  close(): void;
}

/** Digits only: "+91 98765-43210" and "919876543210" are the same citizen. */
function digitsOf(phone: string): string {
  return phone.replace(/\D/g, '');
}

/** Meta's webhook `sha256` of a media file: base64 of its SHA-256. */
function sha256Base64(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64');
}

function isoOf(at: string | number | Date, fallback: Date): string {
  const date = at instanceof Date ? at : new Date(at);
  return Number.isNaN(date.getTime()) ? fallback.toISOString() : date.toISOString();
}

type JsonObject = Record<string, any>;

/** Named body parameters of a template send, for rendering it. */
function templateParams(template: JsonObject): Record<string, string> {
  const params: Record<string, string> = {};
  for (const component of (template.components ?? []) as JsonObject[]) {
    if (component.type !== 'body') continue;
    for (const p of (component.parameters ?? []) as JsonObject[]) {
      if (p.type === 'text' && typeof p.parameter_name === 'string') params[p.parameter_name] = String(p.text);
    }
  }
  return params;
}

/**
 * Creates the backend and starts listening to the double. Precondition: `webhookUrl` is served
 * by a receiver that verifies signatures with the same `appSecret`.
 */
export function createSimulatorBackend(options: SimulatorBackendOptions): SimulatorBackend {
  const { double, webhookUrl, appSecret, phoneNumberId, displayPhoneNumber } = options;
  const now = options.now ?? (() => new Date());
  const histories = new Map<string, SimEvent[]>();
  const listeners = new Map<string, Set<(event: SimEvent) => void>>();
  /** wamid of a citizen message → its citizen, to route "read" marks back to the right chat. */
  const inboundOwners = new Map<string, string>();

  const record = (waId: string, event: SimEvent): void => {
    let events = histories.get(waId);
    if (events === undefined) {
      events = [];
      histories.set(waId, events);
    }
    events.push(event);
    if (events.length > MAX_HISTORY_EVENTS) events.splice(0, events.length - MAX_HISTORY_EVENTS);
    for (const listener of listeners.get(waId) ?? []) {
      try {
        listener(event);
      } catch {
        // One broken view (a closed SSE stream) must not stop the others.
      }
    }
  };

  const setTick = (waId: string, wamid: string, status: InboundTick, httpStatus?: number): void => {
    const inbound = histories.get(waId)?.find((e) => e.kind === 'in' && e.wamid === wamid);
    if (inbound === undefined || inbound.kind !== 'in') return;
    // Ticks only move forward: a late "delivered" must not undo "read".
    if (inbound.status === 'read' || inbound.status === status) return;
    inbound.status = status;
    if (httpStatus !== undefined) inbound.httpStatus = httpStatus;
    record(waId, { kind: 'status', wamid, status, at: now().toISOString(), ...(httpStatus !== undefined ? { httpStatus } : {}) });
  };

  let readsSeen = 0;
  /** Turns the ticks of citizen messages Mitra marked as read blue. */
  const applyReads = (): void => {
    const reads = double.reads ?? [];
    for (; readsSeen < reads.length; readsSeen++) {
      const owner = inboundOwners.get(reads[readsSeen].messageId);
      if (owner !== undefined) setTick(owner, reads[readsSeen].messageId, 'read');
    }
  };
  const readPoll = double.reads !== undefined ? setInterval(applyReads, READ_POLL_MS) : undefined;
  readPoll?.unref();

  const unsubscribeDouble = double.on('message', (sent) => {
    applyReads();
    const body = (sent.body ?? {}) as JsonObject;
    // Mark-as-read (and typing indicators) name the citizen's message, not a recipient.
    if (body.status === 'read' && typeof body.message_id === 'string') {
      const owner = inboundOwners.get(body.message_id);
      if (owner !== undefined) setTick(owner, body.message_id, 'read');
      return;
    }
    const waId = digitsOf(String(sent.to ?? body.to ?? ''));
    if (waId === '') return;
    const event: SimEvent = { kind: 'out', id: sent.id, to: waId, at: isoOf(sent.at, now()), body: sent.body };
    if (body.type === 'template' && body.template) {
      const rendered = renderTemplate(String(body.template.name), String(body.template.language?.code ?? ''), templateParams(body.template));
      if (rendered !== undefined) event.rendered = rendered;
    }
    const mediaId = body[body.type]?.id;
    if (typeof mediaId === 'string') {
      const media = double.mediaBytes(mediaId);
      if (media !== undefined) event.mimeType = media.mimeType;
    }
    record(waId, event);
  });

  /** Stores an upload in the double, as WhatsApp's servers hold a citizen's media. */
  const store = async (bytes: Buffer, mimeType: string, filename?: string) => {
    const mediaId = await double.storeMedia(bytes, mimeType, filename);
    return { mediaId, sha256: sha256Base64(bytes), mimeType };
  };

  /** The webhook message object (Meta's format) and what the history records for `input`. */
  const toWebhookMessage = async (from: string, input: SimulatedInput): Promise<{ message: WebhookMessageInput; recorded: RecordedInput }> => {
    const context = 'replyTo' in input && input.replyTo ? { context: { id: input.replyTo } } : {};
    switch (input.type) {
      case 'text':
        return { message: { from, type: 'text', ...context, text: { body: input.text } }, recorded: input };
      case 'button_reply':
        return {
          message: { from, type: 'interactive', ...context, interactive: { type: 'button_reply', button_reply: { id: input.id, title: input.title } } },
          recorded: input,
        };
      case 'list_reply': {
        const row = { id: input.id, title: input.title, ...(input.description !== undefined ? { description: input.description } : {}) };
        return { message: { from, type: 'interactive', ...context, interactive: { type: 'list_reply', list_reply: row } }, recorded: input };
      }
      case 'image': {
        const media = await store(Buffer.from(input.base64, 'base64'), input.mimeType, input.filename);
        const image = { ...(input.caption ? { caption: input.caption } : {}), mime_type: media.mimeType, sha256: media.sha256, id: media.mediaId };
        return {
          message: { from, type: 'image', ...context, image },
          recorded: { type: 'image', ...media, filename: input.filename, caption: input.caption, replyTo: input.replyTo },
        };
      }
      case 'document': {
        const media = await store(Buffer.from(input.base64, 'base64'), input.mimeType, input.filename);
        const document = {
          ...(input.caption ? { caption: input.caption } : {}),
          filename: input.filename,
          mime_type: media.mimeType,
          sha256: media.sha256,
          id: media.mediaId,
        };
        return {
          message: { from, type: 'document', ...context, document },
          recorded: { type: 'document', ...media, filename: input.filename, caption: input.caption, replyTo: input.replyTo },
        };
      }
      case 'voice': {
        const bytes = input.base64 !== undefined ? Buffer.from(input.base64, 'base64') : PLACEHOLDER_VOICE;
        const media = await store(bytes, input.mimeType ?? VOICE_MIME);
        return {
          message: { from, type: 'audio', ...context, audio: { mime_type: media.mimeType, sha256: media.sha256, id: media.mediaId, voice: true } },
          recorded: { type: 'voice', ...media, replyTo: input.replyTo },
        };
      }
      case 'sticker': {
        const media = await store(STICKER_WEBP, 'image/webp');
        return {
          message: { from, type: 'sticker', ...context, sticker: { mime_type: media.mimeType, sha256: media.sha256, id: media.mediaId, animated: false } },
          recorded: { type: 'sticker', ...media, replyTo: input.replyTo },
        };
      }
      case 'location': {
        const location = {
          latitude: input.latitude,
          longitude: input.longitude,
          ...(input.name ? { name: input.name } : {}),
          ...(input.address ? { address: input.address } : {}),
        };
        return { message: { from, type: 'location', ...context, location }, recorded: input };
      }
      case 'contacts': {
        const phoneDigits = digitsOf(input.phone);
        const card = {
          name: { formatted_name: input.name, first_name: input.name.split(/\s+/)[0] },
          phones: [{ phone: input.phone, ...(phoneDigits.length >= 6 ? { wa_id: phoneDigits } : {}), type: 'MOBILE' }],
        };
        return { message: { from, type: 'contacts', ...context, contacts: [card] }, recorded: input };
      }
      case 'reaction': {
        const reaction = { message_id: input.messageId, ...(input.emoji !== undefined ? { emoji: input.emoji } : {}) };
        return { message: { from, type: 'reaction', reaction }, recorded: input };
      }
      case 'unsupported': {
        const kind = input.kind ?? 'edit';
        return {
          message: { from, type: 'unsupported', errors: [UNSUPPORTED_ERROR], unsupported: { type: kind } },
          recorded: { type: 'unsupported', kind },
        };
      }
      default: {
        const unknownInput: never = input;
        throw new TypeError(`unknown simulated input ${JSON.stringify(unknownInput)}`);
      }
    }
  };

  /** POSTs the signed bytes as Meta does; the HTTP status, or 0 when unreachable. */
  const post = async (rawBody: string): Promise<number> => {
    try {
      const url = typeof webhookUrl === 'function' ? webhookUrl() : webhookUrl;
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(rawBody, appSecret) },
        body: rawBody,
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      });
      await response.arrayBuffer();
      return response.status;
    } catch {
      return 0;
    }
  };

  return {
    displayPhoneNumber,

    async send(waIdInput, profileName, input) {
      const waId = digitsOf(waIdInput);
      const { message, recorded } = await toWebhookMessage(waId, input);
      const wamid = newInboundWamid(waId);
      const at = now();
      const payload = buildMessagesWebhook({
        phoneNumberId,
        displayPhoneNumber,
        messages: [{ ...message, id: wamid, timestamp: at, profileName }],
      });
      const rawBody = encodeWebhookBody(payload);
      inboundOwners.set(wamid, waId);
      // Recorded before posting: Mitra may answer through the double before the POST returns.
      record(waId, { kind: 'in', wamid, waId, at: at.toISOString(), input: recorded, webhook: JSON.parse(rawBody), status: 'pending' });
      const status = await post(rawBody);
      setTick(waId, wamid, status === 200 ? 'delivered' : 'failed', status);
      return { wamid, status };
    },

    subscribe(waIdInput, listener) {
      const waId = digitsOf(waIdInput);
      let set = listeners.get(waId);
      if (set === undefined) {
        set = new Set();
        listeners.set(waId, set);
      }
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },

    history(waIdInput) {
      return [...(histories.get(digitsOf(waIdInput)) ?? [])];
    },

    media(mediaId) {
      return double.mediaBytes(mediaId);
    },

    close() {
      if (readPoll !== undefined) clearInterval(readPoll);
      unsubscribeDouble();
      listeners.clear();
    },
  };
}
