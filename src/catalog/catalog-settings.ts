/**
 * The schema of `catalog/catalog.yaml`, the catalog-wide settings file. Strict, so a misspelt
 * key is an error rather than a silently ignored setting.
 */
import { z } from 'zod';

/** `catalog.yaml`: `popular` lists service ids shown first under "popular services", in order. */
export const catalogSettings = z.object({
  popular: z.array(z.string().regex(/^[a-z0-9-]+\.[a-z0-9-]+$/, "must be a service id '<department>.<service>'")).default([]),
}).strict();

/** The parsed content of `catalog.yaml`. */
export type CatalogSettings = z.infer<typeof catalogSettings>;
