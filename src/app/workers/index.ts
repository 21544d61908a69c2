/**
 * The queue workers of a Mitra process: inbound processor, idle sweeper and outbox sender.
 * Each takes its collaborators as ports; the composition root wires the real ones.
 */
export { createInboundProcessor, outboundId, type InboundProcessor, type InboundProcessorOptions, type TurnPort, type TurnOutput } from './inbound-processor.ts';
export { createIdleSweeper, type IdleSweeper, type IdleSweeperOptions } from './idle-sweeper.ts';
export { createOutboxSender, type OutboxSender, type OutboxSenderOptions, type OutboxRow, type SendPort, type SendResult } from './outbox-sender.ts';
export { apologyText, APOLOGY_TEXT } from './apology-text.ts';
export { createPollLoop, SILENT_LOG, type PollLoop, type WorkerLog } from './poll-loop.ts';
