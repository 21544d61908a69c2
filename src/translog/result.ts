/**
 * How the transparency-log module reports a judgement on untrusted input.
 *
 * Every parser and verifier of data that crossed a trust boundary (a proof from a log, a note
 * from a witness, a tile path from a URL) returns a `Result`: `{ ok: true, ...value }` when the
 * input is acceptable, or a `Failure` naming a stable `reason` code plus a human `detail`.
 * They never throw for bad input; they throw `TranslogError` only when the caller itself broke
 * a precondition. Reason codes are `area:problem` strings and are part of the public contract.
 */
export interface Failure<R extends string = string> {
  readonly ok: false;
  /** Stable code, e.g. `proof:root-mismatch`. Callers switch on it. */
  readonly reason: R;
  /** One human-readable sentence with the evidence. Its wording MAY change between versions. */
  readonly detail: string;
}

/** Success carries its fields next to `ok: true`; failure is a `Failure<R>`. */
export type Result<T extends object, R extends string> = ({ readonly ok: true } & T) | Failure<R>;

/** Builds a `Failure`. */
export function failure<R extends string>(reason: R, detail: string): Failure<R> {
  return { ok: false, reason, detail };
}
