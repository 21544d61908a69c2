import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog, CatalogStore, CatalogVersionConflictError, type LoadedCatalog } from '../../src/catalog/index.ts';

const CATALOG_DIR = new URL('../../catalog/', import.meta.url).pathname;
const ID = 'revenue.income-certificate';

/** A copy of the real catalog with the income certificate edited by `edit`. */
async function editedCatalog(edit: (text: string) => string): Promise<LoadedCatalog> {
  const dir = await mkdtemp(join(tmpdir(), 'mitra-store-'));
  try {
    await cp(CATALOG_DIR, dir, { recursive: true });
    const file = join(dir, 'revenue/income-certificate.yaml');
    await writeFile(file, edit(await readFile(file, 'utf8')));
    return await loadCatalog(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('CatalogStore', () => {
  let v1: LoadedCatalog;
  let v2: LoadedCatalog;
  before(async () => {
    v1 = await loadCatalog(CATALOG_DIR);
    v2 = await editedCatalog((t) => t
      .replace(/^version: 1$/m, 'version: 2')
      .replace('  en: Income certificate\n', '  en: Income certificate (new)\n'));
  });

  it('serves the initial catalog', () => {
    const store = new CatalogStore(v1);
    const view = store.current();
    assert.equal(view.service(ID)?.version, 1);
    assert.equal(view.service(ID, 1)?.version, 1);
    assert.equal(view.service(ID, 2), undefined);
    assert.equal(view.services().length, v1.services().length);
    assert.deepEqual(view.popular(), v1.popular());
    assert.equal(view.departments().length, v1.departments().length);
    assert.equal(view.search('income certificate', 'en', 1)[0].serviceId, ID);
  });

  it('keeps version 1 answering after version 2 is published', () => {
    const store = new CatalogStore(v1);
    store.publish(v2);
    const view = store.current();
    assert.equal(view.service(ID)?.version, 2);
    assert.equal(view.service(ID)?.name.en, 'Income certificate (new)');
    assert.equal(view.service(ID, 1)?.name.en, 'Income certificate');
    assert.equal(view.service(ID, 2)?.name.en, 'Income certificate (new)');
    assert.equal(view.service(ID, 3), undefined);
    assert.deepEqual(store.versions(ID), [1, 2]);
    // Unchanged services keep their one version.
    assert.deepEqual(store.versions('energy.supply-complaint'), [1]);
  });

  it('gives each view a consistent snapshot, while older versions stay reachable', () => {
    const store = new CatalogStore(v1);
    const before = store.current();
    store.publish(v2);
    assert.equal(before.service(ID)?.version, 1, 'a view taken before publish keeps its current version');
    assert.equal(before.service(ID, 2)?.version, 2, 'but can reach versions published later');
    assert.equal(store.current().service(ID)?.version, 2);
  });

  it('refuses a changed service that keeps its version, and publishes nothing', async () => {
    const store = new CatalogStore(v1);
    const edited = await editedCatalog((t) => t.replace('  en: Income certificate\n', '  en: Income proof\n'));
    assert.throws(() => store.publish(edited), (err: unknown) =>
      err instanceof CatalogVersionConflictError && err.conflicts.length === 1 && err.conflicts[0] === `${ID}@1`);
    assert.equal(store.current().service(ID)?.name.en, 'Income certificate');
  });

  it('accepts republishing identical content, even with keys in another order', async () => {
    const store = new CatalogStore(v1);
    const reordered = await editedCatalog((t) => t.replace('kind: certificate\nprovenance: C\n', 'provenance: C\nkind: certificate\n'));
    assert.doesNotThrow(() => store.publish(reordered));
    assert.deepEqual(store.versions(ID), [1]);
  });

  it('rolls back to an older catalog without losing newer versions', () => {
    const store = new CatalogStore(v1);
    store.publish(v2);
    store.publish(v1);
    assert.equal(store.current().service(ID)?.version, 1);
    assert.equal(store.current().service(ID, 2)?.version, 2);
  });
});
