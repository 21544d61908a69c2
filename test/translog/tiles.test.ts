// C2SP tlog-tiles: coordinates, paths (format and strict parse), tile and bundle bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  changedTiles,
  decodeEntryBundle,
  decodeTileData,
  encodeEntryBundle,
  encodeTileData,
  encodeTileIndex,
  formatEntryBundlePath,
  formatTilePath,
  leafHash,
  levelZeroTileData,
  locateNodeInTile,
  merkleRoot,
  MerkleFrontier,
  parseTilePath,
  partialTiles,
  tileNodeRange,
  TranslogError,
  type Tile,
} from '../../src/translog/index.ts';

test('index encoding: 3-digit groups, x on all but the last (tlog-tiles example 1234067)', () => {
  assert.equal(encodeTileIndex(1234067), 'x001/x234/067');
  assert.equal(encodeTileIndex(0), '000');
  assert.equal(encodeTileIndex(5), '005');
  assert.equal(encodeTileIndex(999), '999');
  assert.equal(encodeTileIndex(1000), 'x001/000');
  assert.equal(encodeTileIndex(Number.MAX_SAFE_INTEGER), 'x009/x007/x199/x254/x740/991');
  assert.throws(() => encodeTileIndex(-1), TranslogError);
  assert.throws(() => encodeTileIndex(1.5), TranslogError);
});

test('paths of tiles and entry bundles', () => {
  assert.equal(formatTilePath({ level: 0, index: 1234067, width: 256 }), 'tile/0/x001/x234/067');
  assert.equal(formatTilePath({ level: 2, index: 0, width: 1 }), 'tile/2/000.p/1');
  assert.equal(formatEntryBundlePath({ index: 273, width: 112 }), 'tile/entries/273.p/112');
  assert.throws(() => formatTilePath({ level: 64, index: 0, width: 256 }), TranslogError);
  assert.throws(() => formatTilePath({ level: 0, index: 0, width: 0 }), TranslogError);
  assert.throws(() => formatEntryBundlePath({ index: 0, width: 257 }), TranslogError);
});

test('parse accepts exactly the canonical paths and round-trips them', () => {
  const good: Array<[string, unknown]> = [
    ['tile/0/000', { kind: 'hashes', level: 0, index: 0, width: 256 }],
    ['tile/0/x001/x234/067', { kind: 'hashes', level: 0, index: 1234067, width: 256 }],
    ['tile/63/999.p/255', { kind: 'hashes', level: 63, index: 999, width: 255 }],
    ['tile/1/x001/000.p/1', { kind: 'hashes', level: 1, index: 1000, width: 1 }],
    ['tile/entries/x001/x234/067.p/7', { kind: 'entries', index: 1234067, width: 7 }],
    ['tile/entries/000', { kind: 'entries', index: 0, width: 256 }],
  ];
  for (const [path, tile] of good) {
    const r = parseTilePath(path);
    assert.ok(r.ok, path);
    assert.deepEqual(r.tile, tile, path);
    const back = r.tile.kind === 'entries' ? formatEntryBundlePath(r.tile) : formatTilePath(r.tile);
    assert.equal(back, path);
  }
});

test('parse rejects every malformed path', () => {
  const bad = [
    '', 'tile', 'tile/', 'tile/0', 'tile/0/', '/tile/0/000', 'tile/0/000/',
    'tile/00/000', // level with a leading zero
    'tile/01/000',
    'tile/64/000', // level above 63
    'tile/100/000',
    'tile/-1/000',
    'tile/a/000',
    'tile/0/00', 'tile/0/0000', 'tile/0/1', // index groups are exactly 3 digits
    'tile/0/x1/000',
    'tile/0/001/002', // all but the last group need the x
    'tile/0/x001', // the last group has no x
    'tile/0/x000/005', // redundant leading group
    'tile/0/X001/000',
    'tile/0/000.p/0', // width 1..255
    'tile/0/000.p/256',
    'tile/0/000.p/007', // width without leading zeros
    'tile/0/000.p/',
    'tile/0/000.p',
    'tile/0/000.P/5',
    'tile/0/000.p/5/',
    'tile/0/000 ',
    'tile/entry/000',
    'tile/entries/000.p/0',
    'tile/entries/x000/000',
    'tile/0/x009/x007/x199/x254/x740/992', // 2^53: beyond what this module indexes
    'tile/0/x999/x999/x999/x999/x999/x999/999',
    'tile/0/\u0661\u0662\u0663', // non-ASCII digits
  ];
  for (const path of bad) {
    const r = parseTilePath(path);
    assert.ok(!r.ok, `accepted ${JSON.stringify(path)}`);
    assert.equal(r.reason, 'tile-path:malformed');
  }
});

test('partial tiles: the tlog-tiles examples (size 70,000 and 256)', () => {
  assert.deepEqual(partialTiles(70000), [
    { level: 0, index: 273, width: 112 },
    { level: 1, index: 1, width: 17 },
    { level: 2, index: 0, width: 1 },
  ]);
  assert.deepEqual(partialTiles(256), [{ level: 1, index: 0, width: 1 }]);
  assert.deepEqual(partialTiles(0), []);
});

test('changed tiles between sizes', () => {
  assert.deepEqual(changedTiles(0, 0), []);
  assert.deepEqual(changedTiles(5, 5), []);
  assert.deepEqual(changedTiles(0, 3), [{ level: 0, index: 0, width: 3 }]);
  assert.deepEqual(changedTiles(3, 256), [
    { level: 0, index: 0, width: 256 },
    { level: 1, index: 0, width: 1 },
  ]);
  assert.deepEqual(changedTiles(256, 300), [{ level: 0, index: 1, width: 44 }]);
  // 70,000 from scratch: 273 full + 1 partial level-0 tiles, 1 full + 1 partial at level 1, 1 at level 2.
  const all = changedTiles(0, 70000);
  assert.equal(all.filter((t) => t.level === 0).length, 274);
  assert.deepEqual(all.filter((t) => t.level > 0), [
    { level: 1, index: 0, width: 256 },
    { level: 1, index: 1, width: 17 },
    { level: 2, index: 0, width: 1 },
  ]);
  assert.throws(() => changedTiles(10, 9), TranslogError);
});

test('changed tiles agree with a brute-force diff of the tile sets', () => {
  const tilesOf = (size: number) => {
    const set = new Map<string, number>();
    for (let level = 0, span = 1; span <= size; level++, span *= 256) {
      const count = Math.floor(size / span);
      for (let index = 0; index * 256 < count; index++) set.set(`${level}/${index}`, Math.min(256, count - index * 256));
    }
    return set;
  };
  for (const [a, b] of [[0, 1], [1, 2], [255, 256], [256, 257], [65535, 65536], [65536, 65537], [1000, 70000], [70000, 140000]]) {
    const before = tilesOf(a);
    const expected = [...tilesOf(b)].filter(([k, w]) => before.get(k) !== w).map(([k, w]) => `${k}:${w}`).sort();
    const got = changedTiles(a, b).map((t) => `${t.level}/${t.index}:${t.width}`).sort();
    assert.deepEqual(got, expected, `${a} -> ${b}`);
  }
});

test('tiles hold the right hashes, and any node can be recomputed from a tile', () => {
  const size = 70000;
  const hashes = Array.from({ length: size }, (_, i) => leafHash(new Uint8Array([i & 0xff, i >>> 8, i >>> 16])));
  const table = new Map<string, Uint8Array>();
  const frontier = MerkleFrontier.empty();
  for (const h of hashes) frontier.append(h, (n, hash) => table.set(`${n.level}/${n.index}`, hash));
  const tileHashes = (tile: Tile) => {
    const r = tileNodeRange(tile);
    return Array.from({ length: r.end - r.begin }, (_, i) => table.get(`${r.level}/${r.begin + i}`)!);
  };
  // Level-1 tile hash i is MTH of the full level-0 tile i (tlog-tiles "Merkle Tree").
  const level1 = tileHashes({ level: 1, index: 0, width: 256 });
  for (const i of [0, 17, 255]) assert.deepEqual(level1[i], merkleRoot(tileHashes({ level: 0, index: i, width: 256 })));
  // Nodes at levels between tile levels come from hashing inside one tile.
  for (const node of [{ level: 3, index: 100 }, { level: 8, index: 5 }, { level: 11, index: 2 }, { level: 15, index: 0 }, { level: 0, index: 69999 }]) {
    const at = locateNodeInTile(node);
    const data = tileHashes({ level: at.tileLevel, index: at.tileIndex, width: 256 }).filter(Boolean);
    assert.deepEqual(merkleRoot(data, at.begin, at.end), table.get(`${node.level}/${node.index}`), JSON.stringify(node));
  }
});

test('tile bytes: encode, decode, and the level-0 tile of an entry bundle', () => {
  const entries = [new Uint8Array([1, 2, 3]), new Uint8Array(0), new Uint8Array(300).fill(9)];
  const tile = levelZeroTileData(entries);
  assert.equal(tile.length, 3 * 32);
  const decoded = decodeTileData(tile, 3);
  assert.ok(decoded.ok);
  assert.deepEqual(decoded.hashes, entries.map(leafHash));
  assert.deepEqual(encodeTileData(decoded.hashes), tile);
  const wrong = decodeTileData(tile, 4);
  assert.ok(!wrong.ok && wrong.reason === 'tile:malformed');
  assert.ok(!decodeTileData(tile.subarray(1), 3).ok);
  assert.throws(() => encodeTileData([]), TranslogError);
  assert.throws(() => encodeTileData(Array(257).fill(new Uint8Array(32))), TranslogError);
});

test('entry bundles: uint16 length prefixes, strict decoding', () => {
  const entries = [new Uint8Array([1, 2, 3]), new Uint8Array(0), new Uint8Array(65535).fill(7)];
  const bundle = encodeEntryBundle(entries);
  assert.deepEqual([...bundle.subarray(0, 5)], [0, 3, 1, 2, 3]);
  const back = decodeEntryBundle(bundle, 3);
  assert.ok(back.ok);
  assert.deepEqual(back.entries, entries);
  for (const [bytes, width] of [
    [bundle.subarray(0, bundle.length - 1), undefined], // truncated body
    [new Uint8Array([0]), undefined], // truncated length
    [bundle, 2], // wrong count for the path
    [encodeEntryBundle(Array(256).fill(new Uint8Array(0))).slice(0), 255],
    [new Uint8Array(257 * 2), undefined], // 257 empty entries
  ] as const) {
    const r = decodeEntryBundle(bytes, width);
    assert.ok(!r.ok && r.reason === 'entry-bundle:malformed');
  }
  assert.throws(() => encodeEntryBundle([new Uint8Array(65536)]), (e: unknown) => e instanceof TranslogError && e.code === 'entry-bundle:entry-too-large');
  assert.throws(() => encodeEntryBundle([]), TranslogError);
});
