// SLA readings, the breach job (findBreaches + applyBreach) with a controllable clock, the
// two escalation levels, lapse and auto-close, and the inbox order.
import { describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  applyAction, applyBreach, compareUrgency, findBreaches, slaStatus, startApplication, workflowEvent,
  type WorkflowApplication,
} from '../../src/workflow/index.ts';
import { applicationIn, calendar2026, ist, roundTrip, shipped } from './workflow-fixtures.ts';

const cal = calendar2026();
const cert = shipped('certificate-two-level');
const grievance = shipped('grievance');
const SUBMITTED = ist('2026-03-02 11:00');
const fresh = (reference = 'MM26SLA1', at = SUBMITTED) => startApplication(cert, { reference, at }, cal);

describe('slaStatus', () => {
  // in_verification: 3 working days, deadline Friday 6 March 17:00. The window holds 25.5 office
  // hours (6 on Monday, Holi off, 3 × 6.5); "due soon" when a fifth (5.1 h) is left, which is
  // Friday 10:30 + 84 minutes = 11:54.
  const app = fresh();

  it('sets the due-soon moment at four fifths of the office time', () => {
    assert.equal(app.stateClock?.dueSoonAt, ist('2026-03-06 11:54').toISOString());
    assert.equal(app.stateClock?.workingWindowMs, 25.5 * 3_600_000);
  });

  it('is on time, then due soon, then breached, governed by the earlier state deadline', () => {
    const read = (local: string) => slaStatus(app, ist(local));
    assert.deepEqual([read('2026-03-05 12:00').status, read('2026-03-05 12:00').governedBy], ['on_time', 'state']);
    assert.equal(read('2026-03-06 11:53').status, 'on_time');
    assert.equal(read('2026-03-06 11:54').status, 'due_soon');
    const last = read('2026-03-06 17:00');
    assert.deepEqual([last.status, last.remainingMs], ['due_soon', 0]);
    const late = read('2026-03-06 17:01');
    assert.deepEqual([late.status, late.governedBy, late.deadline, late.remainingMs], ['breached', 'state', ist('2026-03-06 17:00').toISOString(), -60_000]);
    assert.equal(late.overall?.status, 'on_time');
  });

  it('is closed once the application is decided', () => {
    const approved = applicationIn(cert, 'approved', cal);
    assert.deepEqual(slaStatus(approved, ist('2027-01-01 12:00')), { status: 'closed', governedBy: null, deadline: null, remainingMs: null, state: null, overall: null });
  });

  it("takes a service's own overall limit in place of the workflow's", () => {
    const short = startApplication(cert, { reference: 'MM26SLA2', at: SUBMITTED, overallSla: { workingDays: 2 } }, cal);
    assert.equal(short.overallClock.deadline, ist('2026-03-05 17:00').toISOString());
    const reading = slaStatus(short, ist('2026-03-05 17:30'));
    assert.deepEqual([reading.status, reading.governedBy], ['breached', 'overall']);
  });
});

describe('the breach job, with a controllable clock', () => {
  let app: WorkflowApplication = fresh('MM26ESC1');

  it('finds nothing before the deadline', () => {
    assert.deepEqual(findBreaches([app], ist('2026-03-06 17:00')), []);
    assert.deepEqual(applyBreach(cert, app, ist('2026-03-06 17:00'), cal), { application: app, events: [] });
  });

  it('records the breach and escalates to the department administrator', () => {
    const now = ist('2026-03-07 11:00');
    assert.deepEqual(findBreaches([app], now), [
      { reference: 'MM26ESC1', scope: 'state', state: 'in_verification', deadline: ist('2026-03-06 17:00').toISOString(), overdueMs: 18 * 3_600_000 },
    ]);
    const r = applyBreach(cert, app, now, cal);
    assert.deepEqual(r.events.map((e) => e.type), ['sla_breached', 'application_escalated']);
    r.events.forEach((e) => workflowEvent.parse(e));
    const escalated = r.events[1];
    assert.ok(escalated.type === 'application_escalated');
    assert.equal(escalated.escalateTo, 'department_administrator');
    assert.equal(escalated.actorRole, 'system');
    assert.deepEqual(escalated.nextRoles, ['department_administrator', 'citizen', 'system']);
    app = roundTrip(r.application);
    assert.equal(app.state, 'escalated');
    assert.equal(app.applicationStatus, 'escalated');
    assert.equal(app.stateClock?.deadline, ist('2026-03-11 17:00').toISOString());
    assert.deepEqual(app.history.at(-1), { action: 'escalate', actorRole: 'system', from: 'in_verification', to: 'escalated', at: now.toISOString() });
  });

  it('does nothing more when run again, by this process or another', () => {
    for (const local of ['2026-03-07 11:00', '2026-03-07 11:05', '2026-03-11 17:00']) {
      assert.deepEqual(applyBreach(cert, app, ist(local), cal).events, []);
    }
  });

  it('escalates to the state administrator when the department is late too, recording the overall breach', () => {
    const now = ist('2026-03-12 10:00');
    assert.deepEqual(findBreaches([app], now).map((b) => b.scope), ['state', 'overall']);
    const r = applyBreach(cert, app, now, cal);
    assert.deepEqual(r.events.map((e) => [e.type, e.type === 'sla_breached' ? e.scope : e.type === 'application_escalated' ? e.escalateTo : '']), [
      ['sla_breached', 'state'], ['sla_breached', 'overall'], ['application_escalated', 'state_administrator'],
    ]);
    app = roundTrip(r.application);
    assert.equal(app.state, 'escalated_to_state');
    assert.equal(app.overallClock.breachNotedAt, now.toISOString());
    assert.equal(slaStatus(app, now).status, 'breached');
    assert.deepEqual(applyBreach(cert, app, now, cal).events, []);
  });

  it('only reports a breach at the last level', () => {
    const now = ist('2026-03-20 12:00');
    const r = applyBreach(cert, app, now, cal);
    assert.deepEqual(r.events.map((e) => e.type), ['sla_breached']);
    assert.equal(r.application.state, 'escalated_to_state');
    assert.deepEqual(applyBreach(cert, r.application, now, cal).events, []);
  });

  it('ignores closed applications', () => {
    const approved = applicationIn(cert, 'approved', cal);
    assert.deepEqual(findBreaches([approved], ist('2027-01-01 12:00')), []);
    assert.deepEqual(applyBreach(cert, approved, ist('2027-01-01 12:00'), cal).events, []);
  });
});

test('an unanswered request for information lapses; the paused overall clock is not breached', () => {
  let app = fresh('MM26LAP1');
  for (const [action, actorRole, local, reason] of [['verify', 'secretariat_staff', '2026-03-04 11:00', undefined], ['request_info', 'approving_officer', '2026-03-05 12:00', 'Upload the ration card']] as const) {
    const r = applyAction(cert, app, { action, actorRole, at: ist(local), ...(reason ? { reason } : {}) }, cal);
    assert.ok(r.ok);
    app = r.application;
  }
  // 15 working days from Thursday 5 March: Thursday 26 March 17:00.
  assert.equal(app.stateClock?.deadline, ist('2026-03-26 17:00').toISOString());
  assert.deepEqual(findBreaches([app], ist('2026-03-26 17:00')), []);
  const r = applyBreach(cert, app, ist('2026-03-27 10:00'), cal);
  assert.deepEqual(r.events.map((e) => e.type), ['sla_breached', 'application_lapsed']);
  assert.equal(r.application.applicationStatus, 'lapsed');
  assert.equal(slaStatus(r.application, ist('2026-03-27 10:00')).status, 'closed');
});

test('a request for information made after the overall deadline keeps the breach, recorded once', () => {
  let app = fresh('MM26LATE');
  const verified = applyAction(cert, app, { action: 'verify', actorRole: 'secretariat_staff', at: ist('2026-03-04 11:00') }, cal);
  assert.ok(verified.ok);
  // The Tahsildar asks after the overall deadline (Wednesday 11 March 17:00) before the job ran.
  const asked = applyAction(cert, verified.application, { action: 'request_info', actorRole: 'approving_officer', reason: 'Upload the ration card', at: ist('2026-03-12 11:00') }, cal);
  assert.ok(asked.ok);
  app = asked.application;
  assert.equal(app.overallClock.pausedWithWorkingMs, 0);
  assert.deepEqual([slaStatus(app, ist('2026-03-12 11:00')).status, slaStatus(app, ist('2026-03-12 11:00')).governedBy], ['breached', 'overall']);
  const job = applyBreach(cert, app, ist('2026-03-12 11:05'), cal);
  assert.deepEqual(job.events.map((e) => e.type === 'sla_breached' && e.scope), ['overall']);
  const back = applyAction(cert, job.application, { action: 'resubmit', actorRole: 'citizen', at: ist('2026-03-13 11:00') }, cal);
  assert.ok(back.ok);
  assert.equal(back.application.overallClock.deadline, ist('2026-03-13 11:00').toISOString());
  assert.equal(slaStatus(back.application, ist('2026-03-13 11:01')).overall?.status, 'breached');
  assert.deepEqual(applyBreach(cert, back.application, ist('2026-03-16 12:00'), cal).events.filter((e) => e.type === 'sla_breached' && e.scope === 'overall'), []);
});

test('a resolved grievance nobody rates is closed by the system, without a rating', () => {
  const app = applicationIn(grievance, 'resolved', cal);
  const deadline = app.stateClock!.deadline;
  const r = applyBreach(grievance, app, new Date(Date.parse(deadline) + 60_000), cal);
  assert.deepEqual(r.events.map((e) => e.type), ['sla_breached', 'application_closed']);
  const closed = workflowEvent.parse(r.events[1]);
  assert.ok(closed.type === 'application_closed');
  assert.equal(closed.action, 'auto_close');
  assert.equal(closed.rating, undefined);
  assert.equal(r.application.state, 'closed');
});

test('a grievance waiting for assignment breaches in working hours', () => {
  const app = startApplication(grievance, { reference: 'MM26GRV1', at: ist('2026-03-02 16:00') }, cal);
  // 6 office hours: 1 on Monday, Holi, 5 on Wednesday from 10:30.
  assert.equal(app.stateClock?.deadline, ist('2026-03-04 15:30').toISOString());
  const r = applyBreach(grievance, app, ist('2026-03-04 15:31'), cal);
  assert.deepEqual(r.events.map((e) => e.type), ['sla_breached', 'application_escalated']);
  assert.equal(r.application.state, 'escalated');
});

test('the inbox order: breached, due soon, on time by deadline, waiting for the citizen, closed', () => {
  const now = ist('2026-03-06 12:00');
  const breached = startApplication(cert, { reference: 'A-BREACHED', at: ist('2026-02-23 11:00') }, cal);
  const dueSoon = fresh('B-DUE-SOON');
  const onTimeEarly = fresh('C-ON-TIME', ist('2026-03-04 11:00'));
  const onTimeLate = fresh('D-ON-TIME', ist('2026-03-05 11:00'));
  const onTimeLateTwin = fresh('E-ON-TIME', ist('2026-03-05 11:00'));
  const waiting = applicationIn(cert, 'info_requested_at_verification', cal, ist('2026-03-04 11:00'));
  const closed = applicationIn(cert, 'approved', cal);
  const expected = [breached, dueSoon, onTimeEarly, onTimeLate, onTimeLateTwin, waiting, closed].map((a) => a.reference);
  const readings = [breached, dueSoon, onTimeEarly, waiting, closed].map((a) => slaStatus(a, now).status);
  assert.deepEqual(readings, ['breached', 'due_soon', 'on_time', 'waiting_for_citizen', 'closed']);
  const shuffled = [closed, onTimeLateTwin, waiting, onTimeLate, breached, onTimeEarly, dueSoon];
  assert.deepEqual([...shuffled].sort((a, b) => compareUrgency(a, b, now)).map((a) => a.reference), expected);
  assert.deepEqual([...shuffled].reverse().sort((a, b) => compareUrgency(a, b, now)).map((a) => a.reference), expected);
});

test('findBreaches lists the earliest deadline first across applications', () => {
  const a = fresh('MM26B', ist('2026-03-04 11:00'));
  const b = fresh('MM26A', ist('2026-03-02 11:00'));
  const found = findBreaches([a, b], ist('2026-03-30 12:00'));
  assert.deepEqual(found.map((x) => `${x.reference}:${x.scope}`), ['MM26A:state', 'MM26B:state', 'MM26A:overall', 'MM26B:overall']);
});
