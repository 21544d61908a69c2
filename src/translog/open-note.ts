import { formatKeyId } from './key-id.ts';
import type { NoteVerifier } from './note-verifier.ts';
import { hashesEqual } from './hashes-equal.ts';
import { failure, type Result } from './result.ts';
import { parseNote, type NoteFailureReason, type NoteSignature, type SignedNote } from './signed-note.ts';

/** A signature that a trusted key verified, with that key. */
export interface VerifiedSignature extends NoteSignature {
  readonly verifier: NoteVerifier;
}

/** The outcome of checking a note's signatures against a set of trusted keys. */
export interface NoteSignatureCheck {
  /** One entry per trusted key that signed, in signature-line order. */
  readonly verified: readonly VerifiedSignature[];
  /** Signatures from keys not in the set, ignored (signed-note: MUST ignore), duplicates collapsed. */
  readonly unverified: readonly NoteSignature[];
}

const utf8 = new TextEncoder();

/**
 * Checks every signature of `note` against `verifiers` (signed-note "Signatures"):
 * a line is from a trusted key when both its name and key ID match one — a match on only one of
 * them is an unknown key and ignored. Every signature from a trusted key is verified; if any
 * fails, the whole note is rejected with `note:invalid-signature`. Does not require any
 * signature to verify (the caller decides how many it needs; see `openNote`). Never throws.
 */
export function verifyNoteSignatures(
  note: SignedNote,
  verifiers: readonly NoteVerifier[],
): Result<NoteSignatureCheck, 'note:invalid-signature'> {
  const textBytes = utf8.encode(note.text);
  const verified: VerifiedSignature[] = [];
  const unverified: NoteSignature[] = [];
  for (const sig of note.signatures) {
    const verifier = verifiers.find((v) => v.name === sig.name && v.keyId === sig.keyId);
    if (!verifier) {
      // Collapse identical repeated lines, as golang.org/x/mod/sumdb/note does.
      const dup = unverified.some((u) => u.name === sig.name && u.keyId === sig.keyId && hashesEqual(u.signature, sig.signature));
      if (!dup) unverified.push(sig);
      continue;
    }
    const seen = verified.find((v) => v.verifier === verifier);
    // A repeated identical line needs no second Ed25519 verification.
    if (seen && hashesEqual(seen.signature, sig.signature)) continue;
    if (!verifier.verify(textBytes, sig.signature)) {
      return failure('note:invalid-signature', `invalid signature for key ${sig.name}+${formatKeyId(sig.keyId)}`);
    }
    if (!seen) verified.push({ ...sig, verifier });
  }
  return { ok: true, verified, unverified };
}

/**
 * Parses and verifies a signed note (signed-note), the way a client MUST: the note is accepted
 * only if at least one signature is from a key in `verifiers` and verifies, and none from a
 * key in `verifiers` fails. The text MUST be ignored by callers unless this returns ok.
 * Returns `note:*` failures (see `NoteFailureReason`); never throws.
 */
export function openNote(
  input: string | Uint8Array,
  verifiers: readonly NoteVerifier[],
): Result<{ note: SignedNote } & NoteSignatureCheck, NoteFailureReason> {
  const parsed = parseNote(input);
  if (!parsed.ok) return parsed;
  const check = verifyNoteSignatures(parsed.note, verifiers);
  if (!check.ok) return check;
  if (check.verified.length === 0) return failure('note:no-verified-signature', 'note has no verifiable signatures');
  return { ok: true, note: parsed.note, verified: check.verified, unverified: check.unverified };
}
