/**
 * `mitra log verify`: an audit of the whole transparency log from the database (issue #6). It
 * recomputes the tree from the entries and names exactly what is wrong when something is:
 *
 * - `entry-missing`: an index without an entry (a deleted row);
 * - `entry-modified`: an entry whose hash differs from the hash written into the tiles when it
 *   was sequenced;
 * - `entries-reordered`: two entries whose hashes sit at each other's places in the tiles;
 * - `tile-mismatch`: a stored tile that differs from the one recomputed from the entries;
 * - `checkpoint-signature`: a stored checkpoint whose signature does not verify with the log key;
 * - `checkpoint-fork`: a validly signed checkpoint whose root is not the root of the entries at
 *   its size (the log showed someone a different history);
 * - `witness-equivocation`: a witness that cosigned two different trees of the same size;
 * - `state-mismatch`: the sequencer's stored frontier disagrees with the entries.
 *
 * Reads the entries in chunks, so memory stays flat for millions of entries.
 */
import {
  MerkleFrontier, TILE_HEIGHT, TILE_WIDTH, hashesEqual, leafHash, openCheckpoint, type NodeCoordinate, type NoteVerifier,
} from '../translog/index.ts';
import { listCheckpoints, listCosignatures, readEntries, readLogState, type Queryable } from '../storage/index.ts';

/** Entries read per query. */
const CHUNK = 20_000;

/** One problem found, with a stable `kind` and a sentence naming the evidence. */
export interface AuditProblem {
  kind: 'entry-missing' | 'entry-modified' | 'entries-reordered' | 'tile-mismatch' | 'checkpoint-signature' | 'checkpoint-fork' | 'witness-equivocation' | 'state-mismatch';
  message: string;
}

/** The audit's result. */
export interface AuditReport {
  entries: number;
  checkpoints: number;
  problems: AuditProblem[];
  /** The root of all entries, recomputed. */
  root: Uint8Array;
}

/** Options: the log's identity and a progress callback (done, total). */
export interface AuditOptions {
  origin: string;
  logVerifiers: readonly NoteVerifier[];
  onProgress?: (done: number, total: number) => void;
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex').slice(0, 16);

/** Audits the log in `db`; never throws for tampered data (it reports it). */
export async function auditLog(db: Queryable, options: AuditOptions): Promise<AuditReport> {
  const problems: AuditProblem[] = [];
  const state = await readLogState(db);
  const checkpoints = await listCheckpoints(db);
  const maxIdx = await db.query<{ n: number | null; c: number }>('SELECT max(idx) AS n, count(*)::int AS c FROM log_entries');
  const stored = Number(maxIdx.rows[0].n ?? -1) + 1;
  const total = Math.max(state.size, stored, checkpoints.at(-1)?.size ?? 0);
  const bySize = new Map(checkpoints.map((c) => [c.size, c]));

  // Checkpoint signatures first: a checkpoint is only evidence if the log key signed it.
  const trusted = new Set<number>();
  for (const c of checkpoints) {
    const opened = openCheckpoint(c.note, { origin: options.origin, verifiers: options.logVerifiers });
    if (!opened.ok) problems.push({ kind: 'checkpoint-signature', message: `checkpoint of size ${c.size}: ${opened.detail}` });
    else if (opened.checkpoint.size !== c.size || !hashesEqual(opened.checkpoint.rootHash, c.root)) {
      problems.push({ kind: 'checkpoint-signature', message: `checkpoint row of size ${c.size} does not match its signed note (size ${opened.checkpoint.size})` });
    } else trusted.add(c.size);
  }

  const frontier = MerkleFrontier.empty();
  // Tile rows recomputed for the current chunk's tiles: key `level/index` → hashes.
  const tiles = new Map<string, Uint8Array[]>();
  const onNode = (node: NodeCoordinate, hash: Uint8Array) => {
    if (node.level % TILE_HEIGHT !== 0) return;
    const key = `${node.level / TILE_HEIGHT}/${Math.floor(node.index / TILE_WIDTH)}`;
    let row = tiles.get(key);
    if (!row) tiles.set(key, (row = []));
    row[node.index % TILE_WIDTH] = hash;
  };
  let missingReported = 0;
  for (let begin = 0; begin < total; begin += CHUNK) {
    const end = Math.min(total, begin + CHUNK);
    const rows = await readEntries(db, begin, end);
    const storedTiles = await readTileRange(db, begin, end);
    let at = begin;
    const leaves: Uint8Array[] = [];
    for (const row of rows) {
      while (at < row.idx) {
        if (missingReported++ < 10) problems.push({ kind: 'entry-missing', message: `entry ${at} is missing (deleted from the log)` });
        at++;
      }
      leaves[row.idx - begin] = leafHash(row.entry);
      at = row.idx + 1;
    }
    while (at < end) {
      if (missingReported++ < 10) problems.push({ kind: 'entry-missing', message: `entry ${at} is missing (deleted from the log)` });
      at++;
    }
    // Level-0 tile hashes are the leaf hashes written at sequencing time: compare one by one.
    for (let i = begin; i < end; i++) {
      const leaf = leaves[i - begin];
      const written = storedTiles.get(i);
      if (!leaf || !written || hashesEqual(leaf, written)) continue;
      const swapWith = findSwap(leaves, storedTiles, begin, i);
      if (swapWith !== undefined && swapWith > i) problems.push({ kind: 'entries-reordered', message: `entries ${i} and ${swapWith} are out of order (each has the other's hash in the tiles)` });
      else if (swapWith === undefined) problems.push({ kind: 'entry-modified', message: `entry ${i} was modified: its hash ${hex(leaf)}… is not the ${hex(written)}… written when it was sequenced` });
    }
    for (let i = begin; i < end; i++) {
      // A missing entry cannot be hashed: continue with the tile's hash so later checks still work.
      const leaf = leaves[i - begin] ?? storedTiles.get(i);
      if (!leaf) continue;
      frontier.append(leaf, onNode);
      const c = bySize.get(frontier.size);
      if (c && trusted.has(c.size) && !hashesEqual(frontier.root(), c.root)) {
        problems.push({ kind: 'checkpoint-fork', message: `checkpoint of size ${c.size} is signed for root ${hex(c.root)}…, but the entries give ${hex(frontier.root())}…: a forked or rewritten history` });
      }
    }
    await compareHigherTiles(db, tiles, problems);
    options.onProgress?.(end, total);
  }
  if (state.size !== frontier.size || !hashesEqual(state.frontier.root(), frontier.root())) {
    problems.push({ kind: 'state-mismatch', message: `the sequencer state says size ${state.size} root ${hex(state.frontier.root())}…, the entries give size ${frontier.size} root ${hex(frontier.root())}…` });
  }
  const cosignatures = await listCosignatures(db);
  const seen = new Map<string, Uint8Array>();
  for (const c of cosignatures) {
    const key = `${c.witness}@${c.size}`;
    const other = seen.get(key);
    if (other && !hashesEqual(other, c.root)) {
      problems.push({ kind: 'witness-equivocation', message: `witness ${c.witness} cosigned two different trees of size ${c.size} (${hex(other)}… and ${hex(c.root)}…)` });
    } else seen.set(key, c.root);
  }
  return { entries: frontier.size, checkpoints: checkpoints.length, problems, root: frontier.root() };
}

/** Level-0 tile hashes for entries [begin, end), by entry index. */
async function readTileRange(db: Queryable, begin: number, end: number): Promise<Map<number, Uint8Array>> {
  const r = await db.query<{ idx: number; data: Uint8Array }>('SELECT idx, data FROM log_tiles WHERE level = 0 AND idx >= $1 AND idx <= $2', [Math.floor(begin / TILE_WIDTH), Math.floor((end - 1) / TILE_WIDTH)]);
  const out = new Map<number, Uint8Array>();
  for (const row of r.rows) {
    const base = Number(row.idx) * TILE_WIDTH;
    for (let k = 0; k * 32 < row.data.length; k++) {
      const i = base + k;
      if (i >= begin && i < end) out.set(i, row.data.subarray(k * 32, k * 32 + 32));
    }
  }
  return out;
}

/** The index j near i such that entries i and j swapped places, or undefined. */
function findSwap(leaves: Uint8Array[], written: Map<number, Uint8Array>, begin: number, i: number): number | undefined {
  const mine = leaves[i - begin];
  const wanted = written.get(i);
  for (let j = begin; j < begin + leaves.length; j++) {
    if (j === i) continue;
    const other = leaves[j - begin];
    const there = written.get(j);
    if (other && there && wanted && hashesEqual(other, wanted) && hashesEqual(mine, there)) return j;
  }
  return undefined;
}

/** Compares completed higher-level tile rows with the stored ones, then forgets them. */
async function compareHigherTiles(db: Queryable, tiles: Map<string, Uint8Array[]>, problems: AuditProblem[]): Promise<void> {
  const keys = [...tiles.keys()];
  if (keys.length === 0) return;
  const parts = keys.map((k) => k.split('/').map(Number));
  const r = await db.query<{ level: number; idx: number; data: Uint8Array }>(
    'SELECT t.level, t.idx, t.data FROM log_tiles t JOIN unnest($1::int[], $2::bigint[]) AS k(level, idx) ON t.level = k.level AND t.idx = k.idx',
    [parts.map((p) => p[0]), parts.map((p) => p[1])],
  );
  const storedRows = new Map(r.rows.map((row) => [`${row.level}/${Number(row.idx)}`, row.data]));
  for (const [key, hashes] of tiles) {
    const level = Number(key.split('/')[0]);
    if (level === 0) { tiles.delete(key); continue; }
    const data = storedRows.get(key);
    for (let k = 0; k < hashes.length; k++) {
      const h = hashes[k];
      if (!h) continue;
      const s = data?.subarray(k * 32, k * 32 + 32);
      if (!s || s.length < 32 || !hashesEqual(s, h)) {
        problems.push({ kind: 'tile-mismatch', message: `tile ${key} hash ${k} differs from the entries` });
        break;
      }
    }
    // Full rows never change again; partial ones are compared again next chunk.
    if (hashes.length === TILE_WIDTH && hashes.every(Boolean)) tiles.delete(key);
  }
}
