/**
 * The outbox sender: sends queued outbound messages through the channel, at most one in
 * flight per citizen (a later message waits until the earlier one is sent or has failed), so
 * citizens read our replies in order — across any number of processes.
 *
 * Claim (one statement): rows that are due, with NO earlier queued/sending row of the same
 * citizen, `FOR UPDATE SKIP LOCKED`, become `sending` with a lease. The send happens outside
 * any transaction. Results are written in batches. A row left `sending` by a crashed process is
 * reclaimed once its lease plus a grace period has passed (and no sooner than the grace after
 * this sender started: a restarted process first hears the webhooks it missed); the grace gives the channel's status
 * webhook — which echoes our row id as `biz_opaque_callback_data` — time to tell us that the
 * send had in fact succeeded (see `store.ingest`), so we do not send it twice.
 */
import type { Db } from '../../storage/db.ts';
import { createWakeableSleep } from './wakeable-sleep.ts';
import type { OutboundMessage } from '../../engine/outbound.ts';
import { OUTBOUND_STATUS_ARRAY_SQL, statusRankSql } from '../../storage/outbound-status-order.ts';
import { errors as errorsMetric, outboundMessages, outboxDepth } from '../metrics.ts';
import { SILENT_LOG, type WorkerLog } from './poll-loop.ts';

/** The outcome of one send, as the channel adapter reports it. */
export type SendResult =
  | { ok: true; messageId: string; request?: object }
  | {
      ok: false; retryable: boolean; retryAfterMs?: number; code?: number; title: string; detail?: string; request?: object;
      /**
       * The request may have reached the channel and been sent (a timeout, a connection lost
       * after the request was written). The retry then waits at least the reclaim grace, so
       * the status webhook echoing our row id can tell us first and no citizen reads it twice.
       */
      maybeDelivered?: boolean;
    };

/** What the sender hands to `send`. */
export interface OutboxRow {
  /** Our outbound row id; MUST be sent as `biz_opaque_callback_data`. */
  id: string;
  waId: string;
  message: OutboundMessage;
  /** Attempts including this one. */
  attempts: number;
  /** When the citizen last wrote to us (ISO 8601), for WhatsApp's 24-hour window; null if never. */
  lastInboundAt: string | null;
  /**
   * The approved template to send instead of `message` when the 24-hour window is closed
   * (messages the back office sends on its own, such as a decision); absent for replies.
   */
  template?: { name: string; lang: string; params: Record<string, string> };
}

/**
 * Sends one message. MUST NOT throw for channel errors (return `ok: false`); a throw is
 * treated as a retryable error.
 */
export type SendPort = (row: OutboxRow) => Promise<SendResult>;

/** Graph API: "Cloud API message throughput has been reached" — slow the whole sender down. */
export const THROUGHPUT_LIMIT_CODE = 130429;
/** Graph API: too many messages to one citizen — back off for that citizen only. */
export const PAIR_RATE_LIMIT_CODE = 131056;

/** Defaults, named so operators can reason about them. */
export const DEFAULT_CONCURRENCY = 32;
export const DEFAULT_MAX_ATTEMPTS = 6;
export const DEFAULT_LEASE_MS = 60_000;
export const DEFAULT_RECLAIM_GRACE_MS = 15_000;
export const DEFAULT_SENDER_POLL_MS = 250;
/** First retry delay; doubles per attempt. */
export const BASE_RETRY_MS = 1_000;
/** Longest retry delay. */
export const MAX_RETRY_MS = 5 * 60_000;
/** Shortest pause of the whole sender after a throughput-limit error. */
export const THROUGHPUT_PAUSE_MS = 1_000;
/** How often the outbox-depth gauge is refreshed at most. */
const GAUGE_REFRESH_MS = 1_000;

/** Options of {@link createOutboxSender}. */
export interface OutboxSenderOptions {
  db: Db;
  send: SendPort;
  /** Sends in flight at once in this process. */
  concurrency?: number;
  pollMs?: number;
  /** Attempts before a retryable error becomes a permanent failure. */
  maxAttempts?: number;
  log?: WorkerLog;
  /** The clock; fixed in tests. */
  now?: () => Date;
  /** Random source for jitter, in [0, 1). */
  random?: () => number;
  /** How long a claimed row stays ours. */
  leaseMs?: number;
  /** Extra wait after a lease expires before the row is sent again. */
  reclaimGraceMs?: number;
}

/** A running sender. */
export interface OutboxSender {
  /** Claims up to `concurrency` rows, sends them, records the results; returns how many. */
  runOnce(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
  /** Call after queuing messages, so they go out at once. */
  wake(): void;
}

interface Outcome {
  id: string;
  outcome: 'sent' | 'retry' | 'failed';
  providerId: string | null;
  request: object | null;
  nextAttemptAt: Date | null;
  error: object | null;
  /** -1 when the attempt should not count (the channel's global throughput limit). */
  attemptsDelta: number;
}

const rank = statusRankSql;

const CLAIM_SQL = `
WITH claimable AS (
  SELECT o.id FROM outbound_messages o
   WHERE o.status IN ('queued', 'sending')
     AND ((o.status = 'queued' AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= $1))
       OR (o.status = 'sending' AND o.lease_until <= $2))
     AND NOT EXISTS (
       SELECT 1 FROM outbound_messages e
        WHERE e.wa_id = o.wa_id AND e.seq < o.seq AND e.status IN ('queued', 'sending'))
   ORDER BY o.seq
   LIMIT $3
   FOR UPDATE OF o SKIP LOCKED
)
UPDATE outbound_messages o
   SET status = 'sending', attempts = o.attempts + 1, lease_until = $4, updated_at = now()
  FROM claimable c
 WHERE o.id = c.id
RETURNING o.id, o.wa_id, o.message, o.template, o.attempts, o.seq,
  (SELECT c.last_inbound_at FROM citizens c WHERE c.wa_id = o.wa_id) AS last_inbound_at`;

const RECORD_SQL = `
UPDATE outbound_messages o SET
  status = CASE
    WHEN u.outcome = 'sent' THEN (${OUTBOUND_STATUS_ARRAY_SQL})[greatest(
      ${rank('o.status')}, ${rank("'sent'")},
      -- statuses that arrived before we knew the provider id (webhook beat this update)
      coalesce((SELECT max(${rank('s.status')}) FROM message_statuses s WHERE s.provider_id = u.provider_id), 0))]
    WHEN ${rank('o.status')} > ${rank("'sending'")} THEN o.status
    WHEN u.outcome = 'retry' THEN 'queued'
    ELSE 'failed' END,
  provider_id = CASE WHEN u.outcome = 'sent' THEN coalesce(o.provider_id, u.provider_id) ELSE o.provider_id END,
  request = coalesce(u.request, o.request),
  sent_at = CASE WHEN u.outcome = 'sent' THEN coalesce(o.sent_at, $8) ELSE o.sent_at END,
  next_attempt_at = CASE WHEN u.outcome = 'retry' THEN u.next_attempt_at ELSE o.next_attempt_at END,
  attempts = greatest(o.attempts + u.attempts_delta, 0),
  lease_until = NULL,
  last_error = CASE WHEN u.outcome = 'sent' THEN o.last_error ELSE u.error END,
  updated_at = now()
FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::timestamptz[], $6::jsonb[], $7::int[])
  AS u(id, outcome, provider_id, request, next_attempt_at, error, attempts_delta)
WHERE o.id = u.id`;

/** Creates the sender. Call `start()` for the background loop, or `runOnce()` in tests. */
export function createOutboxSender(options: OutboxSenderOptions): OutboxSender {
  const { db, send } = options;
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const pollMs = options.pollMs ?? DEFAULT_SENDER_POLL_MS;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const graceMs = options.reclaimGraceMs ?? DEFAULT_RECLAIM_GRACE_MS;
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const log = options.log ?? SILENT_LOG;

  let pausedUntil = 0;
  let gaugeAt = 0;
  let inflight = 0;

  // The grace also runs from this sender's start: after a crash and restart, every lease of the
  // dead process has long expired, but the status webhooks Meta retried while we were down only
  // arrive now that we are up again. Reclaiming at once would send those messages twice.
  const startedAt = now().getTime();
  const NO_RECLAIM = new Date(0);

  async function claim(limit: number): Promise<OutboxRow[]> {
    const at = now();
    const reclaimBefore = at.getTime() - startedAt < graceMs ? NO_RECLAIM : new Date(at.getTime() - graceMs);
    const { rows } = await db.query(CLAIM_SQL, [at, reclaimBefore, limit, new Date(at.getTime() + leaseMs)]);
    rows.sort((a, b) => a.seq - b.seq);
    return rows.map((r) => ({
      id: r.id, waId: r.wa_id, message: r.message, attempts: r.attempts,
      lastInboundAt: r.last_inbound_at ? new Date(r.last_inbound_at).toISOString() : null,
      ...(r.template ? { template: r.template } : {}),
    }));
  }

  /** Exponential backoff with jitter in [50 %, 100 %] of the step, capped. */
  function backoffMs(attempts: number): number {
    const step = Math.min(MAX_RETRY_MS, BASE_RETRY_MS * 2 ** Math.max(0, attempts - 1));
    return Math.round(step * (0.5 + random() * 0.5));
  }

  function decide(row: OutboxRow, result: SendResult): Outcome {
    const at = now();
    if (result.ok) {
      outboundMessages.inc({ outcome: 'sent' });
      return { id: row.id, outcome: 'sent', providerId: result.messageId, request: result.request ?? null, nextAttemptAt: null, error: null, attemptsDelta: 0 };
    }
    const error = { code: result.code ?? null, title: result.title, detail: result.detail ?? null, attempts: row.attempts };
    const request = result.request ?? null;
    if (result.code === THROUGHPUT_LIMIT_CODE) {
      // Not this message's fault: pause everything and do not count the attempt.
      const pause = Math.max(THROUGHPUT_PAUSE_MS, result.retryAfterMs ?? 0);
      pausedUntil = Math.max(pausedUntil, at.getTime() + pause);
      outboundMessages.inc({ outcome: 'throttled' });
      return { id: row.id, outcome: 'retry', providerId: null, request, nextAttemptAt: new Date(at.getTime() + pause), error, attemptsDelta: -1 };
    }
    if (!result.retryable || row.attempts >= maxAttempts) {
      outboundMessages.inc({ outcome: 'failed' });
      errorsMetric.inc({ code: 'send_failed' });
      log.warn({ id: row.id, waId: row.waId, error }, 'outbound message failed');
      return { id: row.id, outcome: 'failed', providerId: null, request, nextAttemptAt: null, error, attemptsDelta: 0 };
    }
    let delay = backoffMs(row.attempts);
    // Pair rate limit: 4^n seconds for this citizen (their later rows wait behind this one).
    if (result.code === PAIR_RATE_LIMIT_CODE) delay = Math.max(delay, 4 ** row.attempts * 1000);
    delay = Math.max(delay, result.retryAfterMs ?? 0);
    if (result.maybeDelivered) delay = Math.max(delay, graceMs);
    outboundMessages.inc({ outcome: 'retry' });
    return { id: row.id, outcome: 'retry', providerId: null, request, nextAttemptAt: new Date(at.getTime() + delay), error, attemptsDelta: 0 };
  }

  // Results are written in batches: whoever arrives while a write is running joins the next one.
  const writeQueue: { outcome: Outcome; resolve: () => void; reject: (e: unknown) => void }[] = [];
  let pumping = false;
  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      while (writeQueue.length > 0) {
        const batch = writeQueue.splice(0);
        const outcomes = batch.map((b) => b.outcome);
        try {
          await db.query(RECORD_SQL, [
            outcomes.map((o) => o.id),
            outcomes.map((o) => o.outcome),
            outcomes.map((o) => o.providerId),
            outcomes.map((o) => (o.request ? JSON.stringify(o.request) : null)),
            outcomes.map((o) => o.nextAttemptAt),
            outcomes.map((o) => (o.error ? JSON.stringify(o.error) : null)),
            outcomes.map((o) => o.attemptsDelta),
            now(),
          ]);
          for (const b of batch) b.resolve();
        } catch (error) {
          // The rows stay 'sending' and are reclaimed after their lease (and grace).
          log.error({ err: error, rows: outcomes.length }, 'recording send results failed');
          for (const b of batch) b.reject(error);
        }
      }
    } finally {
      pumping = false;
    }
  }
  const record = (outcome: Outcome) =>
    new Promise<void>((resolve, reject) => {
      writeQueue.push({ outcome, resolve, reject });
      void pump();
    });

  async function sendOne(row: OutboxRow): Promise<void> {
    let result: SendResult;
    try {
      result = await send(row);
    } catch (error) {
      result = { ok: false, retryable: true, title: error instanceof Error ? error.message : String(error) };
    }
    await record(decide(row, result));
  }

  async function refreshGauge(): Promise<void> {
    if (Date.now() - gaugeAt < GAUGE_REFRESH_MS) return;
    gaugeAt = Date.now();
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbound_messages WHERE status IN ('queued', 'sending')`, []);
    outboxDepth.set(rows[0].n);
  }

  const pauseLeft = () => pausedUntil - now().getTime();

  async function runOnce(): Promise<number> {
    if (pauseLeft() > 0) return 0;
    const rows = await claim(concurrency);
    await Promise.allSettled(rows.map(sendOne));
    await refreshGauge();
    return rows.length;
  }

  // The background loop keeps `concurrency` sends in flight, refilling as each one finishes.
  let running = false;
  let loopDone: Promise<void> = Promise.resolve();
  const pauser = createWakeableSleep(() => running);
  const signal = () => pauser.wake();
  const sleep = (ms: number) => pauser.sleep(ms);
  const inflightDone = new Set<Promise<void>>();

  async function loop(): Promise<void> {
    while (running) {
      const pause = pauseLeft();
      if (pause > 0) {
        await sleep(pause);
        continue;
      }
      let claimed = 0;
      const free = concurrency - inflight;
      // Claim in chunks: one claim per freed slot would cost a statement per message.
      if (free > 0 && (inflight === 0 || free >= Math.ceil(concurrency / 4))) {
        try {
          const rows = await claim(free);
          claimed = rows.length;
          for (const row of rows) {
            inflight++;
            const done: Promise<void> = sendOne(row)
              .catch(() => undefined)
              .finally(() => {
                inflight--;
                inflightDone.delete(done);
                signal();
              });
            inflightDone.add(done);
          }
          await refreshGauge();
        } catch (error) {
          log.error({ err: error, worker: 'outbox-sender' }, 'claiming outbound messages failed');
        }
      }
      if (claimed === 0 && inflight === 0) await sleep(pollMs);
      else if (claimed === 0 || inflight >= concurrency - Math.ceil(concurrency / 4) + 1) await sleep(pollMs);
    }
    await Promise.allSettled([...inflightDone]);
  }

  return {
    runOnce,
    start() {
      if (running) return;
      running = true;
      loopDone = loop();
    },
    async stop() {
      running = false;
      pauser.wake();
      await loopDone;
    },
    wake: signal,
  };
}
