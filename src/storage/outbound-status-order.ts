/**
 * The order in which an outbound message's status may advance. Statuses only move forward:
 * a late `sent` webhook never undoes `read`. `failed` ranks above `sent` (Meta reports a
 * delivery failure after accepting the message) but below `delivered`/`read`, which are the
 * channel's proof that the citizen got it.
 */
export const OUTBOUND_STATUS_ORDER = ['queued', 'sending', 'sent', 'failed', 'delivered', 'read'] as const;

/** An outbound message's status. */
export type OutboundStatus = (typeof OUTBOUND_STATUS_ORDER)[number];

/** SQL array literal of {@link OUTBOUND_STATUS_ORDER}, for `array_position(…)` ranks in SQL. */
export const OUTBOUND_STATUS_ARRAY_SQL = `ARRAY[${OUTBOUND_STATUS_ORDER.map((s) => `'${s}'`).join(',')}]::text[]`;

/** SQL expression: the rank (1-based) of the status in `column`, NULL for unknown statuses. */
export function statusRankSql(column: string): string {
  return `array_position(${OUTBOUND_STATUS_ARRAY_SQL}, ${column})`;
}
