import { cosignCheckpoint, type Cosigner } from './cosignature.ts';
import { emptyRootHash } from './empty-root-hash.ts';
import { hashesEqual } from './hashes-equal.ts';
import type { NoteVerifier } from './note-verifier.ts';
import { verifyNoteSignatures } from './open-note.ts';
import { formatNote, formatSignatureLine, type NoteSignature } from './signed-note.ts';
import { verifyConsistency } from './verify-consistency.ts';
import type { ParsedAddCheckpointRequest } from './witness-request.ts';
import { TREE_SIZE_CONTENT_TYPE } from './witness-response.ts';
import { TranslogError } from './translog-error.ts';

/** What a witness remembers per log origin: the latest checkpoint it cosigned. */
export interface WitnessLogState {
  readonly size: number;
  readonly rootHash: Uint8Array;
}

/** Everything `decideAddCheckpoint` needs besides the request; the caller loads it by the request's origin. */
export interface AddCheckpointContext {
  /** The log's trusted keys for this origin, or undefined when the origin is not configured (→ 404). */
  readonly logVerifiers: readonly NoteVerifier[] | undefined;
  /** The latest cosigned checkpoint for this origin, or undefined if the witness never cosigned one. */
  readonly latest: WitnessLogState | undefined;
  /** The witness's own key(s), type 0x04. At least one. */
  readonly cosigners: readonly Cosigner[];
  /** Now, as POSIX seconds (> 0), read by the caller: the cosignature timestamp. */
  readonly timestamp: number;
}

/**
 * Why a witness refused a checkpoint; `WITNESS_HTTP_STATUS` gives each one's HTTP status.
 * `unverified-checkpoint`: no valid log signature, or an invalid one from a log key.
 * `size-conflict`: old size is not the latest cosigned size (the body says which).
 * `bad-consistency-proof`: not empty when it must be, not verifying, or a fork at equal sizes.
 */
export type WitnessFailureReason =
  | 'witness:malformed-request'
  | 'witness:unknown-origin'
  | 'witness:unverified-checkpoint'
  | 'witness:old-size-too-large'
  | 'witness:size-conflict'
  | 'witness:bad-empty-root'
  | 'witness:bad-consistency-proof';

/** The HTTP status tlog-witness "add-checkpoint" prescribes for each failure. */
export const WITNESS_HTTP_STATUS: Readonly<Record<WitnessFailureReason, 400 | 403 | 404 | 409 | 422>> = {
  'witness:malformed-request': 400,
  'witness:unknown-origin': 404,
  'witness:unverified-checkpoint': 403,
  'witness:old-size-too-large': 400,
  'witness:size-conflict': 409,
  'witness:bad-empty-root': 422,
  'witness:bad-consistency-proof': 422,
};

/** A refusal, ready for the HTTP layer: status, content type and body. Nothing is to be persisted. */
export interface WitnessRejection {
  readonly ok: false;
  readonly reason: WitnessFailureReason;
  readonly detail: string;
  readonly status: 400 | 403 | 404 | 409 | 422;
  readonly contentType: string;
  readonly body: string;
}

/** An acceptance: the 200 body, and the state the caller MUST persist before responding. */
export interface WitnessAcceptance {
  readonly ok: true;
  readonly status: 200;
  readonly contentType: string;
  /** One cosignature line per cosigner (tlog-witness: the response is note signature lines). */
  readonly body: string;
  readonly cosignatures: readonly NoteSignature[];
  /** The new latest state for this origin. */
  readonly newState: WitnessLogState;
  /**
   * The checkpoint with the log signatures the witness verified plus its own cosignatures: what
   * the witness serves at `<monitoring prefix>/<origin hash>/checkpoint`.
   */
  readonly checkpointNote: string;
}

function reject(reason: WitnessFailureReason, detail: string, body = `${detail}\n`, contentType = 'text/plain; charset=utf-8'): WitnessRejection {
  return { ok: false, reason, detail, status: WITNESS_HTTP_STATUS[reason], contentType, body };
}

/**
 * A witness's decision on one add-checkpoint request (C2SP tlog-witness): the spec's checks in
 * its order, then cosignatures. Callers MUST make "read `latest`, decide, persist `newState`"
 * atomic per origin (row lock or compare-and-swap on the stored size) — otherwise concurrent
 * requests can roll the witness back, the race the spec describes — and MUST persist before
 * sending the 200. A rejection changes nothing (validly signed ones MAY be logged as evidence).
 * Throws `TranslogError` only for a bad context (no cosigner, a non-positive timestamp).
 */
export function decideAddCheckpoint(
  request: ParsedAddCheckpointRequest,
  context: AddCheckpointContext,
): WitnessAcceptance | WitnessRejection {
  if (context.cosigners.length === 0) throw new TranslogError('witness:no-cosigner', 'a witness needs at least one key');
  const { body: checkpoint, note, oldSize, consistencyProof } = request;

  // 404: the witness only tracks logs it is configured for.
  if (context.logVerifiers === undefined) return reject('witness:unknown-origin', `unknown log origin ${JSON.stringify(checkpoint.origin)}`);

  // 403: MUST verify with the trusted keys for the origin and ignore unknown keys; a bad
  // signature from a trusted key makes the note malformed (signed-note), also 403.
  const signatures = verifyNoteSignatures(note, context.logVerifiers);
  if (!signatures.ok) return reject('witness:unverified-checkpoint', signatures.detail);
  if (signatures.verified.length === 0) return reject('witness:unverified-checkpoint', 'no signature by a trusted key for this log');

  // 400: the old size can never exceed the new one.
  if (oldSize > checkpoint.size) return reject('witness:old-size-too-large', `old size ${oldSize} exceeds checkpoint size ${checkpoint.size}`);

  // 409: the log must prove consistency from exactly what the witness last cosigned (0 if never).
  const latestSize = context.latest?.size ?? 0;
  if (oldSize !== latestSize) {
    return reject('witness:size-conflict', `old size ${oldSize} is not the latest cosigned size ${latestSize}`, `${latestSize}\n`, TREE_SIZE_CONTENT_TYPE);
  }

  // 422: the empty tree has exactly one root (RFC 6962 §2.1: the hash of the empty string).
  if (checkpoint.size === 0 && !hashesEqual(checkpoint.rootHash, emptyRootHash())) {
    return reject('witness:bad-empty-root', 'a checkpoint of size 0 must have the empty-tree root hash');
  }

  // 422: old size 0 needs no proof and MUST come with none; otherwise the proof MUST verify from
  // the stored root. Equal sizes are covered by verifyConsistency (empty proof, equal roots).
  if (oldSize === 0) {
    if (consistencyProof.length !== 0) return reject('witness:bad-consistency-proof', 'the consistency proof from size 0 must be empty');
  } else {
    const previousRoot = context.latest!.rootHash;
    const consistent = verifyConsistency(oldSize, checkpoint.size, consistencyProof, previousRoot, checkpoint.rootHash);
    if (!consistent.ok) return reject('witness:bad-consistency-proof', consistent.detail);
  }

  const cosignatures = context.cosigners.map((c) => cosignCheckpoint(c, note.text, context.timestamp));
  const logSignatures = signatures.verified.map(({ name, keyId, signature }) => ({ name, keyId, signature }));
  return {
    ok: true,
    status: 200,
    contentType: 'text/plain; charset=utf-8',
    body: cosignatures.map(formatSignatureLine).join(''),
    cosignatures,
    newState: { size: checkpoint.size, rootHash: checkpoint.rootHash.slice() },
    checkpointNote: formatNote({ text: note.text, signatures: [...logSignatures, ...cosignatures] }),
  };
}
