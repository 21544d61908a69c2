/**
 * The database for a one-off operator command (`mitra catalog publish`, `mitra log verify`):
 * PostgreSQL when DATABASE_URL is set, else the embedded database in DATA_DIR, which only one
 * process may own, so the data-folder lock is taken first (a running server makes the command
 * fail with that clear message). Migrated; `close()` releases everything.
 */
import { join, resolve } from 'node:path';
import { acquireDataDirLock, migrate, openDatabase, type Db } from '../storage/index.ts';
import type { Config } from './config.ts';

/** An open, migrated database and how to let go of it. */
export interface CommandDatabase {
  db: Db;
  dataDir: string;
  close(): Promise<void>;
}

/** Opens the configured database for a command; see the file comment. */
export async function openCommandDatabase(config: Config): Promise<CommandDatabase> {
  const dataDir = resolve(config.dataDir);
  const onPglite = !config.databaseUrl;
  const lock = onPglite ? await acquireDataDirLock(dataDir) : undefined;
  try {
    const db = await openDatabase({ url: config.databaseUrl, dataDir: onPglite ? join(dataDir, 'pglite') : undefined });
    await migrate(db);
    return { db, dataDir, close: async () => { await db.close(); await lock?.release(); } };
  } catch (err) {
    await lock?.release();
    throw err;
  }
}
