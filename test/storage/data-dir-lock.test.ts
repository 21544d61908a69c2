import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireDataDirLock, DataDirLockedError, LOCK_FILE_NAME } from '../../src/storage/data-dir-lock.ts';

const freshDir = () => mkdtempSync(join(tmpdir(), 'mitra-lock-'));

/** Starts a child process that takes the lock, prints "locked", and waits to be killed. */
async function childHoldingLock(dataDir: string) {
  const moduleUrl = new URL('../../src/storage/data-dir-lock.ts', import.meta.url).href;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e',
    `const { acquireDataDirLock } = await import(${JSON.stringify(moduleUrl)});
     await acquireDataDirLock(${JSON.stringify(dataDir)});
     console.log('locked'); setInterval(() => {}, 1000);`], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('locked') && resolve());
    child.on('exit', (code) => reject(new Error(`child exited ${code}`)));
  });
  return child;
}

describe('data folder lock', () => {
  it('refuses a second process with one clear line, and is taken over once that process is gone', async () => {
    const dir = freshDir();
    const child = await childHoldingLock(dir);
    try {
      await assert.rejects(acquireDataDirLock(dir), (error: unknown) => {
        assert.ok(error instanceof DataDirLockedError);
        assert.equal(error.pid, child.pid);
        assert.equal(error.message,
          `Another Mitra process (pid ${child.pid}) is already using the data folder ${dir}. Stop it first, or set DATA_DIR to another folder.`);
        return true;
      });
    } finally {
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
    }
    // SIGKILL left the file behind with a dead pid: a stale lock.
    assert.equal(readFileSync(join(dir, LOCK_FILE_NAME), 'utf8').trim(), String(child.pid));
    const lock = await acquireDataDirLock(dir);
    assert.equal(readFileSync(join(dir, LOCK_FILE_NAME), 'utf8').trim(), String(process.pid));
    await lock.release();
    assert.equal(existsSync(join(dir, LOCK_FILE_NAME)), false);
  });

  it('refuses a second acquire in the same process and allows it after release', async () => {
    const dir = freshDir();
    const lock = await acquireDataDirLock(dir);
    await assert.rejects(acquireDataDirLock(dir), DataDirLockedError);
    await lock.release();
    await lock.release(); // idempotent
    const again = await acquireDataDirLock(dir);
    await again.release();
  });

  it('treats an unreadable lock file as stale', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, LOCK_FILE_NAME), 'garbage');
    const lock = await acquireDataDirLock(dir);
    await lock.release();
  });
});
