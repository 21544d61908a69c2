import { isValidKeyName, isWellFormedText } from './key-id.ts';
import { failure, type Result } from './result.ts';
import { decodeBase64Strict, encodeBase64 } from './strict-base64.ts';
import { TranslogError } from './translog-error.ts';

/**
 * Most signature lines a note may carry. C2SP signed-note: verifiers SHOULD cap the count and
 * MUST accept at least 16; 100 matches Go's golang.org/x/mod/sumdb/note.
 */
export const MAX_NOTE_SIGNATURES = 100;
/** Largest note accepted, in UTF-8 bytes: room for 100 post-quantum signatures (~5 kB each) and a body. */
export const MAX_NOTE_SIZE = 1_000_000;

/** One signature line: `— <name> base64(keyId || signature)`. `signature` excludes the 4-byte key ID. */
export interface NoteSignature {
  readonly name: string;
  readonly keyId: number;
  readonly signature: Uint8Array;
}

/** A parsed (not yet verified) C2SP signed note. `text` ends with a newline; there is ≥ 1 signature. */
export interface SignedNote {
  readonly text: string;
  readonly signatures: readonly NoteSignature[];
}

/**
 * Why a note was rejected. `malformed`: layout, UTF-8, control characters or a signature line.
 * `invalid-signature`: a signature matching a trusted key's name and ID fails, which rejects
 * the whole note (signed-note: SHOULD). `no-verified-signature`: none by a trusted key (MUST).
 */
export type NoteFailureReason =
  | 'note:malformed'
  | 'note:too-large'
  | 'note:too-many-signatures'
  | 'note:invalid-signature'
  | 'note:no-verified-signature';

const EM_DASH_SPACE = '\u2014 ';
// signed-note: no ASCII control characters other than newline.
const CONTROL_EXCEPT_NEWLINE = /[\u0000-\u0009\u000B-\u001F]/;
const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Why `text` cannot be the text of a note, or undefined when it can: it must be well-formed
 * Unicode, end with a newline, and hold no control character except newline.
 */
export function noteTextProblem(text: string): string | undefined {
  if (!text.endsWith('\n')) return 'the text must end with a newline';
  if (!isWellFormedText(text)) return 'the text is not valid Unicode';
  if (CONTROL_EXCEPT_NEWLINE.test(text)) return 'the text contains a control character';
  return undefined;
}

/**
 * Parses one signature line without its newline (`— name base64`), or returns undefined.
 * The decoded signature must hold the 4-byte key ID and at least one byte more.
 */
export function parseSignatureLine(line: string): NoteSignature | undefined {
  if (!line.startsWith(EM_DASH_SPACE)) return undefined;
  const rest = line.slice(EM_DASH_SPACE.length);
  const space = rest.indexOf(' ');
  if (space < 0) return undefined;
  const name = rest.slice(0, space);
  if (!isValidKeyName(name)) return undefined;
  const bytes = decodeBase64Strict(rest.slice(space + 1));
  if (!bytes || bytes.length < 5) return undefined;
  const keyId = ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0;
  return { name, keyId, signature: bytes.slice(4) };
}

/** One signature line with its final newline. Throws `TranslogError` for an invalid key name. */
export function formatSignatureLine(sig: NoteSignature): string {
  if (!isValidKeyName(sig.name)) throw new TranslogError('note:bad-key-name', 'invalid key name', { name: sig.name });
  const bytes = new Uint8Array(4 + sig.signature.length);
  new DataView(bytes.buffer).setUint32(0, sig.keyId >>> 0);
  bytes.set(sig.signature, 4);
  return `${EM_DASH_SPACE}${sig.name} ${encodeBase64(bytes)}\n`;
}

/**
 * Parses a C2SP signed note: text ending in a newline, a blank line, then signature lines each
 * ending in a newline; the text runs to the *last* blank line (it may contain blank lines).
 * Bytes are checked as strict UTF-8. Layout only — `openNote` verifies. Never throws.
 */
export function parseNote(input: string | Uint8Array): Result<{ note: SignedNote }, NoteFailureReason> {
  let message: string;
  if (typeof input === 'string') {
    if (input.length > MAX_NOTE_SIZE || Buffer.byteLength(input) > MAX_NOTE_SIZE) return failure('note:too-large', 'the note is too large');
    if (!isWellFormedText(input)) return failure('note:malformed', 'the note is not valid Unicode');
    message = input;
  } else {
    if (input.length > MAX_NOTE_SIZE) return failure('note:too-large', 'the note is too large');
    try {
      message = utf8Strict.decode(input);
    } catch {
      return failure('note:malformed', 'the note is not valid UTF-8');
    }
  }
  if (CONTROL_EXCEPT_NEWLINE.test(message)) return failure('note:malformed', 'the note contains a control character');
  if (!message.endsWith('\n')) return failure('note:malformed', 'the note does not end with a newline');
  const split = message.lastIndexOf('\n\n');
  if (split < 0) return failure('note:malformed', 'the note has no blank line before its signatures');
  const text = message.slice(0, split + 1);
  const block = message.slice(split + 2);
  if (block === '') return failure('note:malformed', 'the note has no signatures');
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_NOTE_SIGNATURES) {
    return failure('note:too-many-signatures', `the note has ${lines.length} signatures; at most ${MAX_NOTE_SIGNATURES} are accepted`);
  }
  const signatures: NoteSignature[] = [];
  for (const [i, line] of lines.entries()) {
    const sig = parseSignatureLine(line);
    if (!sig) return failure('note:malformed', `signature line ${i + 1} is malformed`);
    signatures.push(sig);
  }
  return { ok: true, note: { text, signatures } };
}

/**
 * Formats a signed note: text, blank line, signature lines. Throws `TranslogError`
 * (`note:bad-text`, `note:no-signatures`, `note:too-many-signatures`) when the result would not
 * parse: the text MUST end with a newline and hold no control characters but newlines.
 */
export function formatNote(note: SignedNote): string {
  const problem = noteTextProblem(note.text);
  if (problem) throw new TranslogError('note:bad-text', problem);
  if (note.signatures.length === 0) throw new TranslogError('note:no-signatures', 'a signed note needs at least one signature');
  if (note.signatures.length > MAX_NOTE_SIGNATURES) {
    throw new TranslogError('note:too-many-signatures', 'too many signatures', { count: note.signatures.length });
  }
  return `${note.text}\n${note.signatures.map(formatSignatureLine).join('')}`;
}
