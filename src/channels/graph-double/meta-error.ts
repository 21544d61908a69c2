/**
 * Meta's error response body (whatsapp-cloud-api.md §5, `response-error-130429.json`):
 * `{error:{message:"(#<code>) <title>", type, code, error_data:{messaging_product, details},
 * fbtrace_id}}`.
 */
import { randomBytes } from 'node:crypto';

/** Meta's titles for the codes the double produces. */
export const META_ERROR_TITLES: Readonly<Record<number, string>> = {
  1: 'An unknown error occurred',
  4: 'Application request limit reached',
  100: 'Invalid parameter',
  190: 'Invalid OAuth access token - Cannot parse access token',
  80007: 'Rate limit issues',
  130429: 'Rate limit hit',
  131000: 'Something went wrong',
  131008: 'Required parameter is missing',
  131009: 'Parameter value is not valid',
  131016: 'Service unavailable',
  131026: 'Message undeliverable',
  131047: 'Re-engagement message',
  131053: 'Media upload error',
  131056: '(Business Account, Consumer Account) pair rate limit hit',
  131057: 'Account in maintenance mode',
  132000: 'Number of parameters does not match the expected number of params',
  132001: 'Template name does not exist in the translation',
};

/** An error body for `code`, with `details` in `error_data` when given. */
export function metaError(code: number, details?: string, message?: string): Record<string, unknown> {
  const title = message ?? META_ERROR_TITLES[code] ?? 'An unknown error occurred';
  const isOAuth = code === 190 || code >= 130000 || code === 4 || code === 80007;
  return {
    error: {
      message: code === 190 ? title : `(#${code}) ${title}`,
      type: isOAuth ? 'OAuthException' : 'GraphMethodException',
      code,
      ...(details !== undefined ? { error_data: { messaging_product: 'whatsapp', details } } : {}),
      fbtrace_id: randomBytes(17).toString('base64url').slice(0, 23),
    },
  };
}
