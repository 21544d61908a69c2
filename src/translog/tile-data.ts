import { leafHash } from './leaf-hash.ts';
import { failure, type Result } from './result.ts';
import { HASH_SIZE } from './sha256.ts';
import { TILE_WIDTH } from './tile-coordinates.ts';
import { TranslogError } from './translog-error.ts';

/** Why tile bytes were rejected: the only code is `tile:malformed`. */
export type TileDataFailureReason = 'tile:malformed';

/**
 * The bytes served for a tile: its 1..256 hashes concatenated (a full tile is 8,192 bytes).
 * Throws `TranslogError` for a count outside 1..256 or a hash not 32 bytes.
 */
export function encodeTileData(hashes: readonly Uint8Array[]): Uint8Array {
  if (hashes.length < 1 || hashes.length > TILE_WIDTH) {
    throw new TranslogError('tile:bad-width', 'a tile holds 1..256 hashes', { count: hashes.length });
  }
  const out = new Uint8Array(hashes.length * HASH_SIZE);
  hashes.forEach((h, i) => {
    if (h.length !== HASH_SIZE) throw new TranslogError('hash:bad-length', 'tile hashes must be 32 bytes', { at: i });
    out.set(h, i * HASH_SIZE);
  });
  return out;
}

/**
 * The level-0 tile for a run of entries: their RFC 6962 leaf hashes, concatenated. This is the
 * tile whose entry bundle holds `entries` (tlog-tiles: "Each entry in a bundle hashes to the
 * corresponding entry in the corresponding level 0 Merkle Tree tile").
 */
export function levelZeroTileData(entries: readonly Uint8Array[]): Uint8Array {
  return encodeTileData(entries.map(leafHash));
}

/**
 * Splits fetched tile bytes into hashes, checking they are exactly `width` hashes long
 * (`width` from the path: 256, or W of `.p/<W>`). Copies, so the input buffer may be reused.
 */
export function decodeTileData(bytes: Uint8Array, width: number): Result<{ hashes: Uint8Array[] }, TileDataFailureReason> {
  if (!Number.isInteger(width) || width < 1 || width > TILE_WIDTH) {
    throw new TranslogError('tile:bad-width', 'a tile width must be 1..256', { width });
  }
  if (bytes.length !== width * HASH_SIZE) {
    return failure('tile:malformed', `a tile of width ${width} has ${width * HASH_SIZE} bytes, not ${bytes.length}`);
  }
  const hashes: Uint8Array[] = [];
  for (let i = 0; i < width; i++) hashes.push(bytes.slice(i * HASH_SIZE, (i + 1) * HASH_SIZE));
  return { ok: true, hashes };
}
