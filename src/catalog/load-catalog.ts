/**
 * Loads the service catalog at start-up and on reload. Either the whole catalog is valid and
 * loaded, or nothing is: a half-loaded catalog would offer services whose departments or
 * popular entries are missing.
 */
import { CatalogLoadError } from './catalog-load-error.ts';
import type { LoadedCatalog } from './loaded-catalog.ts';
import { readCatalogDir } from './read-catalog-dir.ts';

/**
 * Reads, validates and indexes the catalog in `dir` (see `readCatalogDir` for the layout and
 * the checks). Throws {@link CatalogLoadError} listing every error when there is any.
 */
export async function loadCatalog(dir: string): Promise<LoadedCatalog> {
  const result = await readCatalogDir(dir);
  if (!result.catalog) throw new CatalogLoadError(dir, result.errors);
  return result.catalog;
}
