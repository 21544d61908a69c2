// A tiny in-memory CatalogView for engine tests: definitions read from test/engine/fixtures
// through the real readDefinition pipeline, and a simple deterministic word-match search.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readDefinition } from '../../src/engine/definition/read-definition.ts';
import type { Department, ServiceDefinition } from '../../src/engine/definition/schema.ts';
import type { CatalogView } from '../../src/engine/ports.ts';
import { LANGUAGES, type Lang } from '../../src/lib/languages.ts';

export const FIXTURES = join(import.meta.dirname, 'fixtures');

/** What a golden file says about its catalog. */
export interface CatalogSpec {
  services: string[];
  departments?: string;
  /** Extra generated departments (for paging tests). */
  extraDepartments?: number;
  popular?: string[];
  /** Older versions to keep available by (id, version) too. */
}

export function loadFixture(file: string): ServiceDefinition {
  const result = readDefinition(file, readFileSync(join(FIXTURES, file), 'utf8'));
  if (!result.ok) throw new Error(`fixture ${file}: ${result.errors.join('; ')}`);
  return result.definition;
}

const words = (s: string) => s.toLowerCase().normalize('NFC').split(/[^\p{L}\p{M}\p{N}]+/u).filter((w) => w.length > 1);

export function buildCatalog(spec: CatalogSpec, extraVersions: ServiceDefinition[] = []): CatalogView {
  const defs = spec.services.map(loadFixture);
  const departments: Department[] = spec.departments
    ? (parse(readFileSync(join(FIXTURES, spec.departments), 'utf8')) as Department[])
    : [];
  for (let i = 1; i <= (spec.extraDepartments ?? 0); i++) {
    departments.push({ id: `dept-${i}`, name: { te: `శాఖ ${i}`, en: `Department ${i}`, hi: `विभाग ${i}` } });
  }
  return {
    service(id, version) {
      const all = [...defs, ...extraVersions];
      if (version === undefined) return defs.find((d) => d.id === id);
      return all.find((d) => d.id === id && d.version === version);
    },
    services: () => defs,
    departments: () => departments,
    system: (id: string) => (id === 'payments' || id === 'apspdcl'
      ? { id, name: { te: `${id} (te)`, en: id === 'payments' ? 'Online payment' : 'APSPDCL billing system', hi: `${id} (hi)` }, department: null }
      : undefined),
    popular: () => spec.popular ?? defs.map((d) => d.id),
    search(text: string, lang: Lang, limit: number) {
      const query = new Set(words(String(text)));
      const scored = defs.map((d) => {
        const hay = new Set([
          ...LANGUAGES.flatMap((l) => words(d.name[l])),
          ...(d.keywords ? LANGUAGES.flatMap((l) => d.keywords![l].flatMap(words)) : []),
        ]);
        let score = 0;
        for (const w of query) if (hay.has(w)) score++;
        return { serviceId: d.id, score };
      }).filter((r) => r.score > 0);
      void lang;
      return scored.sort((a, b) => b.score - a.score || a.serviceId.localeCompare(b.serviceId)).slice(0, limit);
    },
  };
}
