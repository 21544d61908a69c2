/**
 * The catalog over HTTP:
 * - `GET /api/catalog`: departments with their services (current versions), for portals and
 *   department systems;
 * - `GET /api/services?q=&lang=&limit=`: "type what you need" search, best first;
 * - `POST /api/admin/catalog/publish`: re-reads the catalog folder and publishes it without a
 *   restart (operators; `Authorization: Bearer <admin token>`). Lint errors answer 422 with
 *   every error; a changed service that kept its version answers 409.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CatalogLoadError, CatalogVersionConflictError, type CatalogStore } from '../catalog/index.ts';
import type { ServiceDefinition } from '../engine/definition/schema.ts';
import { isLang, LANGUAGES } from '../lib/languages.ts';

/** Most results `GET /api/services` returns. */
export const MAX_SEARCH_RESULTS = 20;
/** Longest query accepted, in characters. */
export const MAX_QUERY_LENGTH = 300;

/** What the catalog routes need. */
export interface CatalogRouteDeps {
  catalog: CatalogStore;
  /** Re-reads the catalog folder, publishes it and makes it current here; see the file comment. */
  publish: () => Promise<{ seq: number; changed: boolean; added: string[] }>;
  /** The operator token for `/api/admin/…`. */
  adminToken: string;
}

const searchQuery = z.object({
  q: z.string().min(1).max(MAX_QUERY_LENGTH),
  lang: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(MAX_SEARCH_RESULTS).optional(),
});

function summary(def: ServiceDefinition) {
  return {
    id: def.id,
    version: def.version,
    kind: def.kind,
    provenance: def.provenance,
    name: def.name,
    description: def.description,
    receives: def.receives,
    fee: def.fee,
    sla: def.sla,
    documents: def.documents,
  };
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(/^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Registers the catalog routes. */
export function registerCatalogRoutes(app: FastifyInstance, deps: CatalogRouteDeps): void {
  app.get('/api/catalog', async (_req, reply) => {
    const loaded = deps.catalog.loaded();
    const departments = loaded.departments().map((d) => ({
      id: d.id,
      name: d.name,
      services: loaded.servicesInDepartment(d.id).map(summary),
    }));
    const services = loaded.services().length;
    return reply.header('cache-control', 'public, max-age=60').send({ departments, services, popular: loaded.popular() });
  });

  app.get('/api/services', async (req, reply) => {
    const parsed = searchQuery.safeParse(req.query);
    if (!parsed.success) {
      return reply.code(400).send({ error: 'bad_request', message: `'q' is required (1–${MAX_QUERY_LENGTH} characters); 'lang' is one of ${LANGUAGES.join(', ')}; 'limit' is 1–${MAX_SEARCH_RESULTS}` });
    }
    const { q, limit } = parsed.data;
    const lang = parsed.data.lang ?? 'en';
    if (!isLang(lang)) return reply.code(400).send({ error: 'bad_request', message: `'lang' must be one of ${LANGUAGES.join(', ')}` });
    const loaded = deps.catalog.loaded();
    const results = loaded.search(q, lang, limit ?? 5).flatMap((hit) => {
      const def = loaded.service(hit.serviceId);
      const dept = def ? loaded.department(def.department) : undefined;
      if (!def || !dept) return [];
      return [{ id: def.id, name: def.name, department: { id: dept.id, name: dept.name }, kind: def.kind, score: hit.score }];
    });
    return reply.send({ query: q, lang, results });
  });

  app.post('/api/admin/catalog/publish', async (req, reply) => {
    if (!tokenMatches(req.headers.authorization, deps.adminToken)) {
      return reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'unauthorized', message: 'a valid admin token is required (see admin-token in the data folder)' });
    }
    try {
      const result = await deps.publish();
      const loaded = deps.catalog.loaded();
      return reply.send({ ...result, services: loaded.services().length, departments: loaded.departments().length });
    } catch (err) {
      if (err instanceof CatalogLoadError) return reply.code(422).send({ error: 'catalog_invalid', errors: err.errors });
      if (err instanceof CatalogVersionConflictError) {
        return reply.code(409).send({ error: 'version_conflict', message: err.message, conflicts: err.conflicts });
      }
      throw err;
    }
  });
}
