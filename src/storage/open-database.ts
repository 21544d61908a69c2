/**
 * The one entry point the app uses to get a database: PostgreSQL when a URL is configured,
 * otherwise embedded PGlite in the data folder (DESIGN.md "Storage").
 */
import type { Db } from './db.ts';
import { openPglite, IN_MEMORY } from './open-pglite.ts';
import { openPostgres } from './open-postgres.ts';

/** Options of {@link openDatabase}; usually straight from configuration. */
export interface OpenDatabaseOptions {
  /** `DATABASE_URL`. When set, PostgreSQL is used and `dataDir` is ignored. */
  url?: string;
  /** `DATA_DIR` for embedded PGlite; `memory://` or absent for an in-memory database. */
  dataDir?: string;
  /** A schema other than `public` (tests, or several deployments sharing one server). */
  schema?: string;
  /** PostgreSQL pool size. */
  poolSize?: number;
}

/**
 * Opens the configured database. Does NOT migrate: call `migrate(db)` next.
 *
 * @throws DataDirLockedError when another process uses the PGlite data folder; the pg error
 * when PostgreSQL is unreachable.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Db> {
  if (options.url) return openPostgres({ url: options.url, schema: options.schema, poolSize: options.poolSize });
  return openPglite({ dataDir: options.dataDir ?? IN_MEMORY, schema: options.schema });
}
