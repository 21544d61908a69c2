/**
 * The embedded driver: PostgreSQL compiled to WASM (`@electric-sql/pglite`), so `npm start`
 * works with no database server. PGlite is ONE connection that serialises everything; this
 * driver adds a queue so that, when several `Db`s share one instance with different schemas
 * (tests), setting `search_path` and running the statement happen as one step.
 */
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Db, Queryable, QueryResult } from './db.ts';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';
import { quoteIdentifier } from './quote-identifier.ts';

/** The `dataDir` value for a database held in memory only (lost on close). */
export const IN_MEMORY = 'memory://';

/** Options of {@link openPglite}. */
export interface PgliteOptions {
  /** A folder on disk (locked with `mitra.lock`), or `memory://`. Default: in memory. */
  dataDir?: string;
  /** Use this schema (created when missing) instead of `public`. */
  schema?: string;
  /**
   * Share an existing instance instead of starting one (tests: one in-memory instance costs
   * seconds and ~750 MB, so a test process starts one and isolates with schemas). A shared
   * instance is NOT closed by `close()`.
   */
  instance?: PGlite;
}

/** Per-instance state shared by every `Db` on it: the queue and the active search_path. */
interface InstanceState {
  tail: Promise<unknown>;
  searchPath: string | undefined;
}
const states = new WeakMap<PGlite, InstanceState>();

function stateOf(instance: PGlite): InstanceState {
  let state = states.get(instance);
  if (!state) {
    state = { tail: Promise.resolve(), searchPath: undefined };
    states.set(instance, state);
  }
  return state;
}

type Runner = Pick<Transaction, 'query' | 'exec'>;

/** Runs one statement (or, without params, a script) and shapes the result per the contract. */
async function run<R>(target: Runner, sql: string, params?: unknown[]): Promise<QueryResult<R>> {
  if (params === undefined) {
    const results = await target.exec(sql);
    const last = results[results.length - 1];
    const rows = (last?.rows ?? []) as R[];
    return { rows, rowCount: last?.affectedRows || rows.length };
  }
  const result = await target.query<R>(sql, params as any[]);
  return { rows: result.rows, rowCount: result.affectedRows || result.rows.length };
}

/**
 * Opens (or shares) a PGlite database. On-disk folders are locked first.
 *
 * @throws DataDirLockedError when another live process uses the folder.
 */
export async function openPglite(options: PgliteOptions = {}): Promise<Db> {
  const dataDir = options.dataDir ?? IN_MEMORY;
  const onDisk = !options.instance && !dataDir.startsWith('memory://');
  let lock: DataDirLock | undefined;
  if (onDisk) lock = await acquireDataDirLock(dataDir);

  let instance: PGlite;
  try {
    instance = options.instance ?? (await PGlite.create(onDisk ? dataDir : undefined));
  } catch (error) {
    await lock?.release();
    throw error;
  }
  const state = stateOf(instance);
  const searchPath = options.schema ? `${quoteIdentifier(options.schema)}, public` : 'public';
  let closed = false;

  /** Queues `work` behind every other operation on the instance, with our search_path set. */
  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = state.tail.then(async () => {
      if (closed) throw new Error('database is closed');
      if (state.searchPath !== searchPath) {
        await instance.exec(`SET search_path TO ${searchPath}`);
        state.searchPath = searchPath;
      }
      return work();
    });
    state.tail = result.catch(() => undefined);
    return result;
  }

  if (options.schema) {
    await exclusive(() => instance.exec(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(options.schema!)}`));
  }

  return {
    driver: 'pglite',
    query: <R>(sql: string, params?: unknown[]) => exclusive(() => run<R>(instance, sql, params)),
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) =>
      exclusive(() =>
        instance.transaction(async (tx) => fn({ query: <R>(sql: string, params?: unknown[]) => run<R>(tx, sql, params) })),
      ),
    async close() {
      if (closed) return;
      await exclusive(async () => undefined).catch(() => undefined);
      closed = true;
      if (!options.instance) await instance.close();
      await lock?.release();
    },
  };
}
