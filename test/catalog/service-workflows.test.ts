// Services and their back-office workflows (issue #4): the catalog reader reads
// catalog/workflows/*.yaml and the holiday lists, and lints that every service's workflow
// (named, or the default of its kind) exists; publishing keeps every workflow version.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintCatalog, loadCatalog, CatalogVersionConflictError, LoadedCatalog } from '../../src/catalog/index.ts';
import { testDatabases, type TestDatabase } from '../support/test-databases.ts';
import { migrate, publishCatalog, readCurrentCatalog, readAllWorkflowVersions } from '../../src/storage/index.ts';

const CATALOG_DIR = new URL('../../catalog/', import.meta.url).pathname;
const INCOME = 'revenue/income-certificate.yaml';

describe('service workflows in the catalog', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mitra-workflows-'));
    await cp(CATALOG_DIR, dir, { recursive: true });
  });
  after(async () => rm(dir, { recursive: true, force: true }));

  it('loads the workflows and the 2026 holidays with the catalog', async () => {
    const catalog = await loadCatalog(dir);
    assert.deepEqual(catalog.workflows().map((w) => w.id), ['application-single-level', 'certificate-two-level', 'grievance']);
    assert.deepEqual(catalog.holidays().years, [2026]);
    assert.equal(catalog.calendar().isWorkingDay('2026-01-26'), false, 'Republic Day');
    assert.equal(catalog.calendar().isWorkingDay('2026-01-27'), true);
  });

  it('names a missing workflow with its file, a named one and "none" are accepted', async () => {
    const original = await readFile(join(dir, INCOME), 'utf8');
    try {
      await writeFile(join(dir, INCOME), original.replace('certificateType: income', 'certificateType: income\nworkflow: no-such-flow'));
      const bad = await lintCatalog(dir);
      assert.deepEqual(bad.errors, [`${INCOME}: workflow 'no-such-flow' is not in workflows/`]);
      await writeFile(join(dir, INCOME), original.replace('certificateType: income', 'certificateType: income\nworkflow: application-single-level'));
      assert.deepEqual((await lintCatalog(dir)).errors, []);
      await writeFile(join(dir, INCOME), original.replace('certificateType: income', 'certificateType: income\nworkflow: none'));
      assert.deepEqual((await lintCatalog(dir)).errors, []);
    } finally {
      await writeFile(join(dir, INCOME), original);
    }
  });

  it('reports a catalog without its workflows folder, and a broken workflow file', async () => {
    const elsewhere = await mkdtemp(join(tmpdir(), 'mitra-workflows-'));
    try {
      for (const f of ['departments.yaml', 'option-sets.yaml', 'systems.yaml']) await cp(join(CATALOG_DIR, f), join(elsewhere, f));
      await cp(join(CATALOG_DIR, 'revenue'), join(elsewhere, 'revenue'), { recursive: true });
      const report = await lintCatalog(elsewhere);
      assert.ok(report.errors.some((e) => e === `${INCOME}: workflow 'certificate-two-level' is not in workflows/ (the default for kind 'certificate'; name another with 'workflow:', or 'workflow: none')`), report.errors.join('\n'));
      await cp(join(CATALOG_DIR, 'workflows'), join(elsewhere, 'workflows'), { recursive: true });
      await writeFile(join(elsewhere, 'workflows', 'grievance.yaml'), 'specVersion: 1\nid: grievance\n');
      const broken = await lintCatalog(elsewhere);
      assert.ok(broken.errors.some((e) => e.startsWith('workflows/grievance.yaml: ')), broken.errors.join('\n'));
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });
});

for (const driver of testDatabases()) {
  describe(`workflow publications (${driver.name})`, () => {
    let t: TestDatabase;
    before(async () => { t = await driver.open(); await migrate(t.db); });
    after(async () => t.cleanup());

    it('stores every workflow version, reads the current ones back, and refuses an edit without a new version', async () => {
      const catalog = await loadCatalog(CATALOG_DIR);
      const first = await publishCatalog(t.db, catalog, 'test');
      assert.ok(first.added.includes('workflow certificate-two-level@1'));
      const back = await readCurrentCatalog(t.db);
      assert.deepEqual(back?.catalog.workflow('certificate-two-level'), catalog.workflow('certificate-two-level'));
      assert.deepEqual(back?.catalog.holidays(), catalog.holidays());
      const w = catalog.workflow('grievance')!;
      const edited = { ...w, description: 'edited without a new version' };
      const withEdit = new LoadedCatalog(catalog.departments(), catalog.services(), catalog.popular(), catalog.systems(), { workflows: [...catalog.workflows().filter((x) => x.id !== 'grievance'), edited], holidays: catalog.holidays() });
      await assert.rejects(publishCatalog(t.db, withEdit, 'test'), (err: unknown) => err instanceof CatalogVersionConflictError && err.conflicts.includes('workflow grievance@1'));
      const bumped = new LoadedCatalog(catalog.departments(), catalog.services(), catalog.popular(), catalog.systems(), { workflows: [...catalog.workflows().filter((x) => x.id !== 'grievance'), { ...edited, version: 2 }], holidays: catalog.holidays() });
      const second = await publishCatalog(t.db, bumped, 'test');
      assert.deepEqual(second.added, ['workflow grievance@2']);
      const versions = (await readAllWorkflowVersions(t.db)).filter((x) => x.id === 'grievance').map((x) => x.version);
      assert.deepEqual(versions, [1, 2], 'applications begun on version 1 finish on it');
    });
  });
}
