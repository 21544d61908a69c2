/**
 * Posting webhooks to Mitra exactly as Meta does: the raw bytes signed with the app secret in
 * `X-Hub-Signature-256`, over a keep-alive connection pool (the fuzz test sends thousands).
 * Network failures are answers too (status 0), because the kill/restart test needs to know
 * which posts were NOT acknowledged.
 */
import http from 'node:http';
import { signBody } from '../../../src/channels/whatsapp/verify-signature.ts';

/** Sockets per pool: modest, so the 2-core machine serves requests instead of queueing them. */
export const DEFAULT_MAX_SOCKETS = 8;

/** The answer to one post; `status` 0 means no HTTP answer (refused, reset, timed out). */
export interface PostAnswer {
  status: number;
  body: string;
  error?: string;
}

/** A poster bound to one keep-alive agent; `close()` frees its sockets. */
export interface SignedPoster {
  /** POSTs `raw` to `url`, signed with `appSecret` unless `signature` overrides the header. */
  post(url: string, raw: Buffer | string, opts?: { signature?: string | null; timeoutMs?: number }): Promise<PostAnswer>;
  close(): void;
}

/** Creates a poster with its own keep-alive agent. */
export function createSignedPoster(appSecret: string, maxSockets = DEFAULT_MAX_SOCKETS): SignedPoster {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  return {
    post(url, raw, opts = {}) {
      const bytes = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
      const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': bytes.length };
      const signature = opts.signature === undefined ? signBody(bytes, appSecret) : opts.signature;
      if (signature !== null) headers['x-hub-signature-256'] = signature;
      return new Promise<PostAnswer>((resolve) => {
        const req = http.request(url, { method: 'POST', agent, headers, timeout: opts.timeoutMs ?? 15_000 }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', (e) => resolve({ status: 0, body: '', error: e.message }));
        });
        req.on('timeout', () => req.destroy(new Error('timeout')));
        req.on('error', (e) => resolve({ status: 0, body: '', error: e.message }));
        req.end(bytes);
      });
    },
    close() {
      agent.destroy();
    },
  };
}
