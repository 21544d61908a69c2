import { CosignatureV1Verifier } from './cosignature.ts';
import { ED25519_PUBLIC_KEY_SIZE } from './ed25519-keys.ts';
import {
  formatKeyId,
  isValidKeyName,
  noteKeyId,
  SIGNATURE_TYPE_COSIGNATURE_V1,
  SIGNATURE_TYPE_ED25519,
  type NoteKeyType,
} from './key-id.ts';
import { Ed25519NoteVerifier } from './note-verifier.ts';
import { failure, type Result } from './result.ts';
import { decodeBase64Strict, encodeBase64 } from './strict-base64.ts';
import { TranslogError } from './translog-error.ts';

/**
 * Why a key string was rejected:
 * - `key:malformed`: not `name+hex8+base64`, a bad name, bad hex or base64, a wrong key length.
 * - `key:unsupported-type`: a signature type this module does not verify (or the caller excluded).
 * - `key:id-mismatch`: the key ID is not the one derived from the name, type and key.
 */
export type KeyFailureReason = 'key:malformed' | 'key:unsupported-type' | 'key:id-mismatch';

/** A verifier built from a vkey: either kind this module supports. */
export type ParsedVerifier = Ed25519NoteVerifier | CosignatureV1Verifier;

const HEX8 = /^[0-9a-f]{8}$/;

/** Splits `text` at its first two `+` (the base64 part may itself contain `+`). */
export function splitKeyString(text: string): [string, string, string] | undefined {
  const a = text.indexOf('+');
  if (a < 0) return undefined;
  const b = text.indexOf('+', a + 1);
  if (b < 0) return undefined;
  return [text.slice(0, a), text.slice(a + 1, b), text.slice(b + 1)];
}

/**
 * Shared checks of vkeys and signer keys: name, lowercase 8-digit hex key ID, base64 of a type
 * byte plus a 32-byte key, type allowed. Returns the pieces; the caller checks the key ID.
 */
export function parseKeyParts(
  text: string,
  accept: readonly NoteKeyType[],
): Result<{ name: string; keyId: number; type: NoteKeyType; key: Uint8Array }, KeyFailureReason> {
  const parts = splitKeyString(text);
  if (!parts) return failure('key:malformed', 'a key is name+keyid+base64');
  const [name, hex, base64] = parts;
  if (!isValidKeyName(name)) return failure('key:malformed', 'invalid key name');
  if (!HEX8.test(hex)) return failure('key:malformed', 'the key ID must be 8 lowercase hex digits');
  const bytes = decodeBase64Strict(base64);
  if (!bytes || bytes.length === 0) return failure('key:malformed', 'the key material is not base64');
  const type = bytes[0];
  if (!accept.includes(type as NoteKeyType)) return failure('key:unsupported-type', `signature type 0x${type.toString(16).padStart(2, '0')} is not accepted here`);
  if (bytes.length !== 1 + ED25519_PUBLIC_KEY_SIZE) return failure('key:malformed', `an Ed25519 key is 32 bytes, not ${bytes.length - 1}`);
  return { ok: true, name, keyId: Number.parseInt(hex, 16), type: type as NoteKeyType, key: bytes.slice(1) };
}

const BOTH_TYPES: readonly NoteKeyType[] = [SIGNATURE_TYPE_ED25519, SIGNATURE_TYPE_COSIGNATURE_V1];

/**
 * A verifier for a public key of the given type: `Ed25519NoteVerifier` for 0x01,
 * `CosignatureV1Verifier` for 0x04. Throws `TranslogError` for a bad name or key length.
 */
export function createNoteVerifier(name: string, type: NoteKeyType, publicKey: Uint8Array): ParsedVerifier {
  return type === SIGNATURE_TYPE_COSIGNATURE_V1 ? new CosignatureV1Verifier(name, publicKey) : new Ed25519NoteVerifier(name, publicKey);
}

/**
 * Parses a verifier key `<name>+<hex key ID>+<base64(type || public key)>` (signed-note
 * "Verifier keys"). Types 0x01 (Ed25519) and 0x04 (cosignature/v1) are supported; pass
 * `accept` to allow only one — e.g. log keys `[0x01]`, witness keys `[0x04]`. The key ID MUST
 * equal the one derived from name, type and key. Never throws.
 */
export function parseVerifierKey(
  text: string,
  accept: readonly NoteKeyType[] = BOTH_TYPES,
): Result<{ verifier: ParsedVerifier }, KeyFailureReason> {
  const parts = parseKeyParts(text, accept);
  if (!parts.ok) return parts;
  const { name, keyId, type, key } = parts;
  if (noteKeyId(name, type, key) !== keyId) return failure('key:id-mismatch', `key ID ${formatKeyId(keyId)} does not match the key`);
  return { ok: true, verifier: createNoteVerifier(name, type, key) };
}

/** Formats a verifier key string. Throws `TranslogError` for an invalid name or key length. */
export function formatVerifierKey(name: string, type: NoteKeyType, publicKey: Uint8Array): string {
  if (!isValidKeyName(name)) throw new TranslogError('key:bad-name', 'invalid key name', { name });
  if (publicKey.length !== ED25519_PUBLIC_KEY_SIZE) throw new TranslogError('key:bad-length', 'an Ed25519 public key is 32 bytes');
  const material = new Uint8Array(1 + publicKey.length);
  material[0] = type;
  material.set(publicKey, 1);
  return `${name}+${formatKeyId(noteKeyId(name, type, publicKey))}+${encodeBase64(material)}`;
}
