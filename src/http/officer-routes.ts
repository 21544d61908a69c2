/**
 * The officer JSON API (issue #4), documented in OpenAPI at `/docs` (officer-openapi.ts):
 *
 *   POST /api/officer/login                      {username, password, bearer?} → session
 *   POST /api/officer/logout
 *   GET  /api/officer/me                         the account and the session's CSRF token
 *   GET  /api/officer/applications               the inbox (?status=&service=&overdue=&limit=&offset=&lang=)
 *   GET  /api/officer/applications/{id}          answers, documents, history, available actions
 *   POST /api/officer/applications/{id}/decision {action, reason}
 *   GET  /api/officer/documents/{id}             an uploaded image or PDF, or an issued certificate
 *   POST /api/officer/applications/{id}/certificate/revoke {reason}  revokes its certificate
 *
 * Sessions: the console gets an HttpOnly, SameSite=Strict cookie (Secure behind https) and must
 * send the session's CSRF token in `X-CSRF-Token` with every POST; department systems log in
 * with `"bearer": true`, get the token in the body and send `Authorization: Bearer <token>`
 * (no CSRF token needed: a browser never adds that header on its own).
 *
 * Jurisdiction is enforced by the back office on every call. An application or document
 * outside the caller's department or area answers 404, exactly like one that does not exist;
 * an action the caller's ROLE may not take in the current state answers 403.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isLang, type Lang } from '../lib/languages.ts';
import type { OfficerRecord } from '../storage/officer-store.ts';

/** The session cookie's name. */
export const SESSION_COOKIE = 'mitra_officer';
/** The header that carries the CSRF token. */
export const CSRF_HEADER = 'x-csrf-token';

/** A session as the routes need it. */
export interface OfficerPrincipal {
  officer: OfficerRecord;
  kind: 'cookie' | 'bearer';
  csrfToken: string;
  expiresAt: Date;
}

/** A refusal from the back office, with its stable code. */
export interface Refusal {
  ok: false;
  code: string;
  message: string;
}

/** What the routes call; the composition root wires the back office and the sign-in service. */
export interface OfficerApiPort {
  login(username: string, password: string, kind: 'cookie' | 'bearer'): Promise<
    | { ok: true; token: string; csrfToken: string; officer: OfficerRecord; expiresAt: Date }
    | { ok: false; code: 'invalid_credentials' }
    | { ok: false; code: 'locked'; retryAfterSeconds: number; lockedUntil: Date }>;
  authenticate(token: string): Promise<OfficerPrincipal | undefined>;
  logout(token: string): Promise<void>;
  inbox(officer: OfficerRecord, request: { status?: string; service?: string; overdue?: boolean; limit?: number; offset?: number; lang?: Lang }): Promise<unknown>;
  application(officer: OfficerRecord, id: string, lang: Lang): Promise<unknown | undefined>;
  decide(officer: OfficerRecord, id: string, request: { action: string; reason?: string }, lang: Lang): Promise<{ ok: true; application: unknown } | Refusal>;
  document(officer: OfficerRecord, id: string): Promise<{ content: Buffer; mimeType: string; filename: string } | undefined>;
  /** Revokes the certificate issued on application `id` (issue #5). */
  revokeCertificate?(officer: OfficerRecord, id: string, reason: string): Promise<{ ok: true; certificate: unknown } | Refusal>;
}

/** Options of {@link registerOfficerRoutes}. */
export interface OfficerRouteDeps {
  api: OfficerApiPort;
  /** Mark the cookie Secure (PUBLIC_BASE_URL is https). */
  secureCookie: boolean;
  /** The session length, for the cookie's Max-Age (the server enforces the expiry itself). */
  sessionSeconds: number;
  /** The name of a district id in te, en and hi, for showing the officer's own area. */
  districtName?: (id: string) => Record<Lang, string> | undefined;
}

/** HTTP status of each refusal code of a decision. */
export const DECISION_STATUS: Readonly<Record<string, number>> = {
  not_found: 404,
  no_workflow: 404,
  role_not_allowed: 403,
  application_closed: 409,
  action_not_allowed_in_state: 409,
  unknown_action: 422,
  reason_required: 422,
  reason_too_long: 422,
  rating_required: 422,
  rating_out_of_range: 422,
  rating_not_allowed: 422,
  no_certificate: 404,
  already_revoked: 409,
};

/** Types served by the documents endpoint as they are; anything else is a download. */
const VIEWABLE_TYPES: ReadonlySet<string> = new Set(['image/jpeg', 'image/png', 'application/pdf']);

const loginBody = z.object({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
  bearer: z.boolean().optional(),
}).strict();

const decisionBody = z.object({
  action: z.string().min(1).max(40),
  reason: z.string().max(2000).optional(),
});

const revokeBody = z.object({ reason: z.string().max(2000) });

const inboxQuery = z.object({
  status: z.string().max(40).optional(),
  service: z.string().max(100).optional(),
  overdue: z.enum(['true', 'false', '1', '0']).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
  lang: z.string().optional(),
});

const idParam = z.object({ id: z.string().min(1).max(100) });

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return undefined;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}


const langOf = (value: unknown): Lang => (isLang(value) ? value : 'en');

/** Registers the officer API. */
export function registerOfficerRoutes(app: FastifyInstance, deps: OfficerRouteDeps): void {
  const { api } = deps;

  const cookie = (token: string, maxAgeSeconds: number) =>
    `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${deps.secureCookie ? '; Secure' : ''}`;

  const publicOfficer = (o: OfficerRecord) => ({
    username: o.username, role: o.role, department: o.department, district: o.district, mandal: o.mandal,
    districtName: o.district ? deps.districtName?.(o.district) ?? null : null,
  });

  const fail = (reply: FastifyReply, status: number, error: string, message: string) => reply.code(status).send({ error, message });

  /**
   * The caller's session, or undefined after answering 401 (no or dead session) or 403 (a
   * cookie session's POST without its CSRF token).
   */
  async function principal(req: FastifyRequest, reply: FastifyReply): Promise<(OfficerPrincipal & { token: string }) | undefined> {
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const token = bearer ?? cookieValue(req.headers.cookie, SESSION_COOKIE);
    const session = token ? await api.authenticate(token) : undefined;
    if (!token || !session) {
      void fail(reply.header('www-authenticate', 'Bearer'), 401, 'unauthorized', 'log in first: POST /api/officer/login (the session may have expired)');
      return undefined;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD' && !bearer) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameSecret(sent, session.csrfToken)) {
        void fail(reply, 403, 'csrf_failed', `a request made with the session cookie must carry the session's CSRF token in ${CSRF_HEADER}`);
        return undefined;
      }
    }
    return { ...session, token };
  }

  app.register(async (scope) => {
    // Officer data is personal data: never cached, anywhere.
    scope.addHook('onSend', async (_req, reply, payload) => {
      if (!reply.getHeader('cache-control')) reply.header('cache-control', 'no-store');
      return payload;
    });

    scope.post('/api/officer/login', async (req, reply) => {
      const parsed = loginBody.safeParse(req.body);
      if (!parsed.success) return fail(reply, 400, 'bad_request', 'send JSON {"username": "...", "password": "..."} (and "bearer": true for a token instead of a cookie)');
      const { username, password, bearer } = parsed.data;
      const result = await api.login(username, password, bearer ? 'bearer' : 'cookie');
      if (!result.ok) {
        if (result.code === 'locked') {
          return reply.code(429).header('retry-after', String(result.retryAfterSeconds)).send({
            error: 'locked', message: `too many wrong passwords: the account is locked until ${result.lockedUntil.toISOString()}`,
            retryAfterSeconds: result.retryAfterSeconds, lockedUntil: result.lockedUntil.toISOString(),
          });
        }
        return fail(reply, 401, 'invalid_credentials', 'wrong username or password');
      }
      const seconds = deps.sessionSeconds;
      const body = { officer: publicOfficer(result.officer), csrfToken: result.csrfToken, expiresAt: result.expiresAt.toISOString() };
      if (bearer) return reply.send({ ...body, token: result.token });
      return reply.header('set-cookie', cookie(result.token, seconds)).send(body);
    });

    scope.post('/api/officer/logout', async (req, reply) => {
      const p = await principal(req, reply);
      if (!p) return reply;
      await api.logout(p.token);
      return reply.code(204).header('set-cookie', cookie('', 0)).send();
    });

    scope.get('/api/officer/me', async (req, reply) => {
      const p = await principal(req, reply);
      if (!p) return reply;
      return reply.send({ officer: publicOfficer(p.officer), csrfToken: p.csrfToken, expiresAt: p.expiresAt.toISOString(), session: p.kind });
    });

    scope.get('/api/officer/applications', async (req, reply) => {
      const p = await principal(req, reply);
      if (!p) return reply;
      const q = inboxQuery.safeParse(req.query);
      if (!q.success) return fail(reply, 400, 'bad_request', "query: status, service, overdue (true|false), limit (1–200), offset, lang (te|en|hi)");
      const { status, service, overdue, limit, offset, lang } = q.data;
      return reply.send(await api.inbox(p.officer, { status, service, overdue: overdue === 'true' || overdue === '1', limit, offset, lang: langOf(lang) }));
    });

    scope.get('/api/officer/applications/:id', async (req, reply) => {
      const p = await principal(req, reply);
      if (!p) return reply;
      const params = idParam.safeParse(req.params);
      const found = params.success ? await api.application(p.officer, params.data.id, langOf((req.query as { lang?: string }).lang)) : undefined;
      if (!found) return fail(reply, 404, 'not_found', 'no such application in your jurisdiction');
      return reply.send(found);
    });

    scope.post('/api/officer/applications/:id/decision', async (req, reply) => {
      const p = await principal(req, reply);
      if (!p) return reply;
      const params = idParam.safeParse(req.params);
      if (!params.success) return fail(reply, 404, 'not_found', 'no such application in your jurisdiction');
      const body = decisionBody.safeParse(req.body ?? {});
      if (!body.success) return fail(reply, 422, 'action_required', 'send JSON {"action": "approve|reject|request_info|forward|…", "reason": "…"}');
      const result = await api.decide(p.officer, params.data.id, body.data, langOf((req.query as { lang?: string }).lang));
      if (!result.ok) return fail(reply, DECISION_STATUS[result.code] ?? 422, result.code, result.message);
      return reply.send(result.application);
    });

    scope.post('/api/officer/applications/:id/certificate/revoke', async (req, reply) => {
      const p = await principal(req, reply);
      if (!p) return reply;
      const params = idParam.safeParse(req.params);
      if (!params.success || !api.revokeCertificate) return fail(reply, 404, 'not_found', 'no such application in your jurisdiction');
      const body = revokeBody.safeParse(req.body ?? {});
      if (!body.success) return fail(reply, 422, 'reason_required', 'send JSON {"reason": "…"}: the citizen and every verifier read it');
      const result = await api.revokeCertificate(p.officer, params.data.id, body.data.reason);
      if (!result.ok) return fail(reply, DECISION_STATUS[result.code] ?? 422, result.code, result.message);
      return reply.send(result.certificate);
    });

    scope.get('/api/officer/documents/:id', async (req, reply) => {
      const p = await principal(req, reply);
      if (!p) return reply;
      const params = idParam.safeParse(req.params);
      const doc = params.success ? await api.document(p.officer, params.data.id) : undefined;
      if (!doc) return fail(reply, 404, 'not_found', 'no such document in your jurisdiction');
      const viewable = VIEWABLE_TYPES.has(doc.mimeType);
      const ascii = doc.filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
      return reply
        .type(viewable ? doc.mimeType : 'application/octet-stream')
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `${viewable ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(doc.filename)}`)
        .send(doc.content);
    });
  });
}
