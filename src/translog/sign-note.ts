import { formatKeyId, SIGNATURE_TYPE_COSIGNATURE_V1 } from './key-id.ts';
import { formatNote, MAX_NOTE_SIGNATURES, noteTextProblem, type NoteSignature, type SignedNote } from './signed-note.ts';
import { TranslogError } from './translog-error.ts';

/**
 * Port: a key that signs note text (e.g. `Ed25519SigningKey`, or an HSM adapter).
 *
 * `sign(text)` MUST return the signature bytes (without the key ID) over exactly the given
 * UTF-8 text, for signature type `type`, by the key identified by (`name`, `keyId`). It MUST
 * NOT return a cosignature (type 0x04): those sign a different message, see `cosignCheckpoint`.
 */
export interface NoteSigner {
  readonly name: string;
  readonly keyId: number;
  readonly type: number;
  sign(text: Uint8Array): Uint8Array;
}

const utf8 = new TextEncoder();

/**
 * Signs note text (or adds signatures to an existing note) and returns the formatted note.
 * Existing signatures by the same (name, keyId) as a signer are replaced; others are kept,
 * first, then the new ones in signer order. Throws `TranslogError` for text that cannot be a
 * note (it MUST end with a newline; no control characters), a cosignature key, or more than
 * MAX_NOTE_SIGNATURES signatures.
 */
export function signNote(note: string | SignedNote, signers: readonly NoteSigner[]): string {
  const text = typeof note === 'string' ? note : note.text;
  const existing = typeof note === 'string' ? [] : note.signatures;
  const problem = noteTextProblem(text);
  if (problem) throw new TranslogError('note:bad-text', problem);
  const textBytes = utf8.encode(text);
  const fresh: NoteSignature[] = signers.map((signer) => {
    if (signer.type === SIGNATURE_TYPE_COSIGNATURE_V1) {
      throw new TranslogError('key:wrong-type', 'cosignature keys sign checkpoints with cosignCheckpoint', {
        key: `${signer.name}+${formatKeyId(signer.keyId)}`,
      });
    }
    return { name: signer.name, keyId: signer.keyId, signature: signer.sign(textBytes) };
  });
  const kept = existing.filter((s) => !signers.some((g) => g.name === s.name && g.keyId === s.keyId));
  const signatures = [...kept, ...fresh];
  if (signatures.length > MAX_NOTE_SIGNATURES) {
    throw new TranslogError('note:too-many-signatures', 'too many signatures', { count: signatures.length });
  }
  return formatNote({ text, signatures });
}
