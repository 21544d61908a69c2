import { HASH_SIZE, sha256 } from './sha256.ts';
import { TranslogError } from './translog-error.ts';

// Reused input buffer: 0x01 || left || right. Safe because sha256() is synchronous and never
// re-enters nodeHash; it saves an allocation on the hottest path (one per interior node).
const scratch = new Uint8Array(1 + 2 * HASH_SIZE);
scratch[0] = 0x01;

/**
 * RFC 6962 §2.1 / RFC 9162 §2.1.1 interior node hash: SHA-256(0x01 || left || right).
 *
 * Both children MUST be 32-byte hashes; anything else is a programmer error and throws
 * `TranslogError` (`hash:bad-length`) rather than hashing something that can never verify.
 */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  if (left.length !== HASH_SIZE || right.length !== HASH_SIZE) {
    throw new TranslogError('hash:bad-length', 'node children must be 32-byte hashes', {
      leftLength: left.length,
      rightLength: right.length,
    });
  }
  scratch.set(left, 1);
  scratch.set(right, 1 + HASH_SIZE);
  return sha256(scratch);
}
