/**
 * The text a citizen typed, for steps that read text: trimmed, or null when the content is not
 * text (a tapped button, a file). Numeric steps normalise digits themselves.
 */
import type { InboundContent } from '../inbound.ts';

/** The trimmed text of `content`, or null when it is not a text message. */
export function answerText(content: InboundContent): string | null {
  if (content.type !== 'text' || typeof content.text !== 'string') return null;
  return content.text.trim();
}
