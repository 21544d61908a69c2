/**
 * How this module reports a judgement on untrusted input (proofs, notes, tile paths, request
 * bodies): `{ ok: true, ...value }`, or a `Failure` with a stable `reason` code (`area:problem`,
 * part of the public contract) and a human `detail`. Such functions never throw for bad input;
 * they throw `TranslogError` only when their caller broke a precondition.
 */
export interface Failure<R extends string = string> {
  readonly ok: false;
  /** Stable code, e.g. `proof:root-mismatch`. Callers switch on it. */
  readonly reason: R;
  /** One sentence with the evidence. Its wording MAY change; callers MUST NOT parse it. */
  readonly detail: string;
}

/** Success carries its fields next to `ok: true`; failure is a `Failure<R>`. */
export type Result<T extends object, R extends string> = ({ readonly ok: true } & T) | Failure<R>;

/** Builds a `Failure`. */
export function failure<R extends string>(reason: R, detail: string): Failure<R> {
  return { ok: false, reason, detail };
}
