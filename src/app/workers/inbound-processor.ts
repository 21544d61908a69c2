/**
 * The inbound processor: takes stored inbound messages and runs the engine on them, exactly
 * once and in order per citizen, across any number of processes sharing one database.
 *
 * One transaction per batch (DESIGN.md "The flow of one request"):
 *   1. lock up to `batchSize` citizens with pending messages — transaction-scoped advisory
 *      locks, `pg_try_…` so processes skip each other's citizens instead of waiting;
 *   2. re-read those citizens' pending messages in `seq` order INSIDE the lock (a message
 *      another process finished just before is no longer pending);
 *   3. run the pure `turn` for each message in order, threading the session through;
 *   4. write sessions, outbound rows, applications and message statuses, then commit.
 * Nothing is visible half-done: either a message is `done` together with its effects, or it
 * is still `pending`. Media is downloaded BEFORE the transaction (slow network I/O must not
 * hold locks); a message whose media is not resolved yet waits, and so do the messages after it.
 */
import type { Db, Queryable } from '../../storage/db.ts';
import type { InboundMessage } from '../../engine/inbound.ts';
import type { OutboundMessage } from '../../engine/outbound.ts';
import type { CitizenFacts } from '../../engine/ports.ts';
import { isLang } from '../../lib/languages.ts';
import { loadCitizenFacts } from '../../storage/load-citizen-facts.ts';
import { enqueueLogEntries } from '../../storage/log-store.ts';
import { errors as errorsMetric, inboxDepth, turnLatency } from '../metrics.ts';
import { say } from '../../engine/index.ts';
import type { AdmittedApplication, SubmittedApplication } from '../back-office/admit-application.ts';
import { apologyText } from './apology-text.ts';
import { createPollLoop, SILENT_LOG, type WorkerLog } from './poll-loop.ts';

/** Namespace (first key) of the per-citizen advisory locks taken by the processor. */
export const CITIZEN_LOCK_CLASS = 7001;
/** Citizens locked per batch when not configured. */
export const DEFAULT_BATCH_SIZE = 200;
/** Longest stretch of engine turns before the processor lets the event loop run, in ms. */
export const YIELD_EVERY_MS = 4;
/** Messages read per batch at most, across its citizens. */
export const MAX_MESSAGES_PER_BATCH = 1000;
/** How far down the queue a batch looks for unlocked citizens, as a multiple of `batchSize`. */
const CANDIDATE_FACTOR = 4;
/** Attempts of a turn that throws before its message is marked failed. */
export const MAX_TURN_ATTEMPTS = 3;
/** Default idle poll interval. */
export const DEFAULT_POLL_MS = 250;
/** How often the inbox-depth gauge is refreshed at most. */
const GAUGE_REFRESH_MS = 1000;

/** What one engine turn returns. */
export interface TurnOutput {
  session: unknown;
  outbound: OutboundMessage[];
  events: Array<{ type: string; [key: string]: unknown }>;
}

/**
 * The engine, as the processor sees it. MUST be pure (no I/O): it may run again for the same
 * message if the transaction around it fails. It MAY throw on a bug.
 */
export type TurnPort = (session: unknown | undefined, message: InboundMessage, facts: CitizenFacts) => TurnOutput;

/** A citizen's confirmed reply to an officer's request for information (`information_provided`). */
export interface InformationReply {
  reference: string;
  text: string;
  documentIds: string[];
  at: string;
}

/**
 * The back office's part of the processor's transaction (issue #4): the route and workflow of
 * each newly submitted application, and the citizen's replies to officers.
 */
export interface ProcessorBackOffice {
  /** Route and started workflow of a new application. Pure; MUST NOT throw for a known service. */
  admit(application: SubmittedApplication): AdmittedApplication;
  /**
   * Moves the application back to the office with the citizen's reply, inside `tx`. Resolves
   * false (changing nothing) when the request is no longer open (lapsed, or answered already).
   */
  resubmit(tx: Queryable, waId: string, reply: InformationReply): Promise<boolean>;
}

/** Options of {@link createInboundProcessor}. */
export interface InboundProcessorOptions {
  db: Db;
  turn: TurnPort;
  /**
   * Downloads and stores a media message's file and returns the message with `content.stored`
   * or `content.failure` set. Runs outside any transaction; MUST be idempotent (the same media
   * may be resolved twice by two processes). Absent: media is given to the engine as it came.
   */
  resolveMedia?: (message: InboundMessage) => Promise<InboundMessage>;
  /** Loads facts for the batch's citizens inside its transaction. Default: {@link loadCitizenFacts}. */
  loadFacts?: (tx: Queryable, waIds: readonly string[]) => Promise<Map<string, CitizenFacts>>;
  /** When the idle timer should fire for this session (ISO 8601), or null. Default: never. */
  idleDeadline?: (session: unknown) => string | null;
  /** Citizens per batch. */
  batchSize?: number;
  pollMs?: number;
  log?: WorkerLog;
  /** Called after a commit that queued outbound messages (wire to the sender's `wake`). */
  onOutbound?: () => void;
  /** Routing, workflows and replies to officers; without it applications are stored as `submitted`. */
  backOffice?: ProcessorBackOffice;
}

/** A running processor. */
export interface InboundProcessor {
  /**
   * Processes one batch; returns how many messages it handled: finished (done or failed) plus
   * turns that threw and will be retried. 0 means there was nothing it could take.
   */
  runOnce(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
  /** Call after storing new messages, so they are picked up at once. */
  wake(): void;
}

interface PendingRow {
  seq: number;
  wa_id: string;
  payload: InboundMessage;
  attempts: number;
}

interface CitizenRow {
  wa_id: string;
  session: unknown;
  lang: string | null;
}

/** The stable outbound row id of the `index`-th message produced for inbound `wamid`. */
export function outboundId(wamid: string, index: number | 'apology' | 'reply-closed'): string {
  return `${wamid}#${index}`;
}

function isUnresolvedMedia(message: InboundMessage): boolean {
  return message.content.type === 'media' && !message.content.stored && !message.content.failure;
}

function sessionLang(session: unknown): string | null {
  const lang = (session as { lang?: unknown } | null | undefined)?.lang;
  return isLang(lang) ? lang : null;
}

const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

/** Two applications drew the same random reference; the batch is retried with fresh ids. */
export class ReferenceCollisionError extends Error {
  override readonly name = 'ReferenceCollisionError';
  constructor(readonly references: string[]) {
    super(`application reference already taken: ${references.join(', ')}`);
  }
}

/** Creates the processor. Call `start()` for the background loop, or `runOnce()` in tests. */
export function createInboundProcessor(options: InboundProcessorOptions): InboundProcessor {
  const { db, turn } = options;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const loadFacts = options.loadFacts ?? loadCitizenFacts;
  const idleDeadline = options.idleDeadline ?? (() => null);
  const log = options.log ?? SILENT_LOG;
  let gaugeAt = 0;

  /** Step 0, outside any transaction: download media of pending messages. */
  async function resolvePendingMedia(): Promise<void> {
    if (!options.resolveMedia) return;
    const { rows } = await db.query<{ seq: number; payload: InboundMessage }>(
      `SELECT seq, payload FROM inbound_messages
        WHERE status = 'pending' AND type = 'media'
          AND payload->'content'->'stored' IS NULL AND payload->'content'->'failure' IS NULL
        ORDER BY seq LIMIT $1`,
      [batchSize],
    );
    for (const row of rows) {
      let resolved: InboundMessage;
      try {
        resolved = await options.resolveMedia(row.payload);
      } catch (error) {
        // The port should report failures as values; a throw still must not block the citizen.
        log.warn({ err: error, wamid: row.payload.id }, 'media resolution threw');
        errorsMetric.inc({ code: 'media_failed' });
        resolved = { ...row.payload, content: { ...row.payload.content, failure: 'download_failed' } as InboundMessage['content'] };
      }
      if (isUnresolvedMedia(resolved)) continue;
      await db.query(`UPDATE inbound_messages SET payload = $2::jsonb WHERE seq = $1 AND status = 'pending'`, [
        row.seq,
        JSON.stringify(resolved),
      ]);
    }
  }

  async function refreshGauge(): Promise<void> {
    if (Date.now() - gaugeAt < GAUGE_REFRESH_MS) return;
    gaugeAt = Date.now();
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM inbound_messages WHERE status = 'pending'`, []);
    inboxDepth.set(rows[0].n);
  }

  async function processBatch(): Promise<{ finished: number; retried: number; queued: number }> {
    const started = performance.now();
    const result = await db.transaction(async (tx) => {
      const locked = await tx.query<{ wa_id: string }>(
        `WITH head AS MATERIALIZED (
           SELECT wa_id, seq FROM inbound_messages WHERE status = 'pending' ORDER BY seq LIMIT $1
         ), candidates AS MATERIALIZED (
           SELECT wa_id, min(seq) AS first_seq FROM head GROUP BY wa_id ORDER BY first_seq
         )
         SELECT wa_id FROM candidates WHERE pg_try_advisory_xact_lock($2, hashtext(wa_id)) LIMIT $3`,
        [batchSize * CANDIDATE_FACTOR, CITIZEN_LOCK_CLASS, batchSize],
      );
      const waIds = locked.rows.map((r) => r.wa_id);
      if (waIds.length === 0) return { finished: 0, retried: 0, queued: 0 };

      // Re-read inside the locks: this statement's snapshot is taken after they were granted.
      const pending = await tx.query<PendingRow>(
        `SELECT seq, wa_id, payload, attempts FROM inbound_messages
          WHERE status = 'pending' AND wa_id = ANY($1::text[]) ORDER BY seq LIMIT $2`,
        [waIds, MAX_MESSAGES_PER_BATCH],
      );
      const citizens = await tx.query<CitizenRow>(`SELECT wa_id, session, lang FROM citizens WHERE wa_id = ANY($1::text[])`, [waIds]);
      const facts = await loadFacts(tx, waIds);

      const byCitizen = new Map<string, PendingRow[]>();
      for (const row of pending.rows) {
        const list = byCitizen.get(row.wa_id) ?? [];
        list.push(row);
        byCitizen.set(row.wa_id, list);
      }
      const known = new Map(citizens.rows.map((c) => [c.wa_id, c]));

      const messageUpdates: { seq: number; status: string; attempts: number; error: string | null }[] = [];
      const outbound: { id: string; waId: string; inReplyTo: string; message: OutboundMessage }[] = [];
      const applications: Record<string, unknown>[] = [];
      const replies: { waId: string; lang: string | null; inReplyTo: string; reply: InformationReply }[] = [];
      const citizenUpdates: {
        waId: string; profileName: string | null; lang: string | null; session: unknown; turns: number;
        lastInboundAt: string | null; idleDeadline: string | null;
      }[] = [];

      let yieldedAt = performance.now();
      for (const [waId, rows] of byCitizen) {
        // Engine turns are synchronous CPU work; a batch of hundreds would hold the event loop
        // for long enough to delay webhook acknowledgements. Let other work in between.
        if (performance.now() - yieldedAt > YIELD_EVERY_MS) {
          await new Promise<void>((resolve) => setImmediate(resolve));
          yieldedAt = performance.now();
        }
        const citizen = known.get(waId);
        let session: unknown = citizen?.session ?? undefined;
        let lang = citizen?.lang ?? null;
        let turns = 0;
        let profileName: string | null = null;
        let lastInboundAt: string | null = null;
        let citizenFacts = facts.get(waId) ?? { applications: [], documents: [] };

        for (const row of rows) {
          const message = row.payload;
          // Order: a message waiting for its media holds back everything after it.
          if (options.resolveMedia && isUnresolvedMedia(message)) break;
          if (message.content.type === 'idle_timeout') {
            // The sweeper fired for a deadline the conversation has since moved past: drop it.
            const due = session === undefined ? null : idleDeadline(session);
            if (due === null || Date.parse(due) > Date.parse(message.at)) {
              messageUpdates.push({ seq: row.seq, status: 'done', attempts: row.attempts, error: 'stale idle timeout' });
              continue;
            }
          } else {
            profileName = message.profileName ?? profileName;
            if (!lastInboundAt || message.at > lastInboundAt) lastInboundAt = message.at;
          }
          try {
            const out = turn(session, message, citizenFacts);
            session = out.session;
            lang = sessionLang(session) ?? lang;
            turns++;
            out.outbound.forEach((m, i) => outbound.push({ id: outboundId(message.id, i), waId, inReplyTo: message.id, message: m }));
            for (const event of out.events) {
              if (event.type === 'application_submitted') applications.push({ ...event, waId, lang: event.lang ?? lang });
              if (event.type === 'information_provided') {
                const reply = event as unknown as InformationReply;
                replies.push({ waId, lang, inReplyTo: message.id, reply });
                // Later messages of this batch must not answer the same request again.
                citizenFacts = { ...citizenFacts, applications: citizenFacts.applications.map((a) => (a.reference === reply.reference ? { ...a, status: 'submitted' } : a)) };
              }
            }
            messageUpdates.push({ seq: row.seq, status: 'done', attempts: row.attempts + 1, error: null });
          } catch (error) {
            const attempts = row.attempts + 1;
            const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
            errorsMetric.inc({ code: 'turn_failed' });
            log.error({ err: error, wamid: message.id, waId, attempts }, 'engine turn failed');
            if (attempts < MAX_TURN_ATTEMPTS) {
              // Retry in a later batch; the citizen's later messages wait behind it.
              messageUpdates.push({ seq: row.seq, status: 'pending', attempts, error: text });
              break;
            }
            messageUpdates.push({ seq: row.seq, status: 'failed', attempts, error: text });
            outbound.push({ id: outboundId(message.id, 'apology'), waId, inReplyTo: message.id, message: { type: 'text', body: apologyText(lang) } });
          }
        }
        if (turns > 0 || lastInboundAt) {
          citizenUpdates.push({
            waId, profileName, lang, session, turns, lastInboundAt,
            idleDeadline: session === undefined ? null : idleDeadline(session),
          });
        }
      }

      if (citizenUpdates.length > 0) {
        await tx.query(
          `INSERT INTO citizens (wa_id, profile_name, lang, session, session_version, last_inbound_at, idle_deadline)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::int[], $6::timestamptz[], $7::timestamptz[])
           ON CONFLICT (wa_id) DO UPDATE SET
             profile_name = coalesce(EXCLUDED.profile_name, citizens.profile_name),
             lang = coalesce(EXCLUDED.lang, citizens.lang),
             session = EXCLUDED.session,
             session_version = citizens.session_version + EXCLUDED.session_version,
             last_inbound_at = greatest(citizens.last_inbound_at, EXCLUDED.last_inbound_at),
             idle_deadline = EXCLUDED.idle_deadline,
             updated_at = now()`,
          [
            citizenUpdates.map((c) => c.waId),
            citizenUpdates.map((c) => c.profileName),
            citizenUpdates.map((c) => c.lang),
            citizenUpdates.map((c) => json(c.session)),
            citizenUpdates.map((c) => c.turns),
            citizenUpdates.map((c) => c.lastInboundAt),
            citizenUpdates.map((c) => c.idleDeadline),
          ],
        );
      }
      if (outbound.length > 0) {
        await tx.query(
          `INSERT INTO outbound_messages (id, wa_id, in_reply_to, message)
           SELECT o.id, o.wa_id, o.in_reply_to, o.message
             FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[]) WITH ORDINALITY AS o(id, wa_id, in_reply_to, message, ord)
            ORDER BY o.ord
           ON CONFLICT (id) DO NOTHING`,
          [outbound.map((o) => o.id), outbound.map((o) => o.waId), outbound.map((o) => o.inReplyTo), outbound.map((o) => JSON.stringify(o.message))],
        );
      }
      if (applications.length > 0) {
        // The back office's route and workflow, started in this same transaction (issue #4).
        const admitted = applications.map((a) => options.backOffice?.admit({
          reference: String(a.reference), serviceId: String(a.serviceId), serviceVersion: Number(a.serviceVersion ?? 1),
          answers: (a.answers ?? {}) as Record<string, unknown>, submittedAt: String(a.submittedAt),
        }));
        const inserted = await tx.query(
          `INSERT INTO applications (id, reference, wa_id, service_id, service_version, lang, answers, submitted_at,
                                     status, department, district, mandal, workflow, waiting_for, sla_deadline, sla_check_at, updated_at)
           SELECT reference, reference, wa_id, service_id, service_version, lang, answers, submitted_at,
                  coalesce(status, 'submitted'), coalesce(department, split_part(service_id, '.', 1)), district, mandal, workflow,
                  waiting_for, sla_deadline, sla_check_at, submitted_at
             FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::jsonb[], $7::timestamptz[],
                         $8::text[], $9::text[], $10::text[], $11::text[], $12::jsonb[], $13::text[], $14::timestamptz[], $15::timestamptz[])
               AS a(reference, wa_id, service_id, service_version, lang, answers, submitted_at,
                    status, department, district, mandal, workflow, waiting_for, sla_deadline, sla_check_at)
           ON CONFLICT (reference) DO NOTHING
           RETURNING reference`,
          [
            applications.map((a) => String(a.reference)),
            applications.map((a) => String(a.waId)),
            applications.map((a) => String(a.serviceId)),
            applications.map((a) => Number(a.serviceVersion ?? 1)),
            applications.map((a) => String(a.lang ?? 'te')),
            applications.map((a) => JSON.stringify(a.answers ?? {})),
            applications.map((a) => String(a.submittedAt)),
            admitted.map((x) => x?.status ?? null),
            admitted.map((x) => x?.department ?? null),
            admitted.map((x) => x?.district ?? null),
            admitted.map((x) => x?.mandal ?? null),
            admitted.map((x) => (x?.workflow ? JSON.stringify(x.workflow) : null)),
            admitted.map((x) => x?.waitingFor ?? null),
            admitted.map((x) => x?.slaDeadline ?? null),
            admitted.map((x) => x?.slaCheckAt ?? null),
          ],
        );
        // A reference is random, so two applications can draw the same one (rarely). Never
        // drop one silently: roll the batch back; the retry runs the turn with fresh ids.
        if (inserted.rowCount !== applications.length) {
          throw new ReferenceCollisionError(applications.map((a) => String(a.reference)));
        }
        // The transparency log: a commitment to each application, in the same transaction, so
        // no application is ever stored without its log entry (issue #6).
        await enqueueLogEntries(tx, applications.map((a) => {
          const serviceId = String(a.serviceId);
          return {
            type: 'application_submitted' as const, at: new Date(String(a.submittedAt)), subject: String(a.reference),
            meta: { department: serviceId.split('.')[0], service: serviceId, serviceVersion: String(a.serviceVersion ?? 1) },
            record: { reference: a.reference, serviceId, serviceVersion: a.serviceVersion ?? 1, answers: a.answers ?? {}, submittedAt: a.submittedAt },
          };
        }));
        // The officer sees the citizen's uploads with the application: link them to it.
        const links = applications.flatMap((a) => ((a.documentIds ?? []) as string[]).map((id) => [id, String(a.reference), String(a.waId)] as const));
        if (links.length > 0) {
          await tx.query(
            `UPDATE documents d SET application_id = l.reference
               FROM unnest($1::text[], $2::text[], $3::text[]) AS l(id, reference, wa_id)
              WHERE d.id = l.id AND d.wa_id = l.wa_id AND d.application_id IS NULL`,
            [links.map((l) => l[0]), links.map((l) => l[1]), links.map((l) => l[2])],
          );
        }
      }
      // Replies to officers, after the applications of this batch exist (a citizen can apply
      // and answer in one batch only across two applications, but order costs nothing).
      for (const r of replies) {
        const accepted = options.backOffice ? await options.backOffice.resubmit(tx, r.waId, r.reply) : false;
        if (!accepted) {
          // The engine told the citizen it was sent; say plainly that it was not after all.
          const body = say('info_reply_closed', isLang(r.lang) ? r.lang : 'te');
          await tx.query(
            `INSERT INTO outbound_messages (id, wa_id, in_reply_to, message) VALUES ($1, $2, $3, $4::jsonb) ON CONFLICT (id) DO NOTHING`,
            [outboundId(r.inReplyTo, 'reply-closed'), r.waId, r.inReplyTo, JSON.stringify({ type: 'text', body })],
          );
          outbound.push({ id: outboundId(r.inReplyTo, 'reply-closed'), waId: r.waId, inReplyTo: r.inReplyTo, message: { type: 'text', body } });
        }
      }
      if (messageUpdates.length > 0) {
        await tx.query(
          `UPDATE inbound_messages m SET status = u.status, attempts = u.attempts, error = u.error,
                  processed_at = CASE WHEN u.status = 'pending' THEN NULL ELSE now() END
             FROM unnest($1::int8[], $2::text[], $3::int[], $4::text[]) AS u(seq, status, attempts, error)
            WHERE m.seq = u.seq`,
          [messageUpdates.map((u) => u.seq), messageUpdates.map((u) => u.status), messageUpdates.map((u) => u.attempts), messageUpdates.map((u) => u.error)],
        );
      }
      const finished = messageUpdates.filter((u) => u.status !== 'pending').length;
      return { finished, queued: outbound.length, retried: messageUpdates.length - finished };
    });
    if (result.finished > 0) {
      const seconds = (performance.now() - started) / 1000;
      for (let i = 0; i < result.finished; i++) turnLatency.observe(seconds);
    }
    return result;
  }

  async function runOnce(): Promise<number> {
    await resolvePendingMedia();
    const { finished, retried, queued } = await processBatch();
    if (queued > 0) options.onOutbound?.();
    await refreshGauge();
    return finished + retried;
  }

  const loop = createPollLoop({ name: 'inbound-processor', runOnce, pollMs: options.pollMs ?? DEFAULT_POLL_MS, log });
  return { runOnce, start: loop.start, stop: loop.stop, wake: loop.wake };
}
