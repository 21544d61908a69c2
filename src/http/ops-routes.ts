/**
 * Operator endpoints: `/healthz` (the process answers), `/readyz` (the database answers and the
 * workers run, so a load balancer may send traffic) and `/metrics` (Prometheus text format).
 */
import type { FastifyInstance } from 'fastify';
import { registry, inboxDepth, outboxDepth } from '../app/metrics.ts';

/** What the readiness check consults. */
export interface OpsDeps {
  /** Resolves when the database answers; rejects or resolves false otherwise. */
  databaseReady: () => Promise<boolean>;
  /** Queue depths for the gauges, read at scrape time. */
  queueDepths?: () => Promise<{ inbox: number; outbox: number }>;
  version: string;
}

/** Registers the operator endpoints. */
export function registerOpsRoutes(app: FastifyInstance, deps: OpsDeps): void {
  app.get('/healthz', async () => ({ status: 'ok', version: deps.version }));

  app.get('/readyz', async (_req, reply) => {
    let db = false;
    try {
      db = await deps.databaseReady();
    } catch {
      db = false;
    }
    return reply.code(db ? 200 : 503).send({ status: db ? 'ready' : 'not ready', database: db });
  });

  app.get('/metrics', async (_req, reply) => {
    if (deps.queueDepths) {
      try {
        const d = await deps.queueDepths();
        inboxDepth.set(d.inbox);
        outboxDepth.set(d.outbox);
      } catch {
        // The scrape still answers; the gauges keep their last values.
      }
    }
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
