import type { NodeCoordinate } from './perfect-subtrees.ts';
import { assertTreeSizes } from './tree-size-arithmetic.ts';
import { TranslogError } from './translog-error.ts';

/** Tree levels spanned by one tile (C2SP tlog-tiles: a tile is a subtree of height 8). */
export const TILE_HEIGHT = 8;
/** Hashes in a full tile, and entries in a full entry bundle (tlog-tiles: 256, 8,192 bytes). */
export const TILE_WIDTH = 256;
/** Highest tile level a path may name (tlog-tiles: `<L>` is 0..63). */
export const MAX_TILE_LEVEL = 63;

/**
 * A C2SP tlog-tiles tile: `width` hashes (256 full, 1..255 partial) where hash i is the node
 * at tree level 8·level, index 256·index + i: MTH(D[(256n+i)·256^l : (256n+i+1)·256^l]).
 * Entry bundles share index and width with the level-0 tile they hash to.
 */
export interface Tile {
  readonly level: number;
  readonly index: number;
  readonly width: number;
}

/** Where a tile's hashes live in the tree: nodes [begin, end) of tree level `level`. */
export interface TileNodeRange {
  readonly level: number;
  readonly begin: number;
  readonly end: number;
}

/** The node range of `tile` (one query for a storage layer that keeps node hashes). */
export function tileNodeRange(tile: Tile): TileNodeRange {
  const begin = tile.index * TILE_WIDTH;
  return { level: tile.level * TILE_HEIGHT, begin, end: begin + tile.width };
}

/**
 * The partial tiles a tree of `size` leaves has, lowest level first: at level l the tile of
 * width floor(size / 256^l) mod 256, when that is not 0 (tlog-tiles "Partial Tiles"). A log
 * MUST be able to serve these for every size it published a checkpoint for.
 */
export function partialTiles(size: number): Tile[] {
  assertTreeSizes({ size });
  const out: Tile[] = [];
  for (let level = 0, span = 1; span <= size; level++, span *= TILE_WIDTH) {
    const count = Math.floor(size / span);
    const width = count % TILE_WIDTH;
    if (width !== 0) out.push({ level, index: Math.floor(count / TILE_WIDTH), width });
  }
  return out;
}

/**
 * The tiles that are new or wider in the tree of `newSize` leaves than in the tree of
 * `oldSize` leaves, lowest level first, with their widths at `newSize` — what a log must write
 * after integrating entries [oldSize, newSize). Entry bundles to write are the level-0 ones.
 * Preconditions: 0 ≤ oldSize ≤ newSize ≤ 2^53 − 1, else `TranslogError`.
 */
export function changedTiles(oldSize: number, newSize: number): Tile[] {
  assertTreeSizes({ oldSize, newSize });
  if (oldSize > newSize) {
    throw new TranslogError('tree:sizes-out-of-order', 'tiles only grow', { oldSize, newSize });
  }
  const out: Tile[] = [];
  for (let level = 0, span = 1; span <= newSize; level++, span *= TILE_WIDTH) {
    // Number of hashes at tree level 8·level: perfect subtrees of 256^level leaves.
    const before = Math.floor(oldSize / span);
    const after = Math.floor(newSize / span);
    // No new hash at this level means none above it either.
    if (after === before) break;
    const last = Math.floor((after - 1) / TILE_WIDTH);
    for (let index = Math.floor(before / TILE_WIDTH); index <= last; index++) {
      out.push({ level, index, width: Math.min(TILE_WIDTH, after - index * TILE_WIDTH) });
    }
  }
  return out;
}

/**
 * Where the hash of any perfect subtree can be recomputed from tiles: node (level, index) is
 * MTH of hashes [begin, end) of tile (`tileLevel`, `tileIndex`); see `merkleRoot`. The tile
 * must be at least `end` hashes wide. Lets a tile-backed store answer `NodeHashReader`.
 */
export function locateNodeInTile(node: NodeCoordinate): { tileLevel: number; tileIndex: number; begin: number; end: number } {
  assertTreeSizes({ level: node.level, index: node.index });
  const tileLevel = Math.floor(node.level / TILE_HEIGHT);
  const span = 2 ** (node.level - tileLevel * TILE_HEIGHT);
  const first = node.index * span;
  const tileIndex = Math.floor(first / TILE_WIDTH);
  const begin = first - tileIndex * TILE_WIDTH;
  return { tileLevel, tileIndex, begin, end: begin + span };
}
