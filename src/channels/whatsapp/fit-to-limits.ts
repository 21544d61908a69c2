/**
 * The last guard before a message leaves for Meta: shortens every text field to Meta's limit
 * (`MESSAGE_LIMITS`, whatsapp-cloud-api.md §3) so a send is never refused for length. The
 * engine already pages and shortens; this only catches what slipped through.
 */
import type { ListRow, OutboundMessage } from '../../engine/outbound.ts';
import { MESSAGE_LIMITS, shorten, textLength } from '../../lib/message-limits.ts';

/** Where a row title is cut when its overflow moves to the description: leave room for "…". */
const ROW_TITLE_CUT = MESSAGE_LIMITS.listRowTitle - 1;
/** Cut a row title at a word boundary only when one falls in its later part. */
const MIN_WORD_CUT_RATIO = 0.5;

function fit(text: string, max: number): string {
  return textLength(text) <= max ? text : shorten(text, max);
}

function fitOptional(text: string | undefined, max: number): string | undefined {
  return text === undefined ? undefined : fit(text, max);
}

/** A too-long row title keeps its start; the rest leads the description, which citizens see. */
function fitRow(row: ListRow): ListRow {
  const chars = Array.from(row.title);
  if (chars.length <= MESSAGE_LIMITS.listRowTitle) {
    const description = fitOptional(row.description, MESSAGE_LIMITS.listRowDescription);
    return { id: row.id, title: row.title, ...(description !== undefined ? { description } : {}) };
  }
  const head = chars.slice(0, ROW_TITLE_CUT).join('');
  const space = head.lastIndexOf(' ');
  const cutAt = space >= Math.floor(ROW_TITLE_CUT * MIN_WORD_CUT_RATIO) ? Array.from(head.slice(0, space)).length : ROW_TITLE_CUT;
  const title = `${chars.slice(0, cutAt).join('').trimEnd()}…`;
  const overflow = chars.slice(cutAt).join('').trim();
  const joined = row.description !== undefined && row.description.trim().length > 0 ? `…${overflow} · ${row.description}` : `…${overflow}`;
  return { id: row.id, title, description: fit(joined, MESSAGE_LIMITS.listRowDescription) };
}

function withOptional<T extends object>(base: T, key: string, value: string | undefined): T {
  return value === undefined ? base : { ...base, [key]: value };
}

/**
 * Returns `message` changed only as much as needed to respect Meta's limits: header, footer,
 * body, captions, button labels, section and row titles and descriptions are shortened with
 * `shorten`; a row title's overflow moves into its description; only the first
 * `MESSAGE_LIMITS.replyButtons` buttons and the first `MESSAGE_LIMITS.listRowsTotal` rows (in
 * at most `listSections` non-empty sections) are kept. Ids are never changed: they must come back
 * in the citizen's choice unchanged. Pure.
 */
export function fitToLimits(message: OutboundMessage): OutboundMessage {
  switch (message.type) {
    case 'text':
      return { ...message, body: fit(message.body, MESSAGE_LIMITS.textBody) };
    case 'buttons': {
      let out: OutboundMessage = {
        type: 'buttons',
        body: fit(message.body, MESSAGE_LIMITS.interactiveBody),
        buttons: message.buttons
          .slice(0, MESSAGE_LIMITS.replyButtons)
          .map((b) => ({ id: b.id, title: fit(b.title, MESSAGE_LIMITS.replyButtonTitle) })),
      };
      out = withOptional(out, 'header', fitOptional(message.header, MESSAGE_LIMITS.header));
      return withOptional(out, 'footer', fitOptional(message.footer, MESSAGE_LIMITS.footer));
    }
    case 'list': {
      let remaining: number = MESSAGE_LIMITS.listRowsTotal;
      const sections: { title: string; rows: ListRow[] }[] = [];
      for (const section of message.sections) {
        if (remaining === 0 || sections.length === MESSAGE_LIMITS.listSections) break;
        const rows = section.rows.slice(0, remaining).map(fitRow);
        if (rows.length === 0) continue;
        remaining -= rows.length;
        sections.push({ title: fit(section.title, MESSAGE_LIMITS.listSectionTitle), rows });
      }
      let out: OutboundMessage = {
        type: 'list',
        body: fit(message.body, MESSAGE_LIMITS.listBody),
        button: fit(message.button, MESSAGE_LIMITS.listButton),
        sections,
      };
      out = withOptional(out, 'header', fitOptional(message.header, MESSAGE_LIMITS.header));
      return withOptional(out, 'footer', fitOptional(message.footer, MESSAGE_LIMITS.footer));
    }
    case 'cta_url': {
      let out: OutboundMessage = {
        type: 'cta_url',
        body: fit(message.body, MESSAGE_LIMITS.interactiveBody),
        displayText: fit(message.displayText, MESSAGE_LIMITS.ctaDisplayText),
        url: message.url,
      };
      out = withOptional(out, 'header', fitOptional(message.header, MESSAGE_LIMITS.header));
      return withOptional(out, 'footer', fitOptional(message.footer, MESSAGE_LIMITS.footer));
    }
    case 'document':
    case 'image':
      return message.caption === undefined ? message : { ...message, caption: fit(message.caption, MESSAGE_LIMITS.caption) };
    case 'location_request':
      return { ...message, body: fit(message.body, MESSAGE_LIMITS.interactiveBody) };
    case 'audio':
    case 'template':
      return message;
    default: {
      const unreachable: never = message;
      return unreachable;
    }
  }
}
