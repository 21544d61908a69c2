/**
 * Officer sign-in (issue #4): scrypt passwords, random session tokens stored only as SHA-256,
 * a CSRF token per session, and a lockout after {@link MAX_FAILED_LOGINS} wrong passwords in a
 * row for {@link LOCKOUT_MS}. While an account is locked its password is not even checked, so
 * guessing during the lockout teaches nothing. An unknown username costs the same scrypt work
 * as a wrong password, so response times do not reveal which usernames exist.
 */
import { createHash, randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword, type PasswordHash } from '../../lib/scrypt-password.ts';
import type { Db } from '../../storage/db.ts';
import {
  createSession, deleteExpiredSessions, deleteSession, officerByUsername, recordLoginFailure, recordLoginSuccess, sessionByTokenHash,
  type OfficerRecord, type OfficerSession,
} from '../../storage/officer-store.ts';

/** Wrong passwords in a row that lock an account. */
export const MAX_FAILED_LOGINS = 5;
/** How long a lockout lasts. */
export const LOCKOUT_MS = 15 * 60 * 1000;
/** Random bytes of a session token (256 bits). */
export const TOKEN_BYTES = 32;

/** The outcome of a login. */
export type LoginResult =
  | { ok: true; token: string; csrfToken: string; officer: OfficerRecord; expiresAt: Date }
  | { ok: false; code: 'invalid_credentials' }
  | { ok: false; code: 'locked'; retryAfterSeconds: number; lockedUntil: Date };

/** Options of {@link createOfficerAuth}. */
export interface OfficerAuthOptions {
  db: Db;
  clock: () => Date;
  /** How long a session lasts from login. */
  sessionMs: number;
}

/** The SHA-256 of a session token: what the database stores. */
export function tokenDigest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Creates the sign-in service. */
export function createOfficerAuth(o: OfficerAuthOptions) {
  // Verified against when the username does not exist, so that case costs a scrypt too.
  let decoy: Promise<PasswordHash> | undefined;
  const locked = (until: Date, now: Date): LoginResult => ({
    ok: false, code: 'locked', lockedUntil: until, retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)),
  });

  return {
    /**
     * Checks `username` and `password` and opens a session of `kind` (`cookie` for the console,
     * which then needs the CSRF token on every change; `bearer` for department systems).
     */
    async login(username: string, password: string, kind: 'cookie' | 'bearer'): Promise<LoginResult> {
      const now = o.clock();
      const officer = await officerByUsername(o.db, username.trim().toLowerCase());
      if (!officer || officer.disabled) {
        decoy ??= hashPassword(randomBytes(16).toString('hex'));
        await verifyPassword(password, await decoy);
        return { ok: false, code: 'invalid_credentials' };
      }
      if (officer.lockedUntil && officer.lockedUntil > now) return locked(officer.lockedUntil, now);
      if (!(await verifyPassword(password, officer.password))) {
        const until = await recordLoginFailure(o.db, officer.id, now, MAX_FAILED_LOGINS, LOCKOUT_MS);
        return until ? locked(until, now) : { ok: false, code: 'invalid_credentials' };
      }
      await recordLoginSuccess(o.db, officer.id);
      const token = randomBytes(TOKEN_BYTES).toString('base64url');
      const csrfToken = randomBytes(TOKEN_BYTES).toString('base64url');
      const expiresAt = new Date(now.getTime() + o.sessionMs);
      await createSession(o.db, { officerId: officer.id, tokenSha256: tokenDigest(token), kind, csrfToken, createdAt: now, expiresAt });
      // Expired sessions are cleaned up as new ones open; nothing else needs them.
      await deleteExpiredSessions(o.db, now);
      const { password: _hash, ...record } = officer;
      return { ok: true, token, csrfToken, officer: { ...record, failedAttempts: 0, lockedUntil: null }, expiresAt };
    },

    /** The live session of `token` at the platform's clock, or undefined (unknown, expired, disabled). */
    async authenticate(token: string): Promise<OfficerSession | undefined> {
      if (!token || token.length > 200) return undefined;
      return sessionByTokenHash(o.db, tokenDigest(token), o.clock());
    },

    /** Ends the session of `token`. */
    async logout(token: string): Promise<void> {
      await deleteSession(o.db, tokenDigest(token));
    },
  };
}

/** The sign-in service. */
export type OfficerAuth = ReturnType<typeof createOfficerAuth>;
