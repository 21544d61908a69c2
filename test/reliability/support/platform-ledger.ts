/**
 * What the platform recorded, read straight from its tables, for the exactly-once and
 * ordering assertions every reliability test makes: inbound rows by wamid, outbound rows by
 * citizen in outbox order, sessions' version counters.
 */
import type { Queryable } from '../../../src/storage/db.ts';

/** One inbound row. */
export interface InboundRow {
  wamid: string;
  waId: string;
  status: string;
  attempts: number;
}

/** One outbound row. */
export interface OutboundRow {
  seq: number;
  id: string;
  waId: string;
  inReplyTo: string | null;
  status: string;
  lastError: unknown;
}

/** A snapshot of the queues and sessions. */
export interface Ledger {
  inbound: Map<string, InboundRow>;
  /** Outbound rows in `seq` order. */
  outbound: OutboundRow[];
  /** `citizens.session_version` (turns committed) per citizen. */
  sessionVersions: Map<string, number>;
}

/** Reads the whole ledger (test databases are small). */
export async function readLedger(db: Queryable): Promise<Ledger> {
  const inbound = await db.query<any>(`SELECT wamid, wa_id, status, attempts FROM inbound_messages`, []);
  const outbound = await db.query<any>(`SELECT seq, id, wa_id, in_reply_to, status, last_error FROM outbound_messages ORDER BY seq`, []);
  const citizens = await db.query<any>(`SELECT wa_id, session_version FROM citizens`, []);
  return {
    inbound: new Map(inbound.rows.map((r) => [r.wamid, { wamid: r.wamid, waId: r.wa_id, status: r.status, attempts: r.attempts }])),
    outbound: outbound.rows.map((r) => ({ seq: Number(r.seq), id: r.id, waId: r.wa_id, inReplyTo: r.in_reply_to, status: r.status, lastError: r.last_error })),
    sessionVersions: new Map(citizens.rows.map((r) => [r.wa_id, Number(r.session_version)])),
  };
}

/** True when nothing is pending in the inbox and nothing queued or in flight in the outbox. */
export async function isDrained(db: Queryable): Promise<boolean> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT ((SELECT count(*) FROM inbound_messages WHERE status = 'pending')
           + (SELECT count(*) FROM outbound_messages WHERE status IN ('queued', 'sending')))::int AS n`,
    [],
  );
  return rows[0].n === 0;
}

/** How often each value occurs in `values`, keeping only those seen more than once. */
export function duplicatesOf(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return new Map([...counts].filter(([, n]) => n > 1));
}

/** Groups `items` by `key`, keeping their order. */
export function groupInOrder<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k) ?? [];
    list.push(item);
    groups.set(k, list);
  }
  return groups;
}
