/**
 * Text PostgreSQL can store. Webhook bodies are signed by Meta but their strings are still
 * arbitrary JSON: `\u0000` (NUL) is legal JSON yet PostgreSQL's `text` and `jsonb` reject it
 * ("unsupported Unicode escape sequence"), and so are lone UTF-16 surrogates ("invalid input
 * syntax for type json"). Storing such a webhook failed the whole statement, the endpoint
 * answered 500, and Meta would redeliver the same poison webhook for days. Both are replaced
 * by U+FFFD (the replacement character), as a UTF-8 decoder does with bytes it cannot read.
 */

/** NUL, and a high surrogate not followed by a low one, or a low one not preceded by a high one. */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const REPLACEMENT = '\uFFFD';

/** `text` with every character PostgreSQL cannot store replaced by U+FFFD. */
export function postgresSafeText(text: string): string {
  return text.replace(UNSTORABLE, REPLACEMENT);
}

/** Like `JSON.stringify`, but the result (keys and string values) is storable as `jsonb`. */
export function postgresSafeJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'string') return postgresSafeText(v);
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v);
      if (keys.some((k) => postgresSafeText(k) !== k)) {
        return Object.fromEntries(keys.map((k) => [postgresSafeText(k), (v as Record<string, unknown>)[k]]));
      }
    }
    return v;
  });
}
