/**
 * Publishing catalogs into the database, and reading them back. The database is where every
 * process learns which service versions are current (a catalog can be published without a
 * restart, and several processes share one PostgreSQL), and where old versions stay readable
 * for conversations still using them.
 *
 * Published versions are never edited (STYLE.md 6): publishing different content under an id
 * and version already stored is refused with {@link CatalogVersionConflictError}, and nothing is
 * published.
 */
import { createHash } from 'node:crypto';
import { CatalogVersionConflictError, LoadedCatalog, type BackOfficeData } from '../catalog/index.ts';
import type { Department, DepartmentSystem, ServiceDefinition } from '../engine/definition/schema.ts';
import type { Workflow } from '../workflow/index.ts';
import type { Db, Queryable } from './db.ts';
import { canonicalJson } from '../lib/canonical-json.ts';

/** Advisory lock (class, key) held while publishing, so concurrent publishers queue. */
const PUBLISH_LOCK = [7000, 3] as const;

/** What a publication row records besides the definitions themselves. */
interface CatalogFrame {
  departments: Department[];
  popular: string[];
  systems: DepartmentSystem[];
  /** The current version of each service, in catalog order. */
  services: [id: string, version: number][];
  /** The current version of each back-office workflow (absent in publications before 0004). */
  workflows?: [id: string, version: number][];
  /** The holiday lists of the SLA calendar (absent in publications before 0004). */
  holidays?: BackOfficeData['holidays'];
}

/** The outcome of {@link publishCatalog}. */
export interface PublishResult {
  /** The publication now current. */
  seq: number;
  /** False when the catalog was identical to the current one (nothing written). */
  changed: boolean;
  /** Service versions stored for the first time, as `<id>@<version>`. */
  added: string[];
}

/** A publication read back: the catalog and its sequence number. */
export interface StoredCatalog {
  seq: number;
  catalog: LoadedCatalog;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function frameOf(catalog: LoadedCatalog): CatalogFrame {
  return {
    departments: [...catalog.departments()],
    popular: [...catalog.popular()],
    systems: [...catalog.systems()],
    services: catalog.services().map((s) => [s.id, s.version]),
    workflows: catalog.workflows().map((w) => [w.id, w.version]),
    holidays: { years: [...catalog.holidays().years], dates: [...catalog.holidays().dates] },
  };
}

/**
 * Makes `catalog` the current catalog in `db`: stores service versions not stored yet and
 * records a publication when anything differs from the current one. Throws
 * {@link CatalogVersionConflictError} (and writes nothing) when a service changed without a
 * new `version`.
 */
export async function publishCatalog(db: Db, catalog: LoadedCatalog, source: string): Promise<PublishResult> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1, $2)', [...PUBLISH_LOCK]);
    const services = catalog.services();
    const stored = await tx.query<{ service_id: string; version: number; sha256: string }>(
      'SELECT service_id, version, sha256 FROM service_definitions WHERE service_id = ANY($1::text[])',
      [services.map((s) => s.id)],
    );
    const known = new Map(stored.rows.map((r) => [`${r.service_id}@${r.version}`, r.sha256]));
    const conflicts: string[] = [];
    const additions: { def: ServiceDefinition; json: string; hash: string }[] = [];
    for (const def of services) {
      const json = canonicalJson(def);
      const hash = sha256(json);
      const key = `${def.id}@${def.version}`;
      const existing = known.get(key);
      if (existing !== undefined && existing !== hash) conflicts.push(key);
      else if (existing === undefined) additions.push({ def, json, hash });
    }
    // Workflows follow the same rule: an application finishes on the version it began with.
    const workflows = catalog.workflows();
    const storedWorkflows = await tx.query<{ workflow_id: string; version: number; sha256: string }>(
      'SELECT workflow_id, version, sha256 FROM workflow_definitions WHERE workflow_id = ANY($1::text[])',
      [workflows.map((w) => w.id)],
    );
    const knownWorkflows = new Map(storedWorkflows.rows.map((r) => [`${r.workflow_id}@${r.version}`, r.sha256]));
    const workflowAdditions: { workflow: Workflow; json: string; hash: string }[] = [];
    for (const workflow of workflows) {
      const json = canonicalJson(workflow);
      const hash = sha256(json);
      const key = `${workflow.id}@${workflow.version}`;
      const existing = knownWorkflows.get(key);
      if (existing !== undefined && existing !== hash) conflicts.push(`workflow ${key}`);
      else if (existing === undefined) workflowAdditions.push({ workflow, json, hash });
    }
    if (conflicts.length > 0) throw new CatalogVersionConflictError(conflicts);
    for (const { def, json, hash } of additions) {
      await tx.query('INSERT INTO service_definitions (service_id, version, sha256, definition) VALUES ($1, $2, $3, $4::jsonb)', [def.id, def.version, hash, json]);
    }
    for (const { workflow, json, hash } of workflowAdditions) {
      await tx.query('INSERT INTO workflow_definitions (workflow_id, version, sha256, definition) VALUES ($1, $2, $3, $4::jsonb)', [workflow.id, workflow.version, hash, json]);
    }
    const frameJson = canonicalJson(frameOf(catalog));
    const frameHash = sha256(frameJson);
    const latest = await latestPublicationRow(tx);
    if (latest && latest.sha256 === frameHash && additions.length === 0 && workflowAdditions.length === 0) {
      return { seq: latest.seq, changed: false, added: [] };
    }
    const row = await tx.query<{ seq: number }>(
      'INSERT INTO catalog_publications (source, sha256, frame) VALUES ($1, $2, $3::jsonb) RETURNING seq',
      [source, frameHash, frameJson],
    );
    return {
      seq: Number(row.rows[0].seq), changed: true,
      added: [...additions.map((a) => `${a.def.id}@${a.def.version}`), ...workflowAdditions.map((a) => `workflow ${a.workflow.id}@${a.workflow.version}`)],
    };
  });
}

async function latestPublicationRow(q: Queryable): Promise<{ seq: number; sha256: string; frame: CatalogFrame } | undefined> {
  const r = await q.query<{ seq: number; sha256: string; frame: CatalogFrame }>(
    'SELECT seq, sha256, frame FROM catalog_publications ORDER BY seq DESC LIMIT 1',
  );
  return r.rows[0] ? { ...r.rows[0], seq: Number(r.rows[0].seq) } : undefined;
}

/** The sequence number of the current publication, or 0 when nothing was published. Cheap. */
export async function currentPublicationSeq(db: Queryable): Promise<number> {
  const r = await db.query<{ seq: number | null }>('SELECT max(seq) AS seq FROM catalog_publications');
  return Number(r.rows[0]?.seq ?? 0);
}

/** The current publication as a loaded catalog (with its search index), or undefined. */
export async function readCurrentCatalog(db: Queryable): Promise<StoredCatalog | undefined> {
  const latest = await latestPublicationRow(db);
  if (!latest) return undefined;
  const ids = latest.frame.services.map(([id]) => id);
  const versions = latest.frame.services.map(([, v]) => v);
  const r = await db.query<{ service_id: string; version: number; definition: ServiceDefinition }>(
    `SELECT d.service_id, d.version, d.definition FROM service_definitions d
       JOIN unnest($1::text[], $2::int[]) AS cur(id, version) ON d.service_id = cur.id AND d.version = cur.version`,
    [ids, versions],
  );
  const byKey = new Map(r.rows.map((row) => [`${row.service_id}@${row.version}`, row.definition]));
  const services = latest.frame.services.map(([id, v]) => byKey.get(`${id}@${v}`)).filter((d): d is ServiceDefinition => d !== undefined);
  const current = latest.frame.workflows ?? [];
  const w = await db.query<{ workflow_id: string; version: number; definition: Workflow }>(
    `SELECT d.workflow_id, d.version, d.definition FROM workflow_definitions d
       JOIN unnest($1::text[], $2::int[]) AS cur(id, version) ON d.workflow_id = cur.id AND d.version = cur.version`,
    [current.map(([id]) => id), current.map(([, v]) => v)],
  );
  const backOffice: BackOfficeData = { workflows: w.rows.map((row) => row.definition), holidays: latest.frame.holidays ?? { years: [], dates: [] } };
  return { seq: latest.seq, catalog: new LoadedCatalog(latest.frame.departments, services, latest.frame.popular, latest.frame.systems, backOffice) };
}

/** Every stored version of every workflow (for applications started on older versions). */
export async function readAllWorkflowVersions(db: Queryable): Promise<Workflow[]> {
  const r = await db.query<{ definition: Workflow }>('SELECT definition FROM workflow_definitions ORDER BY workflow_id, version');
  return r.rows.map((row) => row.definition);
}

/** Every stored version of every service (for conversations started on older versions). */
export async function readAllServiceVersions(db: Queryable): Promise<ServiceDefinition[]> {
  const r = await db.query<{ definition: ServiceDefinition }>('SELECT definition FROM service_definitions ORDER BY service_id, version');
  return r.rows.map((row) => row.definition);
}
