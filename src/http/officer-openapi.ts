/**
 * The OpenAPI 3.1 description of the officer API (issue #4), served at `/docs/openapi.json`
 * and rendered for people at `/docs`. Written by hand next to the routes (officer-routes.ts) so
 * that department systems can integrate without reading code; the test suite checks that it
 * is valid JSON and lists every route.
 */
import { ACTION_NAMES, APPLICATION_STATUSES, OFFICER_ROLES, REFUSAL_CODES } from '../workflow/index.ts';

const error = (description: string, codes?: readonly string[]) => ({
  description,
  content: { 'application/json': { schema: codes ? { allOf: [{ $ref: '#/components/schemas/Error' }, { properties: { error: { enum: [...codes] } } }] } : { $ref: '#/components/schemas/Error' } } },
});

const unauthorized = error('No session, or it expired: log in again.', ['unauthorized']);
const id = { name: 'id', in: 'path', required: true, schema: { type: 'string', maxLength: 100 } } as const;
const lang = { name: 'lang', in: 'query', required: false, description: 'Language of labels and answers (default en).', schema: { type: 'string', enum: ['en', 'te', 'hi'] } } as const;
const csrf = { name: 'X-CSRF-Token', in: 'header', required: false, description: 'Required with the session cookie (the csrfToken from login or /me); not needed with a Bearer token.', schema: { type: 'string' } } as const;

/** The OpenAPI document. */
export const OFFICER_OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'Mitra officer API',
    version: '1.0.0',
    summary: 'Decide citizens\' applications within their SLAs: the API behind the /console, for department systems.',
    description: [
      'Officers of Andhra Pradesh departments review applications citizens filed on WhatsApp, and approve, reject, ask for more information or forward them. Every decision is kept in the application\'s audit history, recorded in the public transparency log (as a salted commitment) and sent to the citizen in their language.',
      '',
      '**Sessions.** `POST /api/officer/login` opens a session. Browsers get an HttpOnly, SameSite=Strict cookie and a `csrfToken` that must come back in the `X-CSRF-Token` header of every POST. Department systems send `"bearer": true`, receive a `token`, and send `Authorization: Bearer <token>` instead (no CSRF token needed). Sessions last `OFFICER_SESSION_HOURS` (default 8). Five wrong passwords in a row lock the account for 15 minutes (429 with `Retry-After`).',
      '',
      '**Jurisdiction.** Every call is limited to the caller\'s department and area: a state administrator sees everything; a department administrator their department statewide; an approving officer their department in their district (and mandal, when the account names one); secretariat staff their department in their district and mandal. An application or document outside it answers **404**, exactly like one that does not exist, so ids from elsewhere reveal nothing. An action the caller\'s role may not take in the application\'s current state answers **403**; one not possible in that state at all answers **409**.',
      '',
      '**SLAs** are counted in working time of AP offices (10:30–17:00 IST, Sundays, second Saturdays and the state\'s general holidays excluded). Late applications are escalated automatically.',
    ].join('\n'),
    license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
  },
  servers: [{ url: '/' }],
  tags: [{ name: 'session' }, { name: 'applications' }],
  components: {
    securitySchemes: {
      cookieSession: { type: 'apiKey', in: 'cookie', name: 'mitra_officer', description: 'Set by login; POSTs also need X-CSRF-Token.' },
      bearerToken: { type: 'http', scheme: 'bearer', description: 'The token from login with "bearer": true.' },
    },
    schemas: {
      Error: {
        type: 'object', required: ['error', 'message'],
        properties: { error: { type: 'string', description: 'A stable code.' }, message: { type: 'string', description: 'For people; may change.' } },
      },
      Officer: {
        type: 'object', required: ['username', 'role'],
        properties: {
          username: { type: 'string' }, role: { type: 'string', enum: [...OFFICER_ROLES] },
          department: { type: ['string', 'null'] }, district: { type: ['string', 'null'] }, mandal: { type: ['string', 'null'] },
          districtName: { type: ['object', 'null'], description: 'The district\'s name in te, en and hi.' },
        },
      },
      LoginRequest: {
        type: 'object', required: ['username', 'password'], additionalProperties: false,
        properties: {
          username: { type: 'string', maxLength: 100 }, password: { type: 'string', maxLength: 200, format: 'password' },
          bearer: { type: 'boolean', description: 'true: return a token for the Authorization header instead of setting a cookie.' },
        },
      },
      Session: {
        type: 'object', required: ['officer', 'csrfToken', 'expiresAt'],
        properties: {
          officer: { $ref: '#/components/schemas/Officer' }, csrfToken: { type: 'string' }, expiresAt: { type: 'string', format: 'date-time' },
          token: { type: 'string', description: 'Only with "bearer": true.' },
        },
      },
      Sla: {
        type: 'object', required: ['status'],
        properties: {
          status: { type: 'string', enum: ['breached', 'due_soon', 'on_time', 'waiting_for_citizen', 'closed'], description: 'The worst running clock (state or overall).' },
          deadline: { type: ['string', 'null'], format: 'date-time' },
          remainingMs: { type: ['integer', 'null'], description: 'Negative once breached.' },
          governedBy: { type: ['string', 'null'], enum: ['state', 'overall', null] },
        },
      },
      InboxItem: {
        type: 'object', required: ['id', 'reference', 'service', 'status', 'state', 'submittedAt', 'sla', 'actionable'],
        properties: {
          id: { type: 'string' }, reference: { type: 'string', example: 'MM-260610-7K3Q9XAB' },
          service: { type: 'object', properties: { id: { type: 'string', example: 'revenue.income-certificate' }, name: { type: 'string' } } },
          status: { type: 'string', enum: [...APPLICATION_STATUSES], description: 'What the citizen sees.' },
          state: { type: 'string', description: 'The workflow state (e.g. in_verification).' },
          district: { type: ['string', 'null'], description: 'The ap-districts id.' }, districtName: { type: ['string', 'null'], description: 'In the requested language.' },
          mandal: { type: ['string', 'null'] }, applicantName: { type: ['string', 'null'] },
          submittedAt: { type: 'string', format: 'date-time' }, updatedAt: { type: 'string', format: 'date-time' },
          sla: { $ref: '#/components/schemas/Sla' },
          actionable: { type: 'boolean', description: 'The caller\'s role can take an action on it now.' },
        },
      },
      Inbox: {
        type: 'object', required: ['items', 'total', 'counts'],
        properties: {
          items: { type: 'array', items: { $ref: '#/components/schemas/InboxItem' }, description: 'Most urgent first: breached, due soon, on time, waiting for the citizen, closed; then earliest deadline.' },
          total: { type: 'integer' },
          counts: { type: 'object', properties: { open: { type: 'integer' }, overdue: { type: 'integer' }, waitingForCitizen: { type: 'integer' } } },
        },
      },
      AvailableAction: {
        type: 'object', required: ['action', 'to', 'applicationStatus', 'reasonRequired'],
        properties: {
          action: { type: 'string', enum: [...ACTION_NAMES] }, to: { type: 'string' }, applicationStatus: { type: 'string', enum: [...APPLICATION_STATUSES] },
          reasonRequired: { type: 'boolean', description: 'The reason is shown to the citizen.' }, ratingRequired: { type: 'boolean' },
        },
      },
      Application: {
        allOf: [{ $ref: '#/components/schemas/InboxItem' }, {
          type: 'object',
          properties: {
            lang: { type: 'string', enum: ['te', 'en', 'hi'], description: 'The citizen\'s language.' },
            statusReason: { type: ['string', 'null'] },
            workflow: { type: 'object', properties: { id: { type: 'string' }, version: { type: 'integer' }, waitingFor: { type: 'string', enum: ['office', 'citizen'] }, closedAt: { type: ['string', 'null'] } } },
            answers: {
              type: 'array', description: 'In the order asked. Aadhaar numbers are masked (XXXX XXXX 1234).',
              items: { type: 'object', properties: { id: { type: 'string' }, label: { type: 'string' }, value: { type: 'string' }, documentId: { type: 'string' } } },
            },
            documents: {
              type: 'array',
              items: { type: 'object', properties: { id: { type: 'string' }, filename: { type: 'string' }, mimeType: { type: 'string' }, bytes: { type: 'integer' }, createdAt: { type: 'string', format: 'date-time' }, url: { type: 'string', example: '/api/officer/documents/3f2a…' } } },
            },
            history: {
              type: 'array', description: 'Every action, oldest first: officers, the citizen (replies) and the system (escalations).',
              items: {
                type: 'object',
                properties: {
                  action: { type: 'string', enum: [...ACTION_NAMES] }, actor: { type: 'string' }, actorRole: { type: 'string' }, reason: { type: ['string', 'null'] },
                  fromStatus: { type: 'string' }, toStatus: { type: 'string' }, fromState: { type: 'string' }, toState: { type: 'string' }, at: { type: 'string', format: 'date-time' },
                  details: { type: ['object', 'null'] },
                },
              },
            },
            breaches: {
              type: 'array',
              items: { type: 'object', properties: { scope: { type: 'string', enum: ['state', 'overall'] }, state: { type: 'string' }, deadline: { type: 'string', format: 'date-time' }, notedAt: { type: 'string', format: 'date-time' }, overdueMs: { type: 'integer' }, action: { type: ['string', 'null'] }, escalatedTo: { type: ['string', 'null'] } } },
            },
            actions: { type: 'array', items: { $ref: '#/components/schemas/AvailableAction' }, description: 'What the caller may do now.' },
          },
        }],
      },
      DecisionRequest: {
        type: 'object', required: ['action'],
        properties: {
          action: { type: 'string', enum: [...ACTION_NAMES], description: 'approve, reject, request_info, forward, verify, send_back, assign, resolve: whichever the application\'s state offers to your role.' },
          reason: { type: 'string', maxLength: 1000, description: 'Required for reject, request_info, send_back and resolve; shown to the citizen.' },
        },
      },
    },
  },
  security: [{ cookieSession: [] }, { bearerToken: [] }],
  paths: {
    '/api/officer/login': {
      post: {
        tags: ['session'], summary: 'Log in', security: [],
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/LoginRequest' } } } },
        responses: {
          200: { description: 'Logged in. Without "bearer", the session cookie is set (HttpOnly, SameSite=Strict, Secure behind https).', content: { 'application/json': { schema: { $ref: '#/components/schemas/Session' } } } },
          400: error('Malformed request.'),
          401: error('Wrong username or password.', ['invalid_credentials']),
          429: { ...error('Locked after 5 wrong passwords: try again after Retry-After seconds.', ['locked']), headers: { 'Retry-After': { schema: { type: 'integer' } } } },
        },
      },
    },
    '/api/officer/logout': {
      post: {
        tags: ['session'], summary: 'Log out (ends the session)', parameters: [csrf],
        responses: { 204: { description: 'Logged out; the cookie is cleared.' }, 401: unauthorized, 403: error('Missing CSRF token.', ['csrf_failed']) },
      },
    },
    '/api/officer/me': {
      get: {
        tags: ['session'], summary: 'The account and the session\'s CSRF token',
        responses: { 200: { description: 'The session.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Session' } } } }, 401: unauthorized },
      },
    },
    '/api/officer/applications': {
      get: {
        tags: ['applications'], summary: 'The inbox: applications in your jurisdiction, most urgent first',
        parameters: [
          { name: 'status', in: 'query', required: false, description: 'open (default), closed, all, or one status.', schema: { type: 'string', enum: ['open', 'closed', 'all', ...APPLICATION_STATUSES] } },
          { name: 'service', in: 'query', required: false, description: 'A service id, e.g. revenue.income-certificate.', schema: { type: 'string' } },
          { name: 'overdue', in: 'query', required: false, description: 'true: only those the office is late on.', schema: { type: 'boolean' } },
          { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
          { name: 'offset', in: 'query', required: false, schema: { type: 'integer', minimum: 0, default: 0 } },
          lang,
        ],
        responses: { 200: { description: 'A page of the inbox.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Inbox' } } } }, 400: error('Bad query.'), 401: unauthorized },
      },
    },
    '/api/officer/applications/{id}': {
      get: {
        tags: ['applications'], summary: 'One application: answers, documents, history, SLA clocks and your available actions', parameters: [id, lang],
        responses: {
          200: { description: 'The application.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Application' } } } },
          401: unauthorized, 404: error('No such application in your jurisdiction.', ['not_found']),
        },
      },
    },
    '/api/officer/applications/{id}/decision': {
      post: {
        tags: ['applications'], summary: 'Decide: approve, reject, request information, forward…', parameters: [id, lang, csrf],
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/DecisionRequest' } } } },
        responses: {
          200: { description: 'Done: the application as it is now. The citizen is told, in their language.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Application' } } } },
          401: unauthorized,
          403: error('Your role may not take this action now, or the CSRF token is missing.', ['role_not_allowed', 'csrf_failed']),
          404: error('No such application in your jurisdiction.', ['not_found']),
          409: error('Not possible in the application\'s current state.', ['application_closed', 'action_not_allowed_in_state']),
          422: error('Missing or bad input: a reason is required, too long, or the action is unknown.', ['action_required', ...REFUSAL_CODES.filter((c) => !['application_closed', 'action_not_allowed_in_state', 'role_not_allowed'].includes(c))]),
        },
      },
    },
    '/api/officer/applications/{id}/certificate/revoke': {
      post: {
        tags: ['certificates'], summary: 'Revoke the certificate issued on this application, with a reason', parameters: [id, csrf],
        description: 'Approving officers and administrators, within their jurisdiction. The verification page and GET /api/verify say "revoked" at once; the citizen is told on WhatsApp; the revocation is recorded in the transparency log.',
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['reason'], properties: { reason: { type: 'string', minLength: 5, maxLength: 2000 } } } } } },
        responses: {
          200: { description: 'Revoked: the certificate as it is now.', content: { 'application/json': { schema: { type: 'object' } } } },
          401: unauthorized,
          403: error('Your role may not revoke certificates, or the CSRF token is missing.', ['role_not_allowed', 'csrf_failed']),
          404: error('No such application in your jurisdiction, or it has no certificate.', ['not_found', 'no_certificate']),
          409: error('Already revoked.', ['already_revoked']),
          422: error('The reason is missing or too short.', ['reason_required']),
        },
      },
    },
    '/api/officer/documents/{id}': {
      get: {
        tags: ['applications'], summary: 'A document the citizen uploaded (image or PDF)', parameters: [id],
        responses: {
          200: { description: 'The file, inline, with its content type.', content: { 'image/jpeg': {}, 'image/png': {}, 'application/pdf': {} } },
          401: unauthorized, 404: error('No such document in your jurisdiction.', ['not_found']),
        },
      },
    },
  },
} as const;
