/**
 * Commits what the workflow module decided about one application, inside the caller's
 * transaction: the new workflow state and its SLA columns, an audit row per action, a row per
 * recorded SLA breach, a transparency-log entry `application_decided` per action (a salted
 * commitment: no personal data on the log), and the message to the citizen with its template
 * fallback. Decisions by officers, replies by citizens and escalations by the SLA job all come
 * through here, so the history, the log and the notifications never disagree.
 */
import type { CatalogStore } from '../../catalog/index.ts';
import { isLang } from '../../lib/languages.ts';
import {
  citizenLang, insertActions, insertBreaches, queueMessages, updateApplicationWorkflow,
  type ActionRow, type BackOfficeApplication, type BreachRow, type QueuedMessage,
} from '../../storage/back-office-store.ts';
import { enqueueLogEntries, type LogRecord } from '../../storage/log-store.ts';
import { queueCertificateRequest } from '../../storage/certificate-store.ts';
import type { Queryable } from '../../storage/db.ts';
import type { TransitionEvent, WorkflowApplication, WorkflowEvent } from '../../workflow/index.ts';
import { citizenNotice, noticeKindOf } from './citizen-notice.ts';
import { slaColumns } from './sla-columns.ts';

/** Who acted: an officer (id and username), or the citizen or the system. */
export interface Actor {
  officerId: number | null;
  /** The officer's username, `citizen` or `system`. */
  name: string;
}

/** One transition to commit. */
export interface Transition {
  application: BackOfficeApplication;
  /** The workflow state after the action(s). */
  next: WorkflowApplication;
  events: readonly WorkflowEvent[];
  actor: Actor;
  /** Extra facts for the audit rows (documents the citizen sent). */
  details?: Record<string, unknown>;
  at: Date;
}

/** What was written. */
export interface CommittedTransition {
  actionIds: number[];
  notices: QueuedMessage[];
  breaches: number;
}

const isTransition = (e: WorkflowEvent): e is TransitionEvent => e.type !== 'sla_breached';

/** Writes `t` with `tx`; see the file comment. */
export async function commitTransition(tx: Queryable, catalog: CatalogStore, t: Transition): Promise<CommittedTransition> {
  const app = t.application;
  const at = t.at.toISOString();
  const transitions = t.events.filter(isTransition);
  const statusChanged = app.status !== t.next.applicationStatus;
  // The reason shown with the status: that of the last action that changed it.
  const lastChange = [...transitions].reverse().find((e) => e.previousStatus !== e.applicationStatus);
  await updateApplicationWorkflow(tx, {
    id: app.id, workflow: t.next, ...slaColumns(t.next),
    statusReason: statusChanged ? lastChange?.reason ?? null : undefined,
    at,
  });

  const actions: ActionRow[] = transitions.map((e) => ({
    applicationId: app.id, waId: app.waId,
    officerId: e.actorRole === 'system' || e.actorRole === 'citizen' ? null : t.actor.officerId,
    actor: e.actorRole === 'system' ? 'system' : e.actorRole === 'citizen' ? 'citizen' : t.actor.name,
    actorRole: e.actorRole, action: e.action, reason: e.reason ?? null,
    details: { ...(t.details ?? {}), ...(e.type === 'application_escalated' && e.escalateTo ? { escalateTo: e.escalateTo } : {}) },
    fromState: e.fromState, toState: e.toState, fromStatus: e.previousStatus, toStatus: e.applicationStatus, at: e.at,
  }));
  for (const a of actions) if (a.details && Object.keys(a.details).length === 0) a.details = null;
  const actionIds = await insertActions(tx, actions);

  const breachRows: BreachRow[] = t.events.flatMap((e) => {
    if (e.type !== 'sla_breached') return [];
    // The action a state breach caused (escalate, lapse, auto_close), as applyBreach orders it.
    const caused = e.scope === 'state' ? transitions.find((x) => x.actorRole === 'system' && x.fromState === e.state) : undefined;
    return [{
      applicationId: app.id, waId: app.waId, scope: e.scope, state: e.state, deadline: e.deadline, notedAt: e.at, overdueMs: e.overdueMs,
      action: caused?.action ?? null, escalatedTo: caused?.type === 'application_escalated' ? caused.escalateTo ?? null : null,
    }];
  });
  const breaches = await insertBreaches(tx, breachRows);

  const department = app.department ?? app.serviceId.split('.')[0];
  const logRecords: LogRecord[] = transitions.map((e) => ({
    type: 'application_decided', at: new Date(e.at), subject: app.reference,
    meta: { department, service: app.serviceId, action: e.action, status: e.applicationStatus },
    record: { reference: app.reference, action: e.action, reason: e.reason ?? null, actorRole: e.actorRole, at: e.at },
  }));
  await enqueueLogEntries(tx, logRecords);

  // An approved certificate application: its certificate is queued in this same transaction,
  // so an approval can never be left without its certificate (the issuer worker signs it).
  const certificateType = (catalog.current().service(app.serviceId, app.serviceVersion) ?? catalog.current().service(app.serviceId))?.certificateType;
  if (statusChanged && t.next.applicationStatus === 'approved' && certificateType) {
    await queueCertificateRequest(tx, { applicationId: app.id, waId: app.waId, officerId: t.actor.officerId, at: t.at });
  }

  // One message per change, in the citizen's current language: the most telling event wins
  // (an escalation over the overall breach that came with it).
  const lang = await citizenLang(tx, app.waId, app.lang);
  const definition = catalog.current().service(app.serviceId, app.serviceVersion) ?? catalog.current().service(app.serviceId);
  const service = (isLang(lang) ? definition?.name[lang] : undefined) ?? app.serviceId;
  const notices: QueuedMessage[] = [];
  const transitionNotice = [...transitions].reverse().map((e, i) => ({ e, i, kind: noticeKindOf(e) })).find((x) => x.kind !== null);
  if (transitionNotice?.kind) {
    const index = transitions.length - 1 - transitionNotice.i;
    notices.push(citizenNotice({
      id: `notice:${app.reference}:${actionIds[index]}`, waId: app.waId, lang, kind: transitionNotice.kind, reference: app.reference,
      service, status: transitionNotice.e.applicationStatus, reason: transitionNotice.e.reason,
    }));
  } else {
    const overall = t.events.find((e) => e.type === 'sla_breached' && e.scope === 'overall');
    if (overall && overall.type === 'sla_breached') {
      notices.push(citizenNotice({
        id: `notice:${app.reference}:overall:${overall.deadline}`, waId: app.waId, lang, kind: 'delayed', reference: app.reference,
        service, status: t.next.applicationStatus,
      }));
    }
  }
  await queueMessages(tx, notices);
  return { actionIds, notices, breaches };
}
