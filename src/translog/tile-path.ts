import { failure, type Result } from './result.ts';
import { MAX_TILE_LEVEL, TILE_WIDTH, type Tile } from './tile-coordinates.ts';
import { TranslogError } from './translog-error.ts';

/**
 * A parsed tlog-tiles resource path: a Merkle tile (`tile/<L>/<N>[.p/<W>]`) or an entry
 * bundle (`tile/entries/<N>[.p/<W>]`). `width` is 256 when there is no `.p/<W>` suffix.
 */
export type TilePath =
  | { readonly kind: 'hashes'; readonly level: number; readonly index: number; readonly width: number }
  | { readonly kind: 'entries'; readonly index: number; readonly width: number };

/** Why a tile path was rejected: the only code is `tile-path:malformed`. */
export type TilePathFailureReason = 'tile-path:malformed';

/**
 * Encodes a tile index as tlog-tiles path elements: zero-padded groups of 3 digits, all but
 * the last prefixed with `x` (1234067 → `x001/x234/067`, 5 → `005`).
 * `index` MUST be an integer in [0, 2^53 − 1].
 */
export function encodeTileIndex(index: number): string {
  if (!Number.isSafeInteger(index) || index < 0) {
    throw new TranslogError('tile:bad-index', 'a tile index must be an integer in [0, 2^53-1]', { index });
  }
  let digits = String(index);
  digits = '0'.repeat((3 - (digits.length % 3)) % 3) + digits;
  const groups: string[] = [];
  for (let i = 0; i < digits.length; i += 3) groups.push(digits.slice(i, i + 3));
  return groups.map((g, i) => (i < groups.length - 1 ? `x${g}` : g)).join('/');
}

function assertWidth(width: number): void {
  if (!Number.isInteger(width) || width < 1 || width > TILE_WIDTH) {
    throw new TranslogError('tile:bad-width', 'a tile width must be 1..256', { width });
  }
}

function suffix(width: number): string {
  return width === TILE_WIDTH ? '' : `.p/${width}`;
}

/** `tile/<L>/<N>[.p/<W>]` for a Merkle tile, relative to the log prefix. Throws on an invalid tile. */
export function formatTilePath(tile: Tile): string {
  if (!Number.isInteger(tile.level) || tile.level < 0 || tile.level > MAX_TILE_LEVEL) {
    throw new TranslogError('tile:bad-level', 'a tile level must be 0..63', { level: tile.level });
  }
  assertWidth(tile.width);
  return `tile/${tile.level}/${encodeTileIndex(tile.index)}${suffix(tile.width)}`;
}

/** `tile/entries/<N>[.p/<W>]` for the entry bundle matching level-0 tile `index`. Throws on an invalid width. */
export function formatEntryBundlePath(bundle: { readonly index: number; readonly width: number }): string {
  assertWidth(bundle.width);
  return `tile/entries/${encodeTileIndex(bundle.index)}${suffix(bundle.width)}`;
}

// tile/ then a level (decimal, no leading zeros) or "entries", then x-prefixed 3-digit groups,
// a final 3-digit group, and an optional .p/<W> with W written without leading zeros.
const TILE_PATH = /^tile\/(entries|0|[1-9][0-9]?)\/((?:x[0-9]{3}\/)*)([0-9]{3})(?:\.p\/([1-9][0-9]{0,2}))?$/;

/**
 * Parses a tlog-tiles path relative to the log prefix (`tile/0/x001/234.p/5`,
 * `tile/entries/067`), for an HTTP router. Strict, so each resource has exactly one URL:
 * level 0..63 and width 1..255 without leading zeros, every index group exactly 3 digits, and
 * no redundant leading `x000` group (`x000/005` is not a spelling of 5). Indices above
 * 2^53 − 1 are rejected. Returns `tile-path:malformed` for anything else; never throws.
 */
export function parseTilePath(path: string): Result<{ tile: TilePath }, TilePathFailureReason> {
  const m = TILE_PATH.exec(path);
  if (!m) return failure('tile-path:malformed', `not a tile path: ${JSON.stringify(path.slice(0, 200))}`);
  const [, levelText, prefixGroups, lastGroup, widthText] = m;
  const groups = prefixGroups === '' ? [] : prefixGroups.slice(0, -1).split('/').map((g) => g.slice(1));
  if (groups.length > 0 && groups[0] === '000') {
    return failure('tile-path:malformed', 'a tile index must not start with a redundant x000 element');
  }
  const digits = groups.join('') + lastGroup;
  if (digits.length > 16 || BigInt(digits) > BigInt(Number.MAX_SAFE_INTEGER)) {
    return failure('tile-path:malformed', 'tile index is too large');
  }
  const index = Number(digits);
  let width = TILE_WIDTH;
  if (widthText !== undefined) {
    width = Number(widthText);
    // tlog-tiles: a partial tile is 1..255 wide; 256 is written as a full tile, without .p/.
    if (width > TILE_WIDTH - 1) return failure('tile-path:malformed', `partial tile width ${width} is not 1..255`);
  }
  if (levelText === 'entries') return { ok: true, tile: { kind: 'entries', index, width } };
  const level = Number(levelText);
  if (level > MAX_TILE_LEVEL) return failure('tile-path:malformed', `tile level ${level} is not 0..63`);
  return { ok: true, tile: { kind: 'hashes', level, index, width } };
}
