/**
 * The storage module's public surface (STYLE.md 15): open a database, migrate it, and use the
 * store. Workers live in `src/app/workers/` and use the same contract.
 */
export type { Db, Queryable, QueryResult, DatabaseDriver } from './db.ts';
export { openDatabase, type OpenDatabaseOptions } from './open-database.ts';
export { openPglite, IN_MEMORY, type PgliteOptions } from './open-pglite.ts';
export { openPostgres, type PostgresOptions } from './open-postgres.ts';
export { acquireDataDirLock, DataDirLockedError, LOCK_FILE_NAME, type DataDirLock } from './data-dir-lock.ts';
export { migrate, listMigrations, MIGRATIONS_DIR, type Migration } from './migrate.ts';
export {
  createStore,
  type Store,
  type IngestBatch,
  type IngestStatus,
  type IngestError,
  type IngestRejected,
  type IngestResult,
  type ApplicationRecord,
  type DocumentRecord,
  type DocumentWithContent,
  type NewDocument,
  type CitizenRecord,
  type OutboundRecord,
  type QueueCounts,
  type StorageHealth,
} from './store.ts';
export { loadCitizenFacts } from './load-citizen-facts.ts';
export { createIngestBatcher, MAX_INGEST_BATCH_ITEMS } from './create-ingest-batcher.ts';
export { OUTBOUND_STATUS_ORDER, type OutboundStatus } from './outbound-status-order.ts';
export { publishCatalog, readCurrentCatalog, readAllServiceVersions, readAllWorkflowVersions, currentPublicationSeq, type PublishResult, type StoredCatalog } from './catalog-publications.ts';
export {
  enqueueLogEntry, enqueueLogEntries, sequenceBatch, readLogState, readTile, readEntries, entriesAbout, createTileHashSource, frontierFromTiles, logQueueDepth,
  storeCheckpoint, latestCheckpoint, listCheckpoints, storeCosignature, listCosignatures, logOpening, MAX_SEQUENCE_BATCH,
  type LogRecord, type LogState, type SequenceResult, type StoredCheckpoint,
} from './log-store.ts';
export {
  createOfficer, officerByUsername, officerById, countOfficers, recordLoginFailure, recordLoginSuccess, createSession, sessionByTokenHash, deleteSession,
  deleteExpiredSessions, OfficerExistsError, type OfficerRecord, type OfficerWithHash, type NewOfficer, type OfficerSession, type NewSession,
} from './officer-store.ts';
export {
  listInbox, inboxCounts, applicationById, claimSlaChecks, updateApplicationWorkflow, insertActions, actionsFor, insertBreaches, breachesFor,
  queueMessages, linkDocuments, documentsOfApplication, citizenLang,
  type BackOfficeApplication, type WorkflowUpdate, type ActionRow, type StoredAction, type BreachRow, type QueuedMessage, type InboxQuery,
  type InboxPage, type ApplicationDocument,
} from './back-office-store.ts';
export {
  queueCertificateRequest, claimCertificateRequests, deleteCertificateRequest, failCertificateRequest, pendingCertificateRequests,
  reserveCertificateNumbers, insertCertificates, certificateByNumber, certificateOfApplication, claimUndeliveredCertificates,
  storeCertificatePdf, revokeCertificate, type CertificateRequest, type CertificateRecord, type NewCertificate,
} from './certificate-store.ts';
