/**
 * A local stand-in for Meta's Graph API (DESIGN.md "Test doubles"): a plain node:http server
 * that speaks the Cloud API protocol and enforces its rules, for tests, the benchmark and
 * `npm start` (where the web simulator shows what it "delivers"). It checks the Bearer token,
 * validates every message with the same `checkGraphMessage` the adapter uses, keeps uploaded
 * media, serves it through short-lived URLs, and posts signed status webhooks back like Meta.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { checkGraphMessage } from '../whatsapp/check-graph-message.ts';
import { signBody } from '../whatsapp/verify-signature.ts';
import { TEMPLATES } from '../whatsapp/templates.ts';
import { encodeWebhookBody } from './encode-webhook-body.ts';
import { mediaRuleFor } from './media-rules.ts';
import { metaError } from './meta-error.ts';

/** When the double posts each status webhook after a successful send. */
export interface StatusDelays {
  sentMs: number;
  deliveredMs: number;
  readMs: number;
}

/** What the double needs. */
export interface GraphDoubleOptions {
  accessToken: string;
  phoneNumberId: string;
  appSecret: string;
  /** Where status webhooks go (Mitra's `/webhooks/whatsapp`); none are posted without it. */
  webhookUrl?: string;
  /** Defaults to {@link DEFAULT_STATUS_DELAYS}; `false` posts no status webhooks. */
  statusDelays?: StatusDelays | false;
  displayPhoneNumber?: string;
  wabaId?: string;
}

/** One message the double accepted. */
export interface SentRecord {
  /** The wamid returned to the sender. */
  id: string;
  /** The `to` of the request, as given. */
  to: string;
  /** The JSON body received. */
  body: Record<string, unknown>;
  /** ISO 8601. */
  at: string;
}

/** A scripted failure for the next `count` API requests. */
export interface FailurePlan {
  status: number;
  code: number;
  count: number;
  /** Answer only after this many milliseconds. */
  delayMs?: number;
  /** Never answer (to test client timeouts). */
  hang?: boolean;
  /** Sent as the `Retry-After` header, in seconds. */
  retryAfterSeconds?: number;
}

/** A stored media file. */
interface StoredFile {
  bytes: Buffer;
  mimeType: string;
  filename?: string;
  sha256: string;
}

/** The running double. */
export interface GraphDouble {
  /** The base URL (`http://127.0.0.1:<port>`), set by {@link GraphDouble.listen}. */
  readonly url: string;
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
  /** Every accepted message, oldest first. */
  readonly sent: SentRecord[];
  /** Every mark-as-read received, oldest first. */
  readonly reads: { messageId: string; typing: boolean; at: string }[];
  on(event: 'message', cb: (record: SentRecord) => void): () => void;
  /** Stores a file as if a citizen had sent it; returns its media id. */
  storeMedia(bytes: Buffer, mimeType: string, filename?: string): string;
  mediaBytes(mediaId: string): { bytes: Buffer; mimeType: string; filename?: string } | undefined;
  /** Makes the next `plan.count` API requests fail as described. */
  failNext(plan: FailurePlan): void;
  /**
   * Decides whether `to` is inside the 24-hour window. Outside it, a non-template message is
   * accepted (200) and then fails with a 131047 status webhook, as Meta does.
   */
  setWindowCheck(fn: (to: string) => boolean): void;
  /** Changes where status webhooks go (the app may start after the double). */
  setWebhookUrl(url: string | undefined): void;
}

/** Small but visible delays, so a watcher sees sent → delivered → read in order. */
export const DEFAULT_STATUS_DELAYS: StatusDelays = { sentMs: 20, deliveredMs: 60, readMs: 120 };
/** JSON request bodies larger than this are refused (a 4096-character text is ~16 KB). */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;
/** Uploads: the largest media (100 MB documents) plus room for the multipart framing. */
export const MAX_UPLOAD_BODY_BYTES = 100 * 1024 * 1024 + 64 * 1024;
/** Media download URLs expire after five minutes (whatsapp-cloud-api.md §4). */
export const MEDIA_URL_TTL_MS = 5 * 60 * 1000;

const API_VERSION = /^v\d+\.\d+$/;
const DOWNLOAD_PATH = '/whatsapp_business/attachments/';
const MEDIA_MESSAGE_TYPES = ['image', 'document', 'audio', 'video', 'sticker'];
const HTTP_PAYLOAD_TOO_LARGE = 413;

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let total = 0;
    req.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) {
        req.removeAllListeners('data');
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function newOutboundWamid(to: string): string {
  const digits = to.replace(/\D/g, '');
  const inner = Buffer.concat([
    Buffer.from([0x18, digits.length]),
    Buffer.from(digits),
    Buffer.from([0x15, 0x02, 0x00, 0x11, 0x18, 0x12]),
    Buffer.from(randomBytes(9).toString('hex').toUpperCase()),
    Buffer.from([0x00]),
  ]);
  return `wamid.${inner.toString('base64')}`;
}

function newMediaId(): string {
  // Meta's media ids are 15–16 digit numbers.
  return `${randomInt(1, 10)}${String(randomInt(0, 1e9)).padStart(9, '0')}${String(randomInt(0, 1e6)).padStart(6, '0')}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Creates (but does not start) a Graph API double. */
export function createGraphDouble(opts: GraphDoubleOptions): GraphDouble {
  const sent: SentRecord[] = [];
  const reads: GraphDouble['reads'] = [];
  const listeners = new Set<(record: SentRecord) => void>();
  const media = new Map<string, StoredFile>();
  const downloadTokens = new Map<string, { mediaId: string; expiresAt: number }>();
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<Socket>();
  const plans: FailurePlan[] = [];
  let windowCheck: (to: string) => boolean = () => true;
  let webhookUrl = opts.webhookUrl;
  let baseUrl = '';
  const statusDelays = opts.statusDelays === undefined ? DEFAULT_STATUS_DELAYS : opts.statusDelays;
  const displayPhoneNumber = opts.displayPhoneNumber ?? '15550783881';
  const wabaId = opts.wabaId ?? '102290129340398';

  function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', 'content-length': Buffer.byteLength(text), ...headers });
    res.end(text);
  }

  function authorized(req: IncomingMessage): boolean {
    return req.headers.authorization === `Bearer ${opts.accessToken}`;
  }

  function unauthorized(res: ServerResponse): void {
    json(res, 401, metaError(190), { 'www-authenticate': 'OAuth "Facebook Platform" "invalid_token" "Invalid OAuth access token"' });
  }

  function unknownObject(res: ServerResponse, method: string, id: string): void {
    json(
      res,
      400,
      metaError(
        100,
        undefined,
        `Unsupported ${method} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
      ),
    );
  }

  function later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  }

  async function postWebhook(payload: unknown): Promise<void> {
    if (webhookUrl === undefined) return;
    const raw = encodeWebhookBody(payload);
    try {
      await fetch(webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(raw, opts.appSecret) },
        body: raw,
        signal: AbortSignal.timeout(10_000),
      });
    } catch {
      // Meta retries for days; the double drops it: tests that care watch their receiver.
    }
  }

  function statusPayload(status: Record<string, unknown>): Record<string, unknown> {
    return {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: wabaId,
          changes: [
            {
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: displayPhoneNumber, phone_number_id: opts.phoneNumberId },
                statuses: [status],
              },
              field: 'messages',
            },
          ],
        },
      ],
    };
  }

  function scheduleStatuses(record: SentRecord, inWindow: boolean): void {
    if (statusDelays === false || webhookUrl === undefined) return;
    const recipient = record.to.replace(/\D/g, '');
    const isTemplate = record.body.type === 'template';
    const pricing = isTemplate
      ? { billable: true, pricing_model: 'PMP', type: 'regular', category: 'utility' }
      : { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'service' };
    const stamp = () => String(Math.floor(Date.now() / 1000));
    // Meta echoes the send's biz_opaque_callback_data in every status webhook of that message.
    const callback = typeof record.body.biz_opaque_callback_data === 'string' ? { biz_opaque_callback_data: record.body.biz_opaque_callback_data } : {};
    // Chained, so the receiver always sees sent before delivered before read.
    if (!inWindow) {
      later(statusDelays.sentMs, () => {
        void postWebhook(
          statusPayload({
            id: record.id,
            ...callback,
            status: 'failed',
            timestamp: stamp(),
            recipient_id: recipient,
            errors: [
              {
                code: 131047,
                title: 'Re-engagement message',
                message: 'Re-engagement message',
                error_data: { details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.' },
                href: '/documentation/business-messaging/whatsapp/support/error-codes',
              },
            ],
          }),
        );
      });
      return;
    }
    later(statusDelays.sentMs, () => {
      void postWebhook(statusPayload({ id: record.id, ...callback, status: 'sent', timestamp: stamp(), recipient_id: recipient, pricing })).then(() =>
        later(Math.max(0, statusDelays.deliveredMs - statusDelays.sentMs), () => {
          void postWebhook(statusPayload({ id: record.id, ...callback, status: 'delivered', timestamp: stamp(), recipient_id: recipient, pricing })).then(() =>
            later(Math.max(0, statusDelays.readMs - statusDelays.deliveredMs), () => {
              void postWebhook(statusPayload({ id: record.id, ...callback, status: 'read', timestamp: stamp(), recipient_id: recipient }));
            }),
          );
        }),
      );
    });
  }

  /** Template rules: the name, language and named parameters must match an approved one. */
  function templateProblem(template: Record<string, unknown>): { code: number; details: string } | undefined {
    const name = String(template.name);
    const def = Object.hasOwn(TEMPLATES, name) ? TEMPLATES[name] : undefined;
    const code = isRecord(template.language) ? String(template.language.code) : '';
    if (def === undefined || !Object.values(def.languages).includes(code)) {
      return { code: 132001, details: `template name (${name}) does not exist in ${code}` };
    }
    const components = Array.isArray(template.components) ? template.components : [];
    const bodyComponent = components.find((c) => isRecord(c) && c.type === 'body');
    const params = isRecord(bodyComponent) && Array.isArray(bodyComponent.parameters) ? bodyComponent.parameters : [];
    const names = params.map((p) => (isRecord(p) ? p.parameter_name : undefined));
    const expected = [...def.bodyParams].sort().join(',');
    const given = names.map(String).sort().join(',');
    if (expected !== given || params.some((p) => !isRecord(p) || typeof p.text !== 'string' || p.text.length === 0)) {
      return { code: 132000, details: `body: number of localizable_params (${params.length}) does not match the expected number of params (${def.bodyParams.length})` };
    }
    return undefined;
  }

  async function handleMessages(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req, MAX_JSON_BODY_BYTES);
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      return json(res, 400, metaError(100, 'Request body is not valid JSON'));
    }
    if (!isRecord(body)) return json(res, 400, metaError(100, 'Request body must be a JSON object'));
    const violations = checkGraphMessage(body);
    if (violations.length > 0) {
      const code = violations.every((v) => v.startsWith('Required parameter')) ? 131008 : 131009;
      return json(res, 400, metaError(code, violations.join('; ')));
    }
    if (body.status === 'read') {
      reads.push({ messageId: String(body.message_id), typing: isRecord(body.typing_indicator), at: new Date().toISOString() });
      return json(res, 200, { success: true });
    }
    const type = String(body.type ?? 'text');
    if (MEDIA_MESSAGE_TYPES.includes(type)) {
      const part = body[type] as Record<string, unknown>;
      if (typeof part.id === 'string' && !media.has(part.id)) {
        return json(res, 400, metaError(131009, `Media id ${part.id} is not valid or has expired`));
      }
    }
    if (type === 'template') {
      const problem = templateProblem(body.template as Record<string, unknown>);
      if (problem !== undefined) return json(res, 400, metaError(problem.code, problem.details));
    }
    const to = String(body.to);
    const record: SentRecord = { id: newOutboundWamid(to), to, body, at: new Date().toISOString() };
    const inWindow = type === 'template' || windowCheck(to);
    if (inWindow) {
      sent.push(record);
      for (const listener of listeners) {
        try {
          listener(record);
        } catch {
          // A listener's fault is not the sender's: Meta would have accepted the message.
        }
      }
    }
    scheduleStatuses(record, inWindow);
    json(res, 200, {
      messaging_product: 'whatsapp',
      contacts: [{ input: to, wa_id: to.replace(/\D/g, '') }],
      messages: [{ id: record.id, ...(type === 'template' ? { message_status: 'accepted' } : {}) }],
    });
  }

  async function handleUpload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req, MAX_UPLOAD_BODY_BYTES);
    const contentType = req.headers['content-type'] ?? '';
    if (!contentType.startsWith('multipart/form-data')) return json(res, 400, metaError(100, 'Upload must be multipart/form-data'));
    let form: FormData;
    try {
      form = await new Request('http://double/upload', { method: 'POST', headers: { 'content-type': contentType }, body: new Uint8Array(raw) }).formData();
    } catch {
      return json(res, 400, metaError(100, 'Malformed multipart body'));
    }
    if (form.get('messaging_product') !== 'whatsapp') return json(res, 400, metaError(100, 'The parameter messaging_product is required.'));
    const file = form.get('file');
    if (file === null || typeof file === 'string') return json(res, 400, metaError(100, 'The parameter file is required.'));
    const declaredType = form.get('type');
    const mimeType = typeof declaredType === 'string' && declaredType.length > 0 ? declaredType : file.type;
    const rule = mediaRuleFor(mimeType);
    if (rule === undefined) return json(res, 400, metaError(131053, `Param file must be a file with one of the supported types; got ${mimeType || 'none'}`));
    if (file.size > rule.maxBytes) {
      return json(res, 400, metaError(131053, `File size ${file.size} exceeds the ${rule.kind} limit of ${rule.maxBytes} bytes`));
    }
    const bytes = Buffer.from(await file.arrayBuffer());
    const id = store(bytes, mimeType, file.name || undefined);
    json(res, 200, { id });
  }

  function store(bytes: Buffer, mimeType: string, filename?: string): string {
    const id = newMediaId();
    media.set(id, {
      bytes,
      mimeType,
      ...(filename !== undefined ? { filename } : {}),
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    return id;
  }

  function handleMediaInfo(url: URL, mediaId: string, res: ServerResponse): void {
    const file = media.get(mediaId);
    const phoneCheck = url.searchParams.get('phone_number_id');
    if (file === undefined || (phoneCheck !== null && phoneCheck !== opts.phoneNumberId)) return unknownObject(res, 'get', mediaId);
    const token = randomBytes(16).toString('hex');
    downloadTokens.set(token, { mediaId, expiresAt: Date.now() + MEDIA_URL_TTL_MS });
    json(res, 200, {
      messaging_product: 'whatsapp',
      url: `${baseUrl}${DOWNLOAD_PATH}?mid=${mediaId}&ext=${Math.floor((Date.now() + MEDIA_URL_TTL_MS) / 1000)}&hash=${token}`,
      mime_type: file.mimeType,
      sha256: file.sha256,
      file_size: file.bytes.length,
      id: mediaId,
    });
  }

  function handleDownload(url: URL, req: IncomingMessage, res: ServerResponse): void {
    if (!authorized(req)) return unauthorized(res);
    const token = downloadTokens.get(url.searchParams.get('hash') ?? '');
    const file = token === undefined || token.expiresAt < Date.now() ? undefined : media.get(token.mediaId);
    if (file === undefined || token?.mediaId !== url.searchParams.get('mid')) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('URL signature expired');
      return;
    }
    res.writeHead(200, { 'content-type': file.mimeType, 'content-length': file.bytes.length });
    res.end(file.bytes);
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://double');
    const method = req.method ?? 'GET';
    if (url.pathname === DOWNLOAD_PATH && method === 'GET') return handleDownload(url, req, res);

    const plan = plans[0];
    if (plan !== undefined) {
      plan.count--;
      if (plan.count <= 0) plans.shift();
      req.resume();
      if (plan.hang === true) return; // never answered; close() drops the socket
      if (plan.delayMs !== undefined) await new Promise((resolve) => later(plan.delayMs ?? 0, () => resolve(undefined)));
      const headers: Record<string, string> = plan.retryAfterSeconds !== undefined ? { 'retry-after': String(plan.retryAfterSeconds) } : {};
      return json(res, plan.status, metaError(plan.code, 'Failure scripted by the Graph API double'), headers);
    }

    const parts = url.pathname.split('/').filter((p) => p.length > 0);
    if (parts.length < 2 || !API_VERSION.test(parts[0])) {
      return json(res, 404, metaError(100, undefined, `Unknown path components: ${url.pathname}`));
    }
    if (!authorized(req)) {
      req.resume();
      return unauthorized(res);
    }
    const [, objectId, edge] = parts;
    if (parts.length === 3 && method === 'POST' && (edge === 'messages' || edge === 'media')) {
      if (objectId !== opts.phoneNumberId) {
        req.resume();
        return unknownObject(res, 'post', objectId);
      }
      return edge === 'messages' ? handleMessages(req, res) : handleUpload(req, res);
    }
    if (parts.length === 2 && method === 'GET') return handleMediaInfo(url, objectId, res);
    if (parts.length === 2 && method === 'DELETE') {
      if (!media.delete(objectId)) return unknownObject(res, 'delete', objectId);
      return json(res, 200, { success: true });
    }
    req.resume();
    json(res, 404, metaError(100, undefined, `Unknown path components: ${url.pathname}`));
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      if (error instanceof BodyTooLarge) {
        json(res, HTTP_PAYLOAD_TOO_LARGE, metaError(100, 'Request body is too large'), { connection: 'close' });
        return;
      }
      json(res, 500, metaError(1, error instanceof Error ? error.message : String(error)));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  return {
    get url() {
      return baseUrl;
    },
    sent,
    reads,
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address();
          const actualPort = typeof address === 'object' && address !== null ? address.port : port;
          baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`;
          resolve(baseUrl);
        });
      });
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      return new Promise((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
    on(_event, cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    storeMedia(bytes, mimeType, filename) {
      return store(bytes, mimeType, filename);
    },
    mediaBytes(mediaId) {
      const file = media.get(mediaId);
      if (file === undefined) return undefined;
      return { bytes: file.bytes, mimeType: file.mimeType, ...(file.filename !== undefined ? { filename: file.filename } : {}) };
    },
    failNext(plan) {
      if (plan.count > 0) plans.push({ ...plan });
    },
    setWindowCheck(fn) {
      windowCheck = fn;
    },
    setWebhookUrl(url) {
      webhookUrl = url;
    },
  };
}
