/**
 * The one exception type of the transparency-log module.
 *
 * Thrown only for programmer and infrastructure faults: a caller broke a documented
 * precondition (an index past the tree size, a 31-byte hash, a key of the wrong type), or an
 * injected port answered something impossible (too few hashes, a hash of the wrong length).
 * Untrusted input (proofs, notes, paths, request bodies) is never judged by throwing: those
 * functions return a `Result` value instead (see `result.ts`).
 *
 * `code` is stable and machine-readable (`tree:index-out-of-range`, `port:bad-response`);
 * `evidence` carries the offending values so a log line explains itself.
 */
export class TranslogError extends Error {
  /** Stable code, `area:problem`. Callers MAY switch on it; its text MUST NOT be parsed. */
  readonly code: string;
  /** The values that broke the contract, for logs. MUST NOT contain private key material. */
  readonly evidence: Readonly<Record<string, unknown>>;

  constructor(code: string, message: string, evidence: Readonly<Record<string, unknown>> = {}) {
    super(`${code}: ${message}`);
    this.name = 'TranslogError';
    this.code = code;
    this.evidence = evidence;
  }
}
