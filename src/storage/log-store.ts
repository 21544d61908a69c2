/**
 * The transparency log's storage (issue #6): the queue written in business transactions, the
 * sequencer's batch that integrates queued entries into the tree (entries, C2SP hash tiles and
 * the frontier, in one transaction under an advisory lock, so exactly one process sequences at
 * a time however many run), checkpoints and cosignatures, and the reads behind tiles, entry
 * bundles and proofs. The Merkle math is `src/translog`; this file only stores what it returns.
 */
import { randomBytes, createHash } from 'node:crypto';
import {
  MerkleFrontier, TILE_HEIGHT, TILE_WIDTH, frontierNodes, locateNodeInTile, leafHash, nodeHash,
  commitRecord, encodeLogEntry, type BatchNodeHashReader, type LogEntry, type NodeCoordinate,
} from '../translog/index.ts';

import type { Db, Queryable } from './db.ts';

/** Advisory lock (class, key) of the sequencer: one batch at a time across processes. */
const SEQUENCER_LOCK = [7000, 6] as const;
/** Most queued entries integrated by one batch. */
export const MAX_SEQUENCE_BATCH = 8192;
/** Full tiles kept in memory for proofs (immutable once full), about 16 KB each with their interior nodes. */
const TILE_CACHE_SIZE = 8192;

/** What the caller logs: the event and the record it commits to. */
export interface LogRecord {
  type: LogEntry['type'];
  /** The event time. */
  at: Date;
  /** Public metadata only (department, service, action, a hash of a certificate id…). */
  meta: Record<string, string>;
  /** What the entry is about (an application reference, a certificate id); kept off the log. */
  subject: string;
  /** The record committed to; stored with its salt off the log. */
  record: unknown;
}

/**
 * Queues `record` for the log inside the caller's transaction `q`, so the record and its log
 * entry commit together. Returns the entry bytes' SHA-256 (hex), which finds it again.
 */
export async function enqueueLogEntry(q: Queryable, record: LogRecord): Promise<string> {
  return (await enqueueLogEntries(q, [record]))[0];
}

/**
 * Queues several records in one statement (one round trip however many): what a transaction
 * that stores several applications, or a bulk import, uses. Same contract as
 * {@link enqueueLogEntry}; returns the entries' SHA-256 (hex), in order.
 */
export async function enqueueLogEntries(q: Queryable, records: readonly LogRecord[]): Promise<string[]> {
  if (records.length === 0) return [];
  const salts: Buffer[] = [];
  const entries: Uint8Array[] = [];
  const shas: Buffer[] = [];
  for (const record of records) {
    const salt = randomBytes(16);
    const entry = encodeLogEntry({
      v: 1, type: record.type, time: `${record.at.toISOString().slice(0, 19)}Z`, meta: record.meta, commitment: commitRecord(record.record, salt),
    });
    salts.push(salt);
    entries.push(entry);
    shas.push(createHash('sha256').update(entry).digest());
  }
  const subjects = records.map((r) => r.subject);
  // Salts and queue rows in one statement; WITH ORDINALITY keeps the queue in record order.
  await q.query(
    `WITH salts AS (
       INSERT INTO log_salts (subject, entry_sha256, salt, record)
       SELECT * FROM unnest($1::text[], $2::bytea[], $3::bytea[], $4::jsonb[])
     )
     INSERT INTO log_queue (entry, subject)
     SELECT e.entry, e.subject FROM unnest($5::bytea[], $1::text[]) WITH ORDINALITY AS e(entry, subject, ord) ORDER BY e.ord`,
    [subjects, shas, salts, records.map((r) => JSON.stringify(r.record)), entries],
  );
  return shas.map((b) => b.toString('hex'));
}

/** The tree as the sequencer left it. */
export interface LogState {
  size: number;
  frontier: MerkleFrontier;
}

function frontierFromRow(size: number, bytes: Uint8Array): MerkleFrontier {
  const hashes: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += 32) hashes.push(bytes.subarray(at, at + 32));
  return MerkleFrontier.fromHashes(size, hashes);
}

/** The current tree size and frontier (size 0 before anything was sequenced). */
export async function readLogState(q: Queryable): Promise<LogState> {
  const r = await q.query<{ size: number; frontier: Uint8Array }>('SELECT size, frontier FROM log_state WHERE id = 1');
  if (!r.rows[0]) return { size: 0, frontier: MerkleFrontier.empty() };
  return { size: Number(r.rows[0].size), frontier: frontierFromRow(Number(r.rows[0].size), r.rows[0].frontier) };
}

/** The outcome of one sequencing batch. */
export interface SequenceResult {
  /** Tree size before and after; equal when nothing was queued or another process holds the lock. */
  fromSize: number;
  toSize: number;
  root: Uint8Array;
}

/**
 * Integrates up to `max` queued entries, in queue order: assigns their indexes, writes them,
 * extends the hash tiles, stores the new frontier, and removes them from the queue, all in one
 * transaction. When another process is sequencing, returns at once with nothing done.
 */
export async function sequenceBatch(db: Db, max = MAX_SEQUENCE_BATCH): Promise<SequenceResult | undefined> {
  return db.transaction(async (tx) => {
    const locked = await tx.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1, $2) AS ok', [...SEQUENCER_LOCK]);
    if (!locked.rows[0]?.ok) return undefined;
    const state = await readLogState(tx);
    const queued = await tx.query<{ id: number; entry: Uint8Array; subject: string }>('SELECT id, entry, subject FROM log_queue ORDER BY id LIMIT $1', [max]);
    const fromSize = state.size;
    if (queued.rows.length === 0) return { fromSize, toSize: fromSize, root: state.frontier.root() };
    // Tile rows are tree levels 0, 8, 16…: collect the new hashes of each touched tile.
    const tileAppends = new Map<string, { level: number; index: number; start: number; hashes: Uint8Array[] }>();
    const onNode = (node: NodeCoordinate, hash: Uint8Array) => {
      if (node.level % TILE_HEIGHT !== 0) return;
      const level = node.level / TILE_HEIGHT;
      const index = Math.floor(node.index / TILE_WIDTH);
      const key = `${level}/${index}`;
      let t = tileAppends.get(key);
      if (!t) tileAppends.set(key, (t = { level, index, start: node.index % TILE_WIDTH, hashes: [] }));
      t.hashes.push(hash);
    };
    const indexes: number[] = [];
    const entries: Uint8Array[] = [];
    const subjects: string[] = [];
    for (const row of queued.rows) {
      indexes.push(state.frontier.size);
      entries.push(row.entry);
      subjects.push(row.subject);
      state.frontier.append(leafHash(row.entry), onNode);
    }
    await tx.query('INSERT INTO log_entries (idx, entry, subject) SELECT * FROM unnest($1::bigint[], $2::bytea[], $3::text[])', [indexes, entries, subjects]);
    const touched = [...tileAppends.values()];
    const existing = await tx.query<{ level: number; idx: number; data: Uint8Array }>(
      'SELECT t.level, t.idx, t.data FROM log_tiles t JOIN unnest($1::int[], $2::bigint[]) AS k(level, idx) ON t.level = k.level AND t.idx = k.idx',
      [touched.map((t) => t.level), touched.map((t) => t.index)],
    );
    const before = new Map(existing.rows.map((r) => [`${r.level}/${Number(r.idx)}`, r.data]));
    const levels: number[] = [];
    const tileIdx: number[] = [];
    const widths: number[] = [];
    const datas: Buffer[] = [];
    for (const t of touched) {
      const old = before.get(`${t.level}/${t.index}`) ?? new Uint8Array(0);
      if (old.length / 32 !== t.start) throw new Error(`log tile ${t.level}/${t.index} holds ${old.length / 32} hashes, expected ${t.start}: the tiles and the frontier disagree`);
      const data = Buffer.concat([old, ...t.hashes]);
      levels.push(t.level); tileIdx.push(t.index); widths.push(data.length / 32); datas.push(data);
    }
    await tx.query(
      `INSERT INTO log_tiles (level, idx, width, data) SELECT * FROM unnest($1::int[], $2::bigint[], $3::int[], $4::bytea[])
         ON CONFLICT (level, idx) DO UPDATE SET width = EXCLUDED.width, data = EXCLUDED.data`,
      [levels, tileIdx, widths, datas],
    );
    const frontier = Buffer.concat(state.frontier.hashes());
    await tx.query(
      `INSERT INTO log_state (id, size, frontier) VALUES (1, $1, $2) ON CONFLICT (id) DO UPDATE SET size = EXCLUDED.size, frontier = EXCLUDED.frontier`,
      [state.frontier.size, frontier],
    );
    await tx.query('DELETE FROM log_queue WHERE id = ANY($1::bigint[])', [queued.rows.map((r) => r.id)]);
    return { fromSize, toSize: state.frontier.size, root: state.frontier.root() };
  });
}

/** Entries waiting in the queue. */
export async function logQueueDepth(q: Queryable): Promise<number> {
  const r = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM log_queue');
  return Number(r.rows[0].n);
}

/** The hash tile (level, index) as stored now (its current width), or undefined. */
export async function readTile(q: Queryable, level: number, index: number): Promise<{ width: number; data: Uint8Array } | undefined> {
  const r = await q.query<{ width: number; data: Uint8Array }>('SELECT width, data FROM log_tiles WHERE level = $1 AND idx = $2', [level, index]);
  return r.rows[0] ? { width: Number(r.rows[0].width), data: r.rows[0].data } : undefined;
}

/** Entries [begin, end), in order (fewer when the log is shorter). */
export async function readEntries(q: Queryable, begin: number, end: number): Promise<{ idx: number; entry: Uint8Array; subject: string }[]> {
  const r = await q.query<{ idx: number; entry: Uint8Array; subject: string }>('SELECT idx, entry, subject FROM log_entries WHERE idx >= $1 AND idx < $2 ORDER BY idx', [begin, end]);
  return r.rows.map((row) => ({ idx: Number(row.idx), entry: row.entry, subject: row.subject }));
}

/** The indexes of the entries about `subject`, oldest first. */
export async function entriesAbout(q: Queryable, subject: string): Promise<number[]> {
  const r = await q.query<{ idx: number }>('SELECT idx FROM log_entries WHERE subject = $1 ORDER BY idx', [subject]);
  return r.rows.map((row) => Number(row.idx));
}

/**
 * A node-hash source for proofs backed by the tiles: a node of level l is the Merkle root of
 * 2^(l mod 8) hashes of one tile row. Keep ONE per process and reuse it: full tiles never
 * change, so each is read once and kept (up to TILE_CACHE_SIZE) with all its interior nodes
 * computed, and the newest partial tile of each row is kept until a request needs more of it.
 */
export function createTileHashSource(q: Queryable): BatchNodeHashReader {
  // key `level/index` → the tile's node pyramid: rows[0] = its stored hashes, rows[k] = level k above.
  const full = new Map<string, Uint8Array[][]>();
  // The newest partial tile of each row, as a pyramid of the perfect subtrees it holds.
  const partial = new Map<string, Uint8Array[][]>();
  const split = (data: Uint8Array) => {
    const out: Uint8Array[] = [];
    for (let at = 0; at < data.length; at += 32) out.push(data.subarray(at, at + 32));
    return out;
  };
  const pyramid = (hashes: Uint8Array[]): Uint8Array[][] => {
    const rows = [hashes];
    while (rows[rows.length - 1].length > 1) {
      const below = rows[rows.length - 1];
      const row: Uint8Array[] = [];
      // Pairs only: an odd last hash has no perfect parent (in a partial tile).
      for (let i = 0; i + 1 < below.length; i += 2) row.push(nodeHash(below[i], below[i + 1]));
      rows.push(row);
    }
    return rows;
  };
  // A node is the perfect subtree [begin, end) of a tile row: entry begin/span of pyramid row log2(span).
  const hashFrom = (key: string, begin: number, end: number): Uint8Array | undefined => {
    const rows = full.get(key) ?? partial.get(key);
    if (!rows) return undefined;
    const span = end - begin;
    return rows[Math.log2(span)]?.[begin / span];
  };
  return {
    async nodeHashes(nodes) {
      const places = nodes.map((n) => ({ ...locateNodeInTile(n), key: '' }));
      for (const p of places) p.key = `${p.tileLevel}/${p.tileIndex}`;
      const missing = [...new Set(places.filter((p) => hashFrom(p.key, p.begin, p.end) === undefined).map((p) => p.key))];
      if (missing.length > 0) {
        const keys = missing.map((k) => k.split('/').map(Number));
        const r = await q.query<{ level: number; idx: number; width: number; data: Uint8Array }>(
          'SELECT t.level, t.idx, t.width, t.data FROM log_tiles t JOIN unnest($1::int[], $2::bigint[]) AS k(level, idx) ON t.level = k.level AND t.idx = k.idx',
          [keys.map((k) => k[0]), keys.map((k) => k[1])],
        );
        for (const row of r.rows) {
          const key = `${row.level}/${Number(row.idx)}`;
          const hashes = split(Buffer.from(row.data));
          if (Number(row.width) === TILE_WIDTH) {
            if (full.size >= TILE_CACHE_SIZE) full.delete(full.keys().next().value!);
            full.set(key, pyramid(hashes));
            partial.delete(key);
          } else {
            partial.set(key, pyramid(hashes));
          }
        }
      }
      return places.map((p, i) => {
        const hash = hashFrom(p.key, p.begin, p.end);
        if (!hash) throw new Error(`log node ${nodes[i].level}/${nodes[i].index} is not stored`);
        return hash;
      });
    },
  };
}

/** The frontier nodes of `size`, read from the tiles (to check the stored frontier). */
export async function frontierFromTiles(q: Queryable, size: number): Promise<MerkleFrontier> {
  const hashes = await createTileHashSource(q).nodeHashes(frontierNodes(size));
  return MerkleFrontier.fromHashes(size, [...hashes]);
}

/** A stored checkpoint. */
export interface StoredCheckpoint {
  size: number;
  root: Uint8Array;
  /** The signed note, with the log's signature and any witness cosignatures. */
  note: string;
  createdAt: Date;
}

/** Stores a signed checkpoint (idempotent for the same size and note). */
export async function storeCheckpoint(q: Queryable, size: number, root: Uint8Array, note: string): Promise<void> {
  await q.query('INSERT INTO log_checkpoints (size, root, note) VALUES ($1, $2, $3) ON CONFLICT (size) DO UPDATE SET note = EXCLUDED.note', [size, root, note]);
}

/** The newest checkpoint, or undefined. */
export async function latestCheckpoint(q: Queryable): Promise<StoredCheckpoint | undefined> {
  const r = await q.query<{ size: number; root: Uint8Array; note: string; created_at: Date }>('SELECT size, root, note, created_at FROM log_checkpoints ORDER BY size DESC LIMIT 1');
  const row = r.rows[0];
  return row ? { size: Number(row.size), root: row.root, note: row.note, createdAt: row.created_at } : undefined;
}

/** Every stored checkpoint, oldest first (for audits). */
export async function listCheckpoints(q: Queryable): Promise<StoredCheckpoint[]> {
  const r = await q.query<{ size: number; root: Uint8Array; note: string; created_at: Date }>('SELECT size, root, note, created_at FROM log_checkpoints ORDER BY size');
  return r.rows.map((row) => ({ size: Number(row.size), root: row.root, note: row.note, createdAt: row.created_at }));
}

/** Keeps a witness cosignature as evidence. */
export async function storeCosignature(q: Queryable, c: { witness: string; size: number; root: Uint8Array; timestamp: number; line: string }): Promise<void> {
  await q.query('INSERT INTO log_cosignatures (witness, size, root, timestamp, line) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING', [c.witness, c.size, c.root, c.timestamp, c.line]);
}

/** Every stored cosignature, by witness and size. */
export async function listCosignatures(q: Queryable): Promise<{ witness: string; size: number; root: Uint8Array; timestamp: number; line: string }[]> {
  const r = await q.query<{ witness: string; size: number; root: Uint8Array; timestamp: number; line: string }>('SELECT witness, size, root, timestamp, line FROM log_cosignatures ORDER BY witness, size');
  return r.rows.map((row) => ({ ...row, size: Number(row.size), timestamp: Number(row.timestamp) }));
}

/** The salt and record that open the commitment of the entry whose bytes hash to `entrySha256`; undefined once erased. */
export async function logOpening(q: Queryable, entrySha256: Uint8Array): Promise<{ salt: Uint8Array; record: unknown } | undefined> {
  const r = await q.query('SELECT salt, record FROM log_salts WHERE entry_sha256 = $1 LIMIT 1', [Buffer.from(entrySha256)]);
  if (!r.rows[0]) return undefined;
  const record = r.rows[0].record;
  return { salt: new Uint8Array(r.rows[0].salt), record: typeof record === 'string' ? JSON.parse(record) : record };
}
