/**
 * The web chat simulator's HTTP surface: the page, its static assets, and a small JSON/SSE API
 * over the simulator backend. Everything a citizen "sends" goes through the backend, which posts
 * a signed webhook to Mitra's real `/webhooks/whatsapp`; nothing here talks to the engine.
 *
 *   GET  /simulator                    the page (web/simulator/index.html)
 *   GET  /simulator/assets/:file       simulator.css, simulator.js
 *   GET  /simulator/api/config         { displayPhoneNumber, defaultWaId, defaultProfileName }
 *   POST /simulator/api/send           { waId, profileName, input } → { wamid, status }
 *   GET  /simulator/api/events?waId=   Server-Sent Events: `history` once, then `sim` per event
 *   GET  /simulator/api/media/:mediaId the bytes of a media file held by the Graph API double
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { simulatedInputSchema } from './simulated-input.ts';
import type { SimulatorBackend } from './simulator-backend.ts';
import type { SimEvent } from './sim-event.ts';

/** The folder of the page and its assets. */
const WEB_ROOT = fileURLToPath(new URL('../../../web/simulator/', import.meta.url));
/** The only files served under /simulator/assets/, with their content types. */
const ASSETS: Readonly<Record<string, string>> = {
  'simulator.css': 'text/css; charset=utf-8',
  'simulator.js': 'text/javascript; charset=utf-8',
};
/** An SSE comment this often keeps proxies and browsers from closing an idle stream. */
const SSE_KEEPALIVE_MS = 15_000;
/** The JSON body of /send may carry a base64 upload (16 MB → ~21.4 MB) plus a little JSON. */
const SEND_BODY_LIMIT = 23 * 1024 * 1024;
/** Citizen number shown by default (a made-up Indian mobile number). */
const DEFAULT_WA_ID = '919876543210';
const DEFAULT_PROFILE_NAME = 'Ravi Kumar';

/** A WhatsApp id: digits, optionally written with +, spaces, dashes or brackets. */
const waIdSchema = z
  .string()
  .transform((s) => s.replace(/[\s()+-]/g, ''))
  .pipe(z.string().regex(/^\d{6,15}$/, 'must be a phone number of 6 to 15 digits with country code'));

const sendBodySchema = z.object({
  waId: waIdSchema,
  profileName: z.string().trim().min(1).max(60).default(DEFAULT_PROFILE_NAME),
  input: simulatedInputSchema,
});

const eventsQuerySchema = z.object({ waId: waIdSchema });
const mediaParamsSchema = z.object({ mediaId: z.string().regex(/^[\w.-]{1,200}$/, 'must be a media id') });

/** Formats zod issues as one precise line: `input.latitude: Too big: expected number to be <=90`. */
function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`).join('; ');
}

function badRequest(reply: FastifyReply, error: z.ZodError): FastifyReply {
  return reply.code(400).send({ error: describeIssues(error) });
}

/** Options of {@link registerSimulatorRoutes}. */
export interface SimulatorRouteOptions {
  /** The business number the page shows in its header, digits only. */
  displayPhoneNumber?: string;
}

/**
 * Registers the simulator routes on `app`. Precondition: `backend` posts to the webhook of the
 * same Mitra instance (or a test receiver). The page and assets are read from disk on each
 * request so edits show on reload; they are small.
 */
export async function registerSimulatorRoutes(
  app: FastifyInstance,
  backend: SimulatorBackend,
  options: SimulatorRouteOptions = {},
): Promise<void> {
  await app.register(async (scope) => {
    scope.get('/simulator', async (_req, reply) => {
      const html = await readFile(`${WEB_ROOT}index.html`, 'utf8');
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .header('content-security-policy', "default-src 'self'; img-src 'self' blob: data:; media-src 'self' blob:; style-src 'self'; script-src 'self'; connect-src 'self'")
        .send(html);
    });

    scope.get<{ Params: { file: string } }>('/simulator/assets/:file', async (req, reply) => {
      const file = req.params.file;
      const type = Object.hasOwn(ASSETS, file) ? ASSETS[file] : undefined;
      if (type === undefined) return reply.code(404).send({ error: `no asset '${file}'` });
      const content = await readFile(`${WEB_ROOT}${file}`);
      return reply.type(type).header('cache-control', 'no-cache').send(content);
    });

    scope.get('/simulator/api/config', async () => ({
      displayPhoneNumber: options.displayPhoneNumber ?? backend.displayPhoneNumber,
      defaultWaId: DEFAULT_WA_ID,
      defaultProfileName: DEFAULT_PROFILE_NAME,
    }));

    scope.post('/simulator/api/send', { bodyLimit: SEND_BODY_LIMIT }, async (req, reply) => {
      const parsed = sendBodySchema.safeParse(req.body);
      if (!parsed.success) return badRequest(reply, parsed.error);
      const { waId, profileName, input } = parsed.data;
      try {
        const result = await backend.send(waId, profileName, input);
        return reply.code(200).send(result);
      } catch (err) {
        // The double refuses media WhatsApp would refuse (type, size): say why, as a 422.
        return reply.code(422).send({ error: (err as Error).message });
      }
    });

    scope.get('/simulator/api/events', async (req, reply) => {
      const parsed = eventsQuerySchema.safeParse(req.query);
      if (!parsed.success) return badRequest(reply, parsed.error);
      const { waId } = parsed.data;
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        // Stops nginx and similar proxies from buffering the stream.
        'x-accel-buffering': 'no',
      });
      const write = (event: string, data: unknown): void => {
        res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      };
      // Subscribe before reading the history so nothing sent in between is lost; events that
      // arrive while the history is written are queued behind it by the single write order.
      const unsubscribe = backend.subscribe(waId, (event: SimEvent) => write('sim', event));
      write('history', backend.history(waId));
      const keepalive = setInterval(() => res.write(': keepalive\n\n'), SSE_KEEPALIVE_MS);
      keepalive.unref();
      req.raw.on('close', () => {
        clearInterval(keepalive);
        unsubscribe();
      });
    });

    scope.get('/simulator/api/media/:mediaId', async (req, reply) => {
      const parsed = mediaParamsSchema.safeParse(req.params);
      if (!parsed.success) return badRequest(reply, parsed.error);
      const media = backend.media(parsed.data.mediaId);
      if (media === undefined) return reply.code(404).send({ error: `no media '${parsed.data.mediaId}'` });
      reply.type(media.mimeType).header('cache-control', 'private, max-age=3600');
      if (media.filename) {
        // RFC 6266 / RFC 5987: an ASCII fallback plus the UTF-8 name (filenames may be Telugu).
        const ascii = media.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
        reply.header('content-disposition', `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(media.filename)}`);
      }
      return reply.send(Buffer.from(media.bytes));
    });
  });
}
