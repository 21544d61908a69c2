import { failure, type Result } from './result.ts';
import { TILE_WIDTH } from './tile-coordinates.ts';
import { TranslogError } from './translog-error.ts';

/** Largest entry an entry bundle can carry: its length is a big-endian uint16 (tlog-tiles). */
export const MAX_ENTRY_SIZE = 0xffff;

/** Why an entry bundle was rejected: the only code is `entry-bundle:malformed`. */
export type EntryBundleFailureReason = 'entry-bundle:malformed';

/**
 * Encodes 1..256 entries as a tlog-tiles entry bundle: each entry as a big-endian uint16
 * length followed by its bytes. Throws `TranslogError` for an entry over 65,535 bytes or a
 * count outside 1..256 (a log MUST refuse such entries before sequencing them).
 */
export function encodeEntryBundle(entries: readonly Uint8Array[]): Uint8Array {
  if (entries.length < 1 || entries.length > TILE_WIDTH) {
    throw new TranslogError('entry-bundle:bad-width', 'an entry bundle holds 1..256 entries', { count: entries.length });
  }
  let total = 0;
  for (const [i, e] of entries.entries()) {
    if (e.length > MAX_ENTRY_SIZE) {
      throw new TranslogError('entry-bundle:entry-too-large', 'entries are limited to 65535 bytes', { at: i, length: e.length });
    }
    total += 2 + e.length;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const e of entries) {
    out[at] = e.length >>> 8;
    out[at + 1] = e.length & 0xff;
    out.set(e, at + 2);
    at += 2 + e.length;
  }
  return out;
}

/**
 * Decodes a fetched entry bundle into copies of its entries. `width`, when given (from the
 * path: 256 or the W of `.p/<W>`), is the exact number of entries required. Rejects a
 * truncated length or body, trailing bytes, and more than 256 entries.
 */
export function decodeEntryBundle(bytes: Uint8Array, width?: number): Result<{ entries: Uint8Array[] }, EntryBundleFailureReason> {
  const entries: Uint8Array[] = [];
  let at = 0;
  while (at < bytes.length) {
    if (entries.length === TILE_WIDTH) return failure('entry-bundle:malformed', 'more than 256 entries in a bundle');
    if (at + 2 > bytes.length) return failure('entry-bundle:malformed', `truncated length prefix at byte ${at}`);
    const length = (bytes[at] << 8) | bytes[at + 1];
    if (at + 2 + length > bytes.length) return failure('entry-bundle:malformed', `entry ${entries.length} is truncated`);
    entries.push(bytes.slice(at + 2, at + 2 + length));
    at += 2 + length;
  }
  if (width !== undefined && entries.length !== width) {
    return failure('entry-bundle:malformed', `expected ${width} entries, found ${entries.length}`);
  }
  return { ok: true, entries };
}
