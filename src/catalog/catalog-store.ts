/**
 * The process's catalog, across reloads. Publishing a new catalog changes what new
 * conversations see, while a conversation that started on version 1 of a service keeps
 * answering against version 1 until it ends: every version of every service published in this
 * process stays reachable through `service(id, version)`.
 *
 * Published versions are never edited (STYLE.md 6): publishing different content under an id
 * and version already published is refused, so a change MUST bump `version`.
 */
import type { Lang } from '../lib/languages.ts';
import type { CatalogView } from '../engine/ports.ts';
import type { ServiceDefinition } from '../engine/definition/schema.ts';
import type { LoadedCatalog } from './loaded-catalog.ts';
import type { Workflow, WorkingCalendar } from '../workflow/index.ts';
import { canonicalJson } from '../lib/canonical-json.ts';

/**
 * Thrown by `CatalogStore.publish` when a catalog changes a service without bumping its
 * version. Nothing is published in that case.
 */
export class CatalogVersionConflictError extends Error {
  override readonly name = 'CatalogVersionConflictError';

  constructor(
    /** Each conflicting service, as `<id>@<version>`. */
    readonly conflicts: readonly string[],
  ) {
    super(`catalog changes published service versions without bumping 'version': ${conflicts.join(', ')}`);
  }
}

/** Holds the current catalog and every service version published so far. */
export class CatalogStore {
  #current: LoadedCatalog;
  /** `<id>@<version>` → the definition and its canonical JSON (to detect edits). */
  readonly #history = new Map<string, { definition: ServiceDefinition; canonical: string }>();
  /** `<id>@<version>` → a workflow and its canonical JSON; applications finish on their version. */
  readonly #workflows = new Map<string, { workflow: Workflow; canonical: string }>();

  /** Starts with `initial` published. */
  constructor(initial: LoadedCatalog) {
    this.#current = initial;
    this.publish(initial);
  }

  /**
   * A view of the catalog as it is now. The view is a snapshot: listing, search and the
   * current version of each service stay those of the catalog current when it was taken (so
   * one engine turn sees one catalog), while `service(id, version)` answers for any version
   * ever published, including ones published later.
   */
  current(): CatalogView {
    const snapshot = this.#current;
    const history = this.#history;
    return {
      service: (id: string, version?: number) =>
        version === undefined ? snapshot.service(id) : history.get(versionKey(id, version))?.definition,
      services: () => snapshot.services(),
      departments: () => snapshot.departments(),
      system: (id: string) => snapshot.system(id),
      popular: () => snapshot.popular(),
      search: (text: string, lang: Lang, limit: number) => snapshot.search(text, lang, limit),
    };
  }

  /**
   * Makes `loaded` the current catalog. Throws {@link CatalogVersionConflictError}, and changes
   * nothing, when any of its services has the id and version of a published one but different
   * content.
   */
  publish(loaded: LoadedCatalog): void {
    const additions: [string, { definition: ServiceDefinition; canonical: string }][] = [];
    const conflicts: string[] = [];
    for (const definition of loaded.services()) {
      const key = versionKey(definition.id, definition.version);
      const canonical = canonicalJson(definition);
      const known = this.#history.get(key);
      if (known && known.canonical !== canonical) conflicts.push(key);
      else if (!known) additions.push([key, { definition, canonical }]);
    }
    const workflowAdditions: [string, { workflow: Workflow; canonical: string }][] = [];
    for (const workflow of loaded.workflows()) {
      const key = versionKey(workflow.id, workflow.version);
      const canonical = canonicalJson(workflow);
      const known = this.#workflows.get(key);
      if (known && known.canonical !== canonical) conflicts.push(`workflow ${key}`);
      else if (!known) workflowAdditions.push([key, { workflow, canonical }]);
    }
    if (conflicts.length > 0) throw new CatalogVersionConflictError(conflicts);
    for (const [key, entry] of additions) this.#history.set(key, entry);
    for (const [key, entry] of workflowAdditions) this.#workflows.set(key, entry);
    this.#current = loaded;
  }

  /**
   * Workflow `id` at `version` (any version published so far, including ones read back with
   * `rememberWorkflows`), or its current version when `version` is omitted.
   */
  workflow(id: string, version?: number): Workflow | undefined {
    if (version === undefined) return this.#current.workflow(id);
    return this.#workflows.get(versionKey(id, version))?.workflow;
  }

  /** Makes older workflow versions (read back from the database) answerable by `workflow(id, version)`. */
  rememberWorkflows(workflows: readonly Workflow[]): void {
    for (const workflow of workflows) {
      const key = versionKey(workflow.id, workflow.version);
      if (!this.#workflows.has(key)) this.#workflows.set(key, { workflow, canonical: canonicalJson(workflow) });
    }
  }

  /** The working calendar of the current catalog's holiday lists, for SLA clocks. */
  calendar(): WorkingCalendar {
    return this.#current.calendar();
  }

  /**
   * Makes older versions (read back from the database) answerable through
   * `service(id, version)` without changing the current catalog. Versions already known are
   * kept as they are.
   */
  remember(definitions: readonly ServiceDefinition[]): void {
    for (const definition of definitions) {
      const key = versionKey(definition.id, definition.version);
      if (!this.#history.has(key)) this.#history.set(key, { definition, canonical: canonicalJson(definition) });
    }
  }

  /** The catalog current in this process (with its departments, systems and search). */
  loaded(): LoadedCatalog {
    return this.#current;
  }

  /** Every published version of service `id`, ascending. */
  versions(id: string): number[] {
    const found: number[] = [];
    for (const { definition } of this.#history.values()) if (definition.id === id) found.push(definition.version);
    return found.sort((a, b) => a - b);
  }
}

function versionKey(id: string, version: number): string {
  return `${id}@${version}`;
}
