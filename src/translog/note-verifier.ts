import { ed25519PublicKey, ed25519Verify } from './ed25519-keys.ts';
import { isValidKeyName, noteKeyId, SIGNATURE_TYPE_ED25519 } from './key-id.ts';
import { TranslogError } from './translog-error.ts';
import type { KeyObject } from 'node:crypto';

/**
 * Port: a key trusted to sign notes, matched to signature lines by (name, keyId).
 *
 * `verify(text, signature)` gets the exact UTF-8 note text (with its final newline) and the
 * signature bytes after the 4-byte key ID. It MUST return true only for a valid signature by
 * this key over this text under its signature type's rules, and MUST return false — never
 * throw — for any malformed signature. Implementations MUST be deterministic and side-effect
 * free. `type` is the signature type byte (0x01 Ed25519, 0x04 cosignature/v1, …).
 */
export interface NoteVerifier {
  readonly name: string;
  readonly keyId: number;
  readonly type: number;
  verify(text: Uint8Array, signature: Uint8Array): boolean;
}

/**
 * Verifies plain Ed25519 note signatures (signed-note type 0x01): an RFC 8032 signature over
 * the note text. The node:crypto key object is built once, so verifying is one native call.
 */
export class Ed25519NoteVerifier implements NoteVerifier {
  readonly name: string;
  readonly keyId: number;
  readonly type = SIGNATURE_TYPE_ED25519;
  readonly publicKey: Uint8Array;
  readonly #key: KeyObject;

  /** `name` MUST be a valid key name and `publicKey` 32 bytes (else `TranslogError`). The key ID is derived. */
  constructor(name: string, publicKey: Uint8Array) {
    if (!isValidKeyName(name)) throw new TranslogError('key:bad-name', 'invalid key name', { name });
    this.name = name;
    this.publicKey = publicKey.slice();
    this.#key = ed25519PublicKey(this.publicKey);
    this.keyId = noteKeyId(name, SIGNATURE_TYPE_ED25519, this.publicKey);
  }

  verify(text: Uint8Array, signature: Uint8Array): boolean {
    return ed25519Verify(this.#key, text, signature);
  }
}
