/**
 * The loop every queue worker runs: call `runOnce` again at once while it finds work, otherwise
 * sleep `pollMs` or until `wake()` (a webhook just stored something). Errors are logged and the
 * loop carries on after a pause, so a database restart does not kill the worker.
 */
import { createWakeableSleep } from './wakeable-sleep.ts';

/** The logger shape workers need (pino's methods fit). */
export interface WorkerLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** A logger that drops everything, for tests and callers with no logger. */
export const SILENT_LOG: WorkerLog = { info() {}, warn() {}, error() {} };

/** A running (or stoppable) loop. */
export interface PollLoop {
  /** Starts the loop; a second call while running does nothing. */
  start(): void;
  /** Asks the loop to stop and resolves when the current `runOnce` has finished. */
  stop(): Promise<void>;
  /** Cuts the current sleep short. */
  wake(): void;
}

/**
 * Creates a loop around `runOnce`, which returns how much work it did (0 = idle).
 * `delayMs()` may ask for a longer pause (e.g. the channel's throughput limit).
 */
export function createPollLoop(options: {
  name: string;
  runOnce: () => Promise<number>;
  pollMs: number;
  log: WorkerLog;
  delayMs?: () => number;
}): PollLoop {
  let running = false;
  let done: Promise<void> = Promise.resolve();
  const pauser = createWakeableSleep(() => running);
  const sleep = (ms: number) => pauser.sleep(ms);

  async function loop(): Promise<void> {
    while (running) {
      const pause = options.delayMs?.() ?? 0;
      if (pause > 0) {
        await sleep(pause);
        continue;
      }
      let worked = 0;
      try {
        worked = await options.runOnce();
      } catch (error) {
        options.log.error({ err: error, worker: options.name }, 'worker iteration failed');
      }
      if (worked === 0 && running) await sleep(options.pollMs);
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      done = loop();
    },
    async stop() {
      running = false;
      pauser.wake();
      await done;
    },
    wake: () => pauser.wake(),
  };
}
