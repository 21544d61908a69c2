/**
 * Checks a schema-valid workflow for mistakes zod cannot see (STYLE.md 5), the way DIGIT's
 * BusinessService validator checks that "the flow defined in the configuration is complete",
 * but stricter: dangling and duplicate states, actions out of terminal states, non-terminal dead
 * ends, unreachable states, states from which no end can be reached, missing SLAs, actions whose
 * meaning contradicts where they lead, and escalation rules nobody can follow. Every message
 * starts with `workflow '<id>':` and names the state and action, for example
 * `workflow 'grievance': state 'resolved': action 'close': 'ratingRequired' is only for …`.
 */
import type { ActionName } from './action-name.ts';
import { FINAL_STATUSES, type ApplicationStatus } from './application-status.ts';
import { AP_OFFICE_HOURS } from './working-calendar.ts';
import type { SlaSpec } from './sla-spec.ts';
import type { Workflow, WorkflowState } from './workflow-schema.ts';

/** Actions whose reason the citizen MUST be shown: a refusal, a request, a return, a complaint. */
export const REASON_REQUIRED_ACTIONS: ReadonlySet<ActionName> = new Set(['reject', 'request_info', 'send_back', 'reopen']);

/** Actions whose meaning fixes the status they lead to. */
export const ACTION_OUTCOMES: Readonly<Partial<Record<ActionName, ApplicationStatus>>> = {
  approve: 'approved',
  reject: 'rejected',
  request_info: 'info_requested',
  escalate: 'escalated',
  resolve: 'resolved',
  close: 'closed',
  auto_close: 'closed',
  withdraw: 'withdrawn',
  lapse: 'lapsed',
};

/** Length of an office day for comparing limits in days with limits in hours. */
const OFFICE_DAY_MINUTES = (() => {
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  return minutes(AP_OFFICE_HOURS.close) - minutes(AP_OFFICE_HOURS.open);
})();

function slaMinutes(sla: SlaSpec): number {
  return sla.workingDays !== undefined ? sla.workingDays * OFFICE_DAY_MINUTES : (sla.workingHours ?? 0) * 60;
}

function describeSla(sla: SlaSpec): string {
  if (sla.workingDays !== undefined) return `${sla.workingDays} working day${sla.workingDays === 1 ? '' : 's'}`;
  return `${sla.workingHours} working hour${sla.workingHours === 1 ? '' : 's'}`;
}

/** Checks of one state and its actions that need no graph. */
function lintState(wf: Workflow, state: WorkflowState, byId: ReadonlyMap<string, WorkflowState>, out: string[]): void {
  const where = `workflow '${wf.id}': state '${state.id}': `;
  // The citizen is told the status: an ended application must not look open, nor the reverse.
  const final = FINAL_STATUSES.has(state.applicationStatus);
  if (state.terminal && !final) out.push(`${where}terminal, but applicationStatus '${state.applicationStatus}' says the application is still open`);
  if (!state.terminal && final) out.push(`${where}applicationStatus '${state.applicationStatus}' is final, but the state is not terminal`);
  if (state.terminal) {
    if (state.sla) out.push(`${where}'sla' is set on a terminal state, where no clock runs`);
    if (state.onBreach) out.push(`${where}'onBreach' is set on a terminal state, where no clock runs`);
    for (const a of state.actions) out.push(`${where}action '${a.action}': a terminal state has no actions`);
    return;
  }
  // Every open state has a clock: an application must never wait with nobody answerable.
  if (!state.sla) out.push(`${where}no 'sla': every state that is not terminal needs one`);
  if (state.actions.every((a) => a.to === state.id)) out.push(`${where}dead end: no action leaves it and it is not terminal`);
  // Time with the citizen does not count against the overall SLA, so only office states compare.
  if (state.sla && state.waitingFor === 'office' && slaMinutes(state.sla) > slaMinutes(wf.sla)) {
    out.push(`${where}'sla' (${describeSla(state.sla)}) is longer than the overall 'sla' (${describeSla(wf.sla)})`);
  }
  if (state.waitingFor === 'citizen' && !state.actions.some((a) => a.roles.includes('citizen'))) {
    out.push(`${where}waits for the citizen, but no action is open to 'citizen'`);
  }
  const seen = new Set<ActionName>();
  for (const a of state.actions) {
    const at = `${where}action '${a.action}': `;
    if (seen.has(a.action)) out.push(`${at}duplicate action in this state`);
    seen.add(a.action);
    const target = byId.get(a.to);
    if (a.to === state.id) out.push(`${at}'to' is the state itself: an action must move the application`);
    else if (!target) out.push(`${at}'to' is unknown state '${a.to}'`);
    // An 'approve' that leads to a rejection is the most expensive typo a workflow can hold.
    const outcome = ACTION_OUTCOMES[a.action];
    if (target && outcome && target.applicationStatus !== outcome) {
      out.push(`${at}leads to state '${target.id}' with applicationStatus '${target.applicationStatus}'; '${a.action}' must lead to '${outcome}'`);
    }
    if (REASON_REQUIRED_ACTIONS.has(a.action) && !a.reasonRequired) out.push(`${at}'reasonRequired' must be true: the citizen is told why`);
    if (a.ratingRequired && !(a.action === 'close' && a.roles.length === 1 && a.roles[0] === 'citizen')) {
      out.push(`${at}'ratingRequired' is only for a 'close' taken by the citizen alone`);
    }
    if (new Set(a.roles).size !== a.roles.length) out.push(`${at}'roles' lists a role twice`);
    // The system acts only through `onBreach`: a system-only action without one never happens.
    if (a.roles.length === 1 && a.roles[0] === 'system' && state.onBreach?.action !== a.action) {
      out.push(`${at}only 'system' may take it, but 'onBreach' does not use it`);
    }
  }
  if (state.onBreach) {
    const rule = state.onBreach;
    const action = state.actions.find((a) => a.action === rule.action);
    if (!action) out.push(`${where}'onBreach' action '${rule.action}' is not an action of this state`);
    else if (!action.roles.includes('system')) out.push(`${where}'onBreach' action '${rule.action}' is not open to role 'system'`);
    // Escalating to someone who cannot act in the next state only moves the delay.
    const next = action ? byId.get(action.to) : undefined;
    if (rule.escalateTo && next && !next.actions.some((a) => a.roles.includes(rule.escalateTo!))) {
      out.push(`${where}'onBreach' escalates to '${rule.escalateTo}', who has no action in state '${next.id}'`);
    }
  }
}

/** States reachable from `from` along actions (unknown targets are skipped). */
function reachable(from: string, next: (id: string) => readonly string[]): Set<string> {
  const seen = new Set<string>([from]);
  const queue = [from];
  while (queue.length > 0) {
    for (const to of next(queue.shift()!)) {
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  return seen;
}

/** Every lint error in `wf` (empty when it is clean), in a stable order: file order of states. */
export function lintWorkflow(wf: Workflow): string[] {
  const out: string[] = [];
  const wfWhere = `workflow '${wf.id}': `;
  const byId = new Map<string, WorkflowState>();
  for (const state of wf.states) {
    if (byId.has(state.id)) out.push(`${wfWhere}state '${state.id}': duplicate state id`);
    else byId.set(state.id, state);
  }
  const start = byId.get(wf.start);
  if (!start) out.push(`${wfWhere}'start' is unknown state '${wf.start}'`);
  else if (start.terminal) out.push(`${wfWhere}'start' state '${wf.start}' is terminal`);
  else if (start.waitingFor === 'citizen') out.push(`${wfWhere}'start' state '${wf.start}' waits for the citizen; a new application waits for the office`);
  if (!wf.states.some((s) => s.terminal)) out.push(`${wfWhere}no state is terminal, so no application can ever end`);

  for (const state of byId.values()) lintState(wf, state, byId, out);

  // The graph: forward from the start, backward from the terminal states.
  const forward = (id: string) => (byId.get(id)?.actions ?? []).map((a) => a.to).filter((to) => byId.has(to));
  const incoming = new Map<string, string[]>();
  for (const s of byId.values()) for (const to of forward(s.id)) incoming.set(to, [...(incoming.get(to) ?? []), s.id]);
  const fromStart = start ? reachable(start.id, forward) : new Set<string>();
  const canFinish = new Set<string>();
  for (const s of byId.values()) {
    if (s.terminal) for (const id of reachable(s.id, (x) => incoming.get(x) ?? [])) canFinish.add(id);
  }
  // A state that cannot reach an end traps applications in a loop; report it once, and only
  // for states that are reachable and not already reported as dead ends.
  for (const s of byId.values()) {
    const where = `${wfWhere}state '${s.id}': `;
    if (start && !fromStart.has(s.id)) out.push(`${where}unreachable from the start state '${wf.start}'`);
    else if (!s.terminal && forward(s.id).some((to) => to !== s.id) && !canFinish.has(s.id)) {
      out.push(`${where}no terminal state can be reached from it`);
    }
  }
  return out;
}
