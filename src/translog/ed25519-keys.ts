import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { TranslogError } from './translog-error.ts';

/** Bytes in an Ed25519 seed (private key), public key, and signature (RFC 8032). */
export const ED25519_SEED_SIZE = 32;
export const ED25519_PUBLIC_KEY_SIZE = 32;
export const ED25519_SIGNATURE_SIZE = 64;

// node:crypto imports Ed25519 keys only as DER. For Ed25519 the DER is a fixed header followed
// by the 32 raw bytes (RFC 8410 §7 PKCS#8 and §4 SubjectPublicKeyInfo, OID 1.3.101.112).
const PKCS8_HEADER = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_HEADER = Buffer.from('302a300506032b6570032100', 'hex');

function assertSize(what: string, bytes: Uint8Array, size: number): void {
  if (bytes.length !== size) throw new TranslogError('key:bad-length', `${what} must be ${size} bytes`, { length: bytes.length });
}

/** A node:crypto private KeyObject for a raw 32-byte Ed25519 seed. Throws on a wrong length. */
export function ed25519PrivateKey(seed: Uint8Array): KeyObject {
  assertSize('an Ed25519 seed', seed, ED25519_SEED_SIZE);
  return createPrivateKey({ key: Buffer.concat([PKCS8_HEADER, seed]), format: 'der', type: 'pkcs8' });
}

/**
 * A node:crypto public KeyObject for a raw 32-byte Ed25519 public key. Throws `TranslogError`
 * on a wrong length; any 32 bytes import (a non-point simply never verifies).
 */
export function ed25519PublicKey(publicKey: Uint8Array): KeyObject {
  assertSize('an Ed25519 public key', publicKey, ED25519_PUBLIC_KEY_SIZE);
  return createPublicKey({ key: Buffer.concat([SPKI_HEADER, publicKey]), format: 'der', type: 'spki' });
}

/** The raw 32-byte public key of a private or public Ed25519 KeyObject (last 32 bytes of its SPKI DER). */
export function ed25519RawPublicKey(key: KeyObject): Uint8Array {
  const spki = (key.type === 'private' ? createPublicKey(key) : key).export({ format: 'der', type: 'spki' });
  return new Uint8Array(spki.subarray(spki.length - ED25519_PUBLIC_KEY_SIZE));
}

/** Ed25519 signature (RFC 8032, pure, deterministic) of `message`: 64 bytes. */
export function ed25519Sign(privateKey: KeyObject, message: Uint8Array): Uint8Array {
  return new Uint8Array(sign(null, message, privateKey));
}

/** Whether `signature` is a valid Ed25519 signature of `message`. Never throws for bad input. */
export function ed25519Verify(publicKey: KeyObject, message: Uint8Array, signature: Uint8Array): boolean {
  if (signature.length !== ED25519_SIGNATURE_SIZE) return false;
  try {
    return verify(null, message, publicKey, signature);
  } catch {
    return false;
  }
}
