// The pure parts of the back office (issue #4): routing by service and answers, the SLA columns
// SQL orders and schedules by, every citizen notice in te, en and hi with its approved template,
// officer passwords (scrypt and the policy), and the demo accounts seeded on first start.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { routeApplication } from '../../src/app/back-office/route-application.ts';
import { slaColumns } from '../../src/app/back-office/sla-columns.ts';
import { citizenNotice, noticeKindOf, NOTICE_TEMPLATES, type NoticeKind } from '../../src/app/back-office/citizen-notice.ts';
import { seedDemoOfficers } from '../../src/app/back-office/seed-demo-officers.ts';
import { createOfficerAuth, LOCKOUT_MS, MAX_FAILED_LOGINS } from '../../src/app/back-office/officer-auth.ts';
import { loadCatalog } from '../../src/catalog/index.ts';
import { TEMPLATES } from '../../src/channels/whatsapp/templates.ts';
import { renderTemplate } from '../../src/channels/whatsapp/render-template.ts';
import { serviceWorkflowId } from '../../src/engine/index.ts';
import { TEXTS } from '../../src/engine/texts.ts';
import { LANGUAGES } from '../../src/lib/languages.ts';
import { passwordProblem } from '../../src/lib/password-policy.ts';
import { hashPassword, PASSWORD_PARAMS, verifyPassword } from '../../src/lib/scrypt-password.ts';
import { migrate } from '../../src/storage/migrate.ts';
import {
  APPLICATION_STATUSES, WORKFLOW_EVENT_SCHEMAS, WorkingCalendar, applyAction, readWorkflows, startApplication, type WorkflowEvent,
} from '../../src/workflow/index.ts';
import { testDatabases } from '../support/test-databases.ts';

const CATALOG = new URL('../../catalog/', import.meta.url).pathname;
const catalog = await loadCatalog(CATALOG);

describe('routing and workflows of the shipped catalog', () => {
  it('routes by the service prefix, the ap-districts answer and the mandal, normalised', () => {
    const income = catalog.service('revenue.income-certificate')!;
    assert.deepEqual(routeApplication(income.id, income, { district: 'ntr', mandal: '  Vijayawada  Rural ' }), { department: 'revenue', district: 'ntr', mandal: 'vijayawada-rural' });
    assert.deepEqual(routeApplication('revenue.x', undefined, {}), { department: 'revenue', district: null, mandal: null });
  });

  it('gives every certificate, application and grievance a workflow that exists, and the other kinds none', () => {
    const ids = new Set(catalog.workflows().map((w) => w.id));
    for (const s of catalog.services()) {
      const id = serviceWorkflowId(s);
      if (['certificate', 'application', 'grievance'].includes(s.kind) && s.workflow === undefined) assert.ok(id && ids.has(id), s.id);
      if (['information', 'status', 'payment', 'booking', 'donation'].includes(s.kind) && s.workflow === undefined) assert.equal(id, null, s.id);
    }
    assert.equal(serviceWorkflowId({ kind: 'certificate', workflow: 'none' }), null);
    assert.equal(serviceWorkflowId({ kind: 'status', workflow: 'grievance' }), 'grievance');
  });

  it('derives the SLA columns from the clocks: running deadlines order, unnoted breaches schedule', () => {
    const workflow = catalog.workflow('certificate-two-level')!;
    const calendar = new WorkingCalendar(catalog.holidays());
    const at = new Date('2026-06-10T05:00:00Z');
    const app = startApplication(workflow, { reference: 'MM-260610-AAAAAAAA', at, overallSla: { workingDays: 7 } }, calendar);
    const cols = slaColumns(app);
    assert.equal(cols.status, 'in_verification');
    assert.equal(cols.waitingFor, 'office');
    assert.equal(cols.slaDeadline, app.stateClock!.deadline, 'the state clock ends first');
    assert.equal(cols.slaCheckAt, app.stateClock!.deadline);
    const asked = applyAction(workflow, app, { action: 'request_info', actorRole: 'secretariat_staff', reason: 'rice card', at }, calendar);
    assert.ok(asked.ok);
    const waiting = slaColumns(asked.application);
    assert.equal(waiting.waitingFor, 'citizen');
    assert.equal(waiting.slaCheckAt, asked.application.stateClock!.deadline, 'the paused overall clock is not checked');
    const closed = applyAction(workflow, asked.application, { action: 'withdraw', actorRole: 'citizen', at }, calendar);
    assert.ok(closed.ok);
    assert.deepEqual(slaColumns(closed.application), { status: 'withdrawn', waitingFor: null, slaDeadline: null, slaCheckAt: null });
  });
});

describe('citizen notices', () => {
  const kinds: NoticeKind[] = ['approved', 'rejected', 'info_requested', 'escalated', 'delayed', 'lapsed', 'status'];

  it('exist in te, en and hi, quote the reason, and name an approved template whose parameters they fill', () => {
    for (const kind of kinds) {
      for (const lang of LANGUAGES) {
        const n = citizenNotice({ id: 'x', waId: '91', lang, kind, reference: 'MM-260610-AAAAAAAA', service: 'Income certificate', status: 'pending_approval', reason: 'Line one\nline  two' });
        assert.equal(n.message.type, 'text');
        const body = (n.message as { body: string }).body;
        assert.match(body, /MM-260610-AAAAAAAA/, `${kind} ${lang}`);
        assert.doesNotMatch(body, /\{\w+\}/, `${kind} ${lang}: unfilled placeholder`);
        if (kind === 'rejected' || kind === 'info_requested') assert.match(body, /Line one/);
        if (lang === 'te') assert.match(body, /[\u0C00-\u0C7F]/);
        if (lang === 'hi') assert.match(body, /[\u0900-\u097F]/);
        const template = TEMPLATES[n.template!.name];
        assert.ok(template, n.template!.name);
        assert.equal(template.category, 'utility');
        assert.deepEqual(Object.keys(n.template!.params).sort(), [...template.bodyParams].sort(), `${kind}: template parameters`);
        for (const v of Object.values(n.template!.params)) assert.doesNotMatch(v, /[\n\t]| {2}/, 'Meta refuses line breaks and runs of spaces in parameters');
        const rendered = renderTemplate(n.template!.name, lang, n.template!.params)!;
        assert.doesNotMatch(rendered, /\{\{/);
      }
    }
    assert.equal(NOTICE_TEMPLATES.approved, 'application_approved');
  });

  it('has a status text in every language for every workflow status', () => {
    for (const status of APPLICATION_STATUSES) {
      const text = (TEXTS as Record<string, Record<string, string>>)[`status_${status}`];
      assert.ok(text, status);
      for (const lang of LANGUAGES) assert.ok(text[lang], `${status} ${lang}`);
    }
  });

  it('decides, for every workflow event type, whether the citizen is told', () => {
    const base = { reference: 'R', workflowId: 'w', workflowVersion: 1, actorRole: 'approving_officer' as const, fromState: 'a', toState: 'b', nextRoles: [], at: '2026-01-01T00:00:00Z' };
    for (const type of Object.keys(WORKFLOW_EVENT_SCHEMAS)) {
      const event = (type === 'sla_breached'
        ? { type, reference: 'R', workflowId: 'w', workflowVersion: 1, scope: 'overall', state: 'a', applicationStatus: 'pending_approval', deadline: 'x', overdueMs: 0, at: 'x' }
        : { ...base, type, action: 'x', previousStatus: 'in_verification', applicationStatus: 'pending_approval' }) as unknown as WorkflowEvent;
      const kind = noticeKindOf(event);
      assert.ok(kind === null || kinds.includes(kind), type);
    }
    assert.equal(noticeKindOf({ ...base, type: 'application_approved', action: 'approve', previousStatus: 'pending_approval', applicationStatus: 'approved' } as WorkflowEvent), 'approved');
    assert.equal(noticeKindOf({ ...base, type: 'application_resubmitted', action: 'resubmit', previousStatus: 'info_requested', applicationStatus: 'in_verification' } as WorkflowEvent), null, 'the citizen did it');
  });
});

describe('officer passwords', () => {
  it('hash with scrypt, a random salt and stored parameters; verify in constant time', async () => {
    assert.ok(PASSWORD_PARAMS.N >= 2 ** 15 && PASSWORD_PARAMS.r >= 8);
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    assert.notDeepEqual(a.salt, b.salt);
    assert.notDeepEqual(a.hash, b.hash);
    assert.equal(await verifyPassword('correct horse battery', a), true);
    assert.equal(await verifyPassword('correct horse batterY', a), false);
    assert.equal(await verifyPassword('x', { ...a, params: { ...a.params, algorithm: 'md5' as never } }), false);
  });

  it('refuses weak passwords with a reason', () => {
    assert.match(passwordProblem('short', 'ravi')!, /too short/);
    assert.match(passwordProblem('password123', 'ravi')!, /most common/);
    assert.match(passwordProblem('ravi.kumar-2026', 'ravi.kumar')!, /username/);
    assert.match(passwordProblem('aaaaaaaaaaaa', 'ravi')!, /too few/);
    assert.match(passwordProblem('abcdefghijkl', 'ravi')!, /run/);
    assert.equal(passwordProblem('k7mq-x3wd-p9rt-h2fn', 'ntr.staff'), null);
    assert.equal(passwordProblem('mango season in guntur', 'ravi'), null);
  });
});

for (const driver of testDatabases()) {
  describe(`demo officers and sign-in (${driver.name})`, () => {
    it('seeds four accounts once, with generated passwords kept in the data folder, that can sign in', async () => {
      const t = await driver.open();
      const dir = mkdtempSync(join(tmpdir(), 'mitra-demo-'));
      try {
        await migrate(t.db);
        const seeded = await seedDemoOfficers(t.db, dir);
        assert.deepEqual(seeded.map((o) => o.role), ['secretariat_staff', 'approving_officer', 'department_administrator', 'state_administrator']);
        for (const o of seeded) assert.equal(passwordProblem(o.password, o.username), null);
        const file = join(dir, 'demo-officers.json');
        assert.equal(statSync(file).mode & 0o777, 0o600);
        assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), seeded);
        assert.deepEqual(await seedDemoOfficers(t.db, dir), seeded, 'the next start prints the same accounts');
        const other = mkdtempSync(join(tmpdir(), 'mitra-demo-'));
        assert.deepEqual(await seedDemoOfficers(t.db, other), [], 'accounts exist: nothing is seeded');
        rmSync(other, { recursive: true, force: true });

        let now = new Date('2026-06-10T05:00:00Z');
        const auth = createOfficerAuth({ db: t.db, clock: () => now, sessionMs: 8 * 3600_000 });
        const staff = seeded[0];
        const ok = await auth.login(staff.username, staff.password, 'cookie');
        assert.ok(ok.ok);
        const session = await auth.authenticate(ok.token);
        assert.equal(session?.officer.username, 'ntr.staff');
        const stored = await t.db.query('SELECT token_sha256 FROM officer_sessions');
        assert.ok(!stored.rows.some((r) => Buffer.from(r.token_sha256).toString('base64url') === ok.token), 'only a digest is stored');
        for (let i = 1; i < MAX_FAILED_LOGINS; i++) assert.deepEqual(await auth.login(staff.username, 'wrong', 'cookie'), { ok: false, code: 'invalid_credentials' });
        const locked = await auth.login(staff.username, 'wrong', 'cookie');
        assert.equal(locked.ok === false && locked.code, 'locked');
        assert.equal((await auth.login(staff.username, staff.password, 'cookie')).ok, false);
        now = new Date(now.getTime() + LOCKOUT_MS + 1000);
        assert.equal((await auth.login(staff.username, staff.password, 'cookie')).ok, true);
        now = new Date(now.getTime() + 9 * 3600_000);
        assert.equal(await auth.authenticate(ok.token), undefined, 'expired');
      } finally {
        rmSync(dir, { recursive: true, force: true });
        await t.cleanup();
      }
    });
  });
}

describe('workflow files', () => {
  it('the shipped workflows read clean through the workflow pipeline', () => {
    const dir = join(CATALOG, 'workflows');
    const files = ['application-single-level.yaml', 'certificate-two-level.yaml', 'grievance.yaml'].map((f) => ({ file: f, text: readFileSync(join(dir, f), 'utf8') }));
    const read = readWorkflows(files);
    assert.ok(read.ok, read.ok ? '' : read.errors.join('\n'));
  });
});
