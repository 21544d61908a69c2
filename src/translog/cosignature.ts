import type { KeyObject } from 'node:crypto';
import { parseCheckpoint } from './checkpoint.ts';
import { ED25519_SIGNATURE_SIZE, ed25519PublicKey, ed25519Verify } from './ed25519-keys.ts';
import { formatKeyId, isValidKeyName, noteKeyId, SIGNATURE_TYPE_COSIGNATURE_V1 } from './key-id.ts';
import type { NoteVerifier } from './note-verifier.ts';
import { failure, type Result } from './result.ts';
import type { NoteSignature } from './signed-note.ts';
import { TranslogError } from './translog-error.ts';

/** Header line of the cosignature/v1 signed message (tlog-cosignature "Ed25519 signed message"). */
export const COSIGNATURE_V1_HEADER = 'cosignature/v1';
/** Bytes of a cosignature/v1 `timestamped_signature`: u64 timestamp + 64-byte Ed25519 signature. */
export const COSIGNATURE_V1_SIZE = 8 + ED25519_SIGNATURE_SIZE;

/**
 * Why a cosignature was rejected: `cosignature:malformed` (not 72 bytes) or
 * `cosignature:timestamp-out-of-range` (above 2^63 − 1, which the spec forbids, or above
 * 2^53 − 1, which this module cannot represent — 285 million years from now).
 */
export type CosignatureFailureReason = 'cosignature:malformed' | 'cosignature:timestamp-out-of-range';

/**
 * Port: the key of a witness (cosigner). `sign(message)` MUST return the raw 64-byte Ed25519
 * signature over exactly `message`; `type` MUST be 0x04 and `keyId` the tlog-cosignature key ID
 * SHA-256(name || "\n" || 0x04 || public key)[:4]. `Ed25519SigningKey` of type 0x04 is one.
 */
export interface Cosigner {
  readonly name: string;
  readonly keyId: number;
  readonly type: number;
  sign(message: Uint8Array): Uint8Array;
}

const utf8 = new TextEncoder();

/**
 * The message a cosignature/v1 signs: `cosignature/v1\n`, `time <T>\n` (decimal, no leading
 * zeros), then the whole checkpoint note text including extension lines and the final
 * newline, without signature lines (tlog-cosignature "Ed25519 signed message").
 */
export function cosignatureSignedMessage(timestamp: number, checkpointText: string): Uint8Array {
  return utf8.encode(`${COSIGNATURE_V1_HEADER}\ntime ${timestamp}\n${checkpointText}`);
}

/**
 * Splits cosignature bytes (after the key ID) into the POSIX timestamp and the Ed25519
 * signature. Checks sizes only, not the signature. Never throws.
 */
export function parseCosignature(bytes: Uint8Array): Result<{ timestamp: number; signature: Uint8Array }, CosignatureFailureReason> {
  if (bytes.length !== COSIGNATURE_V1_SIZE) {
    return failure('cosignature:malformed', `a cosignature/v1 is ${COSIGNATURE_V1_SIZE} bytes, not ${bytes.length}`);
  }
  // RFC 8446 §3.3 big-endian u64; the spec forbids values above 2^63 − 1.
  const big = new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0);
  if (big > BigInt(Number.MAX_SAFE_INTEGER)) return failure('cosignature:timestamp-out-of-range', `timestamp ${big} is out of range`);
  return { ok: true, timestamp: Number(big), signature: bytes.slice(8) };
}

/**
 * Verifies cosignature/v1 signatures (type 0x04) of one witness key, rebuilding the signed
 * message from the timestamp inside the signature and the note text.
 */
export class CosignatureV1Verifier implements NoteVerifier {
  readonly name: string;
  readonly keyId: number;
  readonly type = SIGNATURE_TYPE_COSIGNATURE_V1;
  readonly publicKey: Uint8Array;
  readonly #key: KeyObject;

  /** `name` MUST be a valid key name and `publicKey` 32 bytes, else `TranslogError`. */
  constructor(name: string, publicKey: Uint8Array) {
    if (!isValidKeyName(name)) throw new TranslogError('key:bad-name', 'invalid key name', { name });
    this.name = name;
    this.publicKey = publicKey.slice();
    this.#key = ed25519PublicKey(this.publicKey);
    this.keyId = noteKeyId(name, SIGNATURE_TYPE_COSIGNATURE_V1, this.publicKey);
  }

  verify(text: Uint8Array, signature: Uint8Array): boolean {
    const parsed = parseCosignature(signature);
    if (!parsed.ok) return false;
    const header = utf8.encode(`${COSIGNATURE_V1_HEADER}\ntime ${parsed.timestamp}\n`);
    const message = new Uint8Array(header.length + text.length);
    message.set(header, 0);
    message.set(text, header.length);
    return ed25519Verify(this.#key, message, parsed.signature);
  }
}

/**
 * Cosigns a checkpoint as a witness at `timestamp` (POSIX seconds, supplied by the caller —
 * this module reads no clock). Returns the signature for a note line. Throws `TranslogError`
 * if `checkpointText` is not a valid checkpoint body, the timestamp is not a positive integer
 * (tlog-witness: the timestamp MUST NOT be zero), or the key is not of type 0x04.
 */
export function cosignCheckpoint(cosigner: Cosigner, checkpointText: string, timestamp: number): NoteSignature {
  if (cosigner.type !== SIGNATURE_TYPE_COSIGNATURE_V1) {
    throw new TranslogError('key:wrong-type', 'cosignatures need a key of type 0x04', {
      key: `${cosigner.name}+${formatKeyId(cosigner.keyId)}`,
    });
  }
  if (!Number.isSafeInteger(timestamp) || timestamp < 1) {
    throw new TranslogError('cosignature:bad-timestamp', 'the timestamp must be a positive integer of seconds', { timestamp });
  }
  const parsed = parseCheckpoint(checkpointText);
  if (!parsed.ok) throw new TranslogError('cosignature:not-a-checkpoint', parsed.detail);
  const signature = cosigner.sign(cosignatureSignedMessage(timestamp, checkpointText));
  const bytes = new Uint8Array(COSIGNATURE_V1_SIZE);
  new DataView(bytes.buffer).setBigUint64(0, BigInt(timestamp));
  bytes.set(signature, 8);
  return { name: cosigner.name, keyId: cosigner.keyId, signature: bytes };
}
