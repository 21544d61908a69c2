import { parseCanonicalDecimal } from './canonical-decimal.ts';
import { failure, type Result } from './result.ts';
import { MAX_NOTE_SIGNATURES, parseSignatureLine, type NoteSignature } from './signed-note.ts';

/** Why a witness response body was rejected (client side): `witness:malformed-response`. */
export type WitnessResponseFailureReason = 'witness:malformed-response';

/** Content type of a 409 Conflict body from add-checkpoint (tlog-witness). */
export const TREE_SIZE_CONTENT_TYPE = 'text/x.tlog.size';

/** `<prefix><canonical decimal>` → the number, or undefined. */
export function canonicalDecimalLine(line: string, prefix: string): number | undefined {
  return line.startsWith(prefix) ? parseCanonicalDecimal(line.slice(prefix.length)) : undefined;
}

/**
 * Parses the body of a 409 Conflict from add-checkpoint: the witness's latest cosigned tree
 * size in decimal followed by a newline. The log retries with that as its old size.
 */
export function parseTreeSizeBody(body: string): Result<{ size: number }, WitnessResponseFailureReason> {
  const size = body.endsWith('\n') ? parseCanonicalDecimal(body.slice(0, -1)) : undefined;
  if (size === undefined) return failure('witness:malformed-response', 'a tree size body is a decimal number and a newline');
  return { ok: true, size };
}

/**
 * Parses the body of a 200 from add-checkpoint: one or more note signature lines, each ending
 * with a newline. The caller then verifies them as cosignatures over its checkpoint text
 * (e.g. with `verifyNoteSignatures` and the witness's `CosignatureV1Verifier`), ignoring lines
 * from unknown keys, and appends the good ones to its checkpoint note.
 */
export function parseCosignatureResponse(body: string): Result<{ signatures: NoteSignature[] }, WitnessResponseFailureReason> {
  if (body === '' || !body.endsWith('\n')) return failure('witness:malformed-response', 'a cosignature response is newline-terminated signature lines');
  const lines = body.slice(0, -1).split('\n');
  if (lines.length > MAX_NOTE_SIGNATURES) return failure('witness:malformed-response', 'too many signature lines');
  const signatures: NoteSignature[] = [];
  for (const line of lines) {
    const sig = parseSignatureLine(line);
    if (!sig) return failure('witness:malformed-response', 'a line is not a note signature');
    signatures.push(sig);
  }
  return { ok: true, signatures };
}
