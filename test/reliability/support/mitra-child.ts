/**
 * `node bin/mitra.js serve` as a child process, the way an operator runs it: configuration from
 * the environment only, the origin read from the banner's `listening  http://…` line (PORT=0
 * lets the system choose). `kill9()` is a crash, `stop()` a graceful SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root (the child's working directory). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** How long start-up (tsx, catalog, database, migrations) may take on this machine. */
export const CHILD_START_TIMEOUT_MS = 30_000;
/** How much of the child's output is kept for failure messages. */
const OUTPUT_TAIL_CHARS = 4000;

/** A running `mitra serve`. */
export interface MitraChild {
  /** e.g. http://127.0.0.1:40123 */
  url: string;
  pid: number;
  /** The child's stdout and stderr so far (the tail), for failure messages. */
  output(): string;
  /** SIGKILL, then resolves when the process is gone. */
  kill9(): Promise<void>;
  /** SIGTERM (graceful shutdown), then resolves on exit with its exit code. */
  stop(): Promise<number | null>;
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Starts `mitra serve` with `env` added to a minimal environment (no demo officers: their
 * password hashing would only slow the starts these tests time); resolves once it listens. */
export function startMitraChild(env: Record<string, string>): Promise<MitraChild> {
  const child = spawn(process.execPath, ['bin/mitra.js', 'serve'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', DEMO_OFFICERS: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return new Promise<MitraChild>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`mitra serve did not start within ${CHILD_START_TIMEOUT_MS} ms:\n${output}`));
    }, CHILD_START_TIMEOUT_MS);
    const onData = () => {
      const match = /listening\s+(http:\/\/\S+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      resolve({
        url: match[1],
        pid: child.pid!,
        output: () => output,
        async kill9() {
          child.kill('SIGKILL');
          await exited(child);
        },
        async stop() {
          child.kill('SIGTERM');
          return exited(child);
        },
      });
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`mitra serve exited (${code ?? signal}) before listening:\n${output}`));
    });
  });
}
