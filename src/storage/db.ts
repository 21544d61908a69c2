/**
 * The storage contract: the one narrow interface every data-layer module talks to. Two drivers
 * implement it — embedded PGlite (`open-pglite.ts`) and PostgreSQL through `pg.Pool`
 * (`open-postgres.ts`) — and the same SQL runs on both (DESIGN.md "Storage").
 */

/** The result of one statement. `rows` are plain objects keyed by column name. */
export interface QueryResult<R> {
  rows: R[];
  /** Rows returned or affected by the statement. */
  rowCount: number;
}

/**
 * Anything that runs SQL: the database itself or an open transaction.
 *
 * Contract for both drivers, so code above never needs to know which one it runs on:
 * - Parameters are `$1, $2, …`. JS arrays bind to PostgreSQL arrays; pass JSON as a string and
 *   cast (`$1::jsonb`), and bytes as a `Uint8Array`/`Buffer`.
 * - `int8`/`bigserial` columns come back as JS numbers (bounded by 2^53, far above any count we
 *   keep), `timestamptz` as `Date`, `jsonb` parsed, `bytea` as a `Uint8Array` (a `Buffer` on
 *   PostgreSQL).
 * - With no `params`, `sql` MAY hold several statements separated by `;` (migrations need
 *   this); the result is that of the last statement.
 */
export interface Queryable {
  query<R = any>(sql: string, params?: unknown[]): Promise<QueryResult<R>>;
}

/** Which engine is underneath; for health output and the rare driver-specific decision. */
export type DatabaseDriver = 'pglite' | 'postgres';

/** An open database. */
export interface Db extends Queryable {
  readonly driver: DatabaseDriver;
  /**
   * Runs `fn` inside one transaction (READ COMMITTED) on one connection: commit when it
   * resolves, roll back when it throws (the error is re-thrown). Inside `fn`, use only `tx`:
   * on PGlite a call to the outer `Db` would wait for the transaction to end, i.e. forever.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Closes connections and releases the data-folder lock. Idempotent. */
  close(): Promise<void>;
}
