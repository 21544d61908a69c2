/**
 * The one exception type of the transparency-log module, thrown only for programmer and
 * infrastructure faults: a broken precondition (an index past the tree size, a 31-byte hash, a
 * key of the wrong type) or an injected port answering something impossible. Untrusted input is
 * never judged by throwing (see `Result`).
 */
export class TranslogError extends Error {
  /** Stable code, `area:problem` (`tree:index-out-of-range`, `port:bad-response`). */
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
