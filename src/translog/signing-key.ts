import type { KeyObject } from 'node:crypto';
import { ED25519_SEED_SIZE, ed25519PrivateKey, ed25519RawPublicKey, ed25519Sign } from './ed25519-keys.ts';
import { formatKeyId, isValidKeyName, noteKeyId, SIGNATURE_TYPE_COSIGNATURE_V1, SIGNATURE_TYPE_ED25519, type NoteKeyType } from './key-id.ts';
import { failure, type Result } from './result.ts';
import { encodeBase64 } from './strict-base64.ts';
import { TranslogError } from './translog-error.ts';
import { createNoteVerifier, formatVerifierKey, parseKeyParts, type KeyFailureReason, type ParsedVerifier } from './verifier-key.ts';

const PRIVATE_KEY_PREFIX = 'PRIVATE+KEY+';
const BOTH_TYPES: readonly NoteKeyType[] = [SIGNATURE_TYPE_ED25519, SIGNATURE_TYPE_COSIGNATURE_V1];

/**
 * An Ed25519 private key with its note identity (name, type, key ID). With type 0x01 it is a
 * `NoteSigner` for `signNote`; with type 0x04 it is a `Cosigner` for `cosignCheckpoint`.
 * `sign(message)` is a raw RFC 8032 signature over `message`.
 *
 * Holds the seed only inside a node:crypto KeyObject; it never appears in `evidence`,
 * `toString` or JSON.
 */
export class Ed25519SigningKey {
  readonly name: string;
  readonly type: NoteKeyType;
  readonly keyId: number;
  readonly publicKey: Uint8Array;
  readonly #privateKey: KeyObject;

  /**
   * From a 32-byte seed (e.g. `crypto.randomBytes(32)` in the key-generation command; this
   * module reads no randomness). Throws `TranslogError` for a bad name, type or seed length.
   */
  constructor(name: string, type: NoteKeyType, seed: Uint8Array) {
    if (!isValidKeyName(name)) throw new TranslogError('key:bad-name', 'invalid key name', { name });
    if (type !== SIGNATURE_TYPE_ED25519 && type !== SIGNATURE_TYPE_COSIGNATURE_V1) {
      throw new TranslogError('key:wrong-type', 'supported key types are 0x01 and 0x04', { type });
    }
    this.name = name;
    this.type = type;
    this.#privateKey = ed25519PrivateKey(seed);
    this.publicKey = ed25519RawPublicKey(this.#privateKey);
    this.keyId = noteKeyId(name, type, this.publicKey);
  }

  /** Raw 64-byte Ed25519 signature of `message`. */
  sign(message: Uint8Array): Uint8Array {
    return ed25519Sign(this.#privateKey, message);
  }

  /** The matching verifier key string. */
  verifierKey(): string {
    return formatVerifierKey(this.name, this.type, this.publicKey);
  }

  /** The matching verifier. */
  verifier(): ParsedVerifier {
    return createNoteVerifier(this.name, this.type, this.publicKey);
  }

  toJSON(): { name: string; keyId: string; type: number } {
    return { name: this.name, keyId: formatKeyId(this.keyId), type: this.type };
  }
}

/**
 * Parses a signer key `PRIVATE+KEY+<name>+<hex key ID>+<base64(type || 32-byte seed)>`, the
 * format of golang.org/x/mod/sumdb/note. The key ID MUST match the public key derived from the
 * seed. Types 0x01 and 0x04 unless `accept` narrows them. Never throws.
 */
export function parseSignerKey(
  text: string,
  accept: readonly NoteKeyType[] = BOTH_TYPES,
): Result<{ key: Ed25519SigningKey }, KeyFailureReason> {
  if (!text.startsWith(PRIVATE_KEY_PREFIX)) return failure('key:malformed', 'a signer key starts with PRIVATE+KEY+');
  const parts = parseKeyParts(text.slice(PRIVATE_KEY_PREFIX.length), accept);
  if (!parts.ok) return parts;
  const key = new Ed25519SigningKey(parts.name, parts.type, parts.key);
  if (key.keyId !== parts.keyId) return failure('key:id-mismatch', `key ID ${formatKeyId(parts.keyId)} does not match the key`);
  return { ok: true, key };
}

/** Formats a signer key string from a 32-byte seed. Treat the result as a secret. Throws on bad input. */
export function formatSignerKey(name: string, type: NoteKeyType, seed: Uint8Array): string {
  if (seed.length !== ED25519_SEED_SIZE) throw new TranslogError('key:bad-length', 'an Ed25519 seed is 32 bytes');
  const key = new Ed25519SigningKey(name, type, seed);
  const material = new Uint8Array(1 + seed.length);
  material[0] = type;
  material.set(seed, 1);
  return `${PRIVATE_KEY_PREFIX}${name}+${formatKeyId(key.keyId)}+${encodeBase64(material)}`;
}
