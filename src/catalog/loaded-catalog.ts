/**
 * One loaded, validated catalog: departments, the current version of every service, the
 * popular list and a search index. Immutable once built. It answers `service(id, version)` only
 * for the version it holds; `CatalogStore` keeps older versions for sessions still using them.
 */
import type { Lang } from '../lib/languages.ts';
import type { CatalogView } from '../engine/ports.ts';
import type { Department, DepartmentSystem, ServiceDefinition } from '../engine/definition/schema.ts';
import { WorkingCalendar, type Workflow } from '../workflow/index.ts';
import { ServiceSearchIndex, type SearchHit } from './service-search-index.ts';

/**
 * The back-office data that lives beside the services: workflows (`workflows/*.yaml`) and the
 * general holidays of the years listed (`holidays/<year>.yaml`), for the SLA calendar.
 */
export interface BackOfficeData {
  workflows: readonly Workflow[];
  holidays: { years: readonly number[]; dates: readonly string[] };
}

/** No workflows and no holiday lists (a catalog without a back office). */
export const NO_BACK_OFFICE: BackOfficeData = { workflows: [], holidays: { years: [], dates: [] } };

/**
 * A catalog that passed every check (see `loadCatalog`). Preconditions, checked by the loader
 * and not again here: service ids are unique, every service's department exists, every
 * popular id names a service. `services` MUST be in catalog order (department order, then popular
 * services, then id).
 */
export class LoadedCatalog implements CatalogView {
  readonly #departments: readonly Department[];
  readonly #services: readonly ServiceDefinition[];
  readonly #byId: ReadonlyMap<string, ServiceDefinition>;
  readonly #popular: readonly string[];
  readonly #index: ServiceSearchIndex;
  readonly #systems: ReadonlyMap<string, DepartmentSystem>;
  readonly #backOffice: BackOfficeData;
  readonly #workflows: ReadonlyMap<string, Workflow>;
  #calendar: WorkingCalendar | undefined;

  constructor(departments: readonly Department[], services: readonly ServiceDefinition[], popular: readonly string[], systems: readonly DepartmentSystem[] = [], backOffice: BackOfficeData = NO_BACK_OFFICE) {
    this.#systems = new Map(systems.map((s) => [s.id, s]));
    this.#backOffice = backOffice;
    this.#workflows = new Map(backOffice.workflows.map((w) => [w.id, w]));
    this.#departments = Object.freeze([...departments]);
    this.#services = Object.freeze([...services]);
    this.#byId = new Map(services.map((s) => [s.id, s]));
    this.#popular = Object.freeze([...popular]);
    this.#index = new ServiceSearchIndex(this.#services);
  }

  /** The service `id`; with `version`, only when this catalog holds exactly that version. */
  service(id: string, version?: number): ServiceDefinition | undefined {
    const found = this.#byId.get(id);
    if (!found) return undefined;
    return version === undefined || found.version === version ? found : undefined;
  }

  /** Every service, in catalog order. */
  services(): readonly ServiceDefinition[] {
    return this.#services;
  }

  /** Every department, in display order (most used first). */
  departments(): readonly Department[] {
    return this.#departments;
  }

  /** The department `id`, if it exists. */
  department(id: string): Department | undefined {
    return this.#departments.find((d) => d.id === id);
  }

  /** The services of one department, in catalog order; empty for a department with none yet. */
  servicesInDepartment(departmentId: string): readonly ServiceDefinition[] {
    return this.#services.filter((s) => s.department === departmentId);
  }

  /** The department system or gateway `id`, from `systems.yaml`. */
  system(id: string): DepartmentSystem | undefined {
    return this.#systems.get(id);
  }

  /** Every department system, in file order. */
  systems(): readonly DepartmentSystem[] {
    return [...this.#systems.values()];
  }

  /** Service ids to show first, from `catalog.yaml`. */
  popular(): readonly string[] {
    return this.#popular;
  }

  /** See {@link ServiceSearchIndex.search}: deterministic, never throws. */
  search(text: string, lang: Lang, limit: number): SearchHit[] {
    return this.#index.search(text, lang, limit);
  }

  /** The current version of workflow `id`, if the catalog has it. */
  workflow(id: string): Workflow | undefined {
    return this.#workflows.get(id);
  }

  /** Every workflow, by id order. */
  workflows(): readonly Workflow[] {
    return [...this.#workflows.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** The holiday lists: the years they cover and their dates. */
  holidays(): BackOfficeData['holidays'] {
    return this.#backOffice.holidays;
  }

  /** The working calendar of the SLA clocks (AP office hours, Sundays, second Saturdays, holidays). */
  calendar(): WorkingCalendar {
    this.#calendar ??= new WorkingCalendar({ holidays: this.#backOffice.holidays.dates, years: this.#backOffice.holidays.years });
    return this.#calendar;
  }
}
