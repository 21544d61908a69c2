/**
 * Officer accounts and their sessions (issue #4). Accounts hold a scrypt hash, never a
 * password; sessions are looked up by the SHA-256 of their random token, never by the token.
 * Lockout bookkeeping (failed attempts, `locked_until`) is written here in single statements,
 * so two concurrent wrong passwords both count. Jurisdiction is not decided here: an account's
 * role, department, district and mandal feed `jurisdictionOf` in src/workflow.
 */
import type { OfficerRole } from '../workflow/index.ts';
import type { PasswordHash, PasswordParams } from '../lib/scrypt-password.ts';
import type { Queryable } from './db.ts';

/** An officer account, without its password hash. */
export interface OfficerRecord {
  id: number;
  username: string;
  role: OfficerRole;
  department: string | null;
  district: string | null;
  mandal: string | null;
  /** The name printed on certificates the officer signs; null when not given (the username is printed). */
  displayName: string | null;
  failedAttempts: number;
  lockedUntil: Date | null;
  disabled: boolean;
  createdAt: Date;
}

/** An account with its stored hash, for checking a password. */
export interface OfficerWithHash extends OfficerRecord {
  password: PasswordHash;
}

/** Input of {@link createOfficer}. Area names are stored as given; compare them normalised. */
export interface NewOfficer {
  username: string;
  password: PasswordHash;
  role: OfficerRole;
  department?: string | null;
  district?: string | null;
  mandal?: string | null;
  displayName?: string | null;
}

/** A stored session with its officer. */
export interface OfficerSession {
  officer: OfficerRecord;
  kind: 'cookie' | 'bearer';
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
}

/** Thrown by {@link createOfficer} when the username is taken. */
export class OfficerExistsError extends Error {
  override readonly name = 'OfficerExistsError';
  constructor(readonly username: string) {
    super(`an officer account named '${username}' already exists`);
  }
}

const COLUMNS = 'id, username, role, department, district, mandal, display_name, failed_attempts, locked_until, disabled, created_at';

interface OfficerRow {
  id: number;
  username: string;
  role: OfficerRole;
  department: string | null;
  district: string | null;
  mandal: string | null;
  display_name: string | null;
  failed_attempts: number;
  locked_until: Date | string | null;
  disabled: boolean;
  created_at: Date | string;
}

function toOfficer(r: OfficerRow): OfficerRecord {
  return {
    id: Number(r.id), username: r.username, role: r.role, department: r.department, district: r.district, mandal: r.mandal, displayName: r.display_name ?? null,
    failedAttempts: r.failed_attempts, lockedUntil: r.locked_until ? new Date(r.locked_until) : null, disabled: r.disabled,
    createdAt: new Date(r.created_at),
  };
}

/** Creates an account. Throws {@link OfficerExistsError} when the username is taken. */
export async function createOfficer(q: Queryable, input: NewOfficer): Promise<OfficerRecord> {
  const r = await q.query<OfficerRow>(
    `INSERT INTO officers (username, password_hash, password_salt, password_params, role, department, district, mandal, display_name)
     VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9)
     ON CONFLICT (username) DO NOTHING
     RETURNING ${COLUMNS}`,
    [input.username, input.password.hash, input.password.salt, JSON.stringify(input.password.params), input.role,
      input.department ?? null, input.district ?? null, input.mandal ?? null, input.displayName ?? null],
  );
  if (!r.rows[0]) throw new OfficerExistsError(input.username);
  return toOfficer(r.rows[0]);
}

/** The account `username` with its hash, or undefined. */
export async function officerByUsername(q: Queryable, username: string): Promise<OfficerWithHash | undefined> {
  const r = await q.query<OfficerRow & { password_hash: Uint8Array; password_salt: Uint8Array; password_params: PasswordParams }>(
    `SELECT ${COLUMNS}, password_hash, password_salt, password_params FROM officers WHERE username = $1`,
    [username],
  );
  const row = r.rows[0];
  if (!row) return undefined;
  return { ...toOfficer(row), password: { hash: Buffer.from(row.password_hash), salt: Buffer.from(row.password_salt), params: row.password_params } };
}

/** How many accounts exist (the demo seeding runs only on an empty table). */
export async function countOfficers(q: Queryable): Promise<number> {
  const r = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM officers');
  return r.rows[0].n;
}

/**
 * Counts one wrong password for account `id` at `now`. When this makes `maxAttempts` in a row,
 * the account is locked until `now + lockMs` and the count starts again. Returns the lock's
 * end, or null when the account is not locked by this attempt.
 */
export async function recordLoginFailure(q: Queryable, id: number, now: Date, maxAttempts: number, lockMs: number): Promise<Date | null> {
  const r = await q.query<{ locked_until: Date | string | null; locked_now: boolean }>(
    `UPDATE officers SET
       locked_until = CASE WHEN failed_attempts + 1 >= $3 THEN $2::timestamptz + ($4::bigint * interval '1 millisecond') ELSE locked_until END,
       failed_attempts = CASE WHEN failed_attempts + 1 >= $3 THEN 0 ELSE failed_attempts + 1 END
     WHERE id = $1
     RETURNING locked_until, (locked_until IS NOT NULL AND locked_until > $2::timestamptz) AS locked_now`,
    [id, now, maxAttempts, lockMs],
  );
  const row = r.rows[0];
  return row?.locked_now && row.locked_until ? new Date(row.locked_until) : null;
}

/** Clears the failure count and any expired lock after a correct password. */
export async function recordLoginSuccess(q: Queryable, id: number): Promise<void> {
  await q.query('UPDATE officers SET failed_attempts = 0, locked_until = NULL WHERE id = $1', [id]);
}

/** Input of {@link createSession}. */
export interface NewSession {
  officerId: number;
  /** SHA-256 of the token handed to the client. */
  tokenSha256: Buffer;
  kind: 'cookie' | 'bearer';
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
}

/** Stores a session. */
export async function createSession(q: Queryable, s: NewSession): Promise<void> {
  await q.query(
    `INSERT INTO officer_sessions (token_sha256, officer_id, kind, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)`,
    [s.tokenSha256, s.officerId, s.kind, s.csrfToken, s.createdAt, s.expiresAt],
  );
}

/** The live session whose token hashes to `tokenSha256` at `now`, with its (enabled) officer. */
export async function sessionByTokenHash(q: Queryable, tokenSha256: Buffer, now: Date): Promise<OfficerSession | undefined> {
  const r = await q.query<OfficerRow & { kind: 'cookie' | 'bearer'; csrf_token: string; session_created_at: Date | string; expires_at: Date | string }>(
    `SELECT o.id, o.username, o.role, o.department, o.district, o.mandal, o.display_name, o.failed_attempts, o.locked_until, o.disabled, o.created_at,
            s.kind, s.csrf_token, s.created_at AS session_created_at, s.expires_at
       FROM officer_sessions s JOIN officers o ON o.id = s.officer_id
      WHERE s.token_sha256 = $1 AND s.expires_at > $2 AND NOT o.disabled`,
    [tokenSha256, now],
  );
  const row = r.rows[0];
  if (!row) return undefined;
  return { officer: toOfficer(row), kind: row.kind, csrfToken: row.csrf_token, createdAt: new Date(row.session_created_at), expiresAt: new Date(row.expires_at) };
}

/** Ends the session whose token hashes to `tokenSha256` (logout). */
export async function deleteSession(q: Queryable, tokenSha256: Buffer): Promise<void> {
  await q.query('DELETE FROM officer_sessions WHERE token_sha256 = $1', [tokenSha256]);
}

/** Removes sessions expired before `now`; returns how many. */
export async function deleteExpiredSessions(q: Queryable, now: Date): Promise<number> {
  const r = await q.query('DELETE FROM officer_sessions WHERE expires_at <= $1', [now]);
  return r.rowCount;
}

/** The account with id `id` (without its hash), or undefined. */
export async function officerById(q: Queryable, id: number): Promise<OfficerRecord | undefined> {
  const r = await q.query<OfficerRow>(`SELECT ${COLUMNS} FROM officers WHERE id = $1`, [id]);
  return r.rows[0] ? toOfficer(r.rows[0]) : undefined;
}
