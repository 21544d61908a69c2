/**
 * What the pure engine needs from outside, passed in once per turn (STYLE.md 3). Nothing here
 * does I/O: the caller gathers these facts before the turn and commits the result after it.
 */
import type { Lang } from '../lib/languages.ts';
import type { Department, DepartmentSystem, ServiceDefinition } from './definition/schema.ts';

/** A read-only view of the loaded catalog. */
export interface CatalogView {
  /** The service `id` at `version`, or its current version when `version` is omitted. */
  service(id: string, version?: number): ServiceDefinition | undefined;
  /** The current version of every service, in catalog order. */
  services(): readonly ServiceDefinition[];
  /** Every department, in display order. */
  departments(): readonly Department[];
  /** The department system or payment gateway `id` (its public name), if listed. */
  system(id: string): DepartmentSystem | undefined;
  /** Service ids to show first under "popular services". */
  popular(): readonly string[];
  /**
   * Services matching free text typed by a citizen, best first. MUST be deterministic and MUST
   * NOT throw on any input.
   */
  search(text: string, lang: Lang, limit: number): { serviceId: string; score: number }[];
}

/** A summary of one of the citizen's applications, for "my applications". */
export interface ApplicationSummary {
  reference: string;
  serviceId: string;
  /**
   * The status the citizen sees (a back-office workflow status such as `pending_approval`).
   * `info_requested` means an officer waits for the citizen's reply: the engine then takes
   * the citizen's next free text or file as that reply (with a confirmation).
   */
  status: string;
  submittedAt: string;
  /** The officer's reason given with the latest change of status (a rejection, a request). */
  reason?: string;
  /** When the status last changed (ISO 8601). */
  updatedAt?: string;
}

/** A document the citizen can download again, for "my documents". */
export interface DocumentSummary {
  documentId: string;
  filename: string;
  title: string;
  issuedAt: string;
}

/** Facts about the citizen that the caller loads before the turn. */
export interface CitizenFacts {
  applications: readonly ApplicationSummary[];
  documents: readonly DocumentSummary[];
}

/** Operator settings the engine obeys. */
export interface EngineSettings {
  /** Minutes of silence after which a half-finished conversation expires. */
  idleTimeoutMinutes: number;
  /** The public origin, for links shown to citizens. */
  publicBaseUrl: string;
}

/** Everything the engine may consult in one turn. */
export interface EngineContext {
  /** The current time; fixed in tests. */
  now: Date;
  /** A fresh unique id (seeded in tests). Used for application reference numbers. */
  newId: () => string;
  catalog: CatalogView;
  citizen: CitizenFacts;
  settings: EngineSettings;
}
