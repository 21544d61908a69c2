/**
 * The catalog module's public surface: loading and linting the service catalog data, the
 * versioned store the engine reads through `CatalogView`, and multilingual search.
 */
export { loadCatalog } from './load-catalog.ts';
export { lintCatalog, type CatalogLintReport } from './lint-catalog.ts';
export { readCatalogDir, DEPARTMENTS_FILE, SETTINGS_FILE, WORKFLOWS_FOLDER, HOLIDAYS_FOLDER, type CatalogDirResult } from './read-catalog-dir.ts';
export { CatalogLoadError } from './catalog-load-error.ts';
export { LoadedCatalog, NO_BACK_OFFICE, type BackOfficeData } from './loaded-catalog.ts';
export { CatalogStore, CatalogVersionConflictError } from './catalog-store.ts';
export { ServiceSearchIndex, type SearchHit } from './service-search-index.ts';
export { tokenizeSearchText } from './tokenize-search-text.ts';
export { checkMessageLimits } from './check-message-limits.ts';
