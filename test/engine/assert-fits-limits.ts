// Asserts one outbound message fits every WhatsApp limit (issue #2 §9), counting code points.
import assert from 'node:assert/strict';
import { MESSAGE_LIMITS as L, textLength } from '../../src/lib/message-limits.ts';
import type { OutboundMessage } from '../../src/engine/outbound.ts';

export function assertFitsLimits(msg: OutboundMessage, where: string): void {
  const max = (text: string | undefined, limit: number, what: string) => {
    if (text === undefined) return;
    assert.ok(textLength(text) <= limit, `${where}: ${what} has ${textLength(text)} > ${limit}: ${text}`);
    assert.ok(textLength(text) > 0, `${where}: ${what} is empty`);
  };
  switch (msg.type) {
    case 'text': max(msg.body, L.textBody, 'text body'); break;
    case 'buttons':
      max(msg.body, L.interactiveBody, 'buttons body');
      max(msg.header, L.header, 'header'); max(msg.footer, L.footer, 'footer');
      assert.ok(msg.buttons.length >= 1 && msg.buttons.length <= L.replyButtons, `${where}: button count`);
      assert.equal(new Set(msg.buttons.map((b) => b.id)).size, msg.buttons.length, `${where}: duplicate button ids`);
      for (const b of msg.buttons) { max(b.title, L.replyButtonTitle, 'button title'); assert.ok(b.id.length <= L.replyButtonId); }
      break;
    case 'list': {
      max(msg.body, L.interactiveBody, 'list body');
      max(msg.button, L.listButton, 'list button');
      max(msg.header, L.header, 'header'); max(msg.footer, L.footer, 'footer');
      const rows = msg.sections.flatMap((s) => s.rows);
      assert.ok(rows.length >= 1 && rows.length <= L.listRowsTotal, `${where}: ${rows.length} rows`);
      assert.ok(msg.sections.length <= L.listSections);
      assert.equal(new Set(rows.map((r) => r.id)).size, rows.length, `${where}: duplicate row ids`);
      for (const s of msg.sections) max(s.title, L.listSectionTitle, 'section title');
      for (const r of rows) {
        max(r.title, L.listRowTitle, 'row title');
        max(r.description, L.listRowDescription, 'row description');
        assert.ok(r.id.length <= L.listRowId);
      }
      break;
    }
    case 'location_request': max(msg.body, L.interactiveBody, 'location body'); break;
    case 'document': case 'image': max(msg.caption, L.caption, 'caption'); break;
    case 'cta_url': max(msg.body, L.interactiveBody, 'cta body'); max(msg.displayText, L.ctaDisplayText, 'cta text'); break;
    default: break;
  }
}
