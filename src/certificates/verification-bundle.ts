/**
 * The verification bundle a certificate PDF carries (attachment `verification.json`), so it can
 * be checked with no network: the QR text (signed payload and signature) and, once the
 * transparency log has included the certificate, everything that proves it:
 *
 *   - `entry`: the log entry `certificate_issued` (its bytes, base64), a commitment only;
 *   - `salt` and `record`: what opens the commitment (`record` is `{ number, qrSha256 }`, so the
 *     entry is tied to exactly this certificate and this QR text);
 *   - `proof`: a C2SP tlog-proof (inclusion proof + signed, cosigned checkpoint).
 *
 * {@link checkBundleLog} checks the chain: commitment = SHA-256(salt ‖ canonical record), the
 * record names this certificate and this QR text, the entry is a `certificate_issued` entry,
 * and the tlog-proof proves the entry's leaf in a checkpoint signed by the log key, with the
 * witnesses' quorum (issue #6).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  commitRecord, decodeBase64Strict, decodeLogEntry, encodeBase64, leafHash, verifyTlogProof, type TlogProofPolicy,
} from '../translog/index.ts';

/** The format name written into every bundle. */
export const BUNDLE_FORMAT = 'mitra-certificate-bundle/v1';

/** The record a `certificate_issued` log entry commits to. */
export interface IssuedRecord {
  number: string;
  /** hex SHA-256 of the QR text. */
  qrSha256: string;
}

/** The bundle as JSON. */
export const verificationBundle = z.object({
  format: z.literal(BUNDLE_FORMAT),
  qr: z.string().min(1).max(2000),
  log: z.object({
    entry: z.string(),
    salt: z.string(),
    record: z.object({ number: z.string(), qrSha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
    proof: z.string(),
  }).strict().optional(),
}).strict();
export type VerificationBundle = z.infer<typeof verificationBundle>;

/** hex SHA-256 of a QR text, as the log record holds it. */
export function qrSha256(qrText: string): string {
  return createHash('sha256').update(qrText, 'utf8').digest('hex');
}

/** The record committed to in the log when certificate `number` with `qrText` is issued. */
export function issuedRecord(number: string, qrText: string): IssuedRecord {
  return { number, qrSha256: qrSha256(qrText) };
}

/** Bundle bytes (UTF-8 JSON) for `qrText`, with the log's proof when there is one. */
export function encodeBundle(bundle: VerificationBundle): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(verificationBundle.parse(bundle)));
}

/** Builds the `log` part of a bundle from the stored entry, its salt and record, and a tlog-proof. */
export function bundleLog(entry: Uint8Array, salt: Uint8Array, record: IssuedRecord, proof: string): NonNullable<VerificationBundle['log']> {
  return { entry: encodeBase64(entry), salt: encodeBase64(salt), record, proof };
}

/** Reads bundle bytes; a value, never a throw. */
export function decodeBundle(bytes: Uint8Array): { ok: true; bundle: VerificationBundle } | { ok: false; reason: string } {
  try {
    const parsed = verificationBundle.safeParse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
    if (!parsed.success) return { ok: false, reason: `the verification data is malformed (${parsed.error.issues[0]?.message ?? 'invalid'})` };
    return { ok: true, bundle: parsed.data };
  } catch (err) {
    return { ok: false, reason: `the verification data is not JSON (${(err as Error).message})` };
  }
}

/** What a checked log inclusion establishes. */
export interface LogInclusion {
  index: number;
  treeSize: number;
  origin: string;
  /** Names of the witnesses whose cosignatures verified. */
  witnessedBy: readonly string[];
  /** Witness name → cosignature time (POSIX seconds). */
  witnessTimes: Readonly<Record<string, number>>;
  /** When a quorum of witnesses had seen this tree (POSIX seconds), if a quorum was asked for. */
  quorumTime: number | undefined;
}

/**
 * Checks the bundle's log part for certificate `number` with QR text `qrText` under `policy`.
 * Returns the inclusion, or the reason it does not hold. A bundle without a log part is not
 * an error here (the caller decides whether a log proof is required).
 */
export function checkBundleLog(
  log: NonNullable<VerificationBundle['log']>, number: string, qrText: string, policy: TlogProofPolicy,
): { ok: true; inclusion: LogInclusion } | { ok: false; reason: string } {
  const entry = decodeBase64Strict(log.entry);
  const salt = decodeBase64Strict(log.salt);
  if (!entry || !salt) return { ok: false, reason: 'the log entry or its salt is not valid base64' };
  const decoded = decodeLogEntry(entry);
  if (!decoded.ok) return { ok: false, reason: `the log entry is malformed (${decoded.detail})` };
  if (decoded.entry.type !== 'certificate_issued') return { ok: false, reason: `the log entry records '${decoded.entry.type}', not an issued certificate` };
  if (log.record.number !== number) return { ok: false, reason: `the log entry is about certificate ${log.record.number}, not ${number}` };
  if (log.record.qrSha256 !== qrSha256(qrText)) return { ok: false, reason: 'the log entry commits to a different QR code' };
  if (commitRecord(log.record, salt) !== decoded.entry.commitment) return { ok: false, reason: 'the log entry does not commit to this certificate' };
  const statement = verifyTlogProof(log.proof, leafHash(entry), policy);
  if (!statement.ok) return { ok: false, reason: `the log proof does not verify (${statement.detail})` };
  return {
    ok: true,
    inclusion: {
      index: statement.index, treeSize: statement.treeSize, origin: statement.origin, witnessedBy: statement.witnessedBy,
      witnessTimes: statement.witnessTimes, quorumTime: statement.quorumTime,
    },
  };
}
