/**
 * What Mitra writes into its transparency log: commitments, never personal data (issue #6).
 * An entry is the canonical JSON of {@link LogEntry}, UTF-8, at most MAX_ENTRY_SIZE bytes:
 * the event type, the time, public metadata (department, service, a hash of a certificate id)
 * and `commitment`, the SHA-256 of a random salt followed by the canonical record. Salts are kept
 * off the log; deleting one makes the record unprovable and unlinkable (erasure), while the log
 * itself stays intact and verifiable.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { encodeBase64 } from './strict-base64.ts';
import { failure, type Result } from './result.ts';

/** The entry format version written by this code. */
export const LOG_ENTRY_VERSION = 1;

/** Event types that are logged. */
export const logEntryType = z.enum([
  'application_submitted', 'application_decided', 'certificate_issued', 'certificate_revoked', 'signing_key_added', 'signing_key_rotated',
]);

/** One log entry. Every field is public: anyone can download the whole log. */
export const logEntry = z.object({
  v: z.literal(LOG_ENTRY_VERSION),
  type: logEntryType,
  /** ISO 8601 time of the event, to the second. */
  time: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
  /** Public metadata: department and service ids, a decision's action, a key id… Never personal data. */
  meta: z.record(z.string().regex(/^[a-z][a-zA-Z0-9_]{0,30}$/), z.string().max(200)),
  /** base64 SHA-256(salt ‖ canonical record). */
  commitment: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
}).strict();

export type LogEntry = z.infer<typeof logEntry>;

/** JSON with sorted keys at every level: one byte string per value. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v);
}

/**
 * The commitment to `record` under `salt` (16+ random bytes): base64 SHA-256(salt ‖ canonical
 * JSON of record). Anyone holding the record and the salt can recompute it; nobody can find
 * the record from it.
 */
export function commitRecord(record: unknown, salt: Uint8Array): string {
  return encodeBase64(createHash('sha256').update(salt).update(canonical(record)).digest());
}

/** The entry as the bytes that are hashed into the tree. */
export function encodeLogEntry(entry: LogEntry): Uint8Array {
  return new TextEncoder().encode(canonical(logEntry.parse(entry)));
}

/** Reads entry bytes; a value, never a throw, for anything malformed. */
export function decodeLogEntry(bytes: Uint8Array): Result<{ entry: LogEntry }, 'log-entry:malformed'> {
  try {
    const parsed = logEntry.safeParse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
    if (!parsed.success) return failure('log-entry:malformed', parsed.error.issues[0]?.message ?? 'invalid entry');
    return { ok: true, entry: parsed.data };
  } catch (err) {
    return failure('log-entry:malformed', (err as Error).message);
  }
}
