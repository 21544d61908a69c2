/**
 * Migrations of raw definitions between spec versions (STYLE.md 6): `MIGRATIONS[n]` turns a
 * spec-n object into a spec-(n+1) object. One small function per version, each with a comment
 * saying why and a `{description, original, migrated}` fixture. Published versions are never
 * edited. Spec 1 is the only version today, so the registry is empty but in place.
 */
import { SPEC_VERSION } from './schema.ts';

/** A migration from one spec version to the next, on raw (not yet validated) data. */
export type Migration = (raw: Record<string, unknown>) => Record<string, unknown>;

/** Migrations by the version they migrate FROM. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

/**
 * Brings `raw` (spec `from`) up to {@link SPEC_VERSION}. Returns an error message when a
 * migration is missing; never throws for versions at or below the current one.
 */
export function migrateDefinition(raw: Record<string, unknown>, from: number): { ok: true; raw: Record<string, unknown> } | { ok: false; error: string } {
  let current = raw;
  for (let v = from; v < SPEC_VERSION; v++) {
    const migration = MIGRATIONS[v];
    if (!migration) return { ok: false, error: `no migration from specVersion ${v} to ${v + 1}` };
    current = { ...migration(current), specVersion: v + 1 };
  }
  return { ok: true, raw: current };
}
