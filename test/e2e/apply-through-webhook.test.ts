// End to end through the real webhook: a citizen says "Hi" on WhatsApp (signed payloads from
// the simulator backend), chooses a language, and files a municipal grievance with a photo and
// a location; the application, the stored photo and the replies are checked in the database
// and at the Graph API double. Runs on every available database driver.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { platformDrivers, startTestPlatform, bodyText, choices, type TestPlatform } from '../support/test-platform.ts';

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
      const [locationAsk] = await p.say(w, { type: 'image', base64: PNG.toString('base64'), mimeType: 'image/png' });
      assert.equal(locationAsk.interactive?.type ?? locationAsk.type, 'location_request_message');
      await p.say(w, { type: 'location', latitude: 16.5062, longitude: 80.648, name: 'Benz Circle', address: 'Vijayawada' });
      await p.say(w, 'skip');
      const [review] = await p.say(w, 'రవి కుమార్');
      assert.deepEqual(choices(review).map((c) => c.id), ['rev:confirm', 'rev:change', 'rev:cancel']);
      const [done] = await p.say(w, { type: 'button_reply', id: 'rev:confirm', title: 'Confirm' });
      const reference = bodyText(done).match(/MM-\d{6}-[A-Z0-9]{8}/)?.[0];
      assert.ok(reference, `a reference number in: ${bodyText(done)}`);

      const app = await p.store.applicationByReference(reference!);
      assert.equal(app?.waId, w);
      assert.equal(app?.serviceId, 'municipal.grievance');
      assert.equal(app?.lang, 'te');
      const answers = app!.answers as Record<string, any>;
      assert.equal(answers.category, 'garbage');
      assert.equal(answers.location.latitude, 16.5062);
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

    it('remembers the language and shows the application under "my applications"', async () => {
      const w = '919812345678';
      const [menu] = await p.say(w, 'నమస్తే');
      assert.equal(menu.interactive.type, 'list', 'a returning citizen goes straight to the menu');
      const [apps] = await p.say(w, { type: 'list_reply', id: 'menu:applications', title: 'నా దరఖాస్తులు' });
      assert.match(JSON.stringify(apps), /MM-\d{6}-[A-Z0-9]{8}/);
    });
  });
}
