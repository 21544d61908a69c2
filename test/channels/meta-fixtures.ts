/**
 * Loads Meta's published example payloads (copied into test/vectors/meta-examples) for the channel
 * tests, with every key starting with "_" (our provenance notes) removed, as the research notes
 * require. The folder can be moved with MITRA_META_EXAMPLES.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the fixtures live. */
export const META_EXAMPLES_DIR = process.env.MITRA_META_EXAMPLES ?? new URL('../vectors/meta-examples/', import.meta.url).pathname;

function dropNotes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropNotes);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).filter(([key]) => !key.startsWith('_')).map(([k, v]) => [k, dropNotes(v)]));
  }
  return value;
}

/** The fixture `name` (e.g. "webhook-text.json") as a plain payload. */
export function loadMetaExample(name: string): Record<string, unknown> {
  return dropNotes(JSON.parse(readFileSync(join(META_EXAMPLES_DIR, name), 'utf8'))) as Record<string, unknown>;
}

/** Every fixture whose file name matches `pattern`, sorted by name. */
export function metaExampleNames(pattern: RegExp): string[] {
  return readdirSync(META_EXAMPLES_DIR).filter((n) => pattern.test(n)).sort();
}
