// Table tests enumerated from the data (STYLE.md 9): every action of every state of every
// shipped workflow, taken by every role, with and without what it needs. A new workflow,
// state or action is covered without writing a test; a new action name without an expected
// event here fails.
import { describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ACTION_NAMES, ACTOR_ROLES, applyAction, availableActions, workflowEvent, WORKFLOW_EVENT_SCHEMAS,
  type ActionName, type WorkflowEventType,
} from '../../src/workflow/index.ts';
import { applicationIn, calendar2026, roundTrip, satisfying, shippedWorkflows } from './workflow-fixtures.ts';

/** The event each action records, written out independently of the code. */
const EXPECTED_EVENT: Record<ActionName, WorkflowEventType> = {
  verify: 'application_verified',
  approve: 'application_approved',
  reject: 'application_rejected',
  request_info: 'information_requested',
  forward: 'application_forwarded',
  send_back: 'application_sent_back',
  assign: 'application_assigned',
  resolve: 'application_resolved',
  resubmit: 'application_resubmitted',
  withdraw: 'application_withdrawn',
  close: 'application_closed',
  reopen: 'application_reopened',
  escalate: 'application_escalated',
  lapse: 'application_lapsed',
  auto_close: 'application_closed',
};

test('every action name has an expected event, and every registered event is expected or sla_breached', () => {
  assert.deepEqual(Object.keys(EXPECTED_EVENT).sort(), [...ACTION_NAMES].sort());
  const expected = new Set<string>([...Object.values(EXPECTED_EVENT), 'sla_breached']);
  assert.deepEqual(Object.keys(WORKFLOW_EVENT_SCHEMAS).sort(), [...expected].sort());
});

test('the shipped workflows are the three the back office needs', () => {
  assert.deepEqual([...shippedWorkflows().keys()].sort(), ['application-single-level', 'certificate-two-level', 'grievance']);
});

const calendar = calendar2026();
const AT = new Date('2026-03-10T06:00:00Z');

for (const wf of shippedWorkflows().values()) {
  describe(`workflow ${wf.id}`, () => {
    for (const state of wf.states) {
      describe(`state ${state.id}`, () => {
        const app = applicationIn(wf, state.id, calendar);

        if (state.terminal) {
          it('refuses every action: the application is closed', () => {
            for (const action of ACTION_NAMES) {
              for (const role of ACTOR_ROLES) {
                const r = applyAction(wf, app, { action, actorRole: role, reason: 'x', at: AT }, calendar);
                assert.equal(!r.ok && r.code, 'application_closed', `${action} by ${role}`);
              }
            }
            assert.deepEqual(availableActions(wf, app, 'state_administrator'), []);
          });
          return;
        }

        for (const transition of state.actions) {
          describe(`action ${transition.action} → ${transition.to}`, () => {
            const target = wf.states.find((s) => s.id === transition.to)!;
            for (const role of ACTOR_ROLES) {
              const allowed = (transition.roles as readonly string[]).includes(role);
              it(`${allowed ? 'is taken' : 'is refused'} by ${role}`, () => {
                const r = applyAction(wf, app, { ...satisfying(transition, AT), actorRole: role }, calendar);
                if (!allowed) {
                  assert.equal(!r.ok && r.code, 'role_not_allowed');
                  return;
                }
                assert.ok(r.ok, r.ok ? '' : r.message);
                const next = roundTrip(r.application);
                assert.equal(next.state, target.id);
                assert.equal(next.applicationStatus, target.applicationStatus);
                assert.equal(next.waitingFor, target.waitingFor);
                assert.equal(next.stateEnteredAt, AT.toISOString());
                assert.equal(next.closedAt, target.terminal ? AT.toISOString() : null);
                assert.equal(next.stateClock === null, target.sla === undefined);
                assert.equal(next.history.length, app.history.length + 1);
                assert.deepEqual(next.history.at(-1), {
                  action: transition.action, actorRole: role, from: state.id, to: target.id,
                  ...(transition.reasonRequired ? { reason: 'Because the record says so' } : {}),
                  ...(transition.ratingRequired ? { rating: 7 } : {}),
                  at: AT.toISOString(),
                });
                assert.equal(r.events.length, 1);
                const event = workflowEvent.parse(r.events[0]);
                assert.equal(event.type, EXPECTED_EVENT[transition.action]);
                assert.ok(event.type !== 'sla_breached');
                assert.equal(event.reference, app.reference);
                assert.equal(event.fromState, state.id);
                assert.equal(event.toState, target.id);
                assert.equal(event.previousStatus, state.applicationStatus);
                assert.equal(event.applicationStatus, target.applicationStatus);
                assert.equal(event.actorRole, role);
                assert.deepEqual(event.nextRoles, ACTOR_ROLES.filter((x) => target.actions.some((a) => (a.roles as readonly string[]).includes(x))));
              });
            }
            if (transition.reasonRequired) {
              it('needs a reason; a blank one counts as none', () => {
                for (const reason of [undefined, '', '   \n ']) {
                  const r = applyAction(wf, app, { ...satisfying(transition, AT), reason }, calendar);
                  assert.equal(!r.ok && r.code, 'reason_required');
                }
              });
            }
            if (transition.ratingRequired) {
              it('needs a rating from 1 to 10', () => {
                const without = applyAction(wf, app, { ...satisfying(transition, AT), rating: undefined }, calendar);
                assert.equal(!without.ok && without.code, 'rating_required');
                for (const rating of [0, 11, 2.5, Number.NaN, -1]) {
                  const r = applyAction(wf, app, { ...satisfying(transition, AT), rating }, calendar);
                  assert.equal(!r.ok && r.code, 'rating_out_of_range', String(rating));
                }
                for (const rating of [1, 10]) assert.ok(applyAction(wf, app, { ...satisfying(transition, AT), rating }, calendar).ok);
              });
            } else {
              it('takes no rating', () => {
                const r = applyAction(wf, app, { ...satisfying(transition, AT), rating: 5 }, calendar);
                assert.equal(!r.ok && r.code, 'rating_not_allowed');
              });
            }
          });
        }

        it('refuses actions of the workflow that this state does not offer', () => {
          const here = new Set(state.actions.map((a) => a.action));
          const elsewhere = new Set(wf.states.flatMap((s) => s.actions.map((a) => a.action)));
          for (const action of ACTION_NAMES) {
            const r = applyAction(wf, app, { action, actorRole: 'state_administrator', reason: 'x', at: AT }, calendar);
            if (here.has(action)) continue;
            assert.equal(!r.ok && r.code, elsewhere.has(action) ? 'action_not_allowed_in_state' : 'unknown_action', action);
          }
        });

        it('lists for each role exactly the actions it may take', () => {
          for (const role of ACTOR_ROLES) {
            assert.deepEqual(
              availableActions(wf, app, role).map((a) => a.action),
              state.actions.filter((a) => (a.roles as readonly string[]).includes(role)).map((a) => a.action),
              role,
            );
          }
        });
      });
    }
  });
}
