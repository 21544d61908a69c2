/**
 * The Graph API client: sends messages, marks them read, uploads and downloads media
 * (whatsapp-cloud-api.md §1, §3, §4). Every call carries the Bearer token and goes to
 * `${graphUrl}/${apiVersion}/…`, with a timeout. Sending never throws: it returns a
 * {@link SendResult} the outbox worker acts on. Media calls throw typed errors.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { MediaFailure } from '../../engine/inbound.ts';
import { classifyGraphError, type GraphFailure } from './classify-graph-error.ts';

/** The outcome of a send: Meta's wamid, or a classified failure. */
export type SendResult = { ok: true; messageId: string } | GraphFailure;

/** The outcome of a mark-as-read. */
export type MarkReadResult = { ok: true } | GraphFailure;

/** How to reach the Graph API. */
export interface GraphClientOptions {
  /** `https://graph.facebook.com` in production; the double's URL in tests. No trailing path. */
  graphUrl: string;
  /** e.g. `v24.0`. */
  apiVersion: string;
  accessToken: string;
  phoneNumberId: string;
  /** Per request; a request that takes longer fails as retryable. */
  timeoutMs: number;
  /** Injected for tests; defaults to the global `fetch`. */
  fetch?: typeof fetch;
}

/** What {@link GraphClient.fetchMedia} returns: the verified bytes. */
export interface FetchedMedia {
  bytes: Buffer;
  mimeType: string;
  /** Lowercase hex SHA-256 of `bytes` (verified against Meta's declared hash). */
  sha256: string;
  fileSize: number;
}

/** Why a media upload or download failed; `reason` maps onto the inbound `MediaFailure`. */
export class GraphMediaError extends Error {
  override readonly name = 'GraphMediaError';
  constructor(
    readonly reason: MediaFailure | 'upload_failed',
    message: string,
    readonly evidence: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** The client. */
export interface GraphClient {
  /** POSTs a `/messages` body (from `toGraphMessage`). Never throws. */
  send(body: object): Promise<SendResult>;
  /** Marks the citizen's message (and every earlier one) read; optionally shows "typing…". */
  markRead(messageId: string, opts?: { typing?: boolean }): Promise<MarkReadResult>;
  /** Uploads a file; returns Meta's media id. Throws {@link GraphMediaError}. */
  uploadMedia(bytes: Buffer, mimeType: string, filename: string): Promise<string>;
  /**
   * Downloads a citizen's media: resolves the id to its short-lived URL, downloads it with the
   * Bearer token, refuses more than `maxBytes`, and checks the SHA-256 Meta declared.
   * Throws {@link GraphMediaError} (`too_large`, `download_failed`, `checksum_mismatch`).
   */
  fetchMedia(mediaId: string, opts?: { maxBytes?: number }): Promise<FetchedMedia>;
}

/** WhatsApp's largest media (documents) is 100 MB; nothing bigger is ever downloaded. */
export const MAX_MEDIA_BYTES = 100 * 1024 * 1024;

const sendResponseSchema = z.object({ messages: z.array(z.object({ id: z.string().min(1) })).min(1) });
const uploadResponseSchema = z.object({ id: z.string().min(1) });
const mediaInfoSchema = z.object({
  url: z.string().min(1),
  mime_type: z.string().min(1),
  sha256: z.string().optional(),
  file_size: z.union([z.number(), z.string().regex(/^\d+$/)]).transform(Number).optional(),
});

const HEX_SHA256 = /^[0-9a-fA-F]{64}$/;

/** Meta declares SHA-256 as hex on the media endpoint and as base64 in webhooks: accept both. */
function declaredDigest(declared: string): Buffer | undefined {
  const trimmed = declared.trim();
  if (HEX_SHA256.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) {
    const bytes = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (bytes.length === 32) return bytes;
  }
  return undefined;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
  }
  return String(error);
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

/** Creates a client for one business phone number. */
export function createGraphClient(options: GraphClientOptions): GraphClient {
  const doFetch = options.fetch ?? fetch;
  const base = `${options.graphUrl.replace(/\/+$/, '')}/${options.apiVersion}`;
  const auth = { authorization: `Bearer ${options.accessToken}` };

  /** One request; network and timeout problems become a retryable failure. */
  async function request(url: string, init: RequestInit): Promise<{ ok: true; response: Response } | GraphFailure> {
    try {
      const response = await doFetch(url, { ...init, signal: AbortSignal.timeout(options.timeoutMs) });
      return { ok: true, response };
    } catch (error) {
      return {
        ok: false,
        retryable: true,
        title: isTimeout(error) ? 'timeout' : 'network error',
        detail: describe(error),
      };
    }
  }

  /** Reads a JSON answer; a non-2xx status becomes a classified failure. */
  async function jsonCall(url: string, init: RequestInit): Promise<{ ok: true; json: unknown } | GraphFailure> {
    const sent = await request(url, init);
    if (!sent.ok) return sent;
    const { response } = sent;
    let json: unknown;
    try {
      json = await response.json();
    } catch (error) {
      if (!response.ok) return classifyGraphError(response.status, undefined, response.headers.get('retry-after'));
      return { ok: false, retryable: isTimeout(error), title: 'unreadable response', detail: describe(error), httpStatus: response.status };
    }
    if (!response.ok) return classifyGraphError(response.status, json, response.headers.get('retry-after'));
    return { ok: true, json };
  }

  function postJson(path: string, body: object): Promise<{ ok: true; json: unknown } | GraphFailure> {
    return jsonCall(`${base}/${path}`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  return {
    async send(body) {
      const result = await postJson(`${options.phoneNumberId}/messages`, body);
      if (!result.ok) return result;
      const parsed = sendResponseSchema.safeParse(result.json);
      if (!parsed.success) {
        // Meta accepted the call but we cannot tell the message id: retrying could send twice,
        // so this is reported as permanent for a human to look at.
        return { ok: false, retryable: false, title: 'unexpected send response', detail: JSON.stringify(result.json).slice(0, 500), httpStatus: 200 };
      }
      return { ok: true, messageId: parsed.data.messages[0].id };
    },

    async markRead(messageId, opts = {}) {
      const result = await postJson(`${options.phoneNumberId}/messages`, {
        messaging_product: 'whatsapp',
        status: 'read',
        message_id: messageId,
        ...(opts.typing === true ? { typing_indicator: { type: 'text' } } : {}),
      });
      return result.ok ? { ok: true } : result;
    },

    async uploadMedia(bytes, mimeType, filename) {
      const form = new FormData();
      form.set('messaging_product', 'whatsapp');
      form.set('type', mimeType);
      // Copy into a plain ArrayBuffer-backed view: Blob does not take Node's pooled Buffer type.
      form.set('file', new Blob([new Uint8Array(bytes)], { type: mimeType }), filename);
      const result = await jsonCall(`${base}/${options.phoneNumberId}/media`, { method: 'POST', headers: auth, body: form });
      if (!result.ok) throw new GraphMediaError('upload_failed', `media upload failed: ${result.title}`, { ...result });
      const parsed = uploadResponseSchema.safeParse(result.json);
      if (!parsed.success) throw new GraphMediaError('upload_failed', 'media upload: response has no id', { response: result.json });
      return parsed.data.id;
    },

    async fetchMedia(mediaId, opts = {}) {
      const maxBytes = Math.min(opts.maxBytes ?? MAX_MEDIA_BYTES, MAX_MEDIA_BYTES);
      const info = await jsonCall(`${base}/${encodeURIComponent(mediaId)}`, { method: 'GET', headers: auth });
      if (!info.ok) throw new GraphMediaError('download_failed', `media ${mediaId}: ${info.title}`, { ...info });
      const parsed = mediaInfoSchema.safeParse(info.json);
      if (!parsed.success) throw new GraphMediaError('download_failed', `media ${mediaId}: unexpected media info`, { response: info.json });
      const meta = parsed.data;
      if (meta.file_size !== undefined && meta.file_size > maxBytes) {
        throw new GraphMediaError('too_large', `media ${mediaId}: ${meta.file_size} bytes exceeds ${maxBytes}`, { fileSize: meta.file_size, maxBytes });
      }
      const download = await request(meta.url, { method: 'GET', headers: auth });
      if (!download.ok) throw new GraphMediaError('download_failed', `media ${mediaId}: ${download.title}`, { ...download });
      const { response } = download;
      if (!response.ok || response.body === null) {
        throw new GraphMediaError('download_failed', `media ${mediaId}: HTTP ${response.status}`, { httpStatus: response.status });
      }
      const declaredLength = Number(response.headers.get('content-length') ?? NaN);
      if (Number.isFinite(declaredLength) && declaredLength > maxBytes) {
        await response.body.cancel().catch(() => undefined);
        throw new GraphMediaError('too_large', `media ${mediaId}: ${declaredLength} bytes exceeds ${maxBytes}`, { fileSize: declaredLength, maxBytes });
      }
      // Count while reading: the size Meta declared is not trusted to bound memory.
      const chunks: Buffer[] = [];
      let total = 0;
      const reader = response.body.getReader();
      try {
        for (;;) {
          const { done, value: chunk } = await reader.read();
          if (done) break;
          total += chunk.byteLength;
          if (total > maxBytes) {
            await reader.cancel().catch(() => undefined);
            throw new GraphMediaError('too_large', `media ${mediaId}: more than ${maxBytes} bytes`, { maxBytes });
          }
          chunks.push(Buffer.from(chunk));
        }
      } catch (error) {
        if (error instanceof GraphMediaError) throw error;
        throw new GraphMediaError('download_failed', `media ${mediaId}: ${describe(error)}`);
      }
      const bytes = Buffer.concat(chunks);
      const digest = createHash('sha256').update(bytes).digest();
      if (meta.sha256 !== undefined) {
        const declared = declaredDigest(meta.sha256);
        if (declared === undefined || !declared.equals(digest)) {
          throw new GraphMediaError('checksum_mismatch', `media ${mediaId}: sha256 does not match`, {
            declared: meta.sha256,
            actual: digest.toString('hex'),
          });
        }
      }
      return {
        bytes,
        mimeType: response.headers.get('content-type')?.split(';')[0].trim() || meta.mime_type,
        sha256: digest.toString('hex'),
        fileSize: bytes.length,
      };
    },
  };
}
