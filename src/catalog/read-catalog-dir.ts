/**
 * Reads a catalog directory and checks it as a whole. Layout:
 *
 *   <dir>/departments.yaml            a list of departments, in display order
 *   <dir>/catalog.yaml                catalog-wide settings (optional): `popular`
 *   <dir>/<department>/<service>.yaml one service definition per file (.yml and .json too)
 *   <dir>/workflows/<id>.yaml         back-office workflows (src/workflow, readWorkflows)
 *   <dir>/holidays/<year>.yaml        general holidays of a year, for the SLA calendar
 *
 * Every service file goes through `readDefinition` (the one definition pipeline), then the
 * catalog-level checks: the id matches the path (`revenue/income-certificate.yaml` holds
 * `revenue.income-certificate`), the department exists, ids are unique, service names fit
 * a WhatsApp list row, popular ids exist, the workflow each service needs exists
 * (`serviceWorkflowId`). All errors are collected, never only the first.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, extname, basename } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import {
  choiceOption, department as departmentSchema, departmentSystem, optionSetName, PAYMENT_SYSTEM_ID,
  type Department, type DepartmentSystem, type ServiceDefinition,
} from '../engine/definition/schema.ts';
import { readDefinition } from '../engine/definition/read-definition.ts';
import { serviceWorkflowId } from '../engine/definition/service-workflow.ts';
import { readHolidays, readWorkflows, type Workflow, type WorkflowFile } from '../workflow/index.ts';
import type { OptionSets } from '../engine/definition/expand-option-sets.ts';
import { catalogSettings } from './catalog-settings.ts';
import { checkMessageLimits } from './check-message-limits.ts';
import { LoadedCatalog, type BackOfficeData } from './loaded-catalog.ts';

/** The departments file, relative to the catalog directory. */
export const DEPARTMENTS_FILE = 'departments.yaml';
/** The catalog settings file, relative to the catalog directory. */
export const SETTINGS_FILE = 'catalog.yaml';
/** Shared option lists (`optionSet` in definitions), relative to the catalog directory. */
export const OPTION_SETS_FILE = 'option-sets.yaml';
/** Department systems and the payment gateway that services call. */
export const SYSTEMS_FILE = 'systems.yaml';
/** The folder of back-office workflows, relative to the catalog directory. */
export const WORKFLOWS_FOLDER = 'workflows';
/** The folder of holiday lists (one file per year), relative to the catalog directory. */
export const HOLIDAYS_FOLDER = 'holidays';
/** Folders of the catalog that hold other data (back-office workflows, holiday calendars), not services. */
export const RESERVED_FOLDERS: readonly string[] = [WORKFLOWS_FOLDER, HOLIDAYS_FOLDER];
/** Files at the catalog root that are not service definitions. */
const ROOT_FILES: readonly string[] = ['departments.yaml', 'catalog.yaml', 'option-sets.yaml', 'systems.yaml'];
/** File extensions read as service definitions. */
export const DEFINITION_EXTENSIONS: readonly string[] = ['.yaml', '.yml', '.json'];

/** What reading a catalog directory found: the catalog when there were no errors. */
export interface CatalogDirResult {
  catalog: LoadedCatalog | undefined;
  /** Every error, each starting with a path relative to the catalog directory. Empty on success. */
  errors: string[];
  /** Departments that passed validation. */
  departments: number;
  /** Service definitions that passed `readDefinition`. */
  services: number;
}

/**
 * Reads and checks the catalog in `dir`. Never throws for problems in the catalog's content
 * (they are returned in `errors`); an unreadable `dir` itself is reported as an error too.
 */
export async function readCatalogDir(dir: string): Promise<CatalogDirResult> {
  const errors: string[] = [];
  const departments = await readDepartments(dir, errors);
  const popular = await readSettings(dir, errors);
  const optionSets = await readOptionSets(dir, errors);
  const systems = await readSystems(dir, errors);
  const systemIds = new Set(systems.map((s) => s.id));
  const backOffice = await readBackOffice(dir, errors);
  const workflowIds = new Set(backOffice.workflows.map((w) => w.id));
  const departmentOrder = new Map(departments.map((d, i) => [d.id, i]));

  const byId = new Map<string, { file: string; definition: ServiceDefinition }>();
  let valid = 0;
  for (const file of await listServiceFiles(dir, errors)) {
    let text: string;
    try {
      text = await readFile(join(dir, file), 'utf8');
    } catch (err) {
      errors.push(`${file}: cannot be read: ${(err as Error).message}`);
      continue;
    }
    const result = readDefinition(file, text, { optionSets });
    if (!result.ok) {
      // The definition pipeline names the service once it knows its id; lead with the file
      // so every catalog error points at what to open.
      errors.push(...result.errors.map((e) => (e.startsWith(`${file}:`) ? e : `${file}: ${e}`)));
      continue;
    }
    valid++;
    const definition = result.definition;
    const folder = file.split('/')[0];
    const expectedId = `${folder}.${basename(file, extname(file))}`;
    if (definition.id !== expectedId) {
      errors.push(`${file}: id '${definition.id}' does not match its path (expected '${expectedId}')`);
    }
    if (definition.department !== folder) {
      errors.push(`${file}: department '${definition.department}' does not match its folder '${folder}'`);
    }
    if (!departmentOrder.has(definition.department)) {
      errors.push(`${file}: department '${definition.department}' is not in ${DEPARTMENTS_FILE}`);
    }
    errors.push(...checkMessageLimits(file, definition));
    for (const step of definition.steps) {
      const system = step.type === 'call_department' ? step.system : step.type === 'make_payment' ? PAYMENT_SYSTEM_ID : undefined;
      if (system !== undefined && !systemIds.has(system)) {
        errors.push(`${file}: step '${step.id}': system '${system}' is not in ${SYSTEMS_FILE}`);
      }
    }
    const workflow = serviceWorkflowId(definition);
    if (workflow !== null && !workflowIds.has(workflow)) {
      errors.push(`${file}: workflow '${workflow}' is not in ${WORKFLOWS_FOLDER}/${definition.workflow === undefined ? ` (the default for kind '${definition.kind}'; name another with 'workflow:', or 'workflow: none')` : ''}`);
    }
    const earlier = byId.get(definition.id);
    if (earlier) {
      errors.push(`${file}: duplicate service id '${definition.id}' (also in ${earlier.file})`);
      continue;
    }
    byId.set(definition.id, { file, definition });
  }

  for (const id of popular) {
    if (!byId.has(id)) errors.push(`${SETTINGS_FILE}: popular: unknown service '${id}'`);
  }
  if (new Set(popular).size !== popular.length) errors.push(`${SETTINGS_FILE}: popular: lists a service twice`);

  if (errors.length > 0) return { catalog: undefined, errors, departments: departments.length, services: valid };
  // Catalog order: departments in display order; within one, popular services first (in the
  // popular list's order), then the rest by id. Search ties keep this order.
  const popularRank = (id: string) => (popular.includes(id) ? popular.indexOf(id) : popular.length);
  const services = [...byId.values()].map((e) => e.definition).sort((a, b) =>
    (departmentOrder.get(a.department)! - departmentOrder.get(b.department)!)
    || (popularRank(a.id) - popularRank(b.id))
    || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { catalog: new LoadedCatalog(departments, services, popular, systems, backOffice), errors, departments: departments.length, services: valid };
}

/**
 * Reads `workflows/*.yaml` through the workflow module's own pipeline, and every
 * `holidays/<year>.yaml`. Both folders are optional: a catalog without them has no back office
 * (and then any service that needs a workflow is an error, reported by the caller).
 */
async function readBackOffice(dir: string, errors: string[]): Promise<BackOfficeData> {
  const files: WorkflowFile[] = [];
  for (const name of await listDataFiles(dir, WORKFLOWS_FOLDER, errors)) {
    files.push({ file: `${WORKFLOWS_FOLDER}/${name}`, text: await readFile(join(dir, WORKFLOWS_FOLDER, name), 'utf8') });
  }
  let workflows: Workflow[] = [];
  const read = readWorkflows(files);
  if (read.ok) workflows = [...read.workflows.values()];
  else errors.push(...read.errors);
  const years: number[] = [];
  const dates: string[] = [];
  for (const name of await listDataFiles(dir, HOLIDAYS_FOLDER, errors)) {
    const source = `${HOLIDAYS_FOLDER}/${name}`;
    const result = readHolidays(source, await readFile(join(dir, HOLIDAYS_FOLDER, name), 'utf8'));
    if (!result.ok) {
      errors.push(...result.errors);
      continue;
    }
    if (`${result.holidays.year}` !== basename(name, extname(name))) {
      errors.push(`${source}: holds the holidays of ${result.holidays.year}; the file must be named '${result.holidays.year}.yaml'`);
      continue;
    }
    years.push(result.holidays.year);
    dates.push(...result.holidays.holidays.map((h) => h.date));
  }
  return { workflows, holidays: { years: years.sort(), dates: [...new Set(dates)].sort() } };
}

/** The YAML files directly in `<dir>/<folder>`, sorted; none when the folder does not exist. */
async function listDataFiles(dir: string, folder: string, errors: string[]): Promise<string[]> {
  try {
    const entries = await readdir(join(dir, folder), { withFileTypes: true });
    return entries.filter((e) => e.isFile() && !e.name.startsWith('.') && /\.ya?ml$/i.test(e.name)).map((e) => e.name).sort();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') errors.push(`${folder}/: cannot be read: ${code ?? (err as Error).message}`);
    return [];
  }
}

/** Reads and validates `departments.yaml`; pushes errors; returns the valid departments. */
async function readDepartments(dir: string, errors: string[]): Promise<Department[]> {
  const raw = await readYamlFile(dir, DEPARTMENTS_FILE, errors, true);
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    errors.push(`${DEPARTMENTS_FILE}: must be a list of departments`);
    return [];
  }
  const found: Department[] = [];
  const seen = new Set<string>();
  raw.forEach((entry: unknown, i) => {
    const parsed = departmentSchema.safeParse(entry);
    if (!parsed.success) {
      const id = typeof (entry as { id?: unknown })?.id === 'string' ? ` '${(entry as { id: string }).id}'` : '';
      for (const issue of parsed.error.issues) {
        errors.push(`${DEPARTMENTS_FILE}: [${i}]${id}: ${issue.path.join('.') || '(entry)'}: ${issue.message}`);
      }
      return;
    }
    if (seen.has(parsed.data.id)) {
      errors.push(`${DEPARTMENTS_FILE}: [${i}]: duplicate department id '${parsed.data.id}'`);
      return;
    }
    seen.add(parsed.data.id);
    found.push(parsed.data);
  });
  return found;
}

/** Reads `option-sets.yaml` (optional): a map from set name to a list of choice options. */
async function readOptionSets(dir: string, errors: string[]): Promise<OptionSets> {
  const raw = await readYamlFile(dir, OPTION_SETS_FILE, errors, false);
  const sets = new Map<string, z.infer<typeof choiceOption>[]>();
  if (raw === undefined || raw === null) return sets;
  const parsed = z.record(optionSetName, z.array(choiceOption).min(2).max(100)).safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors.push(`${OPTION_SETS_FILE}: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
    return sets;
  }
  for (const [name, options] of Object.entries(parsed.data)) {
    const ids = options.map((o) => o.id);
    if (new Set(ids).size !== ids.length) errors.push(`${OPTION_SETS_FILE}: ${name}: lists an option id twice`);
    sets.set(name, options);
  }
  return sets;
}

/** Reads `systems.yaml` (optional): the department systems and the payment gateway. */
async function readSystems(dir: string, errors: string[]): Promise<DepartmentSystem[]> {
  const raw = await readYamlFile(dir, SYSTEMS_FILE, errors, false);
  if (raw === undefined || raw === null) return [];
  const parsed = z.array(departmentSystem).safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors.push(`${SYSTEMS_FILE}: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
    return [];
  }
  const ids = parsed.data.map((s) => s.id);
  if (new Set(ids).size !== ids.length) errors.push(`${SYSTEMS_FILE}: lists a system id twice`);
  return parsed.data;
}

/** Reads `catalog.yaml` (optional); pushes errors; returns the popular list. */
async function readSettings(dir: string, errors: string[]): Promise<string[]> {
  const raw = await readYamlFile(dir, SETTINGS_FILE, errors, false);
  if (raw === undefined) return [];
  const parsed = catalogSettings.safeParse(raw ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors.push(`${SETTINGS_FILE}: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
    return [];
  }
  return parsed.data.popular;
}

/**
 * Parses a YAML file of the catalog root. Returns `undefined` when it is missing (an error
 * only when `required`) or broken (always an error).
 */
async function readYamlFile(dir: string, file: string, errors: string[], required: boolean): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(join(dir, file), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || required) {
      errors.push(`${file}: cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    return undefined;
  }
  try {
    return parseYaml(text);
  } catch (err) {
    errors.push(`${file}: not valid YAML: ${(err as Error).message.split('\n')[0]}`);
    return undefined;
  }
}

/**
 * The service definition files under `dir`, as `<department>/<file>` with forward slashes,
 * sorted. Definition files in the wrong place (the root, or a nested folder) are errors; other
 * files (README.md) and hidden entries are ignored.
 */
async function listServiceFiles(dir: string, errors: string[]): Promise<string[]> {
  const isDefinition = (name: string) => DEFINITION_EXTENSIONS.includes(extname(name).toLowerCase());
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    errors.push(`${dir}: cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    return [];
  }
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    if (entry.isFile()) {
      if (isDefinition(entry.name) && !ROOT_FILES.includes(entry.name)) {
        errors.push(`${entry.name}: service files belong in <department>/<service>.yaml, not at the catalog root`);
      }
      continue;
    }
    if (!entry.isDirectory() || RESERVED_FOLDERS.includes(entry.name)) continue;
    for (const inner of await readdir(join(dir, entry.name), { withFileTypes: true })) {
      if (inner.name.startsWith('.')) continue;
      const rel = `${entry.name}/${inner.name}`;
      if (inner.isDirectory()) errors.push(`${rel}: nested folders are not read; service files belong in <department>/<service>.yaml`);
      else if (inner.isFile() && isDefinition(inner.name)) files.push(rel);
    }
  }
  return files.sort();
}
