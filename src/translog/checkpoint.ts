import { parseCanonicalDecimal } from './canonical-decimal.ts';
import { failure, type Result } from './result.ts';
import { HASH_SIZE } from './sha256.ts';
import { noteTextProblem } from './signed-note.ts';
import { decodeBase64Strict, encodeBase64 } from './strict-base64.ts';
import { isTreeSize } from './tree-size-arithmetic.ts';
import { TranslogError } from './translog-error.ts';

/**
 * The body of a C2SP tlog-checkpoint: the log's origin line, tree size, RFC 6962 root hash,
 * and optional opaque extension lines (NOT RECOMMENDED by the spec; never interpreted here).
 */
export interface Checkpoint {
  readonly origin: string;
  readonly size: number;
  readonly rootHash: Uint8Array;
  readonly extensions: readonly string[];
}

/** Why a checkpoint body was rejected: `checkpoint:malformed`. */
export type CheckpointFailureReason = 'checkpoint:malformed';

/**
 * The note text of a checkpoint: origin, size, base64 root hash, extension lines, each ending
 * in a newline. Throws `TranslogError` (`checkpoint:invalid`) if the result would not parse
 * back (empty origin or extension line, a size outside [0, 2^53 − 1], a root not 32 bytes,
 * a newline or control character inside a line).
 */
export function formatCheckpoint(checkpoint: Checkpoint): string {
  const { origin, size, rootHash, extensions = [] } = checkpoint;
  if (!isTreeSize(size)) throw new TranslogError('checkpoint:invalid', 'size must be an integer in [0, 2^53-1]', { size });
  if (rootHash.length !== HASH_SIZE) throw new TranslogError('checkpoint:invalid', 'root hash must be 32 bytes', { length: rootHash.length });
  const text = [origin, String(size), encodeBase64(rootHash), ...extensions].map((line) => `${line}\n`).join('');
  const parsed = parseCheckpoint(text);
  if (!parsed.ok) throw new TranslogError('checkpoint:invalid', parsed.detail, { origin });
  return text;
}

/**
 * Parses checkpoint note text (tlog-checkpoint "Note text"), strictly: at least three
 * non-empty newline-terminated lines; a non-empty origin (not otherwise interpreted: clients
 * MUST NOT assume it is a URL); the size in ASCII decimal without leading zeros; the root hash
 * as padded standard base64 of exactly 32 bytes; any further lines non-empty. Does not verify
 * signatures — see `openCheckpoint`. Never throws.
 */
export function parseCheckpoint(text: string): Result<{ checkpoint: Checkpoint }, CheckpointFailureReason> {
  const problem = noteTextProblem(text);
  if (problem) return failure('checkpoint:malformed', problem);
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3) return failure('checkpoint:malformed', 'a checkpoint has at least three lines');
  if (lines.some((l) => l === '')) return failure('checkpoint:malformed', 'checkpoint lines must not be empty');
  const [origin, sizeText, rootText, ...extensions] = lines;
  const size = parseCanonicalDecimal(sizeText);
  if (size === undefined) return failure('checkpoint:malformed', `tree size ${JSON.stringify(sizeText.slice(0, 40))} is not a canonical decimal`);
  const rootHash = decodeBase64Strict(rootText);
  if (!rootHash || rootHash.length !== HASH_SIZE) return failure('checkpoint:malformed', 'the root hash is not base64 of 32 bytes');
  return { ok: true, checkpoint: { origin, size, rootHash, extensions } };
}
