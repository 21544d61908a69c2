/**
 * `mitra catalog lint`: the same checks as loading, reported instead of thrown, with counts
 * for the summary line ("6 services in 40 departments, 0 errors").
 */
import { readCatalogDir } from './read-catalog-dir.ts';

/** What `lintCatalog` reports. `errors` is empty when the catalog would load. */
export interface CatalogLintReport {
  errors: string[];
  /** Service definitions that passed the definition pipeline. */
  services: number;
  /** Departments that passed validation. */
  departments: number;
}

/** Checks the catalog in `dir` without loading it anywhere. Never throws for catalog problems. */
export async function lintCatalog(dir: string): Promise<CatalogLintReport> {
  const { errors, services, departments } = await readCatalogDir(dir);
  return { errors, services, departments };
}
