import { canonicalDecimalLine } from './witness-response.ts';
import { parseCheckpoint, type Checkpoint } from './checkpoint.ts';
import { failure, type Result } from './result.ts';
import { HASH_SIZE } from './sha256.ts';
import { MAX_NOTE_SIZE, parseNote, type SignedNote } from './signed-note.ts';
import { decodeBase64Strict, encodeBase64 } from './strict-base64.ts';
import { isTreeSize } from './tree-size-arithmetic.ts';
import { TranslogError } from './translog-error.ts';

/** First line of every proof (C2SP tlog-proof "Format"). */
export const TLOG_PROOF_HEADER = 'c2sp.org/tlog-proof@v1';
/** Most inclusion proof lines accepted: a tree of fewer than 2^63 leaves needs at most 63. */
export const MAX_INCLUSION_PROOF_LINES = 63;
/** Largest extra data accepted, in bytes, so a proof stays a small offline document. */
export const MAX_TLOG_PROOF_EXTRA_SIZE = 64 * 1024;

/**
 * An offline-verifiable proof that an entry is in a log (C2SP tlog-proof, `.tlog-proof` files):
 * the entry's index, its RFC 6962 inclusion proof (leaf's sibling first), and the checkpoint
 * note verbatim, usually carrying witness cosignatures. `extra` is opaque application data
 * that is NOT authenticated: applications MUST NOT trust it implicitly.
 */
export interface TlogProof {
  readonly extra?: Uint8Array;
  readonly index: number;
  readonly inclusionProof: readonly Uint8Array[];
  readonly checkpoint: string;
}

/** A parsed proof plus its parsed (unverified) checkpoint note and body. */
export interface ParsedTlogProof extends TlogProof {
  readonly note: SignedNote;
  readonly body: Checkpoint;
}

/** Why a proof document was rejected: `tlog-proof:malformed`. */
export type TlogProofFormatFailureReason = 'tlog-proof:malformed';

/**
 * Formats a tlog-proof document. Throws `TranslogError` for an index outside [0, 2^53 − 1], an
 * empty `extra` (omit it instead), a proof over 63 hashes or with a hash not 32 bytes, or a
 * checkpoint that is not a parseable signed checkpoint note.
 */
export function formatTlogProof(proof: TlogProof): string {
  if (!isTreeSize(proof.index)) throw new TranslogError('tlog-proof:invalid', 'index must be an integer in [0, 2^53-1]', { index: proof.index });
  if (proof.extra !== undefined && (proof.extra.length === 0 || proof.extra.length > MAX_TLOG_PROOF_EXTRA_SIZE)) {
    throw new TranslogError('tlog-proof:invalid', 'extra data must be 1..65536 bytes; omit it when there is none');
  }
  if (proof.inclusionProof.length > MAX_INCLUSION_PROOF_LINES || proof.inclusionProof.some((h) => h.length !== HASH_SIZE)) {
    throw new TranslogError('tlog-proof:invalid', 'the inclusion proof must be at most 63 hashes of 32 bytes');
  }
  const note = parseNote(proof.checkpoint);
  if (!note.ok || !parseCheckpoint(note.note.text).ok) throw new TranslogError('tlog-proof:invalid', 'the checkpoint is not a signed checkpoint note');
  const extra = proof.extra === undefined ? '' : `extra ${encodeBase64(proof.extra)}\n`;
  const hashes = proof.inclusionProof.map((h) => `${encodeBase64(h)}\n`).join('');
  return `${TLOG_PROOF_HEADER}\n${extra}index ${proof.index}\n${hashes}\n${proof.checkpoint}`;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Parses a tlog-proof document strictly: the header line; an optional `extra <base64>` line
 * (non-empty); `index <decimal without leading zeros>`; up to 63 base64 32-byte hash lines;
 * an empty line; then a signed checkpoint note (layout and body checked, signatures not —
 * see `verifyTlogProof`). Never throws.
 */
export function parseTlogProof(input: string | Uint8Array): Result<{ proof: ParsedTlogProof }, TlogProofFormatFailureReason> {
  const bad = (detail: string) => failure('tlog-proof:malformed', detail);
  const limit = MAX_NOTE_SIZE + 2 * MAX_TLOG_PROOF_EXTRA_SIZE + 64 * 64;
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else {
    if (input.length > limit) return bad('the proof is too large');
    try {
      text = utf8Strict.decode(input);
    } catch {
      return bad('the proof is not valid UTF-8');
    }
  }
  if (text.length > limit) return bad('the proof is too large');
  let at = 0;
  const nextLine = (): string | undefined => {
    const end = text.indexOf('\n', at);
    if (end < 0) return undefined;
    const line = text.slice(at, end);
    at = end + 1;
    return line;
  };
  if (nextLine() !== TLOG_PROOF_HEADER) return bad(`the first line must be ${TLOG_PROOF_HEADER}`);
  let line = nextLine();
  let extra: Uint8Array | undefined;
  if (line !== undefined && line.startsWith('extra ')) {
    extra = decodeBase64Strict(line.slice('extra '.length));
    if (!extra || extra.length === 0 || extra.length > MAX_TLOG_PROOF_EXTRA_SIZE) return bad('the extra line is not base64 of 1..65536 bytes');
    line = nextLine();
  }
  const index = line === undefined ? undefined : canonicalDecimalLine(line, 'index ');
  if (index === undefined) return bad('expected "index <n>" without leading zeros');
  const inclusionProof: Uint8Array[] = [];
  for (;;) {
    const hashLine = nextLine();
    if (hashLine === undefined) return bad('no empty line before the checkpoint');
    if (hashLine === '') break;
    if (inclusionProof.length === MAX_INCLUSION_PROOF_LINES) return bad('more than 63 inclusion proof lines');
    const hash = decodeBase64Strict(hashLine);
    if (!hash || hash.length !== HASH_SIZE) return bad(`inclusion proof line ${inclusionProof.length + 1} is not a base64 32-byte hash`);
    inclusionProof.push(hash);
  }
  const checkpoint = text.slice(at);
  const note = parseNote(checkpoint);
  if (!note.ok) return bad(`the checkpoint is not a signed note: ${note.detail}`);
  const body = parseCheckpoint(note.note.text);
  if (!body.ok) return bad(`the checkpoint body is malformed: ${body.detail}`);
  const proof: ParsedTlogProof = { ...(extra ? { extra } : {}), index, inclusionProof, checkpoint, note: note.note, body: body.checkpoint };
  return { ok: true, proof };
}
