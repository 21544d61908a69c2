/**
 * The typed data layer over {@link Db} used by the HTTP routes and the workers. Writes on the
 * hot path are batched: one webhook, whatever it holds, is ONE statement (multi-row inserts
 * from `unnest` arrays), because the webhook must be stored before it is acknowledged.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { InboundMessage } from '../engine/inbound.ts';
import type { OutboundMessage } from '../engine/outbound.ts';
import type { Db, DatabaseDriver } from './db.ts';
import { OUTBOUND_STATUS_ARRAY_SQL, statusRankSql, type OutboundStatus } from './outbound-status-order.ts';
import { postgresSafeJson, postgresSafeText } from './postgres-safe-json.ts';

/** A delivery status of one of our messages, as reported by the channel. */
export interface IngestStatus {
  /** The channel's id of our message (`statuses[].id`). */
  providerId: string;
  /** `sent`, `delivered`, `read`, `failed`, `played`, … Unknown values are recorded only. */
  status: string;
  /** When it happened, ISO 8601. */
  at: string;
  recipientId?: string;
  /** `biz_opaque_callback_data`: our outbound row id when we set it on the send. */
  callbackData?: string;
  /** `statuses[].errors` as received. */
  errors?: unknown[];
}

/** A value-level webhook error (`value.errors[]`), not tied to one message. */
export interface IngestError {
  code?: number;
  title: string;
  details?: string;
  /** The error object as received. */
  raw?: unknown;
}

/** A webhook part the adapter could not parse and dropped. */
export interface IngestRejected {
  reason: string;
  /** The offending JSON, for operators. */
  part?: unknown;
}

/** Everything one webhook delivered, already parsed by the channel adapter. */
export interface IngestBatch {
  messages?: readonly InboundMessage[];
  statuses?: readonly IngestStatus[];
  errors?: readonly IngestError[];
  rejected?: readonly IngestRejected[];
}

/** What {@link Store.ingest} did. */
export interface IngestResult {
  /** New inbound messages stored. */
  accepted: number;
  /** Inbound messages already stored (redelivered webhooks). */
  duplicates: number;
  /** New inbound messages per content type, for metrics. */
  acceptedByType: Record<string, number>;
  /** Newly recorded delivery statuses per status (redelivered ones excluded), for metrics. */
  statusesByStatus: Record<string, number>;
  /** Outbound rows whose status advanced. */
  outboundAdvanced: number;
}

/** An application as stored. */
export interface ApplicationRecord {
  id: string;
  reference: string;
  waId: string;
  serviceId: string;
  serviceVersion: number;
  lang: string;
  answers: unknown;
  status: string;
  submittedAt: string;
}

/** A stored file's metadata (without its bytes). */
export interface DocumentRecord {
  id: string;
  waId: string;
  kind: 'upload' | 'issued';
  mimeType: string;
  bytes: number;
  sha256: string;
  filename: string | null;
  sourceMediaId: string | null;
  applicationId: string | null;
  createdAt: string;
}

/** A stored file with its bytes. */
export interface DocumentWithContent extends DocumentRecord {
  content: Buffer;
}

/** Input of {@link Store.saveDocument}. */
export interface NewDocument {
  /** Our id; a random UUID when absent. */
  id?: string;
  waId: string;
  kind: 'upload' | 'issued';
  mimeType: string;
  filename?: string;
  content: Uint8Array;
  /** For uploads: the channel's media id. Saving the same media twice returns the first copy. */
  sourceMediaId?: string;
  applicationId?: string;
}

/** A citizen's row. */
export interface CitizenRecord {
  waId: string;
  profileName: string | null;
  lang: string | null;
  session: unknown;
  sessionVersion: number;
  lastInboundAt: string | null;
  idleDeadline: string | null;
}

/** An outbound message as stored (for the simulator, the console and tests). */
export interface OutboundRecord {
  seq: number;
  id: string;
  waId: string;
  inReplyTo: string | null;
  message: OutboundMessage;
  status: OutboundStatus;
  providerId: string | null;
  attempts: number;
  lastError: unknown;
  sentAt: string | null;
}

/** Queue depths, for the dashboard and the gauges. */
export interface QueueCounts {
  inboxPending: number;
  inboxFailed: number;
  outboxQueued: number;
  outboxSending: number;
  outboxFailed: number;
}

/** Result of {@link Store.health}. */
export interface StorageHealth {
  ok: boolean;
  driver: DatabaseDriver;
  latencyMs: number;
  error?: string;
}

/** The store's methods; see {@link createStore}. */
export type Store = ReturnType<typeof createStore>;

const iso = (value: Date | string | null): string | null =>
  value === null ? null : value instanceof Date ? value.toISOString() : new Date(value).toISOString();

const rank = statusRankSql;

/** Inbound messages only: the `ins` part of {@link INGEST_SQL} on its own. */
const INGEST_MESSAGES_SQL = `
INSERT INTO inbound_messages (wamid, wa_id, type, payload)
SELECT m.wamid, m.wa_id, m.type, m.payload
FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[]) WITH ORDINALITY AS m(wamid, wa_id, type, payload, ord)
ORDER BY m.ord
ON CONFLICT (wamid) DO NOTHING
RETURNING type`;

/** One webhook in one statement; see {@link Store.ingest}. Parameters are parallel arrays. */
const INGEST_SQL = `
WITH
ins AS (
  INSERT INTO inbound_messages (wamid, wa_id, type, payload)
  SELECT m.wamid, m.wa_id, m.type, m.payload
  FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[]) WITH ORDINALITY AS m(wamid, wa_id, type, payload, ord)
  ORDER BY m.ord
  ON CONFLICT (wamid) DO NOTHING
  RETURNING type
),
st AS (
  SELECT * FROM unnest($5::text[], $6::text[], $7::timestamptz[], $8::text[], $9::text[], $10::jsonb[])
    AS s(provider_id, status, at, recipient_id, callback_data, errors)
),
st_ins AS (
  INSERT INTO message_statuses (provider_id, status, at, recipient_id, callback_data, errors)
  SELECT DISTINCT ON (provider_id, status) provider_id, status, at, recipient_id, callback_data, errors FROM st
  ON CONFLICT (provider_id, status) DO NOTHING
  RETURNING status
),
best AS (
  SELECT provider_id, max(callback_data) AS callback_data, max(${rank('status')}) AS rank,
         (array_agg(errors) FILTER (WHERE status = 'failed'))[1] AS errors
  FROM st WHERE ${rank('status')} IS NOT NULL AND ${rank('status')} > ${rank("'sending'")}
  GROUP BY provider_id
),
targets AS (
  SELECT o.id, b.provider_id, b.rank, b.errors FROM best b JOIN outbound_messages o ON o.provider_id = b.provider_id
  UNION ALL
  -- The send succeeded but we crashed before recording it: the echoed row id finds the row.
  SELECT o.id, b.provider_id, b.rank, b.errors FROM best b
    JOIN outbound_messages o ON o.id = b.callback_data AND o.provider_id IS NULL
),
upd AS (
  UPDATE outbound_messages o SET
    status = (${OUTBOUND_STATUS_ARRAY_SQL})[t.rank],
    provider_id = t.provider_id,
    sent_at = coalesce(o.sent_at, now()),
    lease_until = NULL,
    last_error = CASE WHEN (${OUTBOUND_STATUS_ARRAY_SQL})[t.rank] = 'failed' THEN t.errors ELSE o.last_error END,
    updated_at = now()
  FROM (SELECT DISTINCT ON (id) * FROM targets ORDER BY id, rank DESC) t
  WHERE o.id = t.id AND ${rank('o.status')} < t.rank
  RETURNING o.id
),
err AS (
  INSERT INTO channel_errors (kind, code, title, details, payload)
  SELECT kind, code, title, details, payload
  FROM unnest($11::text[], $12::int[], $13::text[], $14::text[], $15::jsonb[]) AS e(kind, code, title, details, payload)
  RETURNING 1
)
SELECT
  (SELECT count(*) FROM ins)::int AS accepted,
  (SELECT coalesce(jsonb_object_agg(type, n), '{}'::jsonb) FROM (SELECT type, count(*)::int AS n FROM ins GROUP BY type) x) AS by_type,
  (SELECT coalesce(jsonb_object_agg(status, n), '{}'::jsonb) FROM (SELECT status, count(*)::int AS n FROM st_ins GROUP BY status) y) AS by_status,
  (SELECT count(*) FROM upd)::int AS advanced,
  (SELECT count(*) FROM err)::int AS errors
`;

const DOCUMENT_COLUMNS = `id, wa_id, kind, mime_type, bytes, sha256, filename, source_media_id, application_id, created_at`;

function toDocument(row: any): DocumentRecord {
  return {
    id: row.id,
    waId: row.wa_id,
    kind: row.kind,
    mimeType: row.mime_type,
    bytes: row.bytes,
    sha256: row.sha256,
    filename: row.filename,
    sourceMediaId: row.source_media_id,
    applicationId: row.application_id,
    createdAt: iso(row.created_at)!,
  };
}

function toApplication(row: any): ApplicationRecord {
  return {
    id: row.id,
    reference: row.reference,
    waId: row.wa_id,
    serviceId: row.service_id,
    serviceVersion: row.service_version,
    lang: row.lang,
    answers: row.answers,
    status: row.status,
    submittedAt: iso(row.submitted_at)!,
  };
}

const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

/**
 * Creates the store over a migrated database. Stateless: create one per process and share it.
 */
export function createStore(db: Db) {
  return {
    db,

    /**
     * Stores one webhook durably in ONE statement: new inbound messages (deduplicated on the
     * wamid, ON CONFLICT DO NOTHING), delivery statuses (deduplicated on id + status, kept
     * even when the message is not known yet — applied when the sender records the id),
     * value-level errors and rejected parts. Outbound statuses only move forward (see
     * `outbound-status-order.ts`); a status carrying our row id as `callbackData` also finds
     * a row whose send result was never recorded. Call it BEFORE acknowledging the webhook.
     */
    async ingest(batch: IngestBatch): Promise<IngestResult> {
      const messages = batch.messages ?? [];
      const statuses = batch.statuses ?? [];
      // Webhook text is arbitrary: make it storable (NUL, lone surrogates), or the statement fails
      // and Meta redelivers the same webhook forever (see postgres-safe-json.ts).
      const text = (value: string | null | undefined): string | null => (value === undefined || value === null ? null : postgresSafeText(value));
      const safeJson = (value: unknown): string | null => (value === undefined ? null : postgresSafeJson(value));
      const errorRows = [
        ...(batch.errors ?? []).map((e) => ({ kind: 'value_error', code: e.code ?? null, title: e.title, details: e.details ?? null, payload: safeJson(e.raw) })),
        ...(batch.rejected ?? []).map((r) => ({ kind: 'rejected', code: null, title: r.reason, details: null, payload: safeJson(r.part) })),
      ];
      if (messages.length === 0 && statuses.length === 0 && errorRows.length === 0) {
        return { accepted: 0, duplicates: 0, acceptedByType: {}, statusesByStatus: {}, outboundAdvanced: 0 };
      }
      if (statuses.length === 0 && errorRows.length === 0) {
        // The common case under load (citizens' messages only): a plain insert, far cheaper to
        // plan and run than the statement that also advances outbound statuses.
        const { rows } = await db.query<{ type: string }>(INGEST_MESSAGES_SQL, [
          messages.map((m) => text(m.id)),
          messages.map((m) => text(m.from)),
          messages.map((m) => text(m.content.type)),
          messages.map((m) => postgresSafeJson(m)),
        ]);
        const acceptedByType: Record<string, number> = {};
        for (const r of rows) acceptedByType[r.type] = (acceptedByType[r.type] ?? 0) + 1;
        return { accepted: rows.length, duplicates: messages.length - rows.length, acceptedByType, statusesByStatus: {}, outboundAdvanced: 0 };
      }
      const { rows } = await db.query<{ accepted: number; by_type: Record<string, number>; by_status: Record<string, number>; advanced: number }>(
        INGEST_SQL,
        [
          messages.map((m) => text(m.id)),
          messages.map((m) => text(m.from)),
          messages.map((m) => text(m.content.type)),
          messages.map((m) => postgresSafeJson(m)),
          statuses.map((s) => text(s.providerId)),
          statuses.map((s) => text(s.status)),
          statuses.map((s) => s.at),
          statuses.map((s) => text(s.recipientId)),
          statuses.map((s) => text(s.callbackData)),
          statuses.map((s) => safeJson(s.errors)),
          errorRows.map((e) => e.kind),
          errorRows.map((e) => e.code),
          errorRows.map((e) => text(e.title)),
          errorRows.map((e) => text(e.details)),
          errorRows.map((e) => e.payload),
        ],
      );
      const row = rows[0];
      return {
        accepted: row.accepted,
        duplicates: messages.length - row.accepted,
        acceptedByType: row.by_type,
        statusesByStatus: row.by_status,
        outboundAdvanced: row.advanced,
      };
    },

    /** The citizen's row, or undefined before their first processed message. */
    async citizen(waId: string): Promise<CitizenRecord | undefined> {
      const { rows } = await db.query(
        `SELECT wa_id, profile_name, lang, session, session_version, last_inbound_at, idle_deadline FROM citizens WHERE wa_id = $1`,
        [waId],
      );
      const r = rows[0];
      if (!r) return undefined;
      return {
        waId: r.wa_id,
        profileName: r.profile_name,
        lang: r.lang,
        session: r.session,
        sessionVersion: r.session_version,
        lastInboundAt: iso(r.last_inbound_at),
        idleDeadline: iso(r.idle_deadline),
      };
    },

    /** The citizen's applications, newest first. */
    async applicationsFor(waId: string): Promise<ApplicationRecord[]> {
      const { rows } = await db.query(
        `SELECT id, reference, wa_id, service_id, service_version, lang, answers, status, submitted_at
           FROM applications WHERE wa_id = $1 ORDER BY submitted_at DESC, reference`,
        [waId],
      );
      return rows.map(toApplication);
    },

    /** One application by its reference number. */
    async applicationByReference(reference: string): Promise<ApplicationRecord | undefined> {
      const { rows } = await db.query(
        `SELECT id, reference, wa_id, service_id, service_version, lang, answers, status, submitted_at
           FROM applications WHERE reference = $1`,
        [reference],
      );
      return rows[0] ? toApplication(rows[0]) : undefined;
    },

    /** The citizen's documents (metadata only), newest first. */
    async documentsFor(waId: string, kind?: 'upload' | 'issued'): Promise<DocumentRecord[]> {
      const { rows } = await db.query(
        `SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE wa_id = $1 AND ($2::text IS NULL OR kind = $2)
          ORDER BY created_at DESC, id`,
        [waId, kind ?? null],
      );
      return rows.map(toDocument);
    },

    /**
     * Stores a file; size and SHA-256 are computed here from the bytes. Idempotent on
     * `sourceMediaId`: a second save of the same channel media returns the first record.
     */
    async saveDocument(input: NewDocument): Promise<DocumentRecord> {
      const content = Buffer.from(input.content.buffer, input.content.byteOffset, input.content.byteLength);
      const sha256 = createHash('sha256').update(content).digest('hex');
      const { rows } = await db.query(
        `INSERT INTO documents (id, wa_id, kind, mime_type, bytes, sha256, filename, content, source_media_id, application_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (source_media_id) DO NOTHING
         RETURNING ${DOCUMENT_COLUMNS}`,
        [input.id ?? randomUUID(), input.waId, input.kind, input.mimeType, content.length, sha256, input.filename ?? null,
          content, input.sourceMediaId ?? null, input.applicationId ?? null],
      );
      if (rows[0]) return toDocument(rows[0]);
      const existing = await this.findDocumentByMedia(input.sourceMediaId!);
      if (!existing) throw new Error(`document for media ${input.sourceMediaId} vanished after a conflict`);
      return existing;
    },

    /** A document with its bytes, or undefined. */
    async getDocument(id: string): Promise<DocumentWithContent | undefined> {
      const { rows } = await db.query(`SELECT ${DOCUMENT_COLUMNS}, content FROM documents WHERE id = $1`, [id]);
      if (!rows[0]) return undefined;
      const c = rows[0].content as Uint8Array;
      return { ...toDocument(rows[0]), content: Buffer.from(c.buffer, c.byteOffset, c.byteLength) };
    },

    /** The document stored from this channel media id, if it was downloaded already. */
    async findDocumentByMedia(mediaId: string): Promise<DocumentRecord | undefined> {
      const { rows } = await db.query(`SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE source_media_id = $1`, [mediaId]);
      return rows[0] ? toDocument(rows[0]) : undefined;
    },

    /** The channel's media id for a document we uploaded, while it has not expired at `now`. */
    async outboundMedia(documentId: string, now: Date = new Date()): Promise<string | undefined> {
      const { rows } = await db.query<{ provider_media_id: string }>(
        `SELECT provider_media_id FROM outbound_media WHERE document_id = $1 AND expires_at > $2`,
        [documentId, now],
      );
      return rows[0]?.provider_media_id;
    },

    /** Remembers an upload of a document to the channel until `expiresAt`. */
    async saveOutboundMedia(documentId: string, providerMediaId: string, expiresAt: Date): Promise<void> {
      await db.query(
        `INSERT INTO outbound_media (document_id, provider_media_id, expires_at) VALUES ($1, $2, $3)
         ON CONFLICT (document_id) DO UPDATE SET provider_media_id = EXCLUDED.provider_media_id, expires_at = EXCLUDED.expires_at`,
        [documentId, providerMediaId, expiresAt],
      );
    },

    /** The citizen's outbound messages in the order they are sent, after `afterSeq`. */
    async outboundFor(waId: string, afterSeq = 0): Promise<OutboundRecord[]> {
      const { rows } = await db.query(
        `SELECT seq, id, wa_id, in_reply_to, message, status, provider_id, attempts, last_error, sent_at
           FROM outbound_messages WHERE wa_id = $1 AND seq > $2 ORDER BY seq`,
        [waId, afterSeq],
      );
      return rows.map((r) => ({
        seq: r.seq,
        id: r.id,
        waId: r.wa_id,
        inReplyTo: r.in_reply_to,
        message: r.message,
        status: r.status,
        providerId: r.provider_id,
        attempts: r.attempts,
        lastError: r.last_error,
        sentAt: iso(r.sent_at),
      }));
    },

    /** Inbox and outbox depths. Uses the partial indexes; cheap while queues are short. */
    async counts(): Promise<QueueCounts> {
      const { rows } = await db.query(
        `SELECT
           (SELECT count(*) FROM inbound_messages WHERE status = 'pending')::int AS inbox_pending,
           (SELECT count(*) FROM inbound_messages WHERE status = 'failed')::int AS inbox_failed,
           (SELECT count(*) FROM outbound_messages WHERE status = 'queued')::int AS outbox_queued,
           (SELECT count(*) FROM outbound_messages WHERE status = 'sending')::int AS outbox_sending,
           (SELECT count(*) FROM outbound_messages WHERE status = 'failed')::int AS outbox_failed`,
        [],
      );
      const r = rows[0];
      return {
        inboxPending: r.inbox_pending,
        inboxFailed: r.inbox_failed,
        outboxQueued: r.outbox_queued,
        outboxSending: r.outbox_sending,
        outboxFailed: r.outbox_failed,
      };
    },

    /** Whether the database answers, and how fast. Never throws. */
    async health(): Promise<StorageHealth> {
      const started = performance.now();
      try {
        await db.query('SELECT 1', []);
        return { ok: true, driver: db.driver, latencyMs: performance.now() - started };
      } catch (error) {
        return { ok: false, driver: db.driver, latencyMs: performance.now() - started, error: (error as Error).message };
      }
    },
  };
}
