/**
 * Keeps this process's catalog in step with the database. On start, the catalog folder is
 * published (a no-op when nothing changed) and every stored version is loaded, so
 * conversations begun before a restart finish on the version they started with. Then a poll
 * notices publications made by other processes (`mitra catalog publish`, the admin API) and
 * makes them current here, without a restart.
 */
import { CatalogLoadError, CatalogStore, readCatalogDir } from '../catalog/index.ts';
import { currentPublicationSeq, publishCatalog, readAllServiceVersions, readAllWorkflowVersions, readCurrentCatalog, type Db, type PublishResult } from '../storage/index.ts';
import { createPollLoop, type WorkerLog } from './workers/poll-loop.ts';

/** How often other processes' publications are looked for, by default. */
export const CATALOG_POLL_MS = 2000;

/** A catalog kept in sync with the database. */
export interface CatalogSync {
  store: CatalogStore;
  /** Reads `dir`, publishes it and makes it current here. Throws CatalogLoadError or CatalogVersionConflictError. */
  publishFolder(source: string): Promise<PublishResult>;
  /** Starts watching for publications by other processes. */
  start(): void;
  stop(): Promise<void>;
}

/** Publishes `dir` into `db`, then loads the current catalog and every stored version. */
export async function openCatalogSync(db: Db, dir: string, log: WorkerLog, pollMs = CATALOG_POLL_MS): Promise<CatalogSync> {
  const publishFolder = async (source: string): Promise<PublishResult> => {
    const read = await readCatalogDir(dir);
    if (!read.catalog) throw new CatalogLoadError(dir, read.errors);
    const result = await publishCatalog(db, read.catalog, source);
    await refresh();
    return result;
  };
  let seq = 0;
  let store: CatalogStore | undefined;
  const refresh = async (): Promise<void> => {
    const current = await readCurrentCatalog(db);
    if (!current) return;
    if (!store) store = new CatalogStore(current.catalog);
    store.remember(await readAllServiceVersions(db));
    store.rememberWorkflows(await readAllWorkflowVersions(db));
    if (current.seq !== seq) {
      store.publish(current.catalog);
      if (seq !== 0) log.info({ seq: current.seq, services: current.catalog.services().length }, 'catalog publication applied');
      seq = current.seq;
    }
  };
  await publishFolder('catalog folder (start)');
  const loop = createPollLoop({
    pollMs,
    log,
    name: 'catalog-sync',
    runOnce: async () => {
      if ((await currentPublicationSeq(db)) !== seq) await refresh();
      return 0;
    },
  });
  return {
    get store() { return store!; },
    publishFolder,
    start: () => loop.start(),
    stop: () => loop.stop(),
  };
}
