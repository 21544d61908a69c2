/**
 * Meta's webhook delivery, as the Graph API double does not model it: Meta keeps retrying a
 * webhook that was not acknowledged (for up to 7 days, whatsapp-cloud-api.md §2). The double
 * posts its status webhooks here; the relay acknowledges at once and delivers each one to
 * Mitra, retrying until Mitra answers 2xx — across a crash and a restart on a new port.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSignedPoster } from './post-signed.ts';

/** Pause before retrying an unacknowledged webhook. */
export const RELAY_RETRY_MS = 100;
/** Webhooks delivered at once. */
const RELAY_CONCURRENCY = 8;

/** A running relay. */
export interface WebhookRelay {
  /** Where the double should post (`setWebhookUrl`). */
  url: string;
  /** Where webhooks go now; undefined holds them (Mitra is down). */
  setTarget(url: string | undefined): void;
  /** Webhooks received and not yet acknowledged by Mitra. */
  pending(): number;
  close(): Promise<void>;
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Starts a relay on a free local port. Bodies are forwarded with their original signature. */
export async function startWebhookRelay(): Promise<WebhookRelay> {
  const queue: { raw: Buffer; signature: string }[] = [];
  let target: string | undefined;
  let active = 0;
  let closed = false;
  // The original signature is forwarded as is, so the secret here is never used.
  const poster = createSignedPoster('unused', RELAY_CONCURRENCY);

  function pump(): void {
    while (!closed && target && active < RELAY_CONCURRENCY && queue.length > 0) {
      const item = queue.shift()!;
      const to = target;
      active++;
      void poster.post(to, item.raw, { signature: item.signature, timeoutMs: 5_000 }).then((answer) => {
        active--;
        if (answer.status >= 200 && answer.status < 300) {
          pump();
          return;
        }
        // Not acknowledged: back into the queue, tried again shortly (Meta backs off too).
        queue.unshift(item);
        setTimeout(pump, RELAY_RETRY_MS);
      });
    }
  }

  const server: Server = createServer((req, res) => {
    void readAll(req).then((raw) => {
      queue.push({ raw, signature: String(req.headers['x-hub-signature-256'] ?? '') });
      res.writeHead(200).end();
      pump();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/relay`,
    setTarget(url) {
      target = url;
      pump();
    },
    pending: () => queue.length + active,
    async close() {
      closed = true;
      poster.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
