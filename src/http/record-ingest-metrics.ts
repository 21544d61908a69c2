/**
 * Turns what `store.ingest` did into Prometheus counts, so the webhook route needs one call.
 * Kept out of `src/storage/` because storage does not depend on the app's metrics.
 */
import type { IngestResult } from '../storage/index.ts';
import { deliveryStatuses, inboundDuplicates, inboundMessages } from '../app/metrics.ts';

/** Adds one ingest's counts to the inbound, duplicate and delivery-status counters. */
export function recordIngestMetrics(result: IngestResult): void {
  for (const [type, n] of Object.entries(result.acceptedByType)) inboundMessages.inc({ type }, n);
  if (result.duplicates > 0) inboundDuplicates.inc(result.duplicates);
  for (const [status, n] of Object.entries(result.statusesByStatus)) deliveryStatuses.inc({ status }, n);
}
