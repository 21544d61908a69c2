import { sha256 } from './sha256.ts';

/**
 * RFC 6962 §2.1 / RFC 9162 §2.1.1 leaf hash: SHA-256(0x00 || entry).
 *
 * The 0x00 prefix separates leaves from interior nodes (0x01), so no entry can be passed off
 * as a node (second-preimage protection). `entry` is the raw log entry bytes, any length.
 */
export function leafHash(entry: Uint8Array): Uint8Array {
  // One allocation for the prefixed input; a fresh Uint8Array is already zeroed, so byte 0 is
  // the 0x00 domain separator without writing it.
  const input = new Uint8Array(entry.length + 1);
  input.set(entry, 1);
  return sha256(input);
}
