/**
 * Certificates in the database (migration 0005): the issuance queue filled by approvals, the
 * per-prefix numbering, the issued certificates with their revocation state, and delivery.
 * Queue claims use FOR UPDATE SKIP LOCKED, so any number of worker processes share the work
 * and each request is issued once.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Queryable } from './db.ts';

/** A queued request to issue the certificate of an approved application. */
export interface CertificateRequest {
  applicationId: string;
  waId: string;
  officerId: number | null;
  attempts: number;
}

/** Queues the certificate of `applicationId` (inside the approval's transaction); a repeat is a no-op. */
export async function queueCertificateRequest(q: Queryable, r: { applicationId: string; waId: string; officerId: number | null; at: Date }): Promise<void> {
  await q.query(
    `INSERT INTO certificate_requests (application_id, wa_id, officer_id, requested_at, next_attempt_at)
     VALUES ($1, $2, $3, $4, $4) ON CONFLICT (application_id) DO NOTHING`,
    [r.applicationId, r.waId, r.officerId, r.at.toISOString()],
  );
}

/** Claims up to `limit` due requests for the caller's transaction (SKIP LOCKED). */
export async function claimCertificateRequests(q: Queryable, now: Date, limit: number): Promise<CertificateRequest[]> {
  const r = await q.query(
    `SELECT application_id, wa_id, officer_id, attempts FROM certificate_requests
      WHERE next_attempt_at <= $1 ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
    [now.toISOString(), limit],
  );
  return r.rows.map((x) => ({ applicationId: x.application_id, waId: x.wa_id, officerId: x.officer_id === null ? null : Number(x.officer_id), attempts: Number(x.attempts) }));
}

/** Removes a request once its certificate is stored (same transaction). */
export async function deleteCertificateRequest(q: Queryable, applicationId: string): Promise<void> {
  await q.query('DELETE FROM certificate_requests WHERE application_id = $1', [applicationId]);
}

/** Records a failed attempt; the request is tried again at `retryAt`. */
export async function failCertificateRequest(q: Queryable, applicationId: string, error: string, retryAt: Date): Promise<void> {
  await q.query(
    'UPDATE certificate_requests SET attempts = attempts + 1, last_error = $2, next_attempt_at = $3 WHERE application_id = $1',
    [applicationId, error.slice(0, 1000), retryAt.toISOString()],
  );
}

/** How many requests wait (for /readyz, metrics and tests). */
export async function pendingCertificateRequests(q: Queryable): Promise<number> {
  const r = await q.query<{ n: string }>('SELECT count(*)::text AS n FROM certificate_requests');
  return Number(r.rows[0].n);
}

/**
 * Reserves `count` consecutive numbers for `prefix` in `year`; returns the first. The row lock
 * serialises concurrent issuers per prefix and year only.
 */
export async function reserveCertificateNumbers(q: Queryable, prefix: string, year: number, count = 1): Promise<number> {
  const r = await q.query<{ last: string }>(
    `INSERT INTO certificate_numbers (prefix, year, last) VALUES ($1, $2, $3)
     ON CONFLICT (prefix, year) DO UPDATE SET last = certificate_numbers.last + $3
     RETURNING last::text AS last`,
    [prefix, year, count],
  );
  return Number(r.rows[0].last) - count + 1;
}

/** A certificate as stored. */
export interface CertificateRecord {
  number: string;
  applicationId: string;
  waId: string;
  serviceId: string;
  type: string;
  /** The CertificateDocument JSON. */
  document: unknown;
  bodySha256: string;
  qrText: string;
  keyId: string;
  issuedAt: string;
  status: 'issued' | 'revoked';
  revokedAt: string | null;
  revokedBy: string | null;
  revokeReason: string | null;
  pdfDocumentId: string | null;
  deliveredAt: string | null;
}

/** Input of {@link insertCertificates}. */
export type NewCertificate = Pick<CertificateRecord, 'number' | 'applicationId' | 'waId' | 'serviceId' | 'type' | 'document' | 'bodySha256' | 'qrText' | 'keyId' | 'issuedAt'>;

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : v === null || v === undefined ? null : new Date(String(v)).toISOString());
const COLUMNS = `number, application_id, wa_id, service_id, type, document, body_sha256, qr_text, key_id, issued_at, status,
  revoked_at, revoked_by, revoke_reason, pdf_document_id, delivered_at`;

function toRecord(x: Record<string, unknown>): CertificateRecord {
  return {
    number: String(x.number), applicationId: String(x.application_id), waId: String(x.wa_id), serviceId: String(x.service_id), type: String(x.type),
    document: typeof x.document === 'string' ? JSON.parse(x.document) : x.document, bodySha256: String(x.body_sha256), qrText: String(x.qr_text),
    keyId: String(x.key_id), issuedAt: iso(x.issued_at)!, status: x.status as CertificateRecord['status'], revokedAt: iso(x.revoked_at),
    revokedBy: (x.revoked_by as string | null) ?? null, revokeReason: (x.revoke_reason as string | null) ?? null,
    pdfDocumentId: (x.pdf_document_id as string | null) ?? null, deliveredAt: iso(x.delivered_at),
  };
}

/** Stores issued certificates in one statement (the issuer's transaction). */
export async function insertCertificates(q: Queryable, rows: readonly NewCertificate[]): Promise<void> {
  if (rows.length === 0) return;
  await q.query(
    `INSERT INTO certificates (number, application_id, wa_id, service_id, type, document, body_sha256, qr_text, key_id, issued_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::text[], $8::text[], $9::text[], $10::timestamptz[])`,
    [rows.map((r) => r.number), rows.map((r) => r.applicationId), rows.map((r) => r.waId), rows.map((r) => r.serviceId), rows.map((r) => r.type),
      rows.map((r) => JSON.stringify(r.document)), rows.map((r) => r.bodySha256), rows.map((r) => r.qrText), rows.map((r) => r.keyId), rows.map((r) => r.issuedAt)],
  );
}

/** The certificate numbered `number`, or undefined. */
export async function certificateByNumber(q: Queryable, number: string, forUpdate = false): Promise<CertificateRecord | undefined> {
  const r = await q.query(`SELECT ${COLUMNS} FROM certificates WHERE number = $1${forUpdate ? ' FOR UPDATE' : ''}`, [number]);
  return r.rows[0] ? toRecord(r.rows[0]) : undefined;
}

/** The certificate issued on application `applicationId`, or undefined. */
export async function certificateOfApplication(q: Queryable, applicationId: string): Promise<CertificateRecord | undefined> {
  const r = await q.query(`SELECT ${COLUMNS} FROM certificates WHERE application_id = $1`, [applicationId]);
  return r.rows[0] ? toRecord(r.rows[0]) : undefined;
}

/** Claims up to `limit` certificates not yet delivered (SKIP LOCKED), oldest first. */
export async function claimUndeliveredCertificates(q: Queryable, limit: number): Promise<CertificateRecord[]> {
  const r = await q.query(
    `SELECT ${COLUMNS} FROM certificates WHERE delivered_at IS NULL ORDER BY issued_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
    [limit],
  );
  return r.rows.map(toRecord);
}

/** Stores the assembled PDF as the citizen's issued document and marks the certificate delivered. */
export async function storeCertificatePdf(q: Queryable, c: { number: string; waId: string; applicationId: string; pdf: Uint8Array; filename: string; at: Date }): Promise<string> {
  const id = randomUUID();
  const content = Buffer.from(c.pdf.buffer, c.pdf.byteOffset, c.pdf.byteLength);
  await q.query(
    `INSERT INTO documents (id, wa_id, kind, mime_type, bytes, sha256, filename, content, application_id)
     VALUES ($1, $2, 'issued', 'application/pdf', $3, $4, $5, $6, $7)`,
    [id, c.waId, content.length, createHash('sha256').update(content).digest('hex'), c.filename, content, c.applicationId],
  );
  await q.query('UPDATE certificates SET pdf_document_id = $2, delivered_at = $3 WHERE number = $1', [c.number, id, c.at.toISOString()]);
  return id;
}

/** Marks `number` revoked; false when it was already revoked. */
export async function revokeCertificate(q: Queryable, r: { number: string; by: string; reason: string; at: Date }): Promise<boolean> {
  const res = await q.query(
    `UPDATE certificates SET status = 'revoked', revoked_at = $2, revoked_by = $3, revoke_reason = $4 WHERE number = $1 AND status = 'issued'`,
    [r.number, r.at.toISOString(), r.by, r.reason],
  );
  return res.rowCount > 0;
}
