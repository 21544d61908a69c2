import { canonicalDecimalLine } from './witness-response.ts';
import { parseCheckpoint, type Checkpoint } from './checkpoint.ts';
import { failure, type Result } from './result.ts';
import { HASH_SIZE } from './sha256.ts';
import { MAX_NOTE_SIZE, parseNote, type SignedNote } from './signed-note.ts';
import { decodeBase64Strict, encodeBase64 } from './strict-base64.ts';
import { isTreeSize } from './tree-size-arithmetic.ts';
import { TranslogError } from './translog-error.ts';

/** Most consistency proof lines an add-checkpoint request may carry (tlog-witness: MUST NOT send more than 63). */
export const MAX_CONSISTENCY_PROOF_LINES = 63;
/** Largest add-checkpoint body accepted: a maximal note plus the old size and proof lines. */
export const MAX_ADD_CHECKPOINT_BODY_SIZE = MAX_NOTE_SIZE + 64 * 64;

/** What a log sends to a witness's `add-checkpoint` (C2SP tlog-witness). */
export interface AddCheckpointRequest {
  /** Size of the latest checkpoint the witness is believed to have cosigned (0 if none). */
  readonly oldSize: number;
  /** RFC 6962 §2.1.2 consistency proof from `oldSize` to the checkpoint's size; empty when oldSize is 0. */
  readonly consistencyProof: readonly Uint8Array[];
  /** The signed checkpoint note, verbatim (it MAY carry several signatures). */
  readonly checkpoint: string;
}

/** A request as parsed by a witness: the raw parts plus the parsed (not yet verified) note and body. */
export interface ParsedAddCheckpointRequest extends AddCheckpointRequest {
  readonly note: SignedNote;
  readonly body: Checkpoint;
}

/** Why a request body was rejected: `witness:malformed-request` (HTTP 400). */
export type AddCheckpointRequestFailureReason = 'witness:malformed-request';

/**
 * The add-checkpoint request body: `old <N>\n`, one base64 proof hash per line, an empty line,
 * then the checkpoint note. Throws `TranslogError` for an invalid size, a proof over 63 lines
 * or with a hash not 32 bytes, or a checkpoint that does not end with a newline.
 */
export function formatAddCheckpointRequest(request: AddCheckpointRequest): string {
  if (!isTreeSize(request.oldSize)) throw new TranslogError('witness:bad-request', 'oldSize must be a tree size', { oldSize: request.oldSize });
  if (request.consistencyProof.length > MAX_CONSISTENCY_PROOF_LINES || request.consistencyProof.some((h) => h.length !== HASH_SIZE)) {
    throw new TranslogError('witness:bad-request', 'the consistency proof must be at most 63 hashes of 32 bytes');
  }
  if (!request.checkpoint.endsWith('\n')) throw new TranslogError('witness:bad-request', 'the checkpoint note must end with a newline');
  const proof = request.consistencyProof.map((h) => `${encodeBase64(h)}\n`).join('');
  return `old ${request.oldSize}\n${proof}\n${request.checkpoint}`;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Parses an add-checkpoint request body as a witness receives it, strictly: the old size line
 * (`old` + canonical decimal), at most 63 proof lines of base64 32-byte hashes, an empty line,
 * and a checkpoint that parses as a signed note with a valid checkpoint body. Every line must
 * end with a newline. Signatures and consistency are not checked here (see
 * `decideAddCheckpoint`). A failure maps to HTTP 400. Never throws.
 */
export function parseAddCheckpointRequest(
  input: string | Uint8Array,
): Result<{ request: ParsedAddCheckpointRequest }, AddCheckpointRequestFailureReason> {
  const bad = (detail: string) => failure('witness:malformed-request', detail);
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else {
    if (input.length > MAX_ADD_CHECKPOINT_BODY_SIZE) return bad('the request body is too large');
    try {
      text = utf8Strict.decode(input);
    } catch {
      return bad('the request body is not valid UTF-8');
    }
  }
  if (text.length > MAX_ADD_CHECKPOINT_BODY_SIZE) return bad('the request body is too large');
  let at = 0;
  const nextLine = (): string | undefined => {
    const end = text.indexOf('\n', at);
    if (end < 0) return undefined;
    const line = text.slice(at, end);
    at = end + 1;
    return line;
  };
  const first = nextLine();
  const oldSize = first === undefined ? undefined : canonicalDecimalLine(first, 'old ');
  if (oldSize === undefined) return bad('the first line must be "old <size>" without leading zeros');
  const consistencyProof: Uint8Array[] = [];
  for (;;) {
    const line = nextLine();
    if (line === undefined) return bad('the request has no empty line before the checkpoint');
    if (line === '') break;
    if (consistencyProof.length === MAX_CONSISTENCY_PROOF_LINES) return bad('more than 63 consistency proof lines');
    const hash = decodeBase64Strict(line);
    if (!hash || hash.length !== HASH_SIZE) return bad(`consistency proof line ${consistencyProof.length + 1} is not a base64 32-byte hash`);
    consistencyProof.push(hash);
  }
  const checkpoint = text.slice(at);
  const note = parseNote(checkpoint);
  if (!note.ok) return bad(`the checkpoint is not a signed note: ${note.detail}`);
  const body = parseCheckpoint(note.note.text);
  if (!body.ok) return bad(`the checkpoint body is malformed: ${body.detail}`);
  return { ok: true, request: { oldSize, consistencyProof, checkpoint, note: note.note, body: body.checkpoint } };
}
