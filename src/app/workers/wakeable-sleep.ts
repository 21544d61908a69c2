/**
 * A sleep that `wake()` cuts short. A wake that arrives while nothing sleeps is remembered, so
 * the next sleep returns at once and no signal is lost between "found no work" and "sleep".
 */
export interface WakeableSleep {
  /** Sleeps up to `ms`; returns at once when woken since the last sleep or when `isRunning()` is false. */
  sleep(ms: number): Promise<void>;
  wake(): void;
}

/** Creates a sleep for one worker loop; `isRunning` lets a stopping loop skip its sleep. */
export function createWakeableSleep(isRunning: () => boolean): WakeableSleep {
  let wakeUp: (() => void) | undefined;
  let woken = false;
  return {
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        if (woken || !isRunning()) {
          woken = false;
          resolve();
          return;
        }
        const timer = setTimeout(() => {
          wakeUp = undefined;
          resolve();
        }, ms);
        wakeUp = () => {
          clearTimeout(timer);
          wakeUp = undefined;
          resolve();
        };
      }),
    wake() {
      if (wakeUp) wakeUp();
      else woken = true;
    },
  };
}
