/**
 * The officers' console (issue #4): `GET /console`, one page in English and Telugu, and its
 * assets under `/console/assets/` (web/console/). Plain HTML, CSS and a small vanilla script
 * that talks to the officer API; nothing is loaded from outside this server (the Content
 * Security Policy says so), and the page may not be framed by other sites.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

/** The folder of the page and its assets. */
const WEB_ROOT = fileURLToPath(new URL('../../web/console/', import.meta.url));
/** The only files served under /console/assets/, with their content types. */
const ASSETS: Readonly<Record<string, string>> = {
  'console.css': 'text/css; charset=utf-8',
  'console.js': 'text/javascript; charset=utf-8',
  'favicon.svg': 'image/svg+xml',
};

/** The console's Content Security Policy: this origin only; documents may be embedded from it. */
export const CONSOLE_CSP = "default-src 'self'; img-src 'self' data:; object-src 'self'; frame-src 'self'; style-src 'self'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** Registers `/console` and its assets. */
export function registerConsoleRoutes(app: FastifyInstance): void {
  const page = async (_req: unknown, reply: import('fastify').FastifyReply) => reply
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-cache')
    .header('content-security-policy', CONSOLE_CSP)
    .header('x-frame-options', 'DENY')
    .header('referrer-policy', 'same-origin')
    .send(await readFile(`${WEB_ROOT}index.html`, 'utf8'));
  app.get('/console', page);
  app.get('/console/', page);
  app.get<{ Params: { file: string } }>('/console/assets/:file', async (req, reply) => {
    const type = Object.hasOwn(ASSETS, req.params.file) ? ASSETS[req.params.file] : undefined;
    if (!type) return reply.code(404).send({ error: 'not_found', message: 'no such asset' });
    return reply.type(type).header('cache-control', 'no-cache').send(await readFile(`${WEB_ROOT}${req.params.file}`));
  });
}
