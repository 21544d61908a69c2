import { parseCheckpoint, type Checkpoint, type CheckpointFailureReason } from './checkpoint.ts';
import type { NoteVerifier } from './note-verifier.ts';
import { verifyNoteSignatures, type NoteSignatureCheck } from './open-note.ts';
import { failure, type Result } from './result.ts';
import { parseNote, type NoteFailureReason, type SignedNote } from './signed-note.ts';

/** Why a signed checkpoint was rejected: a note failure, a malformed body, or another log's origin. */
export type OpenCheckpointFailureReason = NoteFailureReason | CheckpointFailureReason | 'checkpoint:origin-mismatch';

/** A verified checkpoint: its parsed body, the note, and which trusted keys signed it. */
export type OpenedCheckpoint = { readonly checkpoint: Checkpoint; readonly note: SignedNote } & NoteSignatureCheck;

/**
 * Parses and verifies a signed checkpoint from the log with origin `origin`: the note layout,
 * the checkpoint body, the origin line (exact match), then the signatures — at least one by a
 * key in `verifiers` (the log's keys) and none from those keys invalid. Signatures by other
 * keys, e.g. witnesses, are ignored here and listed in `unverified`.
 * Returns a `Failure` (never throws) for any problem.
 */
export function openCheckpoint(
  input: string | Uint8Array,
  expected: { readonly origin: string; readonly verifiers: readonly NoteVerifier[] },
): Result<OpenedCheckpoint, OpenCheckpointFailureReason> {
  const parsed = parseNote(input);
  if (!parsed.ok) return parsed;
  const body = parseCheckpoint(parsed.note.text);
  if (!body.ok) return body;
  // Cheap rejection before any signature work: a checkpoint of another log.
  if (body.checkpoint.origin !== expected.origin) {
    return failure('checkpoint:origin-mismatch', `origin ${JSON.stringify(body.checkpoint.origin)} is not ${JSON.stringify(expected.origin)}`);
  }
  const check = verifyNoteSignatures(parsed.note, expected.verifiers);
  if (!check.ok) return check;
  if (check.verified.length === 0) return failure('note:no-verified-signature', 'the checkpoint has no signature by a trusted log key');
  return { ok: true, checkpoint: body.checkpoint, note: parsed.note, verified: check.verified, unverified: check.unverified };
}
