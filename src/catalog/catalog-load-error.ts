/**
 * Thrown by `loadCatalog` when the catalog directory has any error. Carries every error found
 * (not only the first), each starting with a file path relative to the catalog directory, so an
 * operator fixes them all in one pass.
 */
export class CatalogLoadError extends Error {
  override readonly name = 'CatalogLoadError';

  constructor(
    /** The catalog directory, as given to `loadCatalog`. */
    readonly dir: string,
    /** Every error, e.g. `revenue/income-certificate.yaml: id 'x' does not match its path`. */
    readonly errors: readonly string[],
  ) {
    super(`catalog ${dir} has ${errors.length} error${errors.length === 1 ? '' : 's'}:\n${errors.map((e) => `  ${e}`).join('\n')}`);
  }
}
