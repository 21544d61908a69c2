/**
 * The last step of every turn: makes each outbound message fit `MESSAGE_LIMITS` (issue #2 §9),
 * shortening texts at word boundaries and dropping rows or buttons past the limits. Screens
 * already build messages that fit; this guarantees it for long service names and translations.
 */
import { MESSAGE_LIMITS, shorten } from '../lib/message-limits.ts';
import type { OutboundMessage } from './outbound.ts';

/** `msg` shortened where needed to fit every WhatsApp limit. */
export function fitMessage(msg: OutboundMessage): OutboundMessage {
  const L = MESSAGE_LIMITS;
  switch (msg.type) {
    case 'text':
      return { ...msg, body: shorten(msg.body, L.textBody) };
    case 'buttons':
      return {
        ...msg,
        body: shorten(msg.body, L.interactiveBody),
        ...(msg.header !== undefined ? { header: shorten(msg.header, L.header) } : {}),
        ...(msg.footer !== undefined ? { footer: shorten(msg.footer, L.footer) } : {}),
        buttons: msg.buttons.slice(0, L.replyButtons).map((b) => ({ id: b.id.slice(0, L.replyButtonId), title: shorten(b.title, L.replyButtonTitle) })),
      };
    case 'list': {
      let budget = L.listRowsTotal;
      const sections = msg.sections.slice(0, L.listSections).map((s) => {
        const rows = s.rows.slice(0, Math.max(0, budget));
        budget -= rows.length;
        return {
          title: shorten(s.title, L.listSectionTitle),
          rows: rows.map((r) => ({
            id: r.id.slice(0, L.listRowId),
            title: shorten(r.title, L.listRowTitle),
            ...(r.description !== undefined ? { description: shorten(r.description, L.listRowDescription) } : {}),
          })),
        };
      }).filter((s) => s.rows.length > 0);
      return {
        ...msg,
        body: shorten(msg.body, L.interactiveBody),
        button: shorten(msg.button, L.listButton),
        ...(msg.header !== undefined ? { header: shorten(msg.header, L.header) } : {}),
        ...(msg.footer !== undefined ? { footer: shorten(msg.footer, L.footer) } : {}),
        sections,
      };
    }
    case 'cta_url':
      return { ...msg, body: shorten(msg.body, L.interactiveBody), displayText: shorten(msg.displayText, L.ctaDisplayText) };
    case 'document':
    case 'image':
      return msg.caption !== undefined ? { ...msg, caption: shorten(msg.caption, L.caption) } : msg;
    case 'location_request':
      return { ...msg, body: shorten(msg.body, L.interactiveBody) };
    case 'audio':
    case 'template':
      return msg;
    default: {
      const unhandled: never = msg;
      return unhandled;
    }
  }
}
