// The back office end to end (issue #4), on every database driver: citizens apply through the
// signed webhook, officers decide through the officer API, citizens hear back on WhatsApp.
// Covers sign-in (lockout, CSRF, logout, expiry), jurisdiction on every endpoint, each decision
// path (verify → approve, reject, request_info → the citizen answers → resumes), status by
// reference number, templates outside the 24-hour window, the SLA job escalating once with two
// processes, and the OpenAPI document. The clock is injected and moved forward at the end.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { platformDrivers, startTestPlatform, bodyText, type TestPlatform } from '../support/test-platform.ts';
import {
  addOfficer, applyForIncomeCertificate, eventually, loginOfficer, nextMessage, sayUntil, PASSWORD, PNG, AADHAAR, type OfficerClient,
} from '../support/back-office-helpers.ts';
import { createBackOffice } from '../../src/app/back-office/create-back-office.ts';
import { openDatabase } from '../../src/storage/open-database.ts';
import { decodeLogEntry } from '../../src/translog/index.ts';
import { renderTemplate } from '../../src/channels/whatsapp/render-template.ts';
import { SILENT_LOG } from '../../src/app/workers/poll-loop.ts';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

for (const d of platformDrivers()) {
  describe(`back office (${d.name})`, () => {
    let p: TestPlatform;
    let offset = 0;
    const clock = () => new Date(Date.now() + offset);
    // Citizens and their applications.
    const krishnaCitizen = '919800000001';
    const ntrCitizen = '919800000002';
    const rejectCitizen = '919800000003';
    const infoCitizen = '919800000004';
    let krishnaRef = '';
    let ntrRef = '';
    let staff: OfficerClient;
    let tahsildar: OfficerClient;

    before(async () => {
      p = await startTestPlatform(await d.create(), { DEMO_OFFICERS: 'false' }, clock);
      await addOfficer(p, 'krishna.staff', 'secretariat_staff', { department: 'revenue', district: 'krishna', mandal: 'Machilipatnam' });
      await addOfficer(p, 'krishna.tahsildar', 'approving_officer', { department: 'revenue', district: 'krishna', mandal: 'machilipatnam' });
      await addOfficer(p, 'guntur.tahsildar', 'approving_officer', { department: 'revenue', district: 'guntur' });
      await addOfficer(p, 'krishna.other-mandal', 'secretariat_staff', { department: 'revenue', district: 'krishna', mandal: 'Gudivada' });
      await addOfficer(p, 'municipal.admin', 'department_administrator', { department: 'municipal' });
      await addOfficer(p, 'revenue.admin', 'department_administrator', { department: 'revenue' });
      await addOfficer(p, 'state.admin', 'state_administrator');
      await addOfficer(p, 'ntr.staff', 'secretariat_staff', { department: 'revenue', district: 'ntr', mandal: 'Vijayawada' });
      await addOfficer(p, 'ntr.tahsildar', 'approving_officer', { department: 'revenue', district: 'ntr', mandal: 'Vijayawada' });
      krishnaRef = await applyForIncomeCertificate(p, krishnaCitizen, { district: 'krishna', mandal: 'Machilipatnam ' });
      ntrRef = await applyForIncomeCertificate(p, ntrCitizen, { district: 'ntr', mandal: 'vijayawada' });
      staff = await loginOfficer(p, 'krishna.staff');
      tahsildar = await loginOfficer(p, 'krishna.tahsildar');
    });
    after(async () => { await p?.stop(); });

    it('stores a submitted application with its route and a started workflow, in one transaction', async () => {
      const row = (await p.db.query('SELECT department, district, mandal, status, workflow, sla_check_at FROM applications WHERE id = $1', [krishnaRef])).rows[0];
      assert.equal(row.department, 'revenue');
      assert.equal(row.district, 'krishna');
      assert.equal(row.mandal, 'machilipatnam');
      assert.equal(row.status, 'in_verification');
      assert.equal(row.workflow.workflowId, 'certificate-two-level');
      assert.ok(row.sla_check_at, 'the SLA job knows when to look');
      // The citizen's photo is linked to the application for the officer.
      const docs = await p.db.query('SELECT id FROM documents WHERE application_id = $1', [krishnaRef]);
      assert.equal(docs.rows.length, 1);
    });

    describe('sign-in', () => {
      it('refuses a wrong password with 401, and locks the account after 5 in a row (429, Retry-After)', async () => {
        await addOfficer(p, 'lockme', 'approving_officer', { department: 'revenue', district: 'guntur' });
        const attempt = (password: string) => fetch(`${p.url}/api/officer/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'lockme', password }) });
        for (let i = 1; i <= 4; i++) {
          const r = await attempt(`wrong-${i}`);
          assert.equal(r.status, 401);
          assert.equal((await r.json()).error, 'invalid_credentials');
        }
        const fifth = await attempt('wrong-5');
        assert.equal(fifth.status, 429);
        const retry = Number(fifth.headers.get('retry-after'));
        assert.ok(retry > 14 * 60 && retry <= 15 * 60, `Retry-After ${retry}`);
        // While locked, even the right password is refused (and not checked).
        const right = await attempt(PASSWORD);
        assert.equal(right.status, 429);
        assert.equal((await right.json()).error, 'locked');
        // Unknown users look exactly like wrong passwords.
        const unknown = await fetch(`${p.url}/api/officer/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'nobody', password: 'x' }) });
        assert.equal(unknown.status, 401);
        const stored = (await p.db.query(`SELECT password_hash, password_salt, password_params FROM officers WHERE username = 'lockme'`)).rows[0];
        assert.equal(stored.password_params.algorithm, 'scrypt');
        assert.ok(!Buffer.from(stored.password_hash).toString('latin1').includes(PASSWORD));
        assert.equal(Buffer.from(stored.password_salt).length, 16);
      });

      it('sets an HttpOnly, SameSite=Strict cookie and requires the CSRF token on every cookie POST', async () => {
        const res = await fetch(`${p.url}/api/officer/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'krishna.staff', password: PASSWORD }) });
        const setCookie = res.headers.get('set-cookie') ?? '';
        assert.match(setCookie, /^mitra_officer=[\w-]{40,};/);
        assert.match(setCookie, /HttpOnly/);
        assert.match(setCookie, /SameSite=Strict/);
        assert.doesNotMatch(setCookie, /Secure/, 'plain http in tests');
        const body = await res.json() as Record<string, unknown>;
        assert.ok(body.csrfToken);
        assert.equal(body.token, undefined, 'a cookie session never shows its token to scripts');
        const noCsrf = await staff.post(`/api/officer/applications/${krishnaRef}/decision`, { action: 'verify' }, { csrf: false });
        assert.equal(noCsrf.status, 403);
        assert.equal((await noCsrf.json()).error, 'csrf_failed');
        const wrongCsrf = await fetch(`${p.url}/api/officer/applications/${krishnaRef}/decision`, { method: 'POST', headers: { cookie: staff.cookie, 'x-csrf-token': 'x'.repeat(43), 'content-type': 'application/json' }, body: '{"action":"verify"}' });
        assert.equal(wrongCsrf.status, 403);
        const status = (await p.db.query('SELECT status FROM applications WHERE id = $1', [krishnaRef])).rows[0].status;
        assert.equal(status, 'in_verification', 'nothing happened without the CSRF token');
        const noSession = await fetch(`${p.url}/api/officer/applications`);
        assert.equal(noSession.status, 401);
      });

      it('gives department systems a bearer token that needs no CSRF token; logout ends a session', async () => {
        const res = await fetch(`${p.url}/api/officer/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'state.admin', password: PASSWORD, bearer: true }) });
        assert.equal(res.status, 200);
        assert.equal(res.headers.get('set-cookie'), null);
        const { token } = await res.json() as { token: string };
        const auth = { authorization: `Bearer ${token}` };
        assert.equal((await fetch(`${p.url}/api/officer/applications`, { headers: auth })).status, 200);
        const out = await fetch(`${p.url}/api/officer/logout`, { method: 'POST', headers: auth });
        assert.equal(out.status, 204);
        assert.equal((await fetch(`${p.url}/api/officer/applications`, { headers: auth })).status, 401);
        // Cookie logout needs the CSRF token too, then the cookie is dead.
        const c = await loginOfficer(p, 'state.admin');
        assert.equal((await c.post('/api/officer/logout', {}, { csrf: false })).status, 403);
        assert.equal((await c.post('/api/officer/logout')).status, 204);
        assert.equal((await c.get('/api/officer/me')).status, 401);
      });
    });

    describe('jurisdiction on every endpoint', () => {
      it('a Guntur officer cannot list, read, decide or download a Krishna application (404, nothing leaked)', async () => {
        const guntur = await loginOfficer(p, 'guntur.tahsildar');
        const list = await (await guntur.get('/api/officer/applications?status=all')).json() as { items: { reference: string }[]; total: number };
        assert.ok(!list.items.some((i) => i.reference === krishnaRef));
        const read = await guntur.get(`/api/officer/applications/${krishnaRef}`);
        assert.equal(read.status, 404);
        const readText = await read.text();
        assert.ok(!readText.includes('Lakshmi') && !readText.includes('krishna'), readText);
        const decide = await guntur.post(`/api/officer/applications/${krishnaRef}/decision`, { action: 'reject', reason: 'not mine' });
        assert.equal(decide.status, 404);
        const docId = (await p.db.query('SELECT id FROM documents WHERE application_id = $1', [krishnaRef])).rows[0].id;
        assert.equal((await guntur.get(`/api/officer/documents/${docId}`)).status, 404);
        // The same answer as for an application that does not exist at all.
        assert.equal((await guntur.get('/api/officer/applications/MM-000000-AAAAAAAA')).status, 404);
        assert.equal((await p.db.query('SELECT status FROM applications WHERE id = $1', [krishnaRef])).rows[0].status, 'in_verification');
      });

      it('narrows by mandal and department; administrators see their department or everything', async () => {
        const refsOf = async (c: OfficerClient) => ((await (await c.get('/api/officer/applications?status=all')).json()) as { items: { reference: string }[] }).items.map((i) => i.reference);
        assert.ok((await refsOf(staff)).includes(krishnaRef));
        assert.ok(!(await refsOf(staff)).includes(ntrRef), 'another district');
        const otherMandal = await loginOfficer(p, 'krishna.other-mandal');
        assert.deepEqual(await refsOf(otherMandal), []);
        assert.equal((await otherMandal.get(`/api/officer/applications/${krishnaRef}`)).status, 404);
        const municipal = await loginOfficer(p, 'municipal.admin');
        assert.equal((await municipal.get(`/api/officer/applications/${krishnaRef}`)).status, 404);
        const revenue = await loginOfficer(p, 'revenue.admin');
        assert.ok((await refsOf(revenue)).includes(krishnaRef) && (await refsOf(revenue)).includes(ntrRef));
        const state = await loginOfficer(p, 'state.admin');
        assert.ok((await refsOf(state)).includes(krishnaRef));
        // Seeing is not deciding: the workflow's roles still apply (403 within jurisdiction).
        const view = await (await revenue.get(`/api/officer/applications/${krishnaRef}`)).json() as { actions: unknown[] };
        assert.deepEqual(view.actions, []);
        const approve = await revenue.post(`/api/officer/applications/${krishnaRef}/decision`, { action: 'verify' });
        assert.equal(approve.status, 403);
        assert.equal((await approve.json()).error, 'role_not_allowed');
      });

      it('shows the officer the answers (Aadhaar masked), the photo, the SLA and their actions', async () => {
        const res = await staff.get(`/api/officer/applications/${krishnaRef}`);
        assert.equal(res.status, 200);
        const view = await res.json() as any;
        const text = JSON.stringify(view);
        assert.ok(!text.includes(AADHAAR), 'the full Aadhaar number is never shown');
        assert.equal(view.answers.find((a: any) => a.id === 'aadhaar').value, 'XXXX XXXX 2346');
        assert.equal(view.answers.find((a: any) => a.id === 'applicant_name').value, 'Lakshmi Devi');
        assert.equal(view.sla.status, 'on_time');
        assert.deepEqual(view.actions.map((a: any) => a.action), ['verify', 'request_info']);
        assert.equal(view.documents.length, 1);
        const doc = await staff.get(view.documents[0].url);
        assert.equal(doc.status, 200);
        assert.equal(doc.headers.get('content-type'), 'image/png');
        assert.equal(doc.headers.get('x-content-type-options'), 'nosniff');
        assert.deepEqual(Buffer.from(await doc.arrayBuffer()), PNG);
      });
    });

    describe('decisions reach the citizen', () => {
      it('verify, then approve: the citizen hears each change, the audit and the log record it', async () => {
        // The Tahsildar cannot approve before verification (409, with the refusal code).
        const early = await tahsildar.post(`/api/officer/applications/${krishnaRef}/decision`, { action: 'approve' });
        assert.equal(early.status, 409);
        assert.equal((await early.json()).error, 'action_not_allowed_in_state');
        const verifiedNotice = nextMessage(p, krishnaCitizen, (b) => /Awaiting the officer's approval/.test(bodyText(b)));
        const verified = await staff.post(`/api/officer/applications/${krishnaRef}/decision`, { action: 'verify' });
        assert.equal(verified.status, 200);
        assert.equal((await verified.json()).status, 'pending_approval');
        await verifiedNotice;
        // Staff may not approve (their role), even now.
        const staffApprove = await staff.post(`/api/officer/applications/${krishnaRef}/decision`, { action: 'approve' });
        assert.equal(staffApprove.status, 403);
        const approvedNotice = nextMessage(p, krishnaCitizen, (b) => /approved/.test(bodyText(b)));
        const approved = await tahsildar.post(`/api/officer/applications/${krishnaRef}/decision`, { action: 'approve' });
        assert.equal(approved.status, 200);
        const view = await approved.json() as any;
        assert.equal(view.status, 'approved');
        assert.deepEqual(view.history.map((h: any) => [h.action, h.actor, h.actorRole]), [['verify', 'krishna.staff', 'secretariat_staff'], ['approve', 'krishna.tahsildar', 'approving_officer']]);
        assert.match(bodyText(await approvedNotice), new RegExp(`Good news! Your application \\*${krishnaRef}\\* \\(Income certificate\\) has been approved`));
        // Closed now: nothing more can be done (409).
        const again = await tahsildar.post(`/api/officer/applications/${krishnaRef}/decision`, { action: 'reject', reason: 'late change of mind' });
        assert.equal(again.status, 409);
        assert.equal((await again.json()).error, 'application_closed');
        // Audit rows and transparency-log entries, in the same transactions.
        const audit = await p.db.query('SELECT action, actor, from_status, to_status FROM application_actions WHERE application_id = $1 ORDER BY id', [krishnaRef]);
        assert.deepEqual(audit.rows.map((r) => r.action), ['verify', 'approve']);
        const decided = await eventually(async () => {
          const rows = (await p.db.query(`SELECT entry FROM log_entries WHERE subject = $1 ORDER BY idx`, [krishnaRef])).rows;
          return rows.length >= 3 ? rows : undefined;
        });
        const entries = decided.map((r) => decodeLogEntry(r.entry)).map((e) => (e.ok ? e.entry : null));
        const last = entries.at(-1)!;
        assert.equal(last.type, 'application_decided');
        assert.deepEqual(last.meta, { department: 'revenue', service: 'revenue.income-certificate', action: 'approve', status: 'approved' });
        assert.ok(!JSON.stringify(entries).includes('Lakshmi'), 'no personal data on the log');
        // "My applications" and the reference number show the real status.
        const [apps] = await p.say(krishnaCitizen, { type: 'list_reply', id: 'menu:applications', title: 'My applications' });
        assert.match(bodyText(apps), new RegExp(`${krishnaRef}\\*\\n\\s+Income certificate\\n\\s+Approved`));
        const [status] = await p.say(krishnaCitizen, krishnaRef.toLowerCase());
        assert.match(bodyText(status), /Status: Approved/);
        // Someone else's reference shows nothing of it.
        const [other] = await p.say(krishnaCitizen, ntrRef);
        assert.match(bodyText(other), /could not find application/);
        assert.ok(!bodyText(other).includes('Awaiting'), bodyText(other));
      });

      it('reject needs a reason (422), and the citizen reads it', async () => {
        const ref = await applyForIncomeCertificate(p, rejectCitizen, { district: 'krishna', mandal: 'Machilipatnam', name: 'Ravi Teja' });
        await staff.post(`/api/officer/applications/${ref}/decision`, { action: 'verify' });
        const missing = await tahsildar.post(`/api/officer/applications/${ref}/decision`, { action: 'reject' });
        assert.equal(missing.status, 422);
        assert.equal((await missing.json()).error, 'reason_required');
        const blank = await tahsildar.post(`/api/officer/applications/${ref}/decision`, { action: 'reject', reason: '   ' });
        assert.equal(blank.status, 422);
        const unknown = await tahsildar.post(`/api/officer/applications/${ref}/decision`, { action: 'teleport' });
        assert.equal(unknown.status, 422);
        const notice = nextMessage(p, rejectCitizen, (b) => /not approved/.test(bodyText(b)));
        const res = await tahsildar.post(`/api/officer/applications/${ref}/decision`, { action: 'reject', reason: 'The income stated does not match the pay slips.' });
        assert.equal(res.status, 200);
        assert.match(bodyText(await notice), /Reason given by the officer: The income stated does not match the pay slips\./);
        const [apps] = await p.say(rejectCitizen, { type: 'list_reply', id: 'menu:applications', title: 'My applications' });
        assert.match(bodyText(apps), /Rejected\n\s+📝 The income stated does not match/);
      });

      it('request_info: the citizen answers on WhatsApp with text and a photo, confirms, and the application resumes', async () => {
        const ref = await applyForIncomeCertificate(p, infoCitizen, { district: 'krishna', mandal: 'Machilipatnam', name: 'Sita Mahalakshmi' });
        const asked = nextMessage(p, infoCitizen, (b) => /needs more information/.test(bodyText(b)));
        const res = await staff.post(`/api/officer/applications/${ref}/decision`, { action: 'request_info', reason: 'Please send a photo of your rice card.' });
        assert.equal(res.status, 200);
        assert.equal((await res.json()).status, 'info_requested');
        assert.match(bodyText(await asked), /"Please send a photo of your rice card\."/);
        // While it waits for the citizen, staff cannot verify it.
        assert.equal((await staff.post(`/api/officer/applications/${ref}/decision`, { action: 'verify' })).status, 409);
        const [draft] = await p.say(infoCitizen, 'Rice card number WAP123456789');
        assert.match(bodyText(draft), /Your reply for application/);
        assert.deepEqual(draft.interactive.action.buttons.map((b: any) => b.reply.id), ['info:send', 'info:cancel']);
        const [withPhoto] = await p.say(infoCitizen, { type: 'image', base64: PNG.toString('base64'), mimeType: 'image/png', caption: 'front side' });
        assert.match(bodyText(withPhoto), /📎/);
        const [sent] = await p.say(infoCitizen, { type: 'button_reply', id: 'info:send', title: 'Send to officer' });
        assert.match(bodyText(sent), /Your reply was sent to the officer/);
        const view = await eventually(async () => {
          const v = await (await staff.get(`/api/officer/applications/${ref}`)).json() as any;
          return v.status === 'in_verification' ? v : undefined;
        });
        const reply = view.history.at(-1);
        assert.equal(reply.action, 'resubmit');
        assert.equal(reply.actorRole, 'citizen');
        assert.equal(reply.reason, 'Rice card number WAP123456789\n\nfront side');
        assert.equal(view.documents.length, 2, 'the Aadhaar photo and the rice card photo');
        assert.deepEqual(view.actions.map((a: any) => a.action), ['verify', 'request_info']);
        // It goes on as usual.
        assert.equal((await staff.post(`/api/officer/applications/${ref}/decision`, { action: 'verify' })).status, 200);
        const approved = nextMessage(p, infoCitizen, (b) => /approved/.test(bodyText(b)));
        assert.equal((await tahsildar.post(`/api/officer/applications/${ref}/decision`, { action: 'approve' })).status, 200);
        await approved;
        // With no request open, free text is a search again, not a reply.
        const [search] = await p.say(infoCitizen, 'caste certificate');
        assert.doesNotMatch(bodyText(search), /Your reply for application/);
      });

      it('outside the 24-hour window the citizen gets the approved template, in their language', async () => {
        const notice = nextMessage(p, ntrCitizen, (b) => b.type === 'template');
        offset += 25 * HOUR;
        const ntrStaff = await loginOfficer(p, 'ntr.staff');
        // The double behaves like Meta: free-form messages outside the window would fail.
        p.double!.setWindowCheck(() => false);
        try {
          const res = await ntrStaff.post(`/api/officer/applications/${ntrRef}/decision`, { action: 'request_info', reason: 'Please send\nyour  ration card.' });
          assert.equal(res.status, 200);
          const body = await notice;
          assert.equal(body.template.name, 'application_info_requested');
          assert.equal(body.template.language.code, 'en');
          const params = Object.fromEntries(body.template.components[0].parameters.map((x: any) => [x.parameter_name, x.text]));
          assert.deepEqual(params, { reference: ntrRef, service: 'Income certificate', reason: 'Please send your ration card.' });
          assert.match(renderTemplate(body.template.name, 'en', params)!, /needs more information/);
        } finally {
          p.double!.setWindowCheck(() => true);
        }
      });
    });

    describe('SLA', () => {
      it('the SLA job escalates a late application once, even with two processes running it, and tells the citizen', async () => {
        const citizen = '919800000005';
        // Apply "now" (after the 25-hour jump), then let 12 days pass: far past 3 working days.
        const ref = await applyForIncomeCertificate(p, citizen, { district: 'krishna', mandal: 'Machilipatnam', name: 'Late Applicant' });
        // Twelve days after the citizen last wrote: the approved template, not free text.
        const escalated = nextMessage(p, citizen, (b) => b.type === 'template' && b.template.name === 'application_escalated', 20_000);
        const peerDb = d.name === 'postgres'
          ? await openDatabase({ url: p.driver.env.DATABASE_URL, schema: p.driver.schema, poolSize: 2 })
          : p.db;
        const peer = createBackOffice({ db: peerDb, catalog: p.catalog, clock, log: SILENT_LOG, getDocument: (id) => p.store.getDocument(id) });
        try {
          offset += 12 * DAY;
          // The platform's own job runs too (every 20 ms here): three runners at once.
          await Promise.all([p.backOffice.runSlaOnce(), peer.runSlaOnce(), p.backOffice.runSlaOnce(), peer.runSlaOnce()]);
          await escalated;
          const audit = await p.db.query(`SELECT action, actor FROM application_actions WHERE application_id = $1 ORDER BY id`, [ref]);
          assert.deepEqual(audit.rows.map((r) => [r.action, r.actor]), [['escalate', 'system']], 'escalated exactly once');
          const breaches = await p.db.query(`SELECT scope, action, escalated_to FROM sla_breaches WHERE application_id = $1 ORDER BY scope`, [ref]);
          assert.deepEqual(breaches.rows.map((r) => [r.scope, r.action, r.escalated_to]), [['overall', null, null], ['state', 'escalate', 'department_administrator']]);
          // Later rounds find nothing more; one message reached the citizen.
          await Promise.all([p.backOffice.runSlaOnce(), peer.runSlaOnce()]);
          await new Promise((r) => setTimeout(r, 300));
          const notices = p.double!.sent.filter((s) => s.to.endsWith(citizen) && /escalated/.test(JSON.stringify(s.body)));
          assert.equal(notices.length, 1);
          // Visible in the console: breached, with the escalation in the history; the
          // department administrator can now decide it.
          const admin = await loginOfficer(p, 'revenue.admin');
          const inbox = await (await admin.get('/api/officer/applications?overdue=true')).json() as any;
          const row = inbox.items.find((i: any) => i.reference === ref);
          assert.ok(row, 'listed as overdue');
          assert.equal(row.status, 'escalated');
          assert.equal(row.sla.status, 'breached');
          assert.ok(row.actionable);
          assert.equal(inbox.items[0].sla.status, 'breached', 'most urgent first');
          const view = await (await admin.get(`/api/officer/applications/${ref}`)).json() as any;
          assert.deepEqual(view.actions.map((a: any) => a.action), ['approve', 'reject', 'forward', 'send_back']);
          assert.equal(view.history[0].details.escalateTo, 'department_administrator');
          const forward = await admin.post(`/api/officer/applications/${ref}/decision`, { action: 'forward' });
          assert.equal(forward.status, 200);
        } finally {
          if (peerDb !== p.db) await peerDb.close();
        }
      });

      it('a session expires after OFFICER_SESSION_HOURS (8 by default)', async () => {
        const c = await loginOfficer(p, 'state.admin');
        assert.equal((await c.get('/api/officer/me')).status, 200);
        offset += 9 * HOUR;
        assert.equal((await c.get('/api/officer/me')).status, 401);
        assert.equal((await c.get('/api/officer/applications')).status, 401);
      });

      it('the lockout ends after 15 minutes', async () => {
        offset += 16 * 60 * 1000;
        const res = await fetch(`${p.url}/api/officer/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'lockme', password: PASSWORD }) });
        assert.equal(res.status, 200);
      });
    });

    it('documents the API in OpenAPI at /docs/openapi.json and as a page at /docs', async () => {
      const res = await fetch(`${p.url}/docs/openapi.json`);
      assert.equal(res.status, 200);
      const spec = JSON.parse(await res.text());
      assert.match(spec.openapi, /^3\.1\./);
      for (const [path, method] of [
        ['/api/officer/login', 'post'], ['/api/officer/applications', 'get'], ['/api/officer/applications/{id}', 'get'],
        ['/api/officer/applications/{id}/decision', 'post'], ['/api/officer/logout', 'post'], ['/api/officer/documents/{id}', 'get'],
      ]) assert.ok(spec.paths[path]?.[method], `${method} ${path}`);
      // Every $ref resolves.
      for (const m of JSON.stringify(spec).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)) assert.ok(spec.components.schemas[m[1]], m[1]);
      const page = await fetch(`${p.url}/docs`);
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.match(html, /POST<\/span> <code>\/api\/officer\/applications\/\{id\}\/decision<\/code>/);
      assert.doesNotMatch(html, /<script|src="http|href="http/, 'self-contained: no external assets');
      const consolePage = await fetch(`${p.url}/console`);
      assert.equal(consolePage.status, 200);
      assert.match(consolePage.headers.get('content-security-policy') ?? '', /default-src 'self'/);
    });
  });
}
