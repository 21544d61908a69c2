// Catalog publications on every driver: versions are stored once, an unchanged catalog adds no
// publication, an edit without a new version is refused with nothing written, and every old
// version stays readable (what a conversation begun on it needs, even after a restart).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabases, type TestDatabase } from '../support/test-databases.ts';
import { migrate, publishCatalog, readCurrentCatalog, readAllServiceVersions, currentPublicationSeq } from '../../src/storage/index.ts';
import { CatalogVersionConflictError, LoadedCatalog } from '../../src/catalog/index.ts';
import { loadFixture } from '../engine/test-catalog.ts';
import type { ServiceDefinition } from '../../src/engine/definition/schema.ts';

const departments = [{ id: 'revenue', name: { te: 'రెవెన్యూ', en: 'Revenue', hi: 'राजस्व' } }, { id: 'civil-supplies', name: { te: 'పౌర సరఫరాలు', en: 'Civil Supplies', hi: 'नागरिक आपूर्ति' } }];
const catalogOf = (services: ServiceDefinition[], popular: string[] = []) => new LoadedCatalog(departments, services, popular, []);

for (const driver of testDatabases()) {
  describe(`catalog publications (${driver.name})`, () => {
    let t: TestDatabase;
    before(async () => { t = await driver.open(); await migrate(t.db); });
    after(async () => t.cleanup());

    const income = loadFixture('income-certificate.yaml');
    const ration = loadFixture('ration-card.yaml');

    it('starts empty, publishes, and reads the same catalog back', async () => {
      assert.equal(await currentPublicationSeq(t.db), 0);
      assert.equal(await readCurrentCatalog(t.db), undefined);
      const first = await publishCatalog(t.db, catalogOf([income, ration], [income.id]), 'test');
      assert.equal(first.changed, true);
      assert.deepEqual(first.added.sort(), [`${income.id}@${income.version}`, `${ration.id}@1`].sort());
      const back = await readCurrentCatalog(t.db);
      assert.equal(back?.seq, first.seq);
      assert.deepEqual(back?.catalog.services().map((s) => s.id), [income.id, ration.id]);
      assert.deepEqual(back?.catalog.service(income.id), income);
      assert.deepEqual(back?.catalog.popular(), [income.id]);
      assert.equal(back?.catalog.search('income', 'en', 1)[0]?.serviceId, income.id);
    });

    it('adds no publication for an identical catalog', async () => {
      const seq = await currentPublicationSeq(t.db);
      const again = await publishCatalog(t.db, catalogOf([income, ration], [income.id]), 'test');
      assert.deepEqual(again, { seq, changed: false, added: [] });
    });

    it('refuses an edited service that kept its version, and writes nothing', async () => {
      const seq = await currentPublicationSeq(t.db);
      const edited = { ...income, name: { ...income.name, en: 'Income certificate (new)' } };
      await assert.rejects(publishCatalog(t.db, catalogOf([edited, ration]), 'test'), (err: unknown) =>
        err instanceof CatalogVersionConflictError && err.conflicts.join() === `${income.id}@${income.version}`);
      assert.equal(await currentPublicationSeq(t.db), seq);
    });

    it('publishes a new version and keeps the old one readable', async () => {
      const v2 = { ...income, version: income.version + 1, name: { ...income.name, en: 'Income certificate (v2)' } };
      const r = await publishCatalog(t.db, catalogOf([v2, ration]), 'test');
      assert.deepEqual(r.added, [`${income.id}@${income.version + 1}`]);
      const current = await readCurrentCatalog(t.db);
      assert.equal(current?.catalog.service(income.id)?.version, income.version + 1);
      const all = await readAllServiceVersions(t.db);
      assert.deepEqual(all.filter((d) => d.id === income.id).map((d) => d.version), [income.version, income.version + 1]);
    });

    it('records a publication when only the popular list changes', async () => {
      const before = await currentPublicationSeq(t.db);
      const v2 = (await readCurrentCatalog(t.db))!.catalog.service(income.id)!;
      const r = await publishCatalog(t.db, catalogOf([v2, ration], [ration.id]), 'test');
      assert.equal(r.changed, true);
      assert.ok(r.seq > before);
      assert.deepEqual((await readCurrentCatalog(t.db))?.catalog.popular(), [ration.id]);
    });
  });
}
