/**
 * The queue workers of a Mitra process: inbound processor, idle sweeper, outbox sender and the
 * back office's SLA job.
 * Each takes its collaborators as ports; the composition root wires the real ones.
 */
export { createInboundProcessor, outboundId, type InboundProcessor, type InboundProcessorOptions, type TurnPort, type TurnOutput } from './inbound-processor.ts';
export { createSlaJob, DEFAULT_SLA_POLL_MS, type SlaJob, type SlaJobOptions } from './sla-job.ts';
export { createIdleSweeper, type IdleSweeper, type IdleSweeperOptions } from './idle-sweeper.ts';
export { createOutboxSender, type OutboxSender, type OutboxSenderOptions, type OutboxRow, type SendPort, type SendResult } from './outbox-sender.ts';
export { apologyText, APOLOGY_TEXT } from './apology-text.ts';
export { createPollLoop, SILENT_LOG, type PollLoop, type WorkerLog } from './poll-loop.ts';
