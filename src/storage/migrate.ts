/**
 * The migration runner. ONE set of SQL files (`migrations/NNNN_name.sql`) serves PGlite and
 * PostgreSQL. Pending files are applied in name order, each recorded in `schema_migrations`,
 * all inside one transaction that first takes a transaction-scoped advisory lock, so several
 * processes starting together apply each migration exactly once and none sees half a schema.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from './db.ts';

/** The folder of SQL migration files shipped with this code. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/** Namespace (first key) of Mitra's two-key advisory locks used for migrations. */
export const MIGRATION_LOCK_CLASS = 7000;

const MIGRATION_FILE = /^\d{4}_[a-z0-9_-]+\.sql$/;

/** One migration file. */
export interface Migration {
  /** The file name without `.sql`, e.g. `0001_init`; the key in `schema_migrations`. */
  version: string;
  sql: string;
}

/** The migrations in `dir`, in the order they apply. */
export function listMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((name) => MIGRATION_FILE.test(name))
    .sort()
    .map((name) => ({ version: name.slice(0, -'.sql'.length), sql: readFileSync(`${dir}/${name}`, 'utf8') }));
}

/**
 * Applies every pending migration. Safe to call on every start and from several processes at
 * once (the lock is per schema). Returns the versions it applied (empty when up to date).
 */
export async function migrate(db: Db, migrations: Migration[] = listMigrations()): Promise<string[]> {
  return db.transaction(async (tx) => {
    // The lock comes before anything else: even CREATE TABLE IF NOT EXISTS races otherwise.
    await tx.query(`SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))`, [MIGRATION_LOCK_CLASS]);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
      [],
    );
    const done = new Set(
      (await tx.query<{ version: string }>(`SELECT version FROM schema_migrations`, [])).rows.map((r) => r.version),
    );
    const applied: string[] = [];
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      await tx.query(migration.sql);
      await tx.query(`INSERT INTO schema_migrations (version) VALUES ($1)`, [migration.version]);
      applied.push(migration.version);
    }
    return applied;
  });
}
