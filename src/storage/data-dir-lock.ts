/**
 * The data-folder lock. PGlite does not lock its data folder, and two processes writing the same
 * PGlite files corrupt them, so Mitra holds `mitra.lock` (containing its pid) for as long as it
 * uses the folder and refuses to start when another live process holds it.
 */
import { mkdirSync, openSync, readFileSync, unlinkSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';

/** The lock file's name inside the data folder. */
export const LOCK_FILE_NAME = 'mitra.lock';

/** How many times a stale lock is removed and creation retried before giving up. */
const MAX_TAKEOVER_ATTEMPTS = 3;

/**
 * Thrown when another live process holds the data folder. Its message is one line an operator
 * can act on; `pid` and `dataDir` are the evidence.
 */
export class DataDirLockedError extends Error {
  override readonly name = 'DataDirLockedError';
  constructor(readonly pid: number, readonly dataDir: string) {
    super(
      `Another Mitra process (pid ${pid}) is already using the data folder ${dataDir}. ` +
        'Stop it first, or set DATA_DIR to another folder.',
    );
  }
}

/** A held lock. `release` is idempotent and removes the file only while it is still ours. */
export interface DataDirLock {
  release(): Promise<void>;
}

/** True when a process with this pid exists (EPERM means it exists but is not ours). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPid(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the lock on `dataDir` (created when missing). Exclusive create (`wx`) makes two
 * processes starting together race safely: exactly one creates the file. A lock whose pid is
 * dead (or unreadable) is stale and taken over. The lock is also dropped on process exit.
 *
 * @throws DataDirLockedError when a live process — including this one — holds it.
 */
export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE_NAME);
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readPid(path);
      if (holder !== undefined && isAlive(holder)) throw new DataDirLockedError(holder, dataDir);
      if (attempt >= MAX_TAKEOVER_ATTEMPTS) throw error;
      // Stale: its process is gone. Remove it and race for the exclusive create again.
      try {
        unlinkSync(path);
      } catch {
        /* another process removed it first; the exclusive create decides */
      }
    }
  }

  let released = false;
  const releaseSync = (): void => {
    if (released) return;
    released = true;
    process.off('exit', releaseSync);
    if (readPid(path) === process.pid) {
      try {
        unlinkSync(path);
      } catch {
        /* already gone */
      }
    }
  };
  process.on('exit', releaseSync);
  return { release: async () => releaseSync() };
}
