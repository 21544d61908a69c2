/**
 * The Graph API double's public surface: the server, and builders of Meta-format inbound
 * webhooks for tests, the benchmark and the simulator.
 */
export {
  createGraphDouble,
  DEFAULT_STATUS_DELAYS,
  MAX_JSON_BODY_BYTES,
  MAX_UPLOAD_BODY_BYTES,
  MEDIA_URL_TTL_MS,
  type FailurePlan,
  type GraphDouble,
  type GraphDoubleOptions,
  type SentRecord,
  type StatusDelays,
} from './create-graph-double.ts';
export {
  audioMessage,
  buildMessagesWebhook,
  buttonReply,
  documentMessage,
  flowReply,
  imageMessage,
  listReply,
  locationMessage,
  newInboundWamid,
  reactionMessage,
  templateButtonReply,
  textMessage,
  type MessagesWebhookInput,
  type WebhookMessageInput,
} from './build-webhook.ts';
export { encodeWebhookBody } from './encode-webhook-body.ts';
export { mediaRuleFor, MEDIA_RULES, type MediaRule } from './media-rules.ts';
export { metaError, META_ERROR_TITLES } from './meta-error.ts';
