/**
 * The back office's storage (issue #4): applications as officers see them (routing columns,
 * the workflow JSON, SLA columns), the audit history of every action, recorded SLA breaches,
 * and messages queued for citizens. Every function takes a `Queryable`, so the caller decides
 * the transaction: a decision, its audit row, its log entry and the citizen's message commit
 * together or not at all.
 *
 * Jurisdiction is applied in SQL from `jurisdictionOf` (src/workflow), the same rule `canAct`
 * applies to one application, so the inbox and the per-call check cannot disagree. Routing
 * columns hold `normalizeAreaName` forms.
 */
import type { OutboundMessage } from '../engine/outbound.ts';
import type { Jurisdiction, WorkflowApplication } from '../workflow/index.ts';
import type { Queryable } from './db.ts';

/** An application as the back office sees it. */
export interface BackOfficeApplication {
  id: string;
  reference: string;
  waId: string;
  serviceId: string;
  serviceVersion: number;
  lang: string;
  answers: Record<string, unknown>;
  /** The status the citizen sees (the workflow's applicationStatus; `submitted` without one). */
  status: string;
  submittedAt: string;
  department: string | null;
  district: string | null;
  mandal: string | null;
  /** The lifecycle, or null for a service without a back office. */
  workflow: WorkflowApplication | null;
  statusReason: string | null;
  updatedAt: string;
}

/** What changes on an application when its workflow moves (see `updateApplicationWorkflow`). */
export interface WorkflowUpdate {
  id: string;
  workflow: WorkflowApplication;
  status: string;
  /** 'office' or 'citizen'; null once closed. */
  waitingFor: 'office' | 'citizen' | null;
  slaDeadline: string | null;
  slaCheckAt: string | null;
  /** The reason of the latest change of status; undefined keeps the stored one. */
  statusReason?: string | null;
  at: string;
}

/** One audit row. */
export interface ActionRow {
  applicationId: string;
  waId: string;
  officerId: number | null;
  /** The officer's username, `citizen` or `system`. */
  actor: string;
  actorRole: string;
  action: string;
  reason: string | null;
  details: Record<string, unknown> | null;
  fromState: string;
  toState: string;
  fromStatus: string;
  toStatus: string;
  at: string;
}

/** An audit row as stored. */
export interface StoredAction extends ActionRow {
  id: number;
}

/** One recorded SLA breach. */
export interface BreachRow {
  applicationId: string;
  waId: string;
  scope: 'state' | 'overall';
  state: string;
  deadline: string;
  notedAt: string;
  overdueMs: number;
  action: string | null;
  escalatedTo: string | null;
}

/** A message queued for a citizen outside any conversation turn. */
export interface QueuedMessage {
  /** Stable id (the outbox dedupes on it). */
  id: string;
  waId: string;
  message: OutboundMessage;
  /** The approved template to send instead when WhatsApp's 24-hour window is closed. */
  template?: { name: string; lang: string; params: Record<string, string> };
}

/** The inbox query. */
export interface InboxQuery {
  jurisdiction: Jurisdiction;
  /** `open` (default), `closed`, `all`, or one application status. */
  status?: string;
  serviceId?: string;
  /** Only applications the office is late on at this instant. */
  overdueAt?: Date;
  limit: number;
  offset: number;
}

/** A page of the inbox, in SQL order (the caller refines it with `compareUrgency`). */
export interface InboxPage {
  applications: BackOfficeApplication[];
  /** Matching applications in all pages. */
  total: number;
}

const COLUMNS = `id, reference, wa_id, service_id, service_version, lang, answers, status, submitted_at, department, district, mandal,
  workflow, status_reason, coalesce(updated_at, submitted_at) AS updated_at`;

const iso = (v: Date | string): string => new Date(v).toISOString();

function toApplication(r: Record<string, any>): BackOfficeApplication {
  return {
    id: r.id, reference: r.reference, waId: r.wa_id, serviceId: r.service_id, serviceVersion: Number(r.service_version), lang: r.lang,
    answers: (r.answers ?? {}) as Record<string, unknown>, status: r.status, submittedAt: iso(r.submitted_at),
    department: r.department, district: r.district, mandal: r.mandal, workflow: r.workflow ?? null, statusReason: r.status_reason,
    updatedAt: iso(r.updated_at),
  };
}

/** SQL conditions and parameters of a jurisdiction; null when it allows nothing. */
function jurisdictionSql(j: Jurisdiction, params: unknown[]): string | null {
  if (j.scope === 'none') return null;
  if (j.scope === 'all') return 'TRUE';
  params.push(j.department);
  const parts = [`department = $${params.length}`];
  if (j.district !== null) { params.push(j.district); parts.push(`district = $${params.length}`); }
  if (j.mandal !== null) { params.push(j.mandal); parts.push(`mandal = $${params.length}`); }
  return parts.join(' AND ');
}

/** One page of the applications within `query.jurisdiction`, most urgent first (see file comment). */
export async function listInbox(q: Queryable, query: InboxQuery): Promise<InboxPage> {
  const params: unknown[] = [];
  const area = jurisdictionSql(query.jurisdiction, params);
  if (area === null) return { applications: [], total: 0 };
  const where = ['workflow IS NOT NULL', area];
  const status = query.status ?? 'open';
  if (status === 'open') where.push('waiting_for IS NOT NULL');
  else if (status === 'closed') where.push('waiting_for IS NULL');
  else if (status !== 'all') { params.push(status); where.push(`status = $${params.length}`); }
  if (query.serviceId) { params.push(query.serviceId); where.push(`service_id = $${params.length}`); }
  if (query.overdueAt) { params.push(query.overdueAt); where.push(`waiting_for = 'office' AND sla_deadline < $${params.length}`); }
  params.push(query.limit, query.offset);
  const r = await q.query(
    `SELECT ${COLUMNS}, count(*) OVER () AS total FROM applications
      WHERE ${where.join(' AND ')}
      ORDER BY (waiting_for IS NULL), (waiting_for = 'citizen'), sla_deadline NULLS LAST, submitted_at, reference
      LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return { applications: r.rows.map(toApplication), total: r.rows[0] ? Number(r.rows[0].total) : 0 };
}

/** Counts of open applications within `jurisdiction`: all, those the office is late on, those waiting for citizens. */
export async function inboxCounts(q: Queryable, jurisdiction: Jurisdiction, now: Date): Promise<{ open: number; overdue: number; waitingForCitizen: number }> {
  const params: unknown[] = [];
  const area = jurisdictionSql(jurisdiction, params);
  if (area === null) return { open: 0, overdue: 0, waitingForCitizen: 0 };
  params.push(now);
  const r = await q.query<{ open: number; overdue: number; waiting: number }>(
    `SELECT count(*)::int AS open,
            count(*) FILTER (WHERE waiting_for = 'office' AND sla_deadline < $${params.length})::int AS overdue,
            count(*) FILTER (WHERE waiting_for = 'citizen')::int AS waiting
       FROM applications WHERE workflow IS NOT NULL AND waiting_for IS NOT NULL AND ${area}`,
    params,
  );
  return { open: r.rows[0].open, overdue: r.rows[0].overdue, waitingForCitizen: r.rows[0].waiting };
}

/**
 * The application `id`; with `forUpdate`, its row is locked until the caller's transaction
 * ends (decisions, resubmissions). Undefined when there is none.
 */
export async function applicationById(q: Queryable, id: string, forUpdate = false): Promise<BackOfficeApplication | undefined> {
  const r = await q.query(`SELECT ${COLUMNS} FROM applications WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return r.rows[0] ? toApplication(r.rows[0]) : undefined;
}

/**
 * Applications whose SLA check is due at `now`, locked with SKIP LOCKED: several processes
 * running the SLA job each take different rows, and a row another process has just updated is
 * re-checked against its new `sla_check_at` (PostgreSQL re-evaluates the condition on the
 * locked row), so each breach is handled once.
 */
export async function claimSlaChecks(q: Queryable, now: Date, limit: number): Promise<BackOfficeApplication[]> {
  const r = await q.query(
    `SELECT ${COLUMNS} FROM applications
      WHERE sla_check_at IS NOT NULL AND sla_check_at <= $1 AND workflow IS NOT NULL
      ORDER BY sla_check_at LIMIT $2
      FOR UPDATE SKIP LOCKED`,
    [now, limit],
  );
  return r.rows.map(toApplication);
}

/** Stores an application's new workflow state and the columns derived from it. */
export async function updateApplicationWorkflow(q: Queryable, u: WorkflowUpdate): Promise<void> {
  await q.query(
    `UPDATE applications SET workflow = $2::jsonb, status = $3, waiting_for = $4, sla_deadline = $5, sla_check_at = $6,
            status_reason = CASE WHEN $7::boolean THEN $8 ELSE status_reason END, updated_at = $9
      WHERE id = $1`,
    [u.id, JSON.stringify(u.workflow), u.status, u.waitingFor, u.slaDeadline, u.slaCheckAt, u.statusReason !== undefined, u.statusReason ?? null, u.at],
  );
}

/** Appends audit rows (in order); returns their ids. */
export async function insertActions(q: Queryable, rows: readonly ActionRow[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const r = await q.query<{ id: number }>(
    `INSERT INTO application_actions (application_id, wa_id, officer_id, actor, actor_role, action, reason, details, from_state, to_state, from_status, to_status, at)
     SELECT a.application_id, a.wa_id, a.officer_id, a.actor, a.actor_role, a.action, a.reason, a.details, a.from_state, a.to_state, a.from_status, a.to_status, a.at
       FROM unnest($1::text[], $2::text[], $3::int8[], $4::text[], $5::text[], $6::text[], $7::text[], $8::jsonb[], $9::text[], $10::text[], $11::text[], $12::text[], $13::timestamptz[])
            WITH ORDINALITY AS a(application_id, wa_id, officer_id, actor, actor_role, action, reason, details, from_state, to_state, from_status, to_status, at, ord)
      ORDER BY a.ord
     RETURNING id`,
    [
      rows.map((a) => a.applicationId), rows.map((a) => a.waId), rows.map((a) => a.officerId), rows.map((a) => a.actor),
      rows.map((a) => a.actorRole), rows.map((a) => a.action), rows.map((a) => a.reason),
      rows.map((a) => (a.details === null ? null : JSON.stringify(a.details))), rows.map((a) => a.fromState), rows.map((a) => a.toState),
      rows.map((a) => a.fromStatus), rows.map((a) => a.toStatus), rows.map((a) => a.at),
    ],
  );
  return r.rows.map((row) => Number(row.id)).sort((a, b) => a - b);
}

/** The audit history of an application, oldest first. */
export async function actionsFor(q: Queryable, applicationId: string): Promise<StoredAction[]> {
  const r = await q.query(
    `SELECT id, application_id, wa_id, officer_id, actor, actor_role, action, reason, details, from_state, to_state, from_status, to_status, at
       FROM application_actions WHERE application_id = $1 ORDER BY id`,
    [applicationId],
  );
  return r.rows.map((a) => ({
    id: Number(a.id), applicationId: a.application_id, waId: a.wa_id, officerId: a.officer_id === null ? null : Number(a.officer_id),
    actor: a.actor, actorRole: a.actor_role, action: a.action, reason: a.reason, details: a.details, fromState: a.from_state,
    toState: a.to_state, fromStatus: a.from_status, toStatus: a.to_status, at: iso(a.at),
  }));
}

/** Records breaches; a breach already recorded is skipped. Returns how many were new. */
export async function insertBreaches(q: Queryable, rows: readonly BreachRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const r = await q.query(
    `INSERT INTO sla_breaches (application_id, wa_id, scope, state, deadline, noted_at, overdue_ms, action, escalated_to)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::int8[], $8::text[], $9::text[])
     ON CONFLICT DO NOTHING`,
    [rows.map((b) => b.applicationId), rows.map((b) => b.waId), rows.map((b) => b.scope), rows.map((b) => b.state), rows.map((b) => b.deadline),
      rows.map((b) => b.notedAt), rows.map((b) => b.overdueMs), rows.map((b) => b.action), rows.map((b) => b.escalatedTo)],
  );
  return r.rowCount;
}

/** The breaches recorded for an application, oldest first. */
export async function breachesFor(q: Queryable, applicationId: string): Promise<BreachRow[]> {
  const r = await q.query(
    `SELECT application_id, wa_id, scope, state, deadline, noted_at, overdue_ms, action, escalated_to
       FROM sla_breaches WHERE application_id = $1 ORDER BY noted_at, scope`,
    [applicationId],
  );
  return r.rows.map((b) => ({
    applicationId: b.application_id, waId: b.wa_id, scope: b.scope, state: b.state, deadline: iso(b.deadline), notedAt: iso(b.noted_at),
    overdueMs: Number(b.overdue_ms), action: b.action, escalatedTo: b.escalated_to,
  }));
}

/** Queues messages for citizens in the outbox (same table and sender as conversation replies). */
export async function queueMessages(q: Queryable, messages: readonly QueuedMessage[]): Promise<void> {
  if (messages.length === 0) return;
  await q.query(
    `INSERT INTO outbound_messages (id, wa_id, in_reply_to, message, template)
     SELECT m.id, m.wa_id, NULL, m.message, m.template
       FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::jsonb[]) WITH ORDINALITY AS m(id, wa_id, message, template, ord)
      ORDER BY m.ord
     ON CONFLICT (id) DO NOTHING`,
    [messages.map((m) => m.id), messages.map((m) => m.waId), messages.map((m) => JSON.stringify(m.message)),
      messages.map((m) => (m.template ? JSON.stringify(m.template) : null))],
  );
}

/** Links uploaded documents of citizen `waId` to application `applicationId` (for the officer's view). */
export async function linkDocuments(q: Queryable, waId: string, applicationId: string, documentIds: readonly string[]): Promise<void> {
  if (documentIds.length === 0) return;
  await q.query(
    `UPDATE documents SET application_id = $3 WHERE wa_id = $1 AND id = ANY($2::text[]) AND application_id IS NULL`,
    [waId, documentIds, applicationId],
  );
}

/** A document's metadata as the officer's application view lists it. */
export interface ApplicationDocument {
  id: string;
  mimeType: string;
  bytes: number;
  filename: string | null;
  createdAt: string;
}

/** The documents linked to an application, oldest first. */
export async function documentsOfApplication(q: Queryable, applicationId: string): Promise<ApplicationDocument[]> {
  const r = await q.query(
    `SELECT id, mime_type, bytes, filename, created_at FROM documents WHERE application_id = $1 ORDER BY created_at, id`,
    [applicationId],
  );
  return r.rows.map((d) => ({ id: d.id, mimeType: d.mime_type, bytes: Number(d.bytes), filename: d.filename, createdAt: iso(d.created_at) }));
}

/** The language to write to citizen `waId` in: their current choice, else `fallback`. */
export async function citizenLang(q: Queryable, waId: string, fallback: string): Promise<string> {
  const r = await q.query<{ lang: string | null }>('SELECT lang FROM citizens WHERE wa_id = $1', [waId]);
  return r.rows[0]?.lang ?? fallback;
}
