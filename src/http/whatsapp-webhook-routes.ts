/**
 * `GET|POST /webhooks/whatsapp`: Meta's webhook endpoint. The POST handler verifies the
 * signature over the raw bytes, stores every inbound message durably (deduplicated on its id)
 * and answers 200; the engine runs later, in the inbound processor. Nothing here waits for a
 * conversation turn, so the answer stays fast (Meta asks for a median under 250 ms).
 */
import type { FastifyInstance } from 'fastify';
import { parseWebhook, verifySignature, verifySubscription } from '../channels/whatsapp/index.ts';
import { errors } from '../app/metrics.ts';
import { recordIngestMetrics } from './record-ingest-metrics.ts';
import type { Store } from '../storage/index.ts';
import type { InboundMessage } from '../engine/inbound.ts';

/** Meta's documented maximum webhook payload (whatsapp-cloud-api.md §2.3). */
export const MAX_WEBHOOK_BYTES = 3 * 1024 * 1024;

/** What the webhook routes need. */
export interface WebhookDeps {
  store: Pick<Store, 'ingest'>;
  appSecret: string;
  verifyToken: string;
  /** Called after new messages were stored, to wake the local processor at once. */
  onAccepted?: (accepted: number) => void;
  /** Called with the citizens' messages once stored (for read receipts and typing indicators). */
  onStored?: (messages: readonly InboundMessage[]) => void;
}

/** Registers the webhook routes on `app` (in their own scope: raw-body JSON parsing). */
export async function registerWhatsappWebhookRoutes(app: FastifyInstance, deps: WebhookDeps): Promise<void> {
  await app.register(async (scope) => {
    // Keep the raw bytes: the signature is over them, and re-serialising parsed JSON would
    // change non-ASCII text (Meta signs an escaped-unicode form).
    scope.removeContentTypeParser(['application/json', 'text/plain']);
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_WEBHOOK_BYTES }, (_req, body, done) => done(null, body));

    scope.get('/webhooks/whatsapp', async (req, reply) => {
      const result = verifySubscription(req.query as Record<string, unknown>, deps.verifyToken);
      if (!result.ok) return reply.code(403).type('text/plain').send('verification failed');
      return reply.code(200).type('text/plain').send(result.challenge);
    });

    scope.post('/webhooks/whatsapp', { bodyLimit: MAX_WEBHOOK_BYTES }, async (req, reply) => {
      const raw = req.body as Buffer | undefined;
      const header = req.headers['x-hub-signature-256'];
      if (!Buffer.isBuffer(raw) || raw.length === 0) {
        errors.inc({ code: 'webhook_empty' });
        return reply.code(400).send({ error: 'empty body' });
      }
      if (typeof header !== 'string' || header.length === 0) {
        errors.inc({ code: 'webhook_unsigned' });
        return reply.code(401).send({ error: 'missing X-Hub-Signature-256' });
      }
      if (!verifySignature(raw, header, deps.appSecret)) {
        errors.inc({ code: 'webhook_bad_signature' });
        return reply.code(403).send({ error: 'invalid X-Hub-Signature-256' });
      }
      let body: unknown;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        errors.inc({ code: 'webhook_bad_json' });
        return reply.code(400).send({ error: 'body is not JSON' });
      }
      const parsed = parseWebhook(body);
      // A signed body that is not a WhatsApp notification at all is Meta's mistake or a
      // probe; answering 200 stops endless redelivery of something we can never use.
      const result = await deps.store.ingest({
        messages: parsed.messages,
        statuses: parsed.statuses.map((s) => ({
          providerId: s.messageId, status: s.status, at: s.at, recipientId: s.recipient, callbackData: s.callbackData, errors: s.errors,
        })),
        errors: parsed.errors.map((e) => ({ code: e.code, title: e.title, details: e.details ?? e.message, raw: e })),
        rejected: [
          ...parsed.rejected.map((r) => ({ reason: `${r.path}: ${r.reason}` })),
          // A citizen who changed number is recorded for operators; linking the two ids is
          // an identity decision (KYC) this adapter must not take on its own.
          ...parsed.systemEvents.map((e) => ({ reason: `${e.type}: ${e.from} -> ${e.newWaId}`, part: e })),
        ],
      });
      recordIngestMetrics(result);
      if (parsed.rejected.length) errors.inc({ code: 'webhook_part_rejected' }, parsed.rejected.length);
      if (result.accepted > 0) deps.onAccepted?.(result.accepted);
      if (parsed.messages.length > 0) deps.onStored?.(parsed.messages);
      return reply.code(200).send({ ok: true });
    });
  });
}
