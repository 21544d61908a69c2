/**
 * Polling for a condition with a deadline: reliability tests wait for queues to drain, and a
 * drain that never comes must fail the test with what was last seen, not hang it.
 */

/** Poll interval; short, the platform's own workers poll every 20 ms in tests. */
export const WAIT_POLL_MS = 50;

/**
 * Resolves with the first truthy value of `probe`; rejects after `timeoutMs` with `describe()`
 * (the state at the deadline) in the message.
 */
export async function waitUntil<T>(
  probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  timeoutMs: number,
  describe: () => Promise<string> | string = () => '',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms ${await describe()}`);
    await new Promise((r) => setTimeout(r, WAIT_POLL_MS));
  }
}
