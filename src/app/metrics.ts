/**
 * Prometheus metrics, served at /metrics. One registry per process; workers and routes import
 * the metric they update from here so names stay consistent.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The process's metrics registry. */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'mitra_process_' });

/** Inbound messages accepted from webhooks (after dedupe), by channel message type. */
export const inboundMessages = new Counter({
  name: 'mitra_messages_in_total', help: 'Inbound messages stored, by type', labelNames: ['type'], registers: [registry],
});

/** Inbound messages seen again (redelivered by Meta) and dropped by dedupe. */
export const inboundDuplicates = new Counter({
  name: 'mitra_messages_in_duplicate_total', help: 'Inbound messages dropped as duplicates', registers: [registry],
});

/** Outbound messages by final outcome of a send attempt. */
export const outboundMessages = new Counter({
  name: 'mitra_messages_out_total', help: 'Outbound send attempts, by outcome', labelNames: ['outcome'], registers: [registry],
});

/** Delivery statuses reported by the channel (sent, delivered, read, failed). */
export const deliveryStatuses = new Counter({
  name: 'mitra_delivery_status_total', help: 'Delivery status webhooks, by status', labelNames: ['status'], registers: [registry],
});

/** Time from dequeue to committed result of one engine turn, in seconds. */
export const turnLatency = new Histogram({
  name: 'mitra_turn_seconds', help: 'Engine turn latency including its transaction', registers: [registry],
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
});

/** Outbound messages waiting to be sent. Updated by the outbox worker. */
export const outboxDepth = new Gauge({
  name: 'mitra_outbox_depth', help: 'Outbound messages queued and not yet sent', registers: [registry],
});

/** Inbound messages stored and not yet processed. Updated by the inbound worker. */
export const inboxDepth = new Gauge({
  name: 'mitra_inbox_depth', help: 'Inbound messages waiting for their turn', registers: [registry],
});

/** Errors by stable code (webhook_rejected, turn_failed, send_failed, value_error, ...). */
export const errors = new Counter({
  name: 'mitra_errors_total', help: 'Errors by code', labelNames: ['code'], registers: [registry],
});
