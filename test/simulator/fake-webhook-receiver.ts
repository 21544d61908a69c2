/**
 * A tiny stand-in for Mitra's webhook, for the simulator tests: it checks `X-Hub-Signature-256`
 * over the raw bytes with the real `verifySignature`, records every post, answers 200 (403 when
 * the signature is wrong), and lets a test reply through the Graph API double the way Mitra's
 * outbox would (POST /<version>/<phone number id>/messages with the bearer token).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseWebhook, verifySignature, type ParsedWebhook } from '../../src/channels/whatsapp/index.ts';

/** One webhook POST the receiver got. */
export interface ReceivedPost {
  raw: Buffer;
  signature: string | undefined;
  valid: boolean;
  body: unknown;
  parsed: ParsedWebhook;
}

/** Sends one Graph API message body through the double, as Mitra would. */
export type SendThroughDouble = (body: Record<string, unknown>) => Promise<{ status: number; json: unknown }>;

/** Options of {@link startFakeWebhookReceiver}. */
export interface FakeReceiverOptions {
  appSecret: string;
  graph: { url: () => string; accessToken: string; phoneNumberId: string };
  /** Called after a valid post was acknowledged; replies go through `send`. */
  onMessage?: (post: ReceivedPost, send: SendThroughDouble) => Promise<void> | void;
}

/** A running receiver. */
export interface FakeReceiver {
  url: string;
  posts: ReceivedPost[];
  /** Resolves when every `onMessage` started so far has finished. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/** Starts the receiver on 127.0.0.1 at a free port; its webhook path is `/webhooks/whatsapp`. */
export async function startFakeWebhookReceiver(options: FakeReceiverOptions): Promise<FakeReceiver> {
  const posts: ReceivedPost[] = [];
  const pending: Promise<void>[] = [];
  const send: SendThroughDouble = async (body) => {
    const response = await fetch(`${options.graph.url()}/v24.0/${options.graph.phoneNumberId}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${options.graph.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, json: await response.json() };
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const signature = req.headers['x-hub-signature-256'] as string | undefined;
      const valid = req.url === '/webhooks/whatsapp' && verifySignature(raw, signature, options.appSecret);
      let body: unknown = undefined;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        /* recorded as undefined */
      }
      const post: ReceivedPost = { raw, signature, valid, body, parsed: parseWebhook(body) };
      posts.push(post);
      res.writeHead(valid ? 200 : 403, { 'content-type': 'application/json' });
      res.end(JSON.stringify(valid ? { ok: true } : { error: 'invalid X-Hub-Signature-256' }));
      // Like Mitra: acknowledge first, reply afterwards. Status webhooks carry no messages.
      if (valid && options.onMessage && post.parsed.messages.length > 0) {
        pending.push(Promise.resolve(options.onMessage(post, send)));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/whatsapp`,
    posts,
    async settled() {
      await Promise.all(pending);
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
