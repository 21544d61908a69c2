/**
 * Turns one Graph API request body Mitra sent into readable terminal text, plus the choices a
 * person can pick by number (list rows numbered 1..n, reply buttons shown as [1] [2] [3]).
 * Pure; used by the terminal simulator.
 */

/** A list row or reply button the terminal user can pick by its number. */
export interface TerminalChoice {
  kind: 'list_reply' | 'button_reply';
  id: string;
  title: string;
  description?: string;
}

/** The readable form of one outbound message. */
export interface DescribedMessage {
  /** Multi-line text, without a trailing newline. */
  text: string;
  /** What a number typed next picks; empty when the message offers no choice. */
  choices: TerminalChoice[];
  /** True when the message asks for a location (`/location lat lng` answers it). */
  asksLocation: boolean;
}

type Json = Record<string, any>;

function headerLine(header: Json | undefined): string[] {
  if (!header) return [];
  if (header.type === 'text' && typeof header.text === 'string') return [`*${header.text}*`];
  return [`[${header.type} header]`];
}

/**
 * Describes `body` (the exact Graph JSON). `rendered` is a template's filled body text when the
 * caller could render it. Unknown shapes fall back to their type name, never throw.
 */
export function describeGraphMessage(body: unknown, rendered?: string): DescribedMessage {
  const b = (body ?? {}) as Json;
  const lines: string[] = [];
  const choices: TerminalChoice[] = [];
  let asksLocation = false;
  switch (b.type) {
    case 'text':
      lines.push(String(b.text?.body ?? ''));
      break;
    case 'interactive': {
      const it = (b.interactive ?? {}) as Json;
      lines.push(...headerLine(it.header));
      if (it.body?.text) lines.push(String(it.body.text));
      if (it.footer?.text) lines.push(`_${it.footer.text}_`);
      if (it.type === 'list') {
        lines.push(`☰ ${it.action?.button ?? 'Menu'}`);
        for (const section of (it.action?.sections ?? []) as Json[]) {
          if (section.title) lines.push(`  ${section.title}`);
          for (const row of (section.rows ?? []) as Json[]) {
            choices.push({ kind: 'list_reply', id: row.id, title: row.title, description: row.description });
            const description = row.description ? ` — ${row.description}` : '';
            lines.push(`    ${choices.length}. ${row.title}${description}`);
          }
        }
      } else if (it.type === 'button') {
        const labels: string[] = [];
        for (const button of (it.action?.buttons ?? []) as Json[]) {
          choices.push({ kind: 'button_reply', id: button.reply?.id, title: button.reply?.title });
          labels.push(`[${choices.length}] ${button.reply?.title}`);
        }
        lines.push(labels.join('  '));
      } else if (it.type === 'cta_url') {
        lines.push(`↗ ${it.action?.parameters?.display_text}: ${it.action?.parameters?.url}`);
      } else if (it.type === 'location_request_message') {
        asksLocation = true;
        lines.push('📍 Send location: /location <lat> <lng>');
      } else {
        lines.push(`[interactive ${it.type}]`);
      }
      break;
    }
    case 'document':
      lines.push(`📄 ${b.document?.filename ?? 'document'} (media ${b.document?.id ?? b.document?.link})`);
      if (b.document?.caption) lines.push(String(b.document.caption));
      break;
    case 'image':
      lines.push(`🖼 image (media ${b.image?.id ?? b.image?.link})`);
      if (b.image?.caption) lines.push(String(b.image.caption));
      break;
    case 'audio':
      lines.push(`🎤 ${b.audio?.voice ? 'voice message' : 'audio'} (media ${b.audio?.id ?? b.audio?.link})`);
      break;
    case 'template': {
      const t = (b.template ?? {}) as Json;
      lines.push(`[template ${t.name} · ${t.language?.code}]`);
      if (rendered) lines.push(rendered);
      else {
        for (const component of (t.components ?? []) as Json[]) {
          for (const p of (component.parameters ?? []) as Json[]) {
            if (p.type === 'text') lines.push(`  ${p.parameter_name ?? '•'}: ${p.text}`);
          }
        }
      }
      break;
    }
    default:
      lines.push(`[${String(b.type ?? 'unknown')} message]`);
  }
  return { text: lines.join('\n'), choices, asksLocation };
}
