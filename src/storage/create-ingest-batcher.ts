/**
 * Group commit for webhook ingest. Under load many webhooks arrive at once; storing each in its
 * own statement makes PostgreSQL the bottleneck. The batcher stores every webhook that arrived
 * while the previous statement ran in ONE `ingest` call, and each caller's promise resolves only
 * after that statement committed, so nothing is acknowledged before it is durable. At low load
 * a webhook is stored at once (no added delay). If a combined statement fails, its webhooks are
 * stored one by one, so one bad webhook fails alone.
 */
import type { IngestBatch, IngestResult, Store } from './store.ts';

/** The most messages and statuses combined into one statement. */
export const MAX_INGEST_BATCH_ITEMS = 2000;

interface Waiting {
  batch: IngestBatch;
  resolve: (r: IngestResult) => void;
  reject: (e: unknown) => void;
}

const size = (b: IngestBatch) => (b.messages?.length ?? 0) + (b.statuses?.length ?? 0) + (b.errors?.length ?? 0) + (b.rejected?.length ?? 0);

/** Wraps `store.ingest` with group commit; same contract, shared result counts per group. */
export function createIngestBatcher(store: Pick<Store, 'ingest'>, opts: { concurrency?: number } = {}) {
  const concurrency = opts.concurrency ?? 2;
  const queue: Waiting[] = [];
  let running = 0;

  function pump(): void {
    while (running < concurrency && queue.length > 0) {
      const group: Waiting[] = [];
      let items = 0;
      while (queue.length > 0 && (group.length === 0 || items + size(queue[0].batch) <= MAX_INGEST_BATCH_ITEMS)) {
        const w = queue.shift()!;
        items += size(w.batch);
        group.push(w);
      }
      running++;
      void flush(group).finally(() => {
        running--;
        pump();
      });
    }
  }

  async function flush(group: Waiting[]): Promise<void> {
    if (group.length === 1) {
      await store.ingest(group[0].batch).then(group[0].resolve, group[0].reject);
      return;
    }
    const combined: IngestBatch = {
      messages: group.flatMap((w) => w.batch.messages ?? []),
      statuses: group.flatMap((w) => w.batch.statuses ?? []),
      errors: group.flatMap((w) => w.batch.errors ?? []),
      rejected: group.flatMap((w) => w.batch.rejected ?? []),
    };
    try {
      const result = await store.ingest(combined);
      // Callers only learn that their webhook is stored; the counts are the group's, reported
      // once (to the first caller) so metrics add up.
      const empty: IngestResult = { accepted: 0, duplicates: 0, acceptedByType: {}, statusesByStatus: {}, outboundAdvanced: 0 };
      group.forEach((w, i) => w.resolve(i === 0 ? result : empty));
    } catch {
      for (const w of group) await store.ingest(w.batch).then(w.resolve, w.reject);
    }
  }

  return {
    ingest(batch: IngestBatch): Promise<IngestResult> {
      return new Promise<IngestResult>((resolve, reject) => {
        queue.push({ batch, resolve, reject });
        pump();
      });
    },
  };
}
