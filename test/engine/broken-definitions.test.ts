// The corpus of broken definitions (STYLE.md 9): each test/engine/broken-definitions/*.yaml
// must fail readDefinition with exactly the errors in its sibling .errors.txt.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDefinition, MAX_DEFINITION_BYTES } from '../../src/engine/definition/read-definition.ts';
import { lintDefinition } from '../../src/engine/definition/lint-definition.ts';
import { migrateDefinition, MIGRATIONS } from '../../src/engine/definition/migrations.ts';
import { FIXTURES, loadFixture } from './test-catalog.ts';

const DIR = join(import.meta.dirname, 'broken-definitions');
const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();

test('the corpus has at least 10 cases', () => assert.ok(files.length >= 10));

for (const file of files) {
  test(`broken definition ${file}`, () => {
    const expected = readFileSync(join(DIR, file.replace(/\.yaml$/, '.errors.txt')), 'utf8').trimEnd().split('\n');
    const result = readDefinition(file, readFileSync(join(DIR, file), 'utf8'));
    assert.equal(result.ok, false);
    assert.deepEqual(!result.ok && result.errors, expected);
  });
}

test('every fixture definition reads and lints clean', () => {
  for (const f of readdirSync(FIXTURES).filter((f) => f.endsWith('.yaml') && f !== 'departments.yaml')) {
    assert.deepEqual(lintDefinition(loadFixture(f)), [], f);
  }
});

test('oversized files are refused before parsing', () => {
  const r = readDefinition('big.yaml', `# ${'x'.repeat(MAX_DEFINITION_BYTES)}`);
  assert.deepEqual(r, { ok: false, errors: [`big.yaml: larger than ${MAX_DEFINITION_BYTES} bytes`] });
});

test('the migration registry is in place and empty for spec 1', () => {
  assert.deepEqual(Object.keys(MIGRATIONS), []);
  const raw = { specVersion: 1, id: 'a.b' };
  assert.deepEqual(migrateDefinition(raw, 1), { ok: true, raw });
});
