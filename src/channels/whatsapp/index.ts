/**
 * The WhatsApp channel adapter's public surface. It only translates and verifies (STYLE.md 11):
 * signatures, the subscription handshake, webhook parsing, outbound conversion and limits, the
 * Graph API client and the 24-hour window rule.
 */
export { signBody, verifySignature } from './verify-signature.ts';
export { verifySubscription, type SubscriptionResult } from './verify-subscription.ts';
export { parseWebhook, type ParsedWebhook, type StatusUpdate, type UserChangedNumber, type ValueError } from './parse-webhook.ts';
export { toGraphMessage, GraphMessageError, type GraphMessageBody, type ToGraphOptions } from './to-graph-message.ts';
export { fitToLimits } from './fit-to-limits.ts';
export { checkGraphMessage, GRAPH_MESSAGE_TYPES } from './check-graph-message.ts';
export { TEMPLATES, type TemplateDefinition } from './templates.ts';
export { renderTemplate } from './render-template.ts';
export {
  createGraphClient,
  GraphMediaError,
  MAX_MEDIA_BYTES,
  type FetchedMedia,
  type GraphClient,
  type GraphClientOptions,
  type MarkReadResult,
  type SendResult,
} from './graph-client.ts';
export { classifyGraphError, isRetryable, parseRetryAfter, RETRYABLE_CODES, type GraphFailure } from './classify-graph-error.ts';
export { isWindowOpen, CUSTOMER_SERVICE_WINDOW_MS } from './customer-service-window.ts';
