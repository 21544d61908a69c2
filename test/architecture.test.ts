// The dependency direction of DESIGN.md "Modules": arrows point inward, core never imports an
// adapter. This test reads every import in src/ and fails on one that breaks the table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';

const SRC = resolve(import.meta.dirname, '..', 'src');

/** Which top-level modules each module may import (besides itself). */
const ALLOWED: Record<string, string[]> = {
  lib: [],
  engine: ['lib'],
  // The catalog reads the back-office workflows and holidays that live beside the services.
  catalog: ['engine', 'workflow', 'lib'],
  workflow: ['lib'],
  translog: ['lib'],
  certificates: ['translog', 'lib'],
  channels: ['engine', 'catalog', 'workflow', 'certificates', 'translog', 'lib', 'app/metrics'],
  storage: ['engine', 'catalog', 'workflow', 'certificates', 'translog', 'lib'],
  http: ['engine', 'catalog', 'workflow', 'certificates', 'translog', 'lib', 'channels', 'storage', 'app/metrics'],
  app: ['engine', 'catalog', 'workflow', 'certificates', 'translog', 'lib', 'channels', 'storage', 'http', 'app'],
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const moduleOf = (path: string) => relative(SRC, path).split(sep)[0];

test('core modules never import adapters (DESIGN.md module table)', () => {
  const violations: string[] = [];
  for (const file of files(SRC)) {
    const from = moduleOf(file);
    const allowed = ALLOWED[from];
    assert.ok(allowed, `src/${from} is not in the module table of DESIGN.md; add it there and here`);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:import|export)[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const target = resolve(dirname(file), m[1]);
      if (!target.startsWith(SRC)) continue;
      const to = moduleOf(target);
      if (to === from) continue;
      const rel = relative(SRC, target).split(sep).join('/');
      if (allowed.some((a) => a === to || rel.startsWith(`${a}.`) || rel.startsWith(`${a}/`))) continue;
      violations.push(`${relative(SRC, file)} imports ${rel}`);
    }
  }
  assert.deepEqual(violations, []);
});
