// The state machine beyond the table test: refusals and their order, input that must never
// make it throw, faults that must, purity, and the request-for-information round trip.
import { describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ACTION_NAMES, ACTOR_ROLES, applyAction, MAX_REASON_LENGTH, REFUSAL_CODES, startApplication, workflowEvent,
  WorkflowFault, slaStatus, type WorkflowApplication,
} from '../../src/workflow/index.ts';
import { applicationIn, calendar2026, ist, roundTrip, shipped } from './workflow-fixtures.ts';

const cal = calendar2026();
const cert = shipped('certificate-two-level');
const grievance = shipped('grievance');

/** Freezes `value` and everything in it, so that any mutation throws (ES modules are strict). */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe('refusals', () => {
  const app = applicationIn(cert, 'pending_approval', cal);
  const at = ist('2026-03-05 12:00');

  it('checks the state before the role, and the role before the reason', () => {
    const notHere = applyAction(cert, app, { action: 'verify', actorRole: 'citizen', at }, cal);
    assert.equal(!notHere.ok && notHere.code, 'action_not_allowed_in_state');
    const wrongRole = applyAction(cert, app, { action: 'reject', actorRole: 'secretariat_staff', at }, cal);
    assert.equal(!wrongRole.ok && wrongRole.code, 'role_not_allowed');
    const noReason = applyAction(cert, app, { action: 'reject', actorRole: 'approving_officer', at }, cal);
    assert.equal(!noReason.ok && noReason.code, 'reason_required');
  });

  it('says what is possible, and who may do it', () => {
    const r = applyAction(cert, app, { action: 'verify', actorRole: 'secretariat_staff', at }, cal);
    assert.deepEqual(r, {
      ok: false, code: 'action_not_allowed_in_state',
      message: "'verify' cannot be taken while the application is pending_approval (possible: approve, reject, request_info, send_back, withdraw, escalate)",
    });
    const role = applyAction(cert, app, { action: 'approve', actorRole: 'secretariat_staff', at }, cal);
    assert.deepEqual(role, { ok: false, code: 'role_not_allowed', message: "role 'secretariat_staff' may not approve (allowed: approving_officer)" });
  });

  it('refuses actions the workflow does not have at all', () => {
    for (const action of ['assign', 'APPROVE', 'approve ', '', 'toString', '__proto__']) {
      const r = applyAction(cert, app, { action, actorRole: 'approving_officer', at }, cal);
      assert.equal(!r.ok && r.code, 'unknown_action', JSON.stringify(action));
    }
  });

  it('trims the reason, and refuses one that is too long', () => {
    const ok = applyAction(cert, app, { action: 'reject', actorRole: 'approving_officer', reason: '  Income above the limit \n', at }, cal);
    assert.ok(ok.ok);
    assert.equal(ok.application.history.at(-1)?.reason, 'Income above the limit');
    assert.equal(ok.events[0].reason, 'Income above the limit');
    const long = applyAction(cert, app, { action: 'reject', actorRole: 'approving_officer', reason: 'x'.repeat(MAX_REASON_LENGTH + 1), at }, cal);
    assert.equal(!long.ok && long.code, 'reason_too_long');
    assert.ok(applyAction(cert, app, { action: 'reject', actorRole: 'approving_officer', reason: 'x'.repeat(MAX_REASON_LENGTH), at }, cal).ok);
  });

  it('keeps an optional reason when one is given', () => {
    const r = applyAction(cert, app, { action: 'approve', actorRole: 'approving_officer', reason: 'All documents in order', at }, cal);
    assert.ok(r.ok);
    assert.equal(r.events[0].reason, 'All documents in order');
  });

  it('refuses everything once the application is closed', () => {
    const approved = applyAction(cert, app, { action: 'approve', actorRole: 'approving_officer', at }, cal);
    assert.ok(approved.ok);
    const again = applyAction(cert, approved.application, { action: 'approve', actorRole: 'approving_officer', at }, cal);
    assert.deepEqual(again, { ok: false, code: 'application_closed', message: 'application MM26ABCD is approved; no action can be taken on it' });
  });
});

test('never throws on any officer or citizen input, and answers only known codes', () => {
  const app = applicationIn(grievance, 'resolved', cal);
  const junk: unknown[] = [undefined, null, '', ' ', 'close', 'reopen', 'toString', '__proto__', 'constructor', 0, 5, 7.5, -1, Number.NaN, {}, [], 'x'.repeat(5000), '5'];
  const names = [...ACTION_NAMES, ...junk];
  const roles = [...ACTOR_ROLES, ...junk];
  let seen = 0;
  for (const action of names) {
    for (const actorRole of roles) {
      for (const reason of [undefined, 'Still no water', 42, '', 'y'.repeat(MAX_REASON_LENGTH + 5)]) {
        for (const rating of [undefined, 7, 0, 11, '7', 3.5]) {
          const command = { action, actorRole, reason, rating, at: ist('2026-03-20 12:00') } as unknown as Parameters<typeof applyAction>[2];
          const r = applyAction(grievance, app, command, cal);
          if (!r.ok) assert.ok((REFUSAL_CODES as readonly string[]).includes(r.code), r.code);
          else r.events.forEach((e) => workflowEvent.parse(e));
          seen++;
        }
      }
    }
  }
  assert.ok(seen > 10_000);
});

test('throws WorkflowFault for programmer faults only', () => {
  const app = applicationIn(cert, 'pending_approval', cal);
  const at = ist('2026-03-05 12:00');
  const fault = (code: string) => (err: unknown) => err instanceof WorkflowFault && err.code === code;
  assert.throws(() => applyAction(grievance, app, { action: 'approve', actorRole: 'approving_officer', at }, cal), fault('application:wrong-workflow'));
  assert.throws(() => applyAction({ ...cert, version: 2 }, app, { action: 'approve', actorRole: 'approving_officer', at }, cal), fault('application:wrong-workflow'));
  assert.throws(() => applyAction(cert, { ...app, state: 'limbo' }, { action: 'approve', actorRole: 'approving_officer', at }, cal), fault('application:unknown-state'));
  assert.throws(() => applyAction(cert, app, { action: 'approve', actorRole: 'approving_officer', at: new Date('never') }, cal), fault('time:invalid'));
  assert.throws(() => startApplication(cert, { reference: 'R', at: new Date(Number.NaN) }, cal), fault('time:invalid'));
});

test('is pure: the application given is never changed', () => {
  const app = deepFreeze(applicationIn(cert, 'pending_approval', cal));
  const before = JSON.stringify(app);
  const r = applyAction(cert, app, { action: 'request_info', actorRole: 'approving_officer', reason: 'Upload the ration card', at: ist('2026-03-05 12:00') }, cal);
  assert.ok(r.ok);
  assert.equal(JSON.stringify(app), before);
  assert.notEqual(r.application, app);
});

describe('the request-for-information round trip', () => {
  // Submitted Monday 2 March 2026 11:00; verified Wednesday; the Tahsildar asks for a document
  // on Thursday 5 March at noon; the citizen answers on Monday 16 March at 10:00.
  let app: WorkflowApplication = startApplication(cert, { reference: 'MM26RFI1', at: ist('2026-03-02 11:00') }, cal);

  it('starts both clocks at submission', () => {
    assert.equal(app.stateClock?.deadline, ist('2026-03-06 17:00').toISOString()); // 3 working days, Holi skipped
    assert.equal(app.overallClock.deadline, ist('2026-03-11 17:00').toISOString()); // 7 working days
  });

  it('pauses the overall clock while the citizen is asked', () => {
    const verified = applyAction(cert, app, { action: 'verify', actorRole: 'secretariat_staff', at: ist('2026-03-04 11:00') }, cal);
    assert.ok(verified.ok);
    const asked = applyAction(cert, verified.application, { action: 'request_info', actorRole: 'approving_officer', reason: 'Upload the ration card', at: ist('2026-03-05 12:00') }, cal);
    assert.ok(asked.ok);
    app = roundTrip(asked.application);
    assert.equal(app.state, 'info_requested_at_approval');
    assert.equal(app.applicationStatus, 'info_requested');
    assert.equal(app.waitingFor, 'citizen');
    // Office time left from Thursday 12:00 to Wednesday 11 March 17:00: 5 + 5 × 6.5 hours.
    assert.equal(app.overallClock.pausedWithWorkingMs, 37.5 * 3_600_000);
    assert.equal(slaStatus(app, ist('2026-03-13 12:00')).status, 'waiting_for_citizen');
    const event = asked.events[0];
    assert.equal(event.type, 'information_requested');
    assert.deepEqual(event.nextRoles, ['citizen', 'system']);
  });

  it('resumes it with the office time that was left when the citizen answers', () => {
    const answered = applyAction(cert, app, { action: 'resubmit', actorRole: 'citizen', at: ist('2026-03-16 10:00') }, cal);
    assert.ok(answered.ok);
    app = roundTrip(answered.application);
    assert.equal(app.state, 'pending_approval');
    assert.equal(app.waitingFor, 'office');
    assert.equal(app.overallClock.pausedWithWorkingMs, null);
    // 37.5 office hours from Monday 16 March, skipping Ugadi (19th) and Ramzan (20th).
    assert.equal(app.overallClock.deadline, ist('2026-03-24 15:30').toISOString());
    assert.equal(app.stateClock?.deadline, ist('2026-03-21 17:00').toISOString()); // Ugadi and Ramzan skipped
    assert.equal(answered.events[0].type, 'application_resubmitted');
    assert.deepEqual(answered.events[0].nextRoles, ['approving_officer', 'citizen', 'system']);
    assert.deepEqual(app.history.map((h) => `${h.action}:${h.actorRole}`), ['verify:secretariat_staff', 'request_info:approving_officer', 'resubmit:citizen']);
  });
});

test('a grievance is closed by the citizen with a rating', () => {
  const app = applicationIn(grievance, 'resolved', cal);
  const r = applyAction(grievance, app, { action: 'close', actorRole: 'citizen', rating: 9, at: ist('2026-03-10 12:00') }, cal);
  assert.ok(r.ok);
  const event = workflowEvent.parse(r.events[0]);
  assert.equal(event.type, 'application_closed');
  assert.equal(event.type === 'application_closed' && event.rating, 9);
  assert.equal(r.application.closedAt, ist('2026-03-10 12:00').toISOString());
  const reopened = applyAction(grievance, app, { action: 'reopen', actorRole: 'citizen', reason: 'The street light is still off', at: ist('2026-03-10 12:00') }, cal);
  assert.ok(reopened.ok);
  assert.equal(reopened.application.state, 'pending_assignment');
  assert.equal(reopened.application.applicationStatus, 'submitted');
});
