// The catalog over HTTP, on every driver: GET /api/catalog and /api/services, and publishing a
// changed catalog without a restart, where a conversation already under way keeps the version
// it started with while a new one gets the new version.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { platformDrivers, startTestPlatform, bodyText, type TestPlatform } from '../support/test-platform.ts';
import { readAdminToken } from '../../src/app/local-secrets.ts';

const CATALOG_DIR = new URL('../../catalog/', import.meta.url).pathname;
const INCOME = 'revenue/income-certificate.yaml';

/** A private catalog folder with the shared files, the back-office workflows and the revenue department only. */
async function catalogCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'mitra-catalog-'));
  for (const f of ['departments.yaml', 'option-sets.yaml', 'systems.yaml']) await cp(join(CATALOG_DIR, f), join(dir, f));
  await writeFile(join(dir, 'catalog.yaml'), 'popular: [revenue.income-certificate]\n');
  for (const folder of ['revenue', 'workflows', 'holidays']) await cp(join(CATALOG_DIR, folder), join(dir, folder), { recursive: true });
  return dir;
}

for (const d of platformDrivers()) {
  describe(`catalog API (${d.name})`, () => {
    let p: TestPlatform;
    let dir: string;
    let token: string;
    before(async () => {
      dir = await catalogCopy();
      p = await startTestPlatform(await d.create(), { CATALOG_DIR: dir });
      token = (await readAdminToken(p.driver.env.DATA_DIR))!;
    });
    after(async () => { await p?.stop(); await rm(dir, { recursive: true, force: true }); });

    const publish = (auth = `Bearer ${token}`) => fetch(`${p.url}/api/admin/catalog/publish`, { method: 'POST', headers: { authorization: auth } });

    it('GET /api/catalog lists departments with their services', async () => {
      const res = await fetch(`${p.url}/api/catalog`);
      assert.equal(res.status, 200);
      const body = await res.json() as { departments: { id: string; name: Record<string, string>; services: { id: string; name: Record<string, string>; fee: unknown; sla: unknown }[] }[]; services: number };
      const revenue = body.departments.find((x) => x.id === 'revenue')!;
      assert.ok(revenue.services.some((s) => s.id === 'revenue.income-certificate'));
      assert.equal(body.services, body.departments.reduce((n, x) => n + x.services.length, 0));
      for (const s of revenue.services) for (const lang of ['te', 'en', 'hi']) assert.ok(s.name[lang]);
    });

    it('GET /api/services answers in the documented shape, best first, in any of the three scripts', async () => {
      for (const [q, lang] of [['income certificate', 'en'], ['ఆదాయ ధృవీకరణ పత్రం', 'te'], ['aay praman patra', 'hi']]) {
        const res = await fetch(`${p.url}/api/services?q=${encodeURIComponent(q)}&lang=${lang}`);
        assert.equal(res.status, 200);
        const body = await res.json() as { results: { id: string; name: Record<string, string>; department: { id: string; name: Record<string, string> }; score: number }[] };
        assert.equal(body.results[0]?.id, 'revenue.income-certificate', q);
        assert.deepEqual(Object.keys(body.results[0].name).sort(), ['en', 'hi', 'te']);
        assert.equal(body.results[0].department.id, 'revenue');
        assert.equal(body.results[0].department.name.te, 'రెవెన్యూ');
        const scores = body.results.map((r) => r.score);
        assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
      }
    });

    it('GET /api/services refuses a missing query, a long one and an unknown language with 400', async () => {
      for (const qs of ['', '?lang=te', `?q=${'x'.repeat(301)}`, '?q=income&lang=fr', '?q=income&limit=500']) {
        const res = await fetch(`${p.url}/api/services${qs}`);
        assert.equal(res.status, 400, qs);
        assert.match(((await res.json()) as { message: string }).message, /'q'|'lang'/);
      }
    });

    it('publishes without a restart; a conversation under way keeps its version, a new one gets the new version', async () => {
      const early = '919811100001';
      const late = '919811100002';
      await p.say(early, 'hi');
      await p.say(early, { type: 'button_reply', id: 'lang:en', title: 'English' });
      // Opened from a list row, so this test depends on versions only, not on search ranking.
      await p.say(early, { type: 'list_reply', id: 'svc:revenue.income-certificate', title: 'Income certificate' });
      const [firstQuestion] = await p.say(early, { type: 'button_reply', id: 'consent:yes', title: 'I agree' });
      assert.match(bodyText(firstQuestion), /full name, as it is on the Aadhaar card/);

      // The operator changes the first question and bumps the version, then publishes.
      const original = await readFile(join(dir, INCOME), 'utf8');
      const changed = original.replace(/^version: \d+$/m, 'version: 2')
        .replace("Please send the applicant's full name, as it is on the Aadhaar card.", "The applicant's full name, exactly as printed on the Aadhaar card?");
      assert.notEqual(changed, original);
      assert.equal((await publish('Bearer wrong')).status, 401);
      assert.equal((await publish('')).status, 401);
      // An edit without a version bump is refused, and nothing changes.
      await writeFile(join(dir, INCOME), changed.replace(/^version: 2$/m, 'version: 1'));
      const conflict = await publish();
      assert.equal(conflict.status, 409);
      assert.deepEqual(((await conflict.json()) as { conflicts: string[] }).conflicts, ['revenue.income-certificate@1']);
      // A broken file is refused with every error listed.
      await writeFile(join(dir, 'revenue/broken.yaml'), 'specVersion: 1\nid: revenue.broken\n');
      const invalid = await publish();
      assert.equal(invalid.status, 422);
      assert.ok(((await invalid.json()) as { errors: string[] }).errors.some((e) => e.startsWith('revenue/broken.yaml')));
      await rm(join(dir, 'revenue/broken.yaml'));
      await writeFile(join(dir, INCOME), changed);
      const ok = await publish();
      assert.equal(ok.status, 200);
      const result = await ok.json() as { changed: boolean; added: string[] };
      assert.equal(result.changed, true);
      assert.deepEqual(result.added, ['revenue.income-certificate@2']);

      // The early citizen goes on with version 1's questions; the late one starts on version 2.
      const [second] = await p.say(early, 'Ravi Kumar');
      assert.match(bodyText(second), /father's or husband's name/i);
      await p.say(late, 'hi');
      await p.say(late, { type: 'button_reply', id: 'lang:en', title: 'English' });
      await p.say(late, { type: 'list_reply', id: 'svc:revenue.income-certificate', title: 'Income certificate' });
      const [lateFirst] = await p.say(late, { type: 'button_reply', id: 'consent:yes', title: 'I agree' });
      assert.match(bodyText(lateFirst), /exactly as printed on the Aadhaar card/);
      const versions = await p.db.query<{ version: number }>("SELECT version FROM service_definitions WHERE service_id = 'revenue.income-certificate' ORDER BY version");
      assert.deepEqual(versions.rows.map((r) => Number(r.version)), [1, 2]);
    });
  });
}
