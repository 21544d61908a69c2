/**
 * The back office (issue #4): what officers read and decide, what citizens' replies do, and
 * the SLA job's work, over the pure workflow module and the back-office storage.
 *
 * Jurisdiction is checked on EVERY read and action (`canAct` for one application, the same
 * rule as SQL for the inbox): an application outside the officer's department or area is
 * answered exactly like one that does not exist (`not_found`), so an id from another district
 * leaks nothing, not even its existence. Whether the officer's ROLE may take an action in the
 * application's state is the workflow's own check (`role_not_allowed`).
 */
import type { CatalogStore } from '../../catalog/index.ts';
import { handlerFor } from '../../engine/index.ts';
import { isQuestionStep } from '../../engine/definition/schema.ts';
import type { Lang } from '../../lib/languages.ts';
import type { Db, Queryable } from '../../storage/db.ts';
import {
  actionsFor, applicationById, breachesFor, claimSlaChecks, documentsOfApplication, inboxCounts, linkDocuments, listInbox,
  updateApplicationWorkflow, type BackOfficeApplication, type BreachRow, type StoredAction,
} from '../../storage/back-office-store.ts';
import type { OfficerRecord } from '../../storage/officer-store.ts';
import type { DocumentWithContent } from '../../storage/store.ts';
import {
  applyAction, applyBreach, availableActions, canAct, compareUrgency, jurisdictionOf, slaStatus, WorkflowFault, MAX_REASON_LENGTH,
  type AvailableAction, type RefusalCode, type SlaReading, type WorkflowApplication,
} from '../../workflow/index.ts';
import { DISTRICT_OPTION_SET } from './route-application.ts';
import { admitApplication, type AdmittedApplication, type SubmittedApplication } from './admit-application.ts';
import { commitTransition } from './commit-transition.ts';
import { slaColumns } from './sla-columns.ts';

/** Most applications one inbox page holds. */
export const MAX_INBOX_PAGE = 200;
/** Applications handled per SLA-job transaction. */
export const SLA_BATCH = 100;
/** How long an application whose workflow cannot be read is left before the SLA job tries again. */
export const SLA_RETRY_MS = 60 * 60 * 1000;

/** The log the back office writes to (pino's shape). */
export interface BackOfficeLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** Options of {@link createBackOffice}. */
export interface BackOfficeOptions {
  db: Db;
  catalog: CatalogStore;
  /** The platform's clock (tests move it). */
  clock: () => Date;
  log: BackOfficeLog;
  /** Called after a commit that queued messages for citizens (wire to the outbox's `wake`). */
  onQueued?: () => void;
  /** Loads a stored document with its bytes. */
  getDocument(id: string): Promise<DocumentWithContent | undefined>;
}

/** The inbox query an officer sends (all optional). */
export interface InboxRequest {
  /** `open` (default), `closed`, `all`, or one application status. */
  status?: string;
  service?: string;
  overdue?: boolean;
  limit?: number;
  offset?: number;
  lang?: Lang;
}

/** One inbox row. */
export interface InboxItem {
  id: string;
  reference: string;
  service: { id: string; name: string };
  status: string;
  state: string;
  district: string | null;
  /** The district's name in the requested language (from the `ap-districts` option set). */
  districtName: string | null;
  mandal: string | null;
  applicantName: string | null;
  submittedAt: string;
  updatedAt: string;
  sla: { status: SlaReading['status']; deadline: string | null; remainingMs: number | null; governedBy: SlaReading['governedBy'] };
  /** True when the caller's role can take some action on it now. */
  actionable: boolean;
}

/** The inbox: a page of items, most urgent first, and counts. */
export interface InboxView {
  items: InboxItem[];
  total: number;
  counts: { open: number; overdue: number; waitingForCitizen: number };
}

/** One answer as the officer reads it: Aadhaar and mobile numbers masked as everywhere. */
export interface AnswerView {
  id: string;
  label: string;
  value: string;
  /** For an uploaded file: the document to open. */
  documentId?: string;
}

/** The full application view. */
export interface ApplicationView extends InboxItem {
  lang: string;
  workflow: { id: string; version: number; waitingFor: string; closedAt: string | null };
  statusReason: string | null;
  clocks: SlaReading;
  answers: AnswerView[];
  documents: { id: string; filename: string; mimeType: string; bytes: number; createdAt: string; url: string }[];
  history: { action: string; actor: string; actorRole: string; reason: string | null; fromStatus: string; toStatus: string; fromState: string; toState: string; at: string; details: Record<string, unknown> | null }[];
  breaches: Omit<BreachRow, 'applicationId' | 'waId'>[];
  actions: AvailableAction[];
}

/** What an officer decides. */
export interface DecisionRequest {
  action: string;
  reason?: string;
}

/** The outcome of a decision. */
export type DecisionResult =
  | { ok: true; application: ApplicationView }
  | { ok: false; code: 'not_found' | 'no_workflow' | RefusalCode; message: string };

/** A document as served to an officer. */
export interface OfficerDocument {
  content: Buffer;
  mimeType: string;
  filename: string;
}

const applicantNameOf = (answers: Record<string, unknown>): string | null => {
  for (const key of ['applicant_name', 'name', 'full_name', 'complainant_name']) {
    const v = answers[key];
    if (typeof v === 'string' && v.trim()) return v.trim();
  }
  return null;
};

/** Creates the back office. */
export function createBackOffice(o: BackOfficeOptions) {
  const { db, catalog } = o;

  const areaOf = (app: BackOfficeApplication) => ({ department: app.department ?? app.serviceId.split('.')[0], district: app.district ?? '', mandal: app.mandal });
  const visible = (officer: OfficerRecord, app: BackOfficeApplication | undefined): app is BackOfficeApplication & { workflow: WorkflowApplication } =>
    app !== undefined && app.workflow !== null && canAct(officer, areaOf(app));
  const workflowOf = (app: WorkflowApplication) => {
    const w = catalog.workflow(app.workflowId, app.workflowVersion);
    if (!w) throw new WorkflowFault('workflow:unknown-version', `workflow ${app.workflowId} v${app.workflowVersion} is not loaded`, { workflow: app.workflowId, version: app.workflowVersion });
    return w;
  };
  // District names come from the `ap-districts` options that the catalog's services carry.
  const districtNames = new WeakMap<object, Map<string, Record<Lang, string>>>();
  const districtName = (id: string | null): Record<Lang, string> | undefined => {
    if (!id) return undefined;
    const loaded = catalog.loaded();
    let names = districtNames.get(loaded);
    if (!names) {
      names = new Map();
      for (const service of loaded.services()) {
        for (const step of service.steps) {
          if (step.type === 'ask_choice' && step.optionSet === DISTRICT_OPTION_SET) for (const o of step.options) names.set(o.id, o.label);
        }
        if (names.size > 0) break;
      }
      districtNames.set(loaded, names);
    }
    return names.get(id);
  };
  const serviceName = (app: BackOfficeApplication, lang: Lang) =>
    (catalog.current().service(app.serviceId, app.serviceVersion) ?? catalog.current().service(app.serviceId))?.name[lang] ?? app.serviceId;

  function item(officer: OfficerRecord, app: BackOfficeApplication & { workflow: WorkflowApplication }, now: Date, lang: Lang): InboxItem {
    const reading = slaStatus(app.workflow, now);
    let actionable = false;
    try {
      actionable = availableActions(workflowOf(app.workflow), app.workflow, officer.role).length > 0;
    } catch {
      actionable = false;
    }
    return {
      id: app.id, reference: app.reference, service: { id: app.serviceId, name: serviceName(app, lang) }, status: app.status,
      state: app.workflow.state, district: app.district, districtName: districtName(app.district)?.[lang] ?? app.district, mandal: app.mandal,
      applicantName: applicantNameOf(app.answers),
      submittedAt: app.submittedAt, updatedAt: app.updatedAt,
      sla: { status: reading.status, deadline: reading.deadline, remainingMs: reading.remainingMs, governedBy: reading.governedBy },
      actionable,
    };
  }

  function answersOf(app: BackOfficeApplication, lang: Lang): AnswerView[] {
    const definition = catalog.current().service(app.serviceId, app.serviceVersion);
    if (!definition) {
      // A version this process has not loaded: show the raw answers, masking nothing but files.
      return Object.entries(app.answers).map(([id, v]) => ({ id, label: id, value: typeof v === 'object' ? JSON.stringify(v) : String(v) }));
    }
    return definition.steps.filter(isQuestionStep).flatMap((step) => {
      const value = app.answers[step.id];
      if (value === undefined || value === null) return [];
      const documentId = typeof value === 'object' && value !== null && 'documentId' in value ? String((value as { documentId: unknown }).documentId) : undefined;
      // A file is shown by its name (the console links it); other answers as the citizen saw them.
      const shown = documentId ? String((value as { filename?: unknown }).filename ?? documentId) : handlerFor(step).display(step, value as never, lang).replace(/^📍\s*/u, '');
      return [{ id: step.id, label: step.label[lang], value: shown, ...(documentId ? { documentId } : {}) }];
    });
  }

  async function view(q: Queryable, officer: OfficerRecord, app: BackOfficeApplication & { workflow: WorkflowApplication }, lang: Lang): Promise<ApplicationView> {
    const now = o.clock();
    const [history, breaches, documents] = await Promise.all([actionsFor(q, app.id), breachesFor(q, app.id), documentsOfApplication(q, app.id)]);
    return {
      ...item(officer, app, now, lang),
      lang: app.lang,
      workflow: { id: app.workflow.workflowId, version: app.workflow.workflowVersion, waitingFor: app.workflow.waitingFor, closedAt: app.workflow.closedAt },
      statusReason: app.statusReason,
      clocks: slaStatus(app.workflow, now),
      answers: answersOf(app, lang),
      documents: documents.map((d) => ({
        id: d.id, filename: d.filename ?? `${d.id}${d.mimeType === 'application/pdf' ? '.pdf' : d.mimeType === 'image/png' ? '.png' : '.jpg'}`,
        mimeType: d.mimeType, bytes: d.bytes, createdAt: d.createdAt, url: `/api/officer/documents/${encodeURIComponent(d.id)}`,
      })),
      history: history.map((h: StoredAction) => ({
        action: h.action, actor: h.actor, actorRole: h.actorRole, reason: h.reason, fromStatus: h.fromStatus, toStatus: h.toStatus,
        fromState: h.fromState, toState: h.toState, at: h.at, details: h.details,
      })),
      breaches: breaches.map(({ applicationId: _a, waId: _w, ...b }) => b),
      actions: availableActions(workflowOf(app.workflow), app.workflow, officer.role),
    };
  }

  return {
    /** The name of district `id` (an `ap-districts` option id) in te, en and hi, if known. */
    districtName,

    /** Route and workflow of a new application (the inbound processor's port). */
    admit(application: SubmittedApplication): AdmittedApplication {
      return admitApplication(catalog, application);
    },

    /**
     * The citizen's confirmed reply to a request for information, inside the processor's
     * transaction `tx`: the workflow's `resubmit` as `citizen`, the files linked to the
     * application. False when the application no longer waits for this citizen's reply.
     */
    async resubmit(tx: Queryable, waId: string, reply: { reference: string; text: string; documentIds: string[]; at: string }): Promise<boolean> {
      const app = await applicationById(tx, reply.reference, true);
      if (!app || app.waId !== waId || !app.workflow || app.workflow.waitingFor !== 'citizen') return false;
      const at = new Date(reply.at);
      const text = reply.text.trim().slice(0, MAX_REASON_LENGTH);
      const result = applyAction(workflowOf(app.workflow), app.workflow, { action: 'resubmit', actorRole: 'citizen', ...(text ? { reason: text } : {}), at }, catalog.calendar());
      if (!result.ok) return false;
      await linkDocuments(tx, waId, app.id, reply.documentIds);
      await commitTransition(tx, catalog, {
        application: app, next: result.application, events: result.events, actor: { officerId: null, name: 'citizen' },
        details: reply.documentIds.length > 0 ? { documentIds: reply.documentIds } : undefined, at,
      });
      return true;
    },

    /** The officer's inbox: applications within their jurisdiction, most urgent first. */
    async inbox(officer: OfficerRecord, request: InboxRequest = {}): Promise<InboxView> {
      const now = o.clock();
      const lang = request.lang ?? 'en';
      const jurisdiction = jurisdictionOf(officer);
      const limit = Math.min(Math.max(1, request.limit ?? 50), MAX_INBOX_PAGE);
      const page = await listInbox(db, {
        jurisdiction, status: request.status, serviceId: request.service, overdueAt: request.overdue ? now : undefined,
        limit, offset: Math.max(0, request.offset ?? 0),
      });
      // SQL ordered by deadline; the workflow's own order (breached, due soon, on time…) is exact.
      const apps = page.applications.filter((a) => visible(officer, a)) as (BackOfficeApplication & { workflow: WorkflowApplication })[];
      apps.sort((a, b) => compareUrgency(a.workflow, b.workflow, now));
      return { items: apps.map((a) => item(officer, a, now, lang)), total: page.total, counts: await inboxCounts(db, jurisdiction, now) };
    },

    /** One application, or undefined when it does not exist OR lies outside the officer's jurisdiction. */
    async application(officer: OfficerRecord, id: string, lang: Lang = 'en'): Promise<ApplicationView | undefined> {
      const app = await applicationById(db, id);
      if (!visible(officer, app)) return undefined;
      return view(db, officer, app, lang);
    },

    /**
     * An officer's decision: checked against jurisdiction, then by the workflow (state, role,
     * reason), then committed with its audit row, log entry and the citizen's message.
     */
    async decide(officer: OfficerRecord, id: string, request: DecisionRequest, lang: Lang = 'en'): Promise<DecisionResult> {
      const result = await db.transaction(async (tx): Promise<DecisionResult> => {
        const app = await applicationById(tx, id, true);
        if (!visible(officer, app)) return { ok: false, code: 'not_found', message: `no application ${id} in your jurisdiction` };
        const at = o.clock();
        const applied = applyAction(workflowOf(app.workflow), app.workflow, {
          action: request.action, actorRole: officer.role, ...(request.reason !== undefined ? { reason: request.reason } : {}), at,
        }, catalog.calendar());
        if (!applied.ok) return { ok: false, code: applied.code, message: applied.message };
        await commitTransition(tx, catalog, {
          application: app, next: applied.application, events: applied.events, actor: { officerId: officer.id, name: officer.username }, at,
        });
        const updated = (await applicationById(tx, id)) as BackOfficeApplication & { workflow: WorkflowApplication };
        o.log.info({ reference: app.reference, action: request.action, officer: officer.username, status: updated.status }, 'application decided');
        return { ok: true, application: await view(tx, officer, updated, lang) };
      });
      if (result.ok) o.onQueued?.();
      return result;
    },

    /** A document of an application within the officer's jurisdiction, or undefined. */
    async document(officer: OfficerRecord, documentId: string): Promise<OfficerDocument | undefined> {
      const doc = await o.getDocument(documentId);
      if (!doc || !doc.applicationId) return undefined;
      const app = await applicationById(db, doc.applicationId);
      if (!visible(officer, app) || app.waId !== doc.waId) return undefined;
      return { content: doc.content, mimeType: doc.mimeType, filename: doc.filename ?? doc.id };
    },

    /**
     * One round of the SLA job at the platform's clock: records due breaches and applies the
     * workflow's escalation rules, each application once across all processes (SKIP LOCKED
     * claims, idempotent `applyBreach`). Returns how many applications had a breach.
     */
    async runSlaOnce(): Promise<number> {
      const now = o.clock();
      // Most rounds find nothing due: answer that from the index, without a transaction.
      const due = await db.query('SELECT 1 FROM applications WHERE sla_check_at <= $1 LIMIT 1', [now]);
      if (due.rows.length === 0) return 0;
      const { handled, queued } = await db.transaction(async (tx) => {
        let handled = 0;
        let queued = 0;
        for (const app of await claimSlaChecks(tx, now, SLA_BATCH)) {
          if (!app.workflow) continue;
          let result;
          try {
            result = applyBreach(workflowOf(app.workflow), app.workflow, now, catalog.calendar());
          } catch (err) {
            // A programmer or data fault on one application must not stop the job for the rest.
            o.log.error({ err, reference: app.reference }, 'SLA check failed');
            await tx.query('UPDATE applications SET sla_check_at = $2 WHERE id = $1', [app.id, new Date(now.getTime() + SLA_RETRY_MS)]);
            continue;
          }
          if (result.events.length === 0) {
            await updateApplicationWorkflow(tx, { id: app.id, workflow: app.workflow, ...slaColumns(app.workflow), at: app.updatedAt });
            continue;
          }
          const committed = await commitTransition(tx, catalog, { application: app, next: result.application, events: result.events, actor: { officerId: null, name: 'system' }, at: now });
          handled++;
          queued += committed.notices.length;
          for (const e of result.events) {
            o.log.info({ reference: app.reference, event: e.type, ...(e.type === 'sla_breached' ? { scope: e.scope, state: e.state } : { action: e.action, to: e.toState }) }, 'SLA breach handled');
          }
        }
        return { handled, queued };
      });
      if (queued > 0) o.onQueued?.();
      return handled;
    },
  };
}

/** The back office. */
export type BackOffice = ReturnType<typeof createBackOffice>;
