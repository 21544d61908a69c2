// End to end through the real webhook: a citizen says "Hi" on WhatsApp (signed payloads from
// the simulator backend), chooses a language, and files a municipal grievance with a photo and
// a location; the application, the stored photo and the replies are checked in the database
// and at the Graph API double. Runs on every available database driver.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { platformDrivers, startTestPlatform, bodyText, choices, type TestPlatform } from '../support/test-platform.ts';
import { leafHash, parseTlogProof, parseVerifierKey, verifyTlogProof } from '../../src/translog/index.ts';

// A 1×1 PNG: the photo a citizen sends.
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1d3fc1d0000000049454e44ae426082', 'hex');

for (const d of platformDrivers()) {
  describe(`a citizen applies through the WhatsApp webhook (${d.name})`, () => {
    let p: TestPlatform;
    before(async () => { p = await startTestPlatform(await d.create()); });
    after(async () => { await p?.stop(); });

    it('files a grievance with a photo and a location and gets a reference number', async () => {
      const w = '919812345678';
      const [welcome] = await p.say(w, 'Hi!!');
      assert.deepEqual(choices(welcome).map((c) => c.id), ['lang:te', 'lang:en', 'lang:hi']);
      const [menu] = await p.say(w, { type: 'button_reply', id: 'lang:te', title: 'తెలుగు' });
      assert.equal(menu.interactive.type, 'list');
      assert.ok(choices(menu).length <= 10);
      assert.match(bodyText(menu), /[\u0C00-\u0C7F]/, 'the menu is in Telugu');
      const [intro] = await p.say(w, { type: 'list_reply', id: 'menu:grievance', title: 'ఫిర్యాదు' });
      // Several grievance services may exist; pick the municipal one when offered a list.
      let consent = intro;
      const municipal = choices(intro).find((c) => /municipal/.test(c.id));
      if (municipal) [consent] = await p.say(w, { type: 'list_reply', id: municipal.id, title: municipal.title });
      assert.ok(choices(consent).some((c) => c.id === 'consent:yes'), bodyText(consent));
      const [category] = await p.say(w, { type: 'button_reply', id: 'consent:yes', title: 'సరే' });
      const garbage = choices(category).find((c) => c.id === 'opt:garbage')!;
      await p.say(w, { type: 'list_reply', id: garbage.id, title: garbage.title });
      const [photoAsk] = await p.say(w, 'వారం రోజులుగా చెత్త తీయలేదు, 9876543210 కి కాల్ చేయండి');
      assert.match(bodyText(photoAsk), /📎/);
      const [districtAsk] = await p.say(w, { type: 'image', base64: PNG.toString('base64'), mimeType: 'image/png' });
      assert.ok(choices(districtAsk).some((c) => c.id === 'opt:srikakulam'), 'the district is asked after the photo');
      // A long list is paged; typing the district's name works too.
      const [locationAsk] = await p.say(w, 'ఎన్టీఆర్');
      assert.equal(locationAsk.interactive?.type ?? locationAsk.type, 'location_request_message');
      await p.say(w, { type: 'location', latitude: 16.5062, longitude: 80.648, name: 'Benz Circle', address: 'Vijayawada' });
      await p.say(w, 'skip');
      const [review] = await p.say(w, 'రవి కుమార్');
      assert.deepEqual(choices(review).map((c) => c.id), ['rev:confirm', 'rev:change', 'rev:cancel']);
      const [done] = await p.say(w, { type: 'button_reply', id: 'rev:confirm', title: 'Confirm' });
      const reference = bodyText(done).match(/MM-\d{6}-[A-Z0-9]{8}/)?.[0];
      assert.ok(reference, `a reference number in: ${bodyText(done)}`);
      assert.ok(bodyText(done).includes(`/r/${reference}`), 'the confirmation links the log receipt');

      const app = await p.store.applicationByReference(reference!);
      assert.equal(app?.waId, w);
      assert.equal(app?.serviceId, 'municipal.grievance');
      assert.equal(app?.lang, 'te');
      const answers = app!.answers as Record<string, any>;
      assert.equal(answers.category, 'garbage');
      assert.equal(answers.location.latitude, 16.5062);
      assert.equal(answers.district, 'ntr');
      const photo = await p.store.getDocument(answers.photo.documentId);
      assert.ok(photo, 'the photo is stored in the database');
      assert.deepEqual(photo!.content, PNG);
      assert.equal(photo!.mimeType, 'image/png');

      // Every request that reached the Graph double obeyed Meta's limits (the double rejects
      // what Meta rejects), and each reply went out once.
      const mine = p.double!.sent.filter((r) => r.to.endsWith(w));
      const ids = mine.map((r) => r.body.biz_opaque_callback_data);
      assert.equal(new Set(ids).size, ids.length);
    });

    it('logs the application in the transparency log: a C2SP proof from /api/log/proof verifies against /log/key', async () => {
      const app = (await p.db.query<{ reference: string }>("SELECT reference FROM applications WHERE wa_id = '919812345678'")).rows[0];
      assert.ok(app);
      // Sequenced and checkpointed within about a second.
      let res: Response | undefined;
      for (let i = 0; i < 50; i++) {
        res = await fetch(`${p.url}/api/log/proof?subject=${app.reference}`);
        if (res.status === 200) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.equal(res?.status, 200);
      const proofText = await res!.text();
      const key = (await (await fetch(`${p.url}/log/key`)).text()).trim();
      const verifier = parseVerifierKey(key);
      assert.ok(verifier.ok);
      const parsed = parseTlogProof(proofText);
      assert.ok(parsed.ok);
      const entries = await p.db.query<{ entry: Uint8Array }>('SELECT entry FROM log_entries WHERE idx = $1', [parsed.proof.index]);
      const leaf = leafHash(entries.rows[0].entry);
      const statement = verifyTlogProof(proofText, leaf, { origin: parsed.proof.body.origin, logVerifiers: [verifier.verifier], witnesses: [], quorum: 0 });
      assert.ok(statement.ok, JSON.stringify(statement));
      assert.equal(statement.index, parsed.proof.index);
      // The entry holds no personal data: no name, no phone number, no answers.
      const text = new TextDecoder().decode(entries.rows[0].entry);
      assert.ok(!text.includes('919812345678') && !text.includes('రవి') && !text.includes('9876543210'), text);
      assert.match(text, /"type":"application_submitted"/);
      // The checkpoint and tiles are served as C2SP tlog-tiles.
      const checkpoint = await fetch(`${p.url}/log/checkpoint`);
      assert.equal(checkpoint.status, 200);
      assert.match(await checkpoint.text(), /^[^\n]+\/log\n\d+\n[A-Za-z0-9+/]{43}=\n\n— /);
      const size = parsed.proof.body.size;
      const tile = await fetch(`${p.url}/log/tile/0/000${size < 256 ? `.p/${size}` : ''}`);
      assert.equal(tile.status, 200);
      assert.equal((await tile.arrayBuffer()).byteLength, Math.min(size, 256) * 32);
      assert.equal((await fetch(`${p.url}/log/tile/0/0000`)).status, 400);
      // The receipt page the citizen's confirmation links to.
      const receipt = await fetch(`${p.url}/r/${app.reference}`);
      assert.equal(receipt.status, 200);
      const html = await receipt.text();
      assert.match(html, /recorded in Mitra's public transparency log/);
      assert.match(html, new RegExp(`<dt>Index · సూచిక</dt><dd>${parsed.proof.index}</dd>`));
      assert.ok(!html.includes('919812345678'), 'no phone number on the receipt');
      assert.equal((await fetch(`${p.url}/r/MM-000000-AAAAAAAA`)).status, 404);
      assert.equal((await fetch(`${p.url}/r/not-a-reference`)).status, 404);
    });

    it('remembers the language and shows the application under "my applications"', async () => {
      const w = '919812345678';
      const [menu] = await p.say(w, 'నమస్తే');
      assert.equal(menu.interactive.type, 'list', 'a returning citizen goes straight to the menu');
      const [apps] = await p.say(w, { type: 'list_reply', id: 'menu:applications', title: 'నా దరఖాస్తులు' });
      assert.match(JSON.stringify(apps), /MM-\d{6}-[A-Z0-9]{8}/);
    });
  });
}
