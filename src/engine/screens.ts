/**
 * How each screen is shown: a pure function of the session and the catalog, so any screen can
 * be re-shown after a help text, an error or a language change, in the citizen's language.
 * Row and button ids are the protocol between what we show and what comes back (`menu:…`,
 * `svc:…`, `dept:…`, `page:…`, `doc:…`, `consent:…`, `rev:…`, `chg:…`, `exp:…`, `stuck:…`).
 */
import { LANGUAGES, type Lang } from '../lib/languages.ts';
import { MESSAGE_LIMITS, shorten, textLength } from '../lib/message-limits.ts';
import type { ListRow, OutboundMessage } from './outbound.ts';
import { isQuestionStep, type QuestionStep, type ServiceDefinition, type Step } from './definition/schema.ts';
import type { ServiceProgress } from './session.ts';
import { say, TEXTS, isTextKey } from './texts.ts';
import { pageAfterLead, pageOf } from './paging.ts';
import { MAX_RECENT } from './session.ts';
import { handlerFor } from './steps/registry.ts';
import { conditionHolds } from './conditions.ts';
import { langOf, type TurnState } from './turn-state.ts';

/** Most services shown under "popular" (one row is left for "◀ Main menu"). */
export const MAX_POPULAR = 9;
/** Most applications listed under "my applications". */
export const MAX_APPLICATIONS_LISTED = 10;
/** Most documents listed under "my documents" (one row is left for "◀ Main menu"). */
export const MAX_DOCUMENTS_LISTED = 9;

const LANGUAGE_NAMES: Record<Lang, string> = { te: 'తెలుగు', en: 'English', hi: 'हिंदी' };

/** The definition of the service in progress, at the version it started with. */
export function definitionOf(t: TurnState, progress: ServiceProgress): ServiceDefinition | undefined {
  return t.ctx.catalog.service(progress.serviceId, progress.serviceVersion);
}

/** Steps whose `when` holds for the current answers, in definition order. */
export function applicableSteps(def: ServiceDefinition, answers: ServiceProgress['answers']): Step[] {
  return def.steps.filter((s) => !s.when || conditionHolds(s.when, answers));
}

/** The applicable steps that ask a question (what the review and "change" list). */
export function applicableQuestions(def: ServiceDefinition, answers: ServiceProgress['answers']): QuestionStep[] {
  return applicableSteps(def, answers).filter(isQuestionStep);
}

/** A list row for a service: the name, with the rest of a long name as the description. */
export function serviceRow(def: ServiceDefinition, lang: Lang): ListRow {
  const name = def.name[lang];
  const long = textLength(name) > MESSAGE_LIMITS.listRowTitle;
  return {
    id: `svc:${def.id}`,
    title: shorten(name, MESSAGE_LIMITS.listRowTitle),
    description: shorten(long ? name : def.description[lang], MESSAGE_LIMITS.listRowDescription),
  };
}

function backToMenuRow(lang: Lang): ListRow {
  return { id: 'menu:main', title: say('row_back_menu', lang) };
}

/** The language choice; on first contact it carries the welcome in all three languages. */
export function languageScreen(firstContact: boolean): OutboundMessage {
  const lines = LANGUAGES.map((l) => (firstContact ? `${TEXTS.welcome[l]}\n${TEXTS.choose_language[l]}` : TEXTS.choose_language[l]));
  return {
    type: 'buttons',
    body: lines.join('\n\n'),
    buttons: LANGUAGES.map((l) => ({ id: `lang:${l}`, title: LANGUAGE_NAMES[l] })),
  };
}

/** The main menu, with "▶ Resume" first when a service is paused. */
export function menuScreen(t: TurnState, body?: string): OutboundMessage {
  const lang = langOf(t);
  const rows: ListRow[] = [];
  const progress = t.session.service;
  if (progress) {
    const def = definitionOf(t, progress);
    rows.push({ id: 'menu:resume', title: say('row_resume', lang), description: shorten(def?.name[lang] ?? progress.serviceId, MESSAGE_LIMITS.listRowDescription) });
  }
  const entries = [
    ['popular', 'row_popular', 'row_popular_desc'],
    ['departments', 'row_departments', 'row_departments_desc'],
    ['search', 'row_search', 'row_search_desc'],
    ['applications', 'row_applications', 'row_applications_desc'],
    ['documents', 'row_documents', 'row_documents_desc'],
    ['grievance', 'row_grievance', 'row_grievance_desc'],
    ['language', 'row_language', 'row_language_desc'],
    ['help', 'row_help', 'row_help_desc'],
  ] as const;
  for (const [id, title, description] of entries) rows.push({ id: `menu:${id}`, title: say(title, lang), description: say(description, lang) });
  return {
    type: 'list',
    body: body ?? say('menu_body', lang),
    button: say('menu_button', lang),
    sections: [{ title: say('menu_section', lang), rows }],
  };
}

/** Popular services (up to {@link MAX_POPULAR}) and "◀ Main menu". */
export function popularScreen(t: TurnState): OutboundMessage {
  const lang = langOf(t);
  const defs = t.ctx.catalog.popular()
    .map((id) => t.ctx.catalog.service(id))
    .filter((d): d is ServiceDefinition => d !== undefined)
    .slice(0, MAX_POPULAR);
  return {
    type: 'list',
    body: say('popular_body', lang),
    button: say('services_button', lang),
    sections: [{ title: say('row_popular', lang), rows: [...defs.map((d) => serviceRow(d, lang)), backToMenuRow(lang)] }],
  };
}

/**
 * Services the citizen used lately, newest first: those opened in this conversation, then those
 * of their applications. Only services still in the catalog; at most {@link MAX_RECENT}.
 */
export function recentServices(t: TurnState): ServiceDefinition[] {
  const fromApplications = [...t.ctx.citizen.applications]
    .sort((a, b) => (a.submittedAt < b.submittedAt ? 1 : a.submittedAt > b.submittedAt ? -1 : 0))
    .map((a) => a.serviceId);
  const ids = [...new Set([...(t.session.recent ?? []), ...fromApplications])];
  return ids.map((id) => t.ctx.catalog.service(id)).filter((d): d is ServiceDefinition => d !== undefined).slice(0, MAX_RECENT);
}

/**
 * One page of departments. The first page starts with "Popular services" and, for a citizen
 * who has used services before, "Recently used"; then departments in display order (most used
 * first). Each page ends with "More ▶" and "◀ Previous" (or "◀ Main menu"), within 10 rows.
 */
export function departmentsScreen(t: TurnState, page: number): OutboundMessage {
  const lang = langOf(t);
  const lead: ListRow[] = [{ id: 'menu:popular', title: say('row_popular_star', lang), description: say('row_popular_desc', lang) }];
  if (recentServices(t).length > 0) lead.push({ id: 'menu:recent', title: say('row_recent', lang), description: say('row_recent_desc', lang) });
  const p = pageAfterLead(t.ctx.catalog.departments(), page, lead.length);
  const rows: ListRow[] = p.page === 0 ? [...lead] : [];
  for (const d of p.items) {
    const name = d.icon ? `${d.icon} ${d.name[lang]}` : d.name[lang];
    const long = textLength(name) > MESSAGE_LIMITS.listRowTitle;
    rows.push({ id: `dept:${d.id}`, title: shorten(name, MESSAGE_LIMITS.listRowTitle), ...(long ? { description: shorten(d.name[lang], MESSAGE_LIMITS.listRowDescription) } : {}) });
  }
  if (p.hasMore) rows.push({ id: `page:${p.page + 1}`, title: say('row_more', lang) });
  rows.push(p.hasPrevious ? { id: `page:${p.page - 1}`, title: say('row_previous', lang) } : backToMenuRow(lang));
  return {
    type: 'list',
    body: say('departments_body', lang, { from: p.from, to: p.to, total: p.total }),
    button: say('departments_button', lang),
    sections: [{ title: say('departments_section', lang), rows }],
  };
}

/** The services the citizen used lately, and "◀ Main menu". */
export function recentScreen(t: TurnState): OutboundMessage {
  const lang = langOf(t);
  return {
    type: 'list',
    body: say('recent_body', lang),
    button: say('services_button', lang),
    sections: [{ title: say('row_recent', lang), rows: [...recentServices(t).map((d) => serviceRow(d, lang)), backToMenuRow(lang)] }],
  };
}

/** Services of a department, or a paged list of any services, with navigation rows. */
function pagedServices(t: TurnState, defs: readonly ServiceDefinition[], page: number, body: (p: ReturnType<typeof pageOf<ServiceDefinition>>) => string, firstPageBack: ListRow): OutboundMessage {
  const lang = langOf(t);
  const p = pageOf(defs, page);
  const rows = p.items.map((d) => serviceRow(d, lang));
  if (p.hasMore) rows.push({ id: `page:${p.page + 1}`, title: say('row_more', lang) });
  rows.push(p.hasPrevious ? { id: `page:${p.page - 1}`, title: say('row_previous', lang) } : firstPageBack);
  return { type: 'list', body: body(p), button: say('services_button', lang), sections: [{ title: say('services_section', lang), rows }] };
}

/** The services of one department. */
export function departmentScreen(t: TurnState, departmentId: string, page: number): OutboundMessage {
  const lang = langOf(t);
  const dept = t.ctx.catalog.departments().find((d) => d.id === departmentId);
  const defs = t.ctx.catalog.services().filter((s) => s.department === departmentId);
  const deptName = dept?.name[lang] ?? departmentId;
  return pagedServices(t, defs, page, (p) => say('department_body', lang, { department: deptName, from: p.from, to: p.to, total: p.total }),
    { id: 'nav:departments', title: say('row_previous', lang) });
}

/** The grievance services. */
export function grievancesScreen(t: TurnState, page: number): OutboundMessage {
  const lang = langOf(t);
  const defs = t.ctx.catalog.services().filter((s) => s.kind === 'grievance');
  return pagedServices(t, defs, page, () => say('grievances_body', lang), backToMenuRow(lang));
}

/** Search results: the services found, and "◀ Main menu". */
export function resultsScreen(t: TurnState, serviceIds: readonly string[], query: string): OutboundMessage {
  const lang = langOf(t);
  const defs = serviceIds.map((id) => t.ctx.catalog.service(id)).filter((d): d is ServiceDefinition => d !== undefined);
  return {
    type: 'list',
    body: say('search_many', lang, { query: shorten(query, 40) }),
    button: say('services_button', lang),
    sections: [{ title: say('services_section', lang), rows: [...defs.map((d) => serviceRow(d, lang)), backToMenuRow(lang)] }],
  };
}

/** The citizen's documents, newest first. */
export function documentsScreen(t: TurnState): OutboundMessage {
  const lang = langOf(t);
  const docs = [...t.ctx.citizen.documents].sort((a, b) => (a.issuedAt < b.issuedAt ? 1 : a.issuedAt > b.issuedAt ? -1 : 0)).slice(0, MAX_DOCUMENTS_LISTED);
  const rows: ListRow[] = docs.map((d) => ({
    id: `doc:${d.documentId}`,
    title: shorten(d.title, MESSAGE_LIMITS.listRowTitle),
    description: shorten(textLength(d.title) > MESSAGE_LIMITS.listRowTitle ? d.title : `${d.filename} · ${d.issuedAt.slice(0, 10)}`, MESSAGE_LIMITS.listRowDescription),
  }));
  rows.push(backToMenuRow(lang));
  return { type: 'list', body: say('documents_body', lang), button: say('documents_button', lang), sections: [{ title: say('row_documents', lang), rows }] };
}

/** "My applications": reference, service name and status, newest first. */
export function applicationsText(t: TurnState): string {
  const lang = langOf(t);
  const apps = [...t.ctx.citizen.applications]
    .sort((a, b) => (a.submittedAt < b.submittedAt ? 1 : a.submittedAt > b.submittedAt ? -1 : 0))
    .slice(0, MAX_APPLICATIONS_LISTED);
  if (apps.length === 0) return say('applications_none', lang);
  const lines = apps.map((a, i) => {
    const name = t.ctx.catalog.service(a.serviceId)?.name[lang] ?? a.serviceId;
    const key = `status_${a.status}`;
    const status = isTextKey(key) ? say(key, lang) : a.status;
    // The officer's reason matters most when the citizen must act on it or was refused.
    const note = a.reason && (a.status === 'info_requested' || a.status === 'rejected') ? `\n   📝 ${shorten(a.reason, 200)}` : '';
    return `${i + 1}. *${a.reference}*\n   ${name}\n   ${status}${note}`;
  });
  const awaiting = apps.some((a) => a.status === 'info_requested') ? `\n\n${say('reference_reply_hint', lang)}` : '';
  return `${say('applications_header', lang)}\n\n${lines.join('\n')}${awaiting}\n\n${say('applications_footer', lang, { example: apps[0].reference })}`;
}

/** The introduction of a service and the consent question. */
export function introScreen(t: TurnState, def: ServiceDefinition): OutboundMessage {
  const lang = langOf(t);
  const parts = [`*${def.name[lang]}*`, def.description[lang], say('intro_receives', lang, { receives: def.receives[lang] })];
  parts.push(def.documents.length === 0
    ? say('intro_no_documents', lang)
    : [say('intro_documents', lang), ...def.documents.map((d) => `• ${d[lang]}`)].join('\n'));
  const fee = def.fee.amount === 0 ? say('fee_free', lang) : say('fee_amount', lang, { amount: def.fee.amount });
  parts.push(def.fee.note ? `${fee} (${def.fee.note[lang]})` : fee);
  parts.push(def.sla.days === 1 ? say('intro_sla_one', lang) : say('intro_sla', lang, { days: def.sla.days }));
  const details = parts.join('\n');
  const consent = def.consent?.[lang] ?? say('consent_default', lang);
  // The consent question must survive shortening: cut the details, never the question.
  const room = MESSAGE_LIMITS.interactiveBody - textLength(consent) - 2;
  return {
    type: 'buttons',
    body: `${shorten(details, Math.max(room, 1))}\n\n${consent}`,
    buttons: [{ id: 'consent:yes', title: say('btn_agree', lang) }, { id: 'consent:no', title: say('btn_decline', lang) }],
  };
}

/** The current question. */
export function stepScreen(t: TurnState, def: ServiceDefinition, progress: ServiceProgress): OutboundMessage {
  const step = def.steps.find((s) => s.id === progress.stepId);
  if (!step) return { type: 'text', body: say('service_unavailable', langOf(t)) };
  return handlerFor(step).prompt(step, stepContext(t), progress.page);
}

/** What a step handler may know about this turn. */
export function stepContext(t: TurnState): { lang: ReturnType<typeof langOf>; now: Date; systemName: (id: string) => string } {
  const lang = langOf(t);
  return { lang, now: t.ctx.now, systemName: (id) => t.ctx.catalog.system(id)?.name[lang] ?? id };
}

/** The review summary line by line: "*Label*: value", Aadhaar and mobile masked. */
export function reviewLines(t: TurnState, def: ServiceDefinition, progress: ServiceProgress): string[] {
  const lang = langOf(t);
  return applicableQuestions(def, progress.answers).flatMap((step) => {
    const value = progress.answers[step.id];
    if (value === undefined) return [];
    const shown = value === null ? say('skipped', lang) : handlerFor(step).display(step, value, lang);
    return [`*${step.label[lang]}*: ${shown}`];
  });
}

/**
 * The review: the summary and Confirm / Change / Cancel buttons, in one message when it fits
 * the interactive body limit, else the summary as text followed by the buttons (2 messages).
 */
export function reviewScreen(t: TurnState, def: ServiceDefinition, progress: ServiceProgress): OutboundMessage[] {
  const lang = langOf(t);
  const summary = `${say('review_title', lang)}\n*${def.name[lang]}*\n\n${reviewLines(t, def, progress).join('\n')}`;
  const buttons = [
    { id: 'rev:confirm', title: say('btn_confirm', lang) },
    { id: 'rev:change', title: say('btn_change', lang) },
    { id: 'rev:cancel', title: say('btn_cancel', lang) },
  ];
  if (textLength(summary) <= MESSAGE_LIMITS.interactiveBody) return [{ type: 'buttons', body: summary, buttons }];
  return [{ type: 'text', body: summary }, { type: 'buttons', body: say('review_more', lang), buttons }];
}

/** The answered steps the citizen can change, paged. */
export function changeScreen(t: TurnState, def: ServiceDefinition, progress: ServiceProgress): OutboundMessage {
  const lang = langOf(t);
  const answered = applicableQuestions(def, progress.answers).filter((s) => progress.answers[s.id] !== undefined);
  const p = pageOf(answered, progress.page);
  const rows: ListRow[] = p.items.map((step) => {
    const value = progress.answers[step.id];
    const shown = value === null || value === undefined ? say('skipped', lang) : handlerFor(step).display(step, value, lang);
    return { id: `chg:${step.id}`, title: shorten(step.label[lang], MESSAGE_LIMITS.listRowTitle), description: shorten(shown, MESSAGE_LIMITS.listRowDescription) };
  });
  if (p.hasMore) rows.push({ id: `chg-page:${p.page + 1}`, title: say('row_more', lang) });
  rows.push(p.hasPrevious ? { id: `chg-page:${p.page - 1}`, title: say('row_previous', lang) } : { id: 'chg:review', title: say('row_previous', lang) });
  return { type: 'list', body: say('change_body', lang), button: say('change_button', lang), sections: [{ title: say('change_button', lang), rows }] };
}

/** The note after an idle timeout, with Resume / Start over / Main menu. */
export function expiredScreen(t: TurnState, def: ServiceDefinition | undefined, progress: ServiceProgress): OutboundMessage {
  const lang = langOf(t);
  return {
    type: 'buttons',
    body: say('expired', lang, { name: def?.name[lang] ?? progress.serviceId }),
    buttons: [
      { id: 'exp:resume', title: say('btn_resume', lang) },
      { id: 'exp:restart', title: say('btn_start_over', lang) },
      { id: 'exp:menu', title: say('btn_menu', lang) },
    ],
  };
}

/** After repeated failures at one step: Try again / Help / Main menu. */
export function stuckScreen(t: TurnState): OutboundMessage {
  const lang = langOf(t);
  return {
    type: 'buttons',
    body: say('stuck', lang),
    buttons: [
      { id: 'stuck:retry', title: say('btn_retry', lang) },
      { id: 'stuck:help', title: say('btn_help', lang) },
      { id: 'stuck:menu', title: say('btn_menu', lang) },
    ],
  };
}

/** The search prompt ("type what you need"). */
export function searchScreen(t: TurnState): OutboundMessage {
  return { type: 'text', body: say('search_prompt', langOf(t)) };
}
