/**
 * The message a citizen receives when their application changes (issue #4): approved, rejected
 * with the reason, more information needed, escalated after an SLA breach, delayed, lapsed, or
 * any other change of status. In the citizen's language (te, en, hi texts live with the engine's
 * in src/engine/texts.ts), with the approved UTILITY template to send instead when WhatsApp's
 * 24-hour window is closed (templates.ts in the WhatsApp channel).
 */
import type { Lang } from '../../lib/languages.ts';
import { isLang } from '../../lib/languages.ts';
import { say, isTextKey } from '../../engine/index.ts';
import type { QueuedMessage } from '../../storage/back-office-store.ts';
import type { WorkflowEvent } from '../../workflow/index.ts';

/** What kind of news a change is for the citizen. */
export type NoticeKind = 'approved' | 'rejected' | 'info_requested' | 'escalated' | 'delayed' | 'lapsed' | 'status';

/** The template sent outside the 24-hour window for each kind of notice. */
export const NOTICE_TEMPLATES: Readonly<Record<NoticeKind, string>> = {
  approved: 'application_approved',
  rejected: 'application_rejected',
  info_requested: 'application_info_requested',
  escalated: 'application_escalated',
  delayed: 'application_status_update',
  lapsed: 'application_status_update',
  status: 'application_status_update',
};

/** Longest reason quoted in a template parameter (the whole body is limited to 1,024). */
export const MAX_TEMPLATE_REASON = 300;

/**
 * Which notice, if any, `event` calls for. Actions the citizen took themselves (a reply, a
 * withdrawal) were confirmed in the conversation already; a state clock's breach is told
 * through the escalation it causes; an overall breach without a change of state is "delayed".
 */
export function noticeKindOf(event: WorkflowEvent): NoticeKind | null {
  switch (event.type) {
    case 'application_approved': return 'approved';
    case 'application_rejected': return 'rejected';
    case 'information_requested': return 'info_requested';
    case 'application_escalated': return 'escalated';
    case 'application_lapsed': return 'lapsed';
    case 'application_resubmitted': case 'application_withdrawn': case 'application_reopened': case 'application_closed':
      return null;
    case 'sla_breached': return event.scope === 'overall' ? 'delayed' : null;
    case 'application_verified': case 'application_forwarded': case 'application_sent_back': case 'application_assigned':
    case 'application_resolved':
      return event.previousStatus !== event.applicationStatus ? 'status' : null;
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

/** What a notice says. */
export interface NoticeInput {
  id: string;
  waId: string;
  lang: string;
  kind: NoticeKind;
  reference: string;
  /** The service's name in the citizen's language. */
  service: string;
  /** The new status (a key of APPLICATION_STATUSES). */
  status: string;
  reason?: string;
}

/** Template parameters may not hold line breaks, tabs or runs of spaces (Meta error 132018). */
function templateParam(text: string, max: number): string {
  const flat = text.replace(/[\r\n\t]+/g, ' ').replace(/ {2,}/g, ' ').trim();
  return [...flat].length <= max ? flat : `${[...flat].slice(0, max - 1).join('')}…`;
}

/** The message and its template for `input`. */
export function citizenNotice(input: NoticeInput): QueuedMessage {
  const lang: Lang = isLang(input.lang) ? input.lang : 'te';
  const statusKey = `status_${input.status}`;
  const status = isTextKey(statusKey) ? say(statusKey, lang) : input.status;
  const reason = input.reason ?? '';
  const params = { reference: input.reference, service: input.service, status, reason };
  let body: string;
  switch (input.kind) {
    case 'approved': body = say('notice_approved', lang, params) + (reason ? `\n\n${say('notice_note', lang, { reason })}` : ''); break;
    case 'rejected': body = say('notice_rejected', lang, params); break;
    case 'info_requested': body = say('notice_info_requested', lang, params); break;
    case 'escalated': body = say('notice_escalated', lang, params); break;
    case 'delayed': body = say('notice_delayed', lang, params); break;
    case 'lapsed': body = say('notice_lapsed', lang, params); break;
    case 'status':
      body = say('notice_status', lang, params) + (reason ? `\n\n${say('notice_note', lang, { reason })}` : '');
      break;
    default: {
      const unhandled: never = input.kind;
      throw new Error(`unknown notice kind ${String(unhandled)}`);
    }
  }
  const name = NOTICE_TEMPLATES[input.kind];
  const templateParams: Record<string, string> = { reference: input.reference, service: templateParam(input.service, 100) };
  if (name === 'application_status_update') templateParams.status = templateParam(status, 100);
  if (name === 'application_rejected' || name === 'application_info_requested') templateParams.reason = templateParam(reason || '—', MAX_TEMPLATE_REASON);
  return { id: input.id, waId: input.waId, message: { type: 'text', body }, template: { name, lang, params: templateParams } };
}
