/**
 * The idle sweeper: when a citizen's `idle_deadline` has passed, it queues a synthetic inbound
 * message `{ type: 'idle_timeout' }` for the processor and clears the deadline, in one
 * statement. The message id is `idle:<wa_id>:<deadline ISO>`, so two processes sweeping the
 * same deadline store it once (the inbound dedupe on wamid); the processor drops it when the
 * conversation has moved on in the meantime.
 */
import type { Db } from '../../storage/db.ts';
import { createPollLoop, SILENT_LOG, type PollLoop, type WorkerLog } from './poll-loop.ts';

/** Citizens swept per statement. */
export const IDLE_SWEEP_BATCH = 500;
/** Default sweep interval. */
export const DEFAULT_IDLE_POLL_MS = 5000;

/** Options of {@link createIdleSweeper}. */
export interface IdleSweeperOptions {
  db: Db;
  pollMs?: number;
  /** The clock; fixed in tests. */
  now?: () => Date;
  log?: WorkerLog;
  /** Called after it queued idle messages (wire to the processor's `wake`). */
  onQueued?: () => void;
}

/** A sweeper: `runOnce` returns how many idle messages it queued. */
export interface IdleSweeper extends PollLoop {
  runOnce(): Promise<number>;
}

/** The deadline formatted exactly as JS `toISOString()` does, in SQL. */
const ISO_SQL = `to_char(d.idle_deadline AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const SWEEP_SQL = `
WITH due AS (
  SELECT wa_id, idle_deadline FROM citizens
   WHERE idle_deadline IS NOT NULL AND idle_deadline <= $1
   ORDER BY idle_deadline LIMIT $2
   FOR UPDATE SKIP LOCKED
), cleared AS (
  UPDATE citizens c SET idle_deadline = NULL, updated_at = now()
    FROM due d WHERE c.wa_id = d.wa_id
  RETURNING d.wa_id, d.idle_deadline
), queued AS (
  INSERT INTO inbound_messages (wamid, wa_id, type, payload)
  SELECT 'idle:' || d.wa_id || ':' || ${ISO_SQL}, d.wa_id, 'idle_timeout',
         jsonb_build_object('id', 'idle:' || d.wa_id || ':' || ${ISO_SQL}, 'from', d.wa_id, 'at', ${ISO_SQL},
                            'content', jsonb_build_object('type', 'idle_timeout'))
    FROM cleared d
  ON CONFLICT (wamid) DO NOTHING
  RETURNING 1
)
SELECT count(*)::int AS n FROM queued`;

/** Creates the sweeper. */
export function createIdleSweeper(options: IdleSweeperOptions): IdleSweeper {
  const now = options.now ?? (() => new Date());
  async function runOnce(): Promise<number> {
    const { rows } = await options.db.query<{ n: number }>(SWEEP_SQL, [now(), IDLE_SWEEP_BATCH]);
    if (rows[0].n > 0) options.onQueued?.();
    return rows[0].n;
  }
  const loop = createPollLoop({ name: 'idle-sweeper', runOnce, pollMs: options.pollMs ?? DEFAULT_IDLE_POLL_MS, log: options.log ?? SILENT_LOG });
  return { runOnce, ...loop };
}
