import { parseCosignature } from './cosignature.ts';
import { SIGNATURE_TYPE_COSIGNATURE_V1 } from './key-id.ts';
import type { NoteVerifier } from './note-verifier.ts';
import type { OpenCheckpointFailureReason } from './open-checkpoint.ts';
import { verifyNoteSignatures } from './open-note.ts';
import type { ProofFailureReason } from './proof-failure-reason.ts';
import { failure, type Result } from './result.ts';
import { parseTlogProof, type ParsedTlogProof, type TlogProofFormatFailureReason } from './tlog-proof.ts';
import { TranslogError } from './translog-error.ts';
import { verifyInclusion } from './verify-inclusion.ts';

/**
 * What a verifier trusts (C2SP tlog-proof "Verifying a tlog proof"): the log's origin and
 * keys, a set of witness keys, and a K-of-M quorum over those witnesses.
 */
export interface TlogProofPolicy {
  /** The origin line the checkpoint MUST carry. */
  readonly origin: string;
  /** The log's keys; at least one MUST have signed the checkpoint. */
  readonly logVerifiers: readonly NoteVerifier[];
  /** Witness keys (usually `CosignatureV1Verifier`). A witness name with several keys counts once. */
  readonly witnesses: readonly NoteVerifier[];
  /** K: distinct witnesses whose valid cosignature is required. 0 ≤ K ≤ number of witness names. */
  readonly quorum: number;
  /** Now, in POSIX seconds. Enables the two checks below; without it timestamps are only reported. */
  readonly now?: number;
  /** Cosignatures dated more than this after `now` are not counted (tlog-cosignature: verifiers MAY reject future timestamps). Default 300. */
  readonly maxClockSkewSeconds?: number;
  /** When set (with `now`), fail with `tlog-proof:stale` if the quorum time is older than this. */
  readonly maxAgeSeconds?: number;
}

/**
 * What a successful verification establishes, and how fresh it is. Each listed witness stated
 * that at its time this was the largest consistent tree it had seen (tlog-cosignature).
 */
export interface FreshnessStatement {
  readonly origin: string;
  readonly index: number;
  readonly treeSize: number;
  readonly rootHash: Uint8Array;
  /** Unauthenticated application data from the proof, if any. MUST NOT be trusted implicitly. */
  readonly extra?: Uint8Array;
  /** Names of the log keys whose signatures verified. */
  readonly loggedBy: readonly string[];
  /** Distinct names of witnesses whose cosignatures verified and were counted, in note order. */
  readonly witnessedBy: readonly string[];
  /** Cosignature timestamp (POSIX seconds) per counted witness name (the latest, if several keys). */
  readonly witnessTimes: Readonly<Record<string, number>>;
  /** The K-th most recent witness time: by then a quorum had seen this tree. Undefined if K is 0. */
  readonly quorumTime: number | undefined;
  /** Witnesses whose valid cosignature was not counted because it was dated in the future. */
  readonly futureDatedWitnesses: readonly string[];
}

/**
 * Why a proof was rejected: a malformed document, a checkpoint failure (wrong origin, no or
 * invalid log signature, an invalid signature from a trusted witness key), a bad inclusion
 * proof, too few witnesses (`tlog-proof:quorum-not-met`), or an old quorum (`tlog-proof:stale`).
 */
export type TlogProofFailureReason =
  | TlogProofFormatFailureReason
  | OpenCheckpointFailureReason
  | ProofFailureReason
  | 'tlog-proof:quorum-not-met'
  | 'tlog-proof:stale';

const DEFAULT_MAX_CLOCK_SKEW_SECONDS = 300;

function assertPolicy(policy: TlogProofPolicy, witnessNames: number): void {
  if (policy.logVerifiers.length === 0) throw new TranslogError('policy:invalid', 'a policy needs at least one log key');
  if (!Number.isInteger(policy.quorum) || policy.quorum < 0 || policy.quorum > witnessNames) {
    throw new TranslogError('policy:invalid', 'the quorum must be between 0 and the number of witnesses', {
      quorum: policy.quorum,
      witnesses: witnessNames,
    });
  }
}

/**
 * Verifies a tlog-proof for the entry whose RFC 6962 leaf hash is `leafHash` (computing it is
 * the application's step 1), in the spec's order: the origin and a log signature, every
 * cosignature from a known witness (any invalid one rejects the proof, per signed-note), the
 * K-of-M quorum, then the inclusion proof against the checkpoint root.
 * Returns a `FreshnessStatement` or a `Failure`; throws `TranslogError` only for an invalid
 * policy (no log key, quorum out of range) or a leaf hash that is not 32 bytes.
 */
export function verifyTlogProof(
  input: string | Uint8Array | ParsedTlogProof,
  leafHash: Uint8Array,
  policy: TlogProofPolicy,
): Result<FreshnessStatement, TlogProofFailureReason> {
  const witnessNameSet = new Set(policy.witnesses.map((w) => w.name));
  assertPolicy(policy, witnessNameSet.size);
  let proof: ParsedTlogProof;
  if (typeof input === 'string' || input instanceof Uint8Array) {
    const parsed = parseTlogProof(input);
    if (!parsed.ok) return parsed;
    proof = parsed.proof;
  } else {
    proof = input;
  }
  const { body } = proof;

  if (body.origin !== policy.origin) {
    return failure('checkpoint:origin-mismatch', `origin ${JSON.stringify(body.origin)} is not ${JSON.stringify(policy.origin)}`);
  }
  // One pass over the signatures with log and witness keys together: a known key whose
  // signature fails rejects the whole note, whoever it belongs to.
  const check = verifyNoteSignatures(proof.note, [...policy.logVerifiers, ...policy.witnesses]);
  if (!check.ok) return check;
  const loggedBy = check.verified.filter((v) => policy.logVerifiers.includes(v.verifier)).map((v) => v.name);
  if (loggedBy.length === 0) return failure('note:no-verified-signature', 'the checkpoint has no valid signature by the log');

  const witnessTimes: Record<string, number> = {};
  const witnessedBy: string[] = [];
  const futureDated: string[] = [];
  const skew = policy.maxClockSkewSeconds ?? DEFAULT_MAX_CLOCK_SKEW_SECONDS;
  for (const v of check.verified) {
    if (!policy.witnesses.includes(v.verifier)) continue;
    // Only cosignature/v1 carries a timestamp; it was verified as part of the signed message.
    const parsed = v.verifier.type === SIGNATURE_TYPE_COSIGNATURE_V1 ? parseCosignature(v.signature) : undefined;
    const time = parsed?.ok ? parsed.timestamp : undefined;
    if (time !== undefined && policy.now !== undefined && time > policy.now + skew) {
      if (!futureDated.includes(v.name)) futureDated.push(v.name);
      continue;
    }
    if (!witnessedBy.includes(v.name)) witnessedBy.push(v.name);
    if (time !== undefined) witnessTimes[v.name] = Math.max(time, witnessTimes[v.name] ?? 0);
  }
  if (witnessedBy.length < policy.quorum) {
    return failure(
      'tlog-proof:quorum-not-met',
      `${witnessedBy.length} of the required ${policy.quorum} witnesses cosigned` + (witnessedBy.length ? ` (${witnessedBy.join(', ')})` : ''),
    );
  }

  const included = verifyInclusion(leafHash, proof.index, body.size, proof.inclusionProof, body.rootHash);
  if (!included.ok) return included;

  const times = Object.values(witnessTimes).sort((a, b) => b - a);
  const quorumTime = policy.quorum === 0 ? undefined : times[policy.quorum - 1];
  if (policy.now !== undefined && policy.maxAgeSeconds !== undefined && policy.quorum > 0) {
    if (quorumTime === undefined || policy.now - quorumTime > policy.maxAgeSeconds) {
      return failure('tlog-proof:stale', `the witness quorum is older than ${policy.maxAgeSeconds} s`);
    }
  }
  return {
    ok: true,
    origin: body.origin,
    index: proof.index,
    treeSize: body.size,
    rootHash: body.rootHash,
    ...(proof.extra ? { extra: proof.extra } : {}),
    loggedBy,
    witnessedBy,
    witnessTimes,
    quorumTime,
    futureDatedWitnesses: futureDated,
  };
}
