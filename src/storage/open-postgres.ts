/**
 * The server driver: PostgreSQL through a `pg.Pool`. Several Mitra processes on several
 * machines share one database this way; their work queues are tables (DESIGN.md "Scale-out").
 */
import pg from 'pg';
import type { Db, Queryable, QueryResult } from './db.ts';
import { quoteIdentifier } from './quote-identifier.ts';

/** Connections per process when not configured: enough for the workers plus HTTP reads. */
export const DEFAULT_POOL_SIZE = 10;

/** Options of {@link openPostgres}. */
export interface PostgresOptions {
  /** A `postgres://` connection string. */
  url: string;
  /** Use this schema (created when missing) on every connection instead of `public`. */
  schema?: string;
  /** Maximum connections in the pool. */
  poolSize?: number;
}

const INT8_OID = 20;

/**
 * int8 as a JS number, like PGlite does, so both drivers return the same shapes. Our int8
 * values are sequence numbers and counts, far below 2^53.
 */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID && format !== 'binary') return (value: string) => Number(value);
    return (pg.types.getTypeParser as (oid: number, format?: string) => unknown)(oid, format);
  },
} as unknown as pg.CustomTypesConfig;

function shape<R>(result: pg.QueryResult | pg.QueryResult[]): QueryResult<R> {
  // A multi-statement script returns one result per statement; the contract is "the last".
  const last = Array.isArray(result) ? result[result.length - 1] : result;
  const rows = (last?.rows ?? []) as R[];
  return { rows, rowCount: last?.rowCount ?? rows.length };
}

/**
 * Opens a pool. When `schema` is given it is created if missing and every connection starts
 * with `search_path` set to it (a connection-startup option, so no extra round trip).
 * Verifies the connection before returning, so bad configuration fails at start.
 */
export async function openPostgres(options: PostgresOptions): Promise<Db> {
  if (options.schema) {
    const client = new pg.Client({ connectionString: options.url });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(options.schema)}`);
    } finally {
      await client.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? DEFAULT_POOL_SIZE,
    types,
    ...(options.schema ? { options: `-c search_path=${quoteIdentifier(options.schema)},public` } : {}),
  });
  // An idle client's error (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end();
    throw error;
  }

  let closed = false;
  return {
    driver: 'postgres',
    query: async <R>(sql: string, params?: unknown[]) => shape<R>(await pool.query(sql, params as any[])),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const value = await fn({
          query: async <R>(sql: string, params?: unknown[]) => shape<R>(await client.query(sql, params as any[])),
        });
        await client.query('COMMIT');
        client.release();
        return value;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
          client.release();
        } catch {
          client.release(true); // a broken connection: destroy it instead of returning it
        }
        throw error;
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
