/**
 * One turn of the conversation (STYLE.md 1): `(session, inbound, context) → (session',
 * outbound, events)`. Pure: no I/O, no clock or randomness but `ctx.now` and `ctx.newId()`; the
 * caller stores the new session, sends the messages and persists the events in one
 * transaction. Never throws on any inbound content; unknown shapes are answered politely.
 */
import { isLang, LANGUAGES, type Lang } from '../lib/languages.ts';
import type { InboundContent, InboundMessage } from './inbound.ts';
import type { OutboundMessage } from './outbound.ts';
import type { EngineContext, EngineSettings } from './ports.ts';
import { isIntegrationStep, isQuestionStep, PAYMENT_SYSTEM_ID, type QuestionStep, type ServiceDefinition, type Step } from './definition/schema.ts';
import { MAX_RECENT, SESSION_VERSION, type Screen, type ServiceProgress, type Session } from './session.ts';
import type { EngineEvent } from './events/registry.ts';
import type { AnswerValue } from './answer-value.ts';
import { say, type TextKey } from './texts.ts';
import { detectCommand, searchQuery, type Command } from './commands.ts';
import { normalizeInput } from './normalize-input.ts';
import { handlerFor } from './steps/registry.ts';
import { conditionHolds } from './conditions.ts';
import { OPTION_PAGE_PREFIX } from './steps/ask-choice.ts';
import { findReference, referenceNumber } from './reference-number.ts';
import {
  applicationStatusText, infoReplyScreen, MAX_INFO_REPLY_PARTS, MAX_INFO_REPLY_TEXT, pendingInfoRequest,
} from './status-screens.ts';
import { fitMessage } from './fit-message.ts';
import { langOf, type TurnState } from './turn-state.ts';
import {
  applicableQuestions, applicableSteps, applicationsText, changeScreen, definitionOf, departmentScreen, departmentsScreen, documentsScreen,
  expiredScreen, grievancesScreen, introScreen, recentScreen, languageScreen, menuScreen, popularScreen, resultsScreen, reviewScreen,
  searchScreen, stepContext, stepScreen, stuckScreen,
} from './screens.ts';
import { INTEGRATION_RETRY_ID } from './steps/integration-prompt.ts';

/** What one turn produces. */
export interface TurnResult {
  session: Session;
  outbound: OutboundMessage[];
  events: EngineEvent[];
}

/** Failed answers in a row at one step before Try again / Help / Main menu is offered. */
export const MAX_FAILURES_BEFORE_HELP = 3;
/** Search results asked of the catalog for free text. */
export const SEARCH_LIMIT = 3;
/** A first search result scoring this many times the second is opened directly. */
export const STRONG_MATCH_RATIO = 2;
/** Longest free text passed to the catalog search. */
export const MAX_SEARCH_TEXT = 200;

// Typed words that mean "yes, I agree" / "no" at the consent question.
const YES_WORDS = new Set(['yes', 'y', 'ok', 'okay', 'agree', 'i agree', 'avunu', 'అవును', 'సరే', 'అంగీకరిస్తున్నాను', 'haan', 'ha', 'हाँ', 'हां', 'ठीक है', 'सहमत'].map(normalizeInput));
const NO_WORDS = new Set(['no', 'n', 'vaddu', 'వద్దు', 'కాదు', 'nahi', 'nahin', 'नहीं', 'ना'].map(normalizeInput));
// Typed language names for the language choice.
const LANGUAGE_WORDS: Record<string, Lang> = Object.fromEntries([
  ...['telugu', 'తెలుగు', 'तेलुगु'].map((w) => [normalizeInput(w), 'te']),
  ...['english', 'ఇంగ్లీష్', 'ఇంగ్లిష్', 'अंग्रेज़ी', 'अंग्रेजी', 'इंग्लिश'].map((w) => [normalizeInput(w), 'en']),
  ...['hindi', 'హిందీ', 'हिंदी', 'हिन्दी'].map((w) => [normalizeInput(w), 'hi']),
]) as Record<string, Lang>;

// ------------------------------------------------------------------------------------------
// Session helpers

function freshSession(citizen: string, now: Date): Session {
  return { version: SESSION_VERSION, citizen, lang: null, screen: { kind: 'language', returnTo: null }, service: null, updatedAt: now.toISOString() };
}

/** A usable copy of the stored session, or null when it is missing or of another shape. */
function loadSession(stored: unknown): Session | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const s = stored as Partial<Session>;
  if (s.version !== SESSION_VERSION || typeof s.screen !== 'object' || s.screen === null || typeof s.updatedAt !== 'string') return null;
  // A deep copy keeps `turn` pure: the caller's object is never changed.
  return JSON.parse(JSON.stringify(stored)) as Session;
}

function inService(screen: Screen): boolean {
  return screen.kind === 'service' || (screen.kind === 'language' && screen.returnTo?.kind === 'service');
}

/** True when a service is being filled in (not paused at the menu, not already expired). */
function inProgress(s: Session): boolean {
  return s.service !== null && s.service.phase !== 'expired' && inService(s.screen);
}

/**
 * The ISO time at which the idle timer should fire for `session`: `updatedAt` plus the idle
 * timeout while a service is in progress, else null (nothing to expire).
 */
export function idleDeadline(session: Session, settings: EngineSettings): string | null {
  const s = loadSession(session);
  if (!s || !inProgress(s)) return null;
  const updated = Date.parse(s.updatedAt);
  if (!Number.isFinite(updated)) return null;
  return new Date(updated + settings.idleTimeoutMinutes * 60_000).toISOString();
}

/** The language the citizen chose, or null before they chose one. */
export function sessionLang(session: Session): Lang | null {
  return session && isLang(session.lang) ? session.lang : null;
}

// ------------------------------------------------------------------------------------------
// Output helpers

/** Prepends `preface` to the first message (one message, not two, where WhatsApp allows). */
function withPreface(messages: OutboundMessage[], preface: string | undefined): OutboundMessage[] {
  if (!preface) return messages;
  const [first, ...rest] = messages;
  if (!first) return [{ type: 'text', body: preface }];
  switch (first.type) {
    case 'text': case 'buttons': case 'list': case 'location_request': case 'cta_url':
      return [{ ...first, body: `${preface}\n\n${first.body}` }, ...rest];
    default:
      return [{ type: 'text', body: preface }, first, ...rest];
  }
}

function send(t: TurnState, messages: OutboundMessage[], preface?: string): void {
  t.out.push(...withPreface(messages, preface));
}

function emit(t: TurnState, event: EngineEvent): void {
  t.events.push(event);
}

/** The current screen as messages. */
function render(t: TurnState): OutboundMessage[] {
  const s = t.session;
  const screen = s.screen;
  switch (screen.kind) {
    case 'language': return [languageScreen(s.lang === null)];
    case 'menu': return [menuScreen(t)];
    case 'popular': return [popularScreen(t)];
    case 'recent': return [recentScreen(t)];
    case 'departments': return [departmentsScreen(t, screen.page)];
    case 'department': return [departmentScreen(t, screen.departmentId, screen.page)];
    case 'search': return [searchScreen(t)];
    case 'results': return [resultsScreen(t, screen.serviceIds, screen.query)];
    case 'documents': return [documentsScreen(t)];
    case 'grievances': return [grievancesScreen(t, screen.page)];
    case 'info_reply':
      if (!s.infoReply) {
        s.screen = { kind: 'menu' };
        return [menuScreen(t)];
      }
      return [infoReplyScreen(t)];
    case 'service': {
      const progress = s.service;
      const def = progress ? definitionOf(t, progress) : undefined;
      if (!progress || !def) {
        s.service = null;
        s.screen = { kind: 'menu' };
        return [menuScreen(t, say('service_unavailable', langOf(t)))];
      }
      switch (progress.phase) {
        case 'intro': return [introScreen(t, def)];
        case 'step': return [stepScreen(t, def, progress)];
        case 'review': return reviewScreen(t, def, progress);
        case 'change': return [changeScreen(t, def, progress)];
        case 'expired': return [expiredScreen(t, def, progress)];
        default: {
          const unhandled: never = progress.phase;
          return unhandled;
        }
      }
    }
    default: {
      const unhandled: never = screen;
      return unhandled;
    }
  }
}

function show(t: TurnState, preface?: string): void {
  send(t, render(t), preface);
}

function goMenu(t: TurnState, preface?: string): void {
  // Leaving the reply screen for the menu drops an unsent reply (the request stays open).
  t.session.infoReply = null;
  t.session.screen = { kind: 'menu' };
  send(t, [menuScreen(t)], preface);
}

// ------------------------------------------------------------------------------------------
// Services

function stepById(def: ServiceDefinition, id: string | null): Step | undefined {
  return def.steps.find((s) => s.id === id);
}

/** Drops answers of steps that no longer apply, in order (conditions only look back). */
function pruneAnswers(def: ServiceDefinition, progress: ServiceProgress): void {
  const kept: ServiceProgress['answers'] = {};
  for (const step of def.steps) {
    const value = progress.answers[step.id];
    if (value === undefined) continue;
    if (!step.when || conditionHolds(step.when, kept)) kept[step.id] = value;
  }
  progress.answers = kept;
}

/** Service kinds answered on the spot: no officer decides, so there is no review or application. */
const SELF_SERVICE_KINDS: ReadonlySet<ServiceDefinition['kind']> = new Set(['information', 'status']);

/**
 * Moves to the first applicable unanswered step, or to the review, and shows it. `show_info`
 * steps on the way are shown (joined into the next message) and marked as seen; a step that
 * needs a department system or the payment gateway stops the conversation there, with the
 * answers kept. A self-service kind (information, status) ends after its last step instead of
 * going to a review.
 */
function advance(t: TurnState, def: ServiceDefinition, progress: ServiceProgress, preface?: string): void {
  pruneAnswers(def, progress);
  const shown: string[] = preface ? [preface] : [];
  let next = applicableSteps(def, progress.answers).find((s) => progress.answers[s.id] === undefined);
  while (next?.type === 'show_info') {
    shown.push(next.body[langOf(t)]);
    progress.answers[next.id] = true;
    next = applicableSteps(def, progress.answers).find((s) => progress.answers[s.id] === undefined);
  }
  progress.failures = 0;
  progress.page = 0;
  const prefaceText = shown.length > 0 ? shown.join('\n\n') : undefined;
  if (!next && SELF_SERVICE_KINDS.has(def.kind)) {
    t.session.service = null;
    goMenu(t, [prefaceText, say('info_done', langOf(t))].filter(Boolean).join('\n\n'));
    return;
  }
  if (next) {
    progress.phase = 'step';
    progress.stepId = next.id;
    if (isIntegrationStep(next)) integrationUnavailable(t, def, next);
  } else {
    progress.phase = 'review';
    progress.stepId = null;
  }
  t.session.screen = { kind: 'service' };
  show(t, prefaceText);
}

/** Records that the conversation stopped at a step whose system is not connected. */
function integrationUnavailable(t: TurnState, def: ServiceDefinition, step: Step): void {
  const system = step.type === 'call_department' ? step.system : PAYMENT_SYSTEM_ID;
  emit(t, { type: 'integration_unavailable', serviceId: def.id, stepId: step.id, system });
}

function newProgress(t: TurnState, def: ServiceDefinition): ServiceProgress {
  return {
    serviceId: def.id, serviceVersion: def.version, phase: 'intro', pausedPhase: 'intro', stepId: null,
    answers: {}, failures: 0, page: 0, consented: false, startedAt: t.ctx.now.toISOString(),
  };
}

/** Opens a service from a menu, search or list: its introduction and consent question. */
function openService(t: TurnState, serviceId: string): void {
  const s = t.session;
  if (s.service && s.service.serviceId === serviceId) {
    resumeService(t);
    return;
  }
  const def = t.ctx.catalog.service(serviceId);
  if (!def) {
    goMenu(t, say('service_unavailable', langOf(t)));
    return;
  }
  if (s.service && s.service.consented) {
    emit(t, { type: 'application_cancelled', serviceId: s.service.serviceId, serviceVersion: s.service.serviceVersion, stepId: s.service.stepId, reason: 'replaced' });
  }
  s.service = newProgress(t, def);
  s.recent = [def.id, ...(s.recent ?? []).filter((id) => id !== def.id)].slice(0, MAX_RECENT);
  s.screen = { kind: 'service' };
  show(t);
}

function resumeService(t: TurnState): void {
  const progress = t.session.service;
  if (!progress) {
    goMenu(t);
    return;
  }
  if (progress.phase === 'expired') progress.phase = progress.pausedPhase;
  progress.failures = 0;
  t.session.screen = { kind: 'service' };
  show(t);
}

function cancelService(t: TurnState): void {
  const progress = t.session.service;
  if (!progress) {
    goMenu(t);
    return;
  }
  const def = definitionOf(t, progress);
  if (progress.consented) {
    emit(t, { type: 'application_cancelled', serviceId: progress.serviceId, serviceVersion: progress.serviceVersion, stepId: progress.stepId, reason: 'citizen' });
  }
  t.session.service = null;
  goMenu(t, progress.consented ? say('cancelled', langOf(t), { name: def?.name[langOf(t)] ?? progress.serviceId }) : undefined);
}

/** Leaves the service for the main menu, keeping it for "▶ Resume". */
function pauseToMenu(t: TurnState): void {
  const progress = t.session.service;
  if (progress && progress.phase === 'intro' && !progress.consented) {
    t.session.service = null;
    goMenu(t);
    return;
  }
  const def = progress ? definitionOf(t, progress) : undefined;
  goMenu(t, progress ? say('paused', langOf(t), { name: def?.name[langOf(t)] ?? progress.serviceId }) : undefined);
}

function submit(t: TurnState, def: ServiceDefinition, progress: ServiceProgress): void {
  const lang = langOf(t);
  const answers: Record<string, AnswerValue> = {};
  const documentIds: string[] = [];
  let location: { latitude: number; longitude: number } | undefined;
  for (const step of applicableQuestions(def, progress.answers)) {
    const value = progress.answers[step.id];
    if (value === undefined || value === null) continue;
    answers[step.id] = value;
    if (typeof value === 'object' && 'documentId' in value) documentIds.push(value.documentId);
    if (typeof value === 'object' && 'latitude' in value && !location) location = { latitude: value.latitude, longitude: value.longitude };
  }
  const reference = referenceNumber(t.ctx.newId(), t.ctx.now);
  emit(t, {
    type: 'application_submitted', reference, serviceId: def.id, serviceVersion: def.version, lang, answers, documentIds,
    ...(location ? { location } : {}), submittedAt: t.ctx.now.toISOString(),
  });
  t.session.service = null;
  t.session.screen = { kind: 'menu' };
  send(t, [{ type: 'text', body: say('submitted', lang, { reference, name: def.name[lang], days: def.sla.days, receipt: `${t.ctx.settings.publicBaseUrl.replace(/\/+$/, '')}/r/${reference}` }) }]);
}

/** "back" inside a service: the previous applicable question, the intro, or the review. */
function goBack(t: TurnState, def: ServiceDefinition, progress: ServiceProgress): void {
  if (progress.phase === 'intro') {
    pauseToMenu(t);
    return;
  }
  if (progress.phase === 'change') {
    progress.phase = 'review';
    progress.page = 0;
    show(t);
    return;
  }
  // Back goes to the previous question; information and integration steps are passed over.
  const steps = applicableSteps(def, progress.answers).filter((s) => isQuestionStep(s) || s.id === progress.stepId);
  const at = progress.phase === 'step' ? steps.findIndex((s) => s.id === progress.stepId) : steps.length;
  const previous = at > 0 ? steps[at - 1] : undefined;
  progress.failures = 0;
  progress.page = 0;
  if (!previous) {
    progress.phase = 'intro';
    progress.stepId = null;
  } else {
    progress.phase = 'step';
    progress.stepId = previous.id;
  }
  show(t);
}

function reasonText(step: QuestionStep, reason: TextKey, params: Partial<Record<string, string | number>> | undefined, lang: Lang): string {
  if (reason === 'text_pattern' && step.type === 'ask_text' && step.patternError) return step.patternError[lang];
  const clean: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params ?? {})) if (v !== undefined) clean[k] = v;
  return say(reason, lang, clean);
}

function unexpectedWhat(content: InboundContent): TextKey {
  switch (content.type) {
    case 'media':
      return content.media === 'sticker' ? 'kind_sticker' : content.media === 'audio' ? 'kind_audio' : content.media === 'video' ? 'kind_video' : 'kind_media';
    case 'contacts': return 'kind_contacts';
    case 'location': return 'kind_location';
    case 'flow_reply': return 'kind_flow';
    case 'choice': return 'kind_choice';
    default: return 'kind_unsupported';
  }
}

/** A polite "can't use that here" and the current screen again, in one message. */
function unexpected(t: TurnState, content: InboundContent): void {
  const lang = langOf(t);
  const contentType = content.type === 'media' && typeof content.media === 'string' ? content.media : String(content.type);
  emit(t, { type: 'unexpected_message', contentType: contentType.slice(0, 40) });
  const expectation = t.session.screen.kind === 'service' ? 'expect_answer' : 'expect_menu';
  show(t, `${say('unexpected', lang, { what: say(unexpectedWhat(content), lang) })} ${say(expectation, lang)}`);
}

function stepTurn(t: TurnState, def: ServiceDefinition, progress: ServiceProgress, content: InboundContent, command: Command | null): void {
  const lang = langOf(t);
  const step = stepById(def, progress.stepId);
  if (!step) {
    advance(t, def, progress);
    return;
  }
  if (isIntegrationStep(step)) {
    // Nothing typed or tapped can answer it; "Try again" (or anything else) checks again.
    if (!(content.type === 'choice' && content.id === INTEGRATION_RETRY_ID) && content.type !== 'text' && content.type !== 'choice') {
      unexpected(t, content);
      return;
    }
    integrationUnavailable(t, def, step);
    show(t);
    return;
  }
  if (!isQuestionStep(step)) {
    advance(t, def, progress);
    return;
  }
  if (content.type === 'choice') {
    if (content.id.startsWith(OPTION_PAGE_PREFIX) && step.type === 'ask_choice') {
      progress.page = Number(content.id.slice(OPTION_PAGE_PREFIX.length)) || 0;
      show(t);
      return;
    }
    if (content.id === 'stuck:retry') { progress.failures = 0; show(t); return; }
    if (content.id === 'stuck:help') { helpTurn(t); return; }
    if (content.id === 'stuck:menu') { pauseToMenu(t); return; }
  }
  if (command === 'skip' && step.optional) {
    progress.answers[step.id] = null;
    advance(t, def, progress);
    return;
  }
  const handler = handlerFor(step);
  const readable = handler.accepts.includes(content.type);
  if (!readable) {
    unexpected(t, content);
    return;
  }
  const result = handler.validate(step, content, stepContext(t));
  if (result.ok) {
    progress.answers[step.id] = result.value;
    advance(t, def, progress);
    return;
  }
  progress.failures += 1;
  emit(t, { type: 'input_rejected', serviceId: def.id, stepId: step.id, reason: result.reason });
  const reason = reasonText(step, result.reason, result.params, lang);
  if (progress.failures >= MAX_FAILURES_BEFORE_HELP) {
    progress.failures = 0;
    send(t, [stuckScreen(t)], reason);
    return;
  }
  show(t, reason);
}

// ------------------------------------------------------------------------------------------
// The back office: an application's status by its reference, and replies to officers

/** Shows the status of `reference` if it is one of the citizen's applications; true when handled. */
function referenceTurn(t: TurnState, reference: string, atStep: boolean): boolean {
  const own = t.ctx.citizen.applications.find((a) => a.reference === reference);
  if (own) {
    show(t, applicationStatusText(t, own));
    return true;
  }
  // Inside a question the text may be an answer that merely looks like a reference.
  if (atStep) return false;
  show(t, say('reference_not_found', langOf(t), { reference }));
  return true;
}

/** Adds what the citizen sent to the reply being put together; false when it cannot be added. */
function addInfoPart(t: TurnState, content: InboundContent): void {
  const lang = langOf(t);
  const reply = t.session.infoReply;
  if (!reply) { goMenu(t); return; }
  if (reply.parts.length >= MAX_INFO_REPLY_PARTS) { show(t, say('info_reply_full', lang)); return; }
  if (content.type === 'text') {
    const typed = content.text.trim();
    const used = reply.parts.reduce((n, p) => n + ('text' in p ? p.text.length + 2 : 0), 0);
    if (typed.length === 0) { show(t); return; }
    if (used + typed.length > MAX_INFO_REPLY_TEXT) { show(t, say('info_reply_full', lang)); return; }
    reply.parts.push({ text: typed });
  } else if (content.type === 'media') {
    const mime = (content.stored?.mimeType ?? content.mimeType ?? '').toLowerCase().split(';')[0].trim();
    const kinds = `${say('media_kind_image', lang)} ${say('word_or', lang)} ${say('media_kind_pdf', lang)}`;
    if (content.failure === 'type_not_allowed' || !INFO_REPLY_MIME_TYPES.includes(mime)) { show(t, say('media_type', lang, { kinds })); return; }
    if (content.failure === 'too_large') { show(t, say('media_too_large', lang, { mb: 10 })); return; }
    if (content.failure !== undefined || !content.stored) { show(t, say('media_failed', lang)); return; }
    const extension = mime === 'application/pdf' ? 'pdf' : mime === 'image/png' ? 'png' : 'jpg';
    reply.parts.push({ documentId: content.stored.documentId, mimeType: mime, filename: content.stored.filename ?? content.filename ?? `${content.stored.documentId}.${extension}` });
    if (content.caption?.trim()) reply.parts.push({ text: content.caption.trim().slice(0, MAX_INFO_REPLY_TEXT) });
  } else {
    unexpected(t, content);
    return;
  }
  t.session.screen = { kind: 'info_reply' };
  show(t);
}

/** Files a citizen may send to an officer: photos and PDFs, as `ask_media` accepts. */
const INFO_REPLY_MIME_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'application/pdf'];

/** Starts a reply to the officer waiting on `reference` with what the citizen just sent. */
function startInfoReply(t: TurnState, reference: string, content: InboundContent): void {
  t.session.infoReply = { reference, parts: [] };
  addInfoPart(t, content);
  // Nothing usable was added (an empty text, a rejected file): no reply in progress.
  if (t.session.infoReply && t.session.infoReply.parts.length === 0) {
    t.session.infoReply = null;
    if (t.session.screen.kind === 'info_reply') t.session.screen = { kind: 'menu' };
  }
}

/** "Send to officer": the reply goes to the application, if its request is still open. */
function sendInfoReply(t: TurnState): void {
  const lang = langOf(t);
  const reply = t.session.infoReply;
  if (!reply || reply.parts.length === 0) { goMenu(t); return; }
  if (!pendingInfoRequest(t, reply.reference)) { goMenu(t, say('info_reply_closed', lang)); return; }
  const text = reply.parts.flatMap((p) => ('text' in p ? [p.text] : [])).join('\n\n');
  const documentIds = reply.parts.flatMap((p) => ('documentId' in p ? [p.documentId] : []));
  emit(t, { type: 'information_provided', reference: reply.reference, text, documentIds, at: t.ctx.now.toISOString() });
  goMenu(t, say('info_reply_sent', lang, { reference: reply.reference }));
}

/** "Cancel" on the reply: nothing is sent and the request stays open. */
function cancelInfoReply(t: TurnState): void {
  const reference = t.session.infoReply?.reference ?? '';
  goMenu(t, say('info_reply_cancelled', langOf(t), { reference }));
}

/** True when free text or a file, here, answers an officer (no question or review is on screen). */
function answersOfficer(t: TurnState): string | null {
  const kind = t.session.screen.kind;
  if (inService(t.session.screen) || kind === 'language' || kind === 'search') return null;
  return pendingInfoRequest(t)?.reference ?? null;
}

function helpTurn(t: TurnState): void {
  const s = t.session;
  const lang = langOf(t);
  const progress = s.service;
  if (s.screen.kind === 'service' && progress) {
    const def = definitionOf(t, progress);
    const found = def && progress.phase === 'step' ? stepById(def, progress.stepId) : undefined;
    const step = found && isQuestionStep(found) ? found : undefined;
    emit(t, { type: 'help_requested', serviceId: progress.serviceId, stepId: found?.id ?? null });
    progress.failures = 0;
    show(t, step?.help?.[lang] ?? say(step ? 'help_step' : 'help_general', lang));
    return;
  }
  emit(t, { type: 'help_requested', serviceId: null, stepId: null });
  goMenu(t, say('help_general', lang));
}

function search(t: TurnState, text: string): void {
  const lang = langOf(t);
  const query = text.trim().slice(0, MAX_SEARCH_TEXT);
  const found = t.ctx.catalog.search(query, lang, SEARCH_LIMIT)
    .filter((r, i, all) => t.ctx.catalog.service(r.serviceId) !== undefined && all.findIndex((o) => o.serviceId === r.serviceId) === i);
  const results = found.map((r) => r.serviceId);
  if (results.length === 0) {
    goMenu(t, say('search_none', lang, { query: query.slice(0, 40) }));
    return;
  }
  // One result, or a first result far ahead of the next, is a strong match: open it.
  const top = found[0]?.score ?? 0;
  const second = found[1]?.score ?? 0;
  if (results.length === 1 || (top > 0 && top >= STRONG_MATCH_RATIO * second)) {
    openService(t, results[0]);
    return;
  }
  t.session.screen = { kind: 'results', serviceIds: results, query };
  show(t);
}

function startGrievance(t: TurnState): void {
  const grievances = t.ctx.catalog.services().filter((s) => s.kind === 'grievance');
  if (grievances.length === 0) { goMenu(t, say('grievances_none', langOf(t))); return; }
  if (grievances.length === 1) { openService(t, grievances[0].id); return; }
  t.session.screen = { kind: 'grievances', page: 0 };
  show(t);
}

function chooseLanguage(t: TurnState, lang: Lang): void {
  const s = t.session;
  emit(t, { type: 'language_chosen', lang, previous: s.lang });
  s.lang = lang;
  const returnTo = s.screen.kind === 'language' ? s.screen.returnTo : null;
  s.screen = returnTo ?? { kind: 'menu' };
  show(t, say('language_set', lang));
}

function askLanguage(t: TurnState): void {
  const s = t.session;
  const current = s.screen.kind === 'language' ? s.screen.returnTo : s.screen;
  s.screen = { kind: 'language', returnTo: current };
  show(t);
}

/** Menu rows and list navigation that work wherever the citizen taps them. */
function globalChoice(t: TurnState, id: string): boolean {
  const s = t.session;
  const [prefix, ...restParts] = id.split(':');
  const rest = restParts.join(':');
  switch (prefix) {
    case 'lang':
      if (isLang(rest)) { chooseLanguage(t, rest); return true; }
      return false;
    case 'menu':
      switch (rest) {
        case 'main': goMenu(t); return true;
        case 'resume': resumeService(t); return true;
        case 'popular': s.screen = { kind: 'popular' }; show(t); return true;
        case 'recent': s.screen = { kind: 'recent' }; show(t); return true;
        case 'departments': s.screen = { kind: 'departments', page: 0 }; show(t); return true;
        case 'search': s.screen = { kind: 'search' }; show(t); return true;
        case 'applications': goMenu(t, applicationsText(t)); return true;
        case 'documents':
          if (t.ctx.citizen.documents.length === 0) { goMenu(t, say('documents_none', langOf(t))); return true; }
          s.screen = { kind: 'documents' }; show(t); return true;
        case 'grievance': startGrievance(t); return true;
        case 'language': askLanguage(t); return true;
        case 'help': helpTurn(t); return true;
        default: return false;
      }
    case 'svc':
      openService(t, rest);
      return true;
    case 'dept': {
      const parentPage = s.screen.kind === 'departments' ? s.screen.page : 0;
      s.screen = { kind: 'department', departmentId: rest, page: 0, parentPage };
      if (!t.ctx.catalog.services().some((d) => d.department === rest)) {
        s.screen = { kind: 'departments', page: parentPage };
        show(t, say('department_empty', langOf(t)));
        return true;
      }
      show(t);
      return true;
    }
    case 'doc': {
      const doc = t.ctx.citizen.documents.find((d) => d.documentId === rest);
      if (!doc) return false;
      s.screen = { kind: 'menu' };
      send(t, [{ type: 'document', documentId: doc.documentId, filename: doc.filename, caption: doc.title }]);
      return true;
    }
    default:
      return false;
  }
}

/** A tap that belongs to the current screen (paging, consent, review, change, expiry). */
function screenChoice(t: TurnState, id: string): boolean {
  const s = t.session;
  const screen = s.screen;
  const page = /^page:(\d{1,4})$/.exec(id);
  if (page && (screen.kind === 'departments' || screen.kind === 'department' || screen.kind === 'grievances')) {
    screen.page = Number(page[1]);
    show(t);
    return true;
  }
  if (id === 'nav:departments' && screen.kind === 'department') {
    s.screen = { kind: 'departments', page: screen.parentPage };
    show(t);
    return true;
  }
  if (screen.kind === 'info_reply') {
    if (id === 'info:send') { sendInfoReply(t); return true; }
    if (id === 'info:cancel') { cancelInfoReply(t); return true; }
    return false;
  }
  const progress = s.service;
  if (screen.kind !== 'service' || !progress) return false;
  const def = definitionOf(t, progress);
  if (!def) return false;
  switch (progress.phase) {
    case 'intro':
      if (id === 'consent:yes') {
        if (!progress.consented) emit(t, { type: 'service_started', serviceId: def.id, serviceVersion: def.version, lang: langOf(t) });
        progress.consented = true;
        advance(t, def, progress);
        return true;
      }
      if (id === 'consent:no') { pauseToMenu(t); return true; }
      return false;
    case 'review':
      if (id === 'rev:confirm') { submit(t, def, progress); return true; }
      if (id === 'rev:change') { progress.phase = 'change'; progress.page = 0; show(t); return true; }
      if (id === 'rev:cancel') { cancelService(t); return true; }
      return false;
    case 'change': {
      const chgPage = /^chg-page:(\d{1,4})$/.exec(id);
      if (chgPage) { progress.page = Number(chgPage[1]); show(t); return true; }
      if (id === 'chg:review') { progress.phase = 'review'; progress.page = 0; show(t); return true; }
      const step = id.startsWith('chg:') ? stepById(def, id.slice(4)) : undefined;
      if (step && progress.answers[step.id] !== undefined) {
        progress.phase = 'step';
        progress.stepId = step.id;
        progress.page = 0;
        progress.failures = 0;
        show(t);
        return true;
      }
      return false;
    }
    case 'expired':
      if (id === 'exp:resume') { resumeService(t); return true; }
      if (id === 'exp:menu') { pauseToMenu(t); return true; }
      if (id === 'exp:restart') {
        emit(t, { type: 'application_cancelled', serviceId: progress.serviceId, serviceVersion: progress.serviceVersion, stepId: progress.pausedPhase === 'step' ? progress.stepId : null, reason: 'start_over' });
        s.service = newProgress(t, def);
        show(t);
        return true;
      }
      return false;
    default:
      return false;
  }
}

/**
 * Typed text on a screen of buttons or list rows: a row's number ("2") or its title in the
 * citizen's language counts as tapping it. Returns the id, or null.
 */
function typedChoice(t: TurnState, text: string): string | null {
  const typed = normalizeInput(text);
  if (typed.length === 0) return null;
  const options: { id: string; title: string }[] = [];
  for (const msg of render({ ...t, session: JSON.parse(JSON.stringify(t.session)) as Session, out: [], events: [] })) {
    if (msg.type === 'buttons') options.push(...msg.buttons);
    if (msg.type === 'list') for (const section of msg.sections) options.push(...section.rows);
  }
  if (/^\d{1,2}$/.test(typed)) return options[Number(typed) - 1]?.id ?? null;
  return options.find((o) => normalizeInput(o.title) === typed)?.id ?? null;
}

function expire(t: TurnState, trigger: 'idle_timeout' | 'late_message', idleMinutes: number): void {
  const s = t.session;
  const progress = s.service as ServiceProgress;
  emit(t, { type: 'session_expired', serviceId: progress.serviceId, stepId: progress.phase === 'step' ? progress.stepId : null, idleMinutes, trigger });
  progress.pausedPhase = progress.phase;
  progress.phase = 'expired';
  s.screen = { kind: 'service' };
  show(t);
}

function textContent(content: InboundContent): string | null {
  return content.type === 'text' && typeof content.text === 'string' ? content.text : null;
}

/**
 * The inbound content, checked for the fields the engine reads; anything malformed becomes
 * `unsupported` so that no input can make a turn throw (the channel adapter parses with zod,
 * but the engine does not rely on it).
 */
function sanitizeContent(value: unknown): InboundContent {
  const malformed: InboundContent = { type: 'unsupported', original: 'malformed' };
  if (typeof value !== 'object' || value === null) return malformed;
  const c = value as Record<string, unknown>;
  switch (c.type) {
    case 'text': return typeof c.text === 'string' ? (value as InboundContent) : malformed;
    case 'choice': return typeof c.id === 'string' ? { type: 'choice', id: c.id, title: typeof c.title === 'string' ? c.title : '' } : malformed;
    case 'media': return typeof c.media === 'string' && typeof c.mimeType === 'string' ? (value as InboundContent) : malformed;
    case 'location': return typeof c.latitude === 'number' && typeof c.longitude === 'number' ? (value as InboundContent) : malformed;
    case 'contacts': case 'reaction': case 'flow_reply': case 'unsupported': case 'idle_timeout':
      return value as InboundContent;
    default: return malformed;
  }
}

function dispatch(t: TurnState, content: InboundContent): void {
  const s = t.session;
  const lang = langOf(t);
  const text = textContent(content);
  const progress = s.service;
  const def = progress ? definitionOf(t, progress) : undefined;
  const atStep = s.screen.kind === 'service' && progress?.phase === 'step' && def ? stepById(def, progress.stepId) : undefined;

  // First contact: nothing happens before a language is chosen.
  if (s.lang === null) {
    if (content.type === 'choice' && content.id.startsWith('lang:') && isLang(content.id.slice(5))) {
      chooseLanguage(t, content.id.slice(5) as Lang);
      return;
    }
    const typed = text === null ? undefined : LANGUAGE_WORDS[normalizeInput(text)] ?? (['1', '2', '3'].includes(normalizeInput(text)) ? LANGUAGES[Number(normalizeInput(text)) - 1] : undefined);
    if (typed) { chooseLanguage(t, typed); return; }
    s.screen = { kind: 'language', returnTo: null };
    show(t);
    return;
  }

  // "search …" works everywhere, even in the middle of a question.
  const prefixed = text === null ? null : searchQuery(text);
  if (prefixed !== null) {
    search(t, prefixed);
    return;
  }

  // A reference number shows that application's status, wherever the citizen is.
  const reference = text === null ? null : findReference(text);
  if (reference !== null && referenceTurn(t, reference, atStep !== undefined)) return;

  // Global commands typed as text. "0" is a number, not "menu", where a number is asked.
  let command = text === null ? null : detectCommand(text);
  if (s.screen.kind === 'info_reply' && (command === 'cancel' || command === 'back')) { cancelInfoReply(t); return; }
  if (command === 'greeting' && atStep?.type === 'ask_number' && normalizeInput(text ?? '') === '0') command = null;
  if (command === 'greeting') {
    if (inService(s.screen) && s.service) pauseToMenu(t);
    else goMenu(t);
    return;
  }
  if (command === 'language') { askLanguage(t); return; }
  if (command === 'help') { helpTurn(t); return; }
  if (command === 'cancel') {
    if (inService(s.screen) && s.service) cancelService(t);
    else goMenu(t);
    return;
  }
  if (command === 'back') {
    const screen = s.screen;
    if (screen.kind === 'service' && progress && def) { goBack(t, def, progress); return; }
    if (screen.kind === 'department') { s.screen = { kind: 'departments', page: screen.parentPage }; show(t); return; }
    if (screen.kind === 'language' && screen.returnTo) { s.screen = screen.returnTo; show(t); return; }
    goMenu(t);
    return;
  }

  // Taps.
  if (content.type === 'choice' && typeof content.id === 'string') {
    if (screenChoice(t, content.id) || globalChoice(t, content.id)) return;
    if (atStep) { stepTurn(t, def!, progress!, content, command); return; }
    unexpected(t, content);
    return;
  }

  if (atStep) {
    stepTurn(t, def!, progress!, content, command);
    return;
  }

  if (s.screen.kind === 'info_reply' && (content.type === 'text' || content.type === 'media')) {
    const id = text === null ? null : typedChoice(t, text);
    if (id !== null && screenChoice(t, id)) return;
    addInfoPart(t, content);
    return;
  }

  if (text !== null) {
    // On the language screen, typed language names count.
    if (s.screen.kind === 'language') {
      const typed = LANGUAGE_WORDS[normalizeInput(text)];
      if (typed) { chooseLanguage(t, typed); return; }
    }
    if (s.screen.kind === 'service' && progress?.phase === 'intro') {
      const word = normalizeInput(text);
      if (YES_WORDS.has(word)) { screenChoice(t, 'consent:yes'); return; }
      if (NO_WORDS.has(word)) { screenChoice(t, 'consent:no'); return; }
    }
    const id = typedChoice(t, text);
    if (id !== null && (screenChoice(t, id) || globalChoice(t, id))) return;
    // An officer waits for this citizen's reply: free text is that reply (confirmed before sending).
    const awaiting = answersOfficer(t);
    if (awaiting !== null) { startInfoReply(t, awaiting, content); return; }
    // Free text outside a service is a search ("type what you need").
    if (!inService(s.screen) && s.screen.kind !== 'language') {
      search(t, text);
      return;
    }
    show(t, say(s.screen.kind === 'language' ? 'choose_language' : 'choose_from_buttons', lang));
    return;
  }

  // A photo or PDF sent while an officer waits for a reply is that reply.
  const awaiting = content.type === 'media' ? answersOfficer(t) : null;
  if (awaiting !== null) { startInfoReply(t, awaiting, content); return; }
  unexpected(t, content);
}

/**
 * Runs one turn. `session` is what the previous turn returned (after a JSON round trip), or
 * undefined for a new citizen; `message` is the inbound message; `ctx` gives the clock, ids,
 * catalog, citizen facts and settings.
 */
export function turn(session: Session | undefined, message: InboundMessage, ctx: EngineContext): TurnResult {
  const citizen = typeof message?.from === 'string' ? message.from : '';
  const loaded = loadSession(session);
  const s = loaded ?? freshSession(citizen, ctx.now);
  const t: TurnState = { session: s, ctx, out: [], events: [] };
  const content = sanitizeContent(message?.content);
  const unchanged = (): TurnResult => ({ session: loaded ?? s, outbound: [], events: [] });

  const deadline = loaded ? idleDeadline(loaded, ctx.settings) : null;
  const overdue = deadline !== null && ctx.now.getTime() > Date.parse(deadline);
  const idleFor = loaded ? Math.floor((ctx.now.getTime() - Date.parse(loaded.updatedAt)) / 60_000) : 0;

  if (content.type === 'idle_timeout') {
    // The scheduler's timer: only a conversation still idle past its deadline is paused.
    if (deadline === null || ctx.now.getTime() < Date.parse(deadline)) return unchanged();
    expire(t, 'idle_timeout', idleFor);
  } else if (content.type === 'reaction') {
    // Reactions need no answer (issue #2 §7); the session is left exactly as it was.
    return unchanged();
  } else if (overdue) {
    expire(t, 'late_message', idleFor);
  } else {
    dispatch(t, content);
  }
  s.updatedAt = ctx.now.toISOString();
  if (citizen) s.citizen = citizen;
  return { session: s, outbound: t.out.map(fitMessage), events: t.events };
}

