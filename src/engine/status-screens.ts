/**
 * What the citizen sees of the back office (issue #4): one application's status when they type
 * its reference number, and the confirmation of a reply to an officer's request for more
 * information. Pure functions of the session and the citizen facts, like `screens.ts`.
 */
import { indiaDate } from '../lib/india-date.ts';
import { MESSAGE_LIMITS, shorten, textLength } from '../lib/message-limits.ts';
import type { OutboundMessage } from './outbound.ts';
import type { ApplicationSummary } from './ports.ts';
import type { InfoReplyPart } from './session.ts';
import { isTextKey, say } from './texts.ts';
import { langOf, type TurnState } from './turn-state.ts';

/** The status the citizen sees while an officer waits for their reply. */
export const AWAITING_REPLY_STATUS = 'info_requested';
/** Most parts (texts and files) one reply to an officer may hold. */
export const MAX_INFO_REPLY_PARTS = 5;
/** Most characters of text one reply may hold (the workflow keeps reasons up to 1,000). */
export const MAX_INFO_REPLY_TEXT = 1000;

/** The status of `status` in the citizen's language (the raw value when it has no text). */
export function statusText(t: TurnState, status: string): string {
  const key = `status_${status}`;
  return isTextKey(key) ? say(key, langOf(t)) : status;
}

/** The application of the citizen's that waits for their reply, most recent request first. */
export function pendingInfoRequest(t: TurnState, reference?: string): ApplicationSummary | undefined {
  return [...t.ctx.citizen.applications]
    .filter((a) => a.status === AWAITING_REPLY_STATUS && (reference === undefined || a.reference === reference))
    .sort((a, b) => ((a.updatedAt ?? a.submittedAt) < (b.updatedAt ?? b.submittedAt) ? 1 : -1))[0];
}

/** The full status of one of the citizen's applications, as a text. */
export function applicationStatusText(t: TurnState, app: ApplicationSummary): string {
  const lang = langOf(t);
  const date = indiaDate(new Date(app.submittedAt)).split('-').reverse().join('-');
  const lines = [say('reference_status', lang, {
    reference: app.reference,
    service: t.ctx.catalog.service(app.serviceId)?.name[lang] ?? app.serviceId,
    status: statusText(t, app.status),
    date,
  })];
  if (app.reason) lines.push(say('notice_note', lang, { reason: app.reason }));
  if (app.status === AWAITING_REPLY_STATUS) lines.push(say('reference_reply_hint', lang));
  lines.push(say('reference_receipt', lang, { receipt: `${t.ctx.settings.publicBaseUrl.replace(/\/+$/, '')}/r/${app.reference}` }));
  return lines.join('\n');
}

function partLine(part: InfoReplyPart): string {
  return 'text' in part ? `"${part.text}"` : `📎 ${part.filename}`;
}

/** The reply being put together, with Send to officer / Cancel. */
export function infoReplyScreen(t: TurnState): OutboundMessage {
  const lang = langOf(t);
  const reply = t.session.infoReply;
  const reference = reply?.reference ?? '';
  const frame = say('info_reply_confirm', lang, { reference, summary: '' });
  // The question must survive shortening: cut the quoted reply, never the question.
  const room = Math.max(1, MESSAGE_LIMITS.interactiveBody - textLength(frame));
  const summary = shorten((reply?.parts ?? []).map(partLine).join('\n'), room);
  return {
    type: 'buttons',
    body: say('info_reply_confirm', lang, { reference, summary }),
    buttons: [{ id: 'info:send', title: say('btn_send_reply', lang) }, { id: 'info:cancel', title: say('btn_cancel', lang) }],
  };
}
