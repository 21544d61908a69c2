/**
 * Sorts a failed Graph API call into "try again later" and "will never work"
 * (whatsapp-cloud-api.md §5, error-code table). The outbox worker retries the first kind with
 * backoff and records the second.
 */

/** A failed Graph API call. `retryable` tells the caller whether to try again. */
export interface GraphFailure {
  ok: false;
  retryable: boolean;
  /** Milliseconds to wait, from the `Retry-After` header when Meta sent one. */
  retryAfterMs?: number;
  /** Meta's error code (`error.code`), when the response carried one. */
  code?: number;
  /** Meta's error message, or what went wrong on the way ("timeout", "network error"). */
  title: string;
  /** `error.error_data.details`, or the underlying error's message. */
  detail?: string;
  httpStatus?: number;
}

/**
 * Meta codes that mean "slow down or try later": throughput (130429), pair rate (131056; Meta
 * suggests waiting 4^n seconds, which the caller's per-citizen backoff does), maintenance during
 * a throughput upgrade (131057), transient failures (131000, 131016) and Graph API rate limits
 * (4, 80007).
 */
export const RETRYABLE_CODES: ReadonlySet<number> = new Set([4, 80007, 130429, 131000, 131016, 131056, 131057]);

/** HTTP 429: too many requests. */
const HTTP_TOO_MANY_REQUESTS = 429;
/** Server errors start here. */
const HTTP_SERVER_ERROR = 500;

/**
 * True when the call may succeed if repeated later. A known Meta code decides first (so a
 * 131047 re-engagement error is permanent whatever the HTTP status), then the HTTP status:
 * 429 and 5xx are retryable, other 4xx are not. Everything else (131026 undeliverable,
 * 131008/131009 bad parameters, 132xxx template errors, 190 bad token) is permanent.
 */
export function isRetryable(httpStatus: number | undefined, code: number | undefined): boolean {
  if (code !== undefined && RETRYABLE_CODES.has(code)) return true;
  if (httpStatus === HTTP_TOO_MANY_REQUESTS) return true;
  if (code === 190 || code === 131047 || code === 131026 || code === 131008 || code === 131009) return false;
  if (code !== undefined && code >= 132000 && code < 133000) return false;
  return httpStatus !== undefined && httpStatus >= HTTP_SERVER_ERROR;
}

/** Reads `Retry-After` (seconds, or an HTTP date) into milliseconds from `now`. */
export function parseRetryAfter(value: string | null, now: Date = new Date()): number | undefined {
  if (value === null || value.trim().length === 0) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  if (!Number.isFinite(at)) return undefined;
  return Math.max(0, at - now.getTime());
}

/**
 * A {@link GraphFailure} from an HTTP error response: `json` is the parsed body when it was
 * JSON (Meta's `{error:{message, code, error_data:{details}}}`), anything else otherwise.
 */
export function classifyGraphError(httpStatus: number, json: unknown, retryAfter: string | null): GraphFailure {
  const error = typeof json === 'object' && json !== null ? (json as { error?: unknown }).error : undefined;
  const e = typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {};
  const code = typeof e.code === 'number' ? e.code : undefined;
  const errorData = typeof e.error_data === 'object' && e.error_data !== null ? (e.error_data as Record<string, unknown>) : {};
  const detail = typeof errorData.details === 'string' ? errorData.details : undefined;
  const retryAfterMs = parseRetryAfter(retryAfter);
  return {
    ok: false,
    retryable: isRetryable(httpStatus, code),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    ...(code !== undefined ? { code } : {}),
    title: typeof e.message === 'string' ? e.message : `HTTP ${httpStatus}`,
    ...(detail !== undefined ? { detail } : {}),
    httpStatus,
  };
}
