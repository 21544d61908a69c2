import { sha256 } from './sha256.ts';

/** Signature type byte of plain Ed25519 note signatures (C2SP signed-note). */
export const SIGNATURE_TYPE_ED25519 = 0x01;
/** Signature type byte of timestamped Ed25519 checkpoint cosignatures (C2SP tlog-cosignature, cosignature/v1). */
export const SIGNATURE_TYPE_COSIGNATURE_V1 = 0x04;
/** The signature types this module signs and verifies. */
export type NoteKeyType = typeof SIGNATURE_TYPE_ED25519 | typeof SIGNATURE_TYPE_COSIGNATURE_V1;

const utf8 = new TextEncoder();

/**
 * The 32-bit key ID that, with the key name, identifies a key in signature lines:
 * SHA-256(name || 0x0A || type || publicKey)[:4] read big-endian (signed-note "Signatures";
 * tlog-cosignature for type 0x04). Returned as an unsigned number.
 */
export function noteKeyId(name: string, type: number, publicKey: Uint8Array): number {
  const nameBytes = utf8.encode(name);
  const input = new Uint8Array(nameBytes.length + 2 + publicKey.length);
  input.set(nameBytes, 0);
  input[nameBytes.length] = 0x0a;
  input[nameBytes.length + 1] = type;
  input.set(publicKey, nameBytes.length + 2);
  const digest = sha256(input);
  return ((digest[0] << 24) | (digest[1] << 16) | (digest[2] << 8) | digest[3]) >>> 0;
}

/** A key ID as the 8 lowercase hex digits used in key strings (`c74f20a3`). */
export function formatKeyId(keyId: number): string {
  return keyId.toString(16).padStart(8, '0');
}

// Unicode White_Space (what Go's unicode.IsSpace tests), plus the other control characters,
// which a note may not contain anywhere.
const FORBIDDEN_IN_NAME = /[\p{White_Space}\p{Cc}+]/u;
// A UTF-16 surrogate without its partner cannot be encoded as UTF-8.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Whether `name` may be a key name (signed-note "Format"): non-empty, no Unicode spaces, no
 * `+` (U+002B), and — stricter than the spec's wording, but implied by the note rules — no
 * control characters and valid Unicode.
 */
export function isValidKeyName(name: string): boolean {
  return name.length > 0 && !FORBIDDEN_IN_NAME.test(name) && !LONE_SURROGATE.test(name);
}

/** Whether `text` is well-formed UTF-16 (so it has a UTF-8 encoding). */
export function isWellFormedText(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}
