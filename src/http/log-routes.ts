/**
 * The transparency log over HTTP, as C2SP tlog-tiles so existing tile clients can read it:
 * - `GET /log/checkpoint`: the newest signed checkpoint (with witness cosignatures);
 * - `GET /log/tile/<L>/<N>[.p/<W>]`: hash tiles; full tiles are immutable and cached for a year,
 *   partial tiles briefly;
 * - `GET /log/tile/entries/<N>[.p/<W>]`: entry bundles;
 * - `GET /log/key`: the log's verifier key (C2SP signed-note form);
 * - `GET /api/log/proof?subject=<reference>`: a C2SP tlog-proof for a receipt or certificate.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { encodeEntryBundle, parseTilePath, TILE_WIDTH } from '../translog/index.ts';
import { latestCheckpoint, readEntries, readTile, type Db } from '../storage/index.ts';

/** What the log routes need. */
export interface LogRouteDeps {
  db: Db;
  verifierKey: string;
  /** The proof for `subject`, or undefined when it is not logged (yet). */
  prove: (subject: string) => Promise<{ index: number; proof: string } | undefined>;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
const SHORT = 'public, max-age=1';

function notFound(reply: FastifyReply, message: string) {
  return reply.code(404).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send(`${message}\n`);
}

/** Registers the log routes. */
export function registerLogRoutes(app: FastifyInstance, deps: LogRouteDeps): void {
  app.get('/log/checkpoint', async (_req, reply) => {
    const checkpoint = await latestCheckpoint(deps.db);
    if (!checkpoint) return notFound(reply, 'no checkpoint published yet');
    return reply.header('cache-control', 'no-cache').type('text/plain; charset=utf-8').send(checkpoint.note);
  });

  app.get('/log/key', async (_req, reply) => reply.header('cache-control', 'public, max-age=3600').type('text/plain; charset=utf-8').send(`${deps.verifierKey}\n`));

  app.get('/log/tile/*', async (req, reply) => {
    const rest = (req.params as { '*': string })['*'];
    const parsed = parseTilePath(`tile/${rest}`);
    if (!parsed.ok) return reply.code(400).type('text/plain; charset=utf-8').send(`not a tile path: ${parsed.detail}\n`);
    const path = parsed.tile;
    const width = path.width;
    const full = width === TILE_WIDTH;
    if (path.kind === 'entries') {
      const begin = path.index * TILE_WIDTH;
      const checkpoint = await latestCheckpoint(deps.db);
      if (!checkpoint || begin + width > checkpoint.size) return notFound(reply, 'no such entry bundle in the published tree');
      const rows = await readEntries(deps.db, begin, begin + width);
      if (rows.length !== width) return notFound(reply, 'entry bundle incomplete');
      return reply.header('cache-control', full ? IMMUTABLE : SHORT).type('application/octet-stream').send(Buffer.from(encodeEntryBundle(rows.map((r) => r.entry))));
    }
    const tile = await readTile(deps.db, path.level, path.index);
    if (!tile || tile.width < width) return notFound(reply, 'no such tile');
    return reply.header('cache-control', full ? IMMUTABLE : SHORT).type('application/octet-stream').send(Buffer.from(tile.data.subarray(0, width * 32)));
  });

  app.get('/api/log/proof', async (req, reply) => {
    const subject = (req.query as { subject?: unknown }).subject;
    if (typeof subject !== 'string' || subject.length < 1 || subject.length > 100) {
      return reply.code(400).send({ error: 'bad_request', message: "'subject' (an application reference or certificate id) is required" });
    }
    const found = await deps.prove(subject);
    if (!found) return reply.code(404).send({ error: 'not_logged', message: 'not in a published checkpoint (yet): entries are logged within about a second' });
    return reply.header('cache-control', 'no-cache').type('text/plain; charset=utf-8').send(found.proof);
  });
}
