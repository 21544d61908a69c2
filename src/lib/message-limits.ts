/**
 * Meta's limits on WhatsApp Cloud API messages (whatsapp-cloud-api.md §3). The engine pages and
 * shortens to fit them; the channel adapter checks them again before anything is sent; the
 * Graph API double rejects what breaks them, as Meta does. Lengths count characters (UTF-16
 * code units are NOT what Meta counts; see `textLength`).
 */
export const MESSAGE_LIMITS = {
  textBody: 4096,
  interactiveBody: 1024,
  listBody: 4096,
  header: 60,
  footer: 60,
  listButton: 20,
  listRowsTotal: 10,
  listSections: 10,
  listSectionTitle: 24,
  listRowTitle: 24,
  listRowDescription: 72,
  listRowId: 200,
  replyButtons: 3,
  replyButtonTitle: 20,
  replyButtonId: 256,
  ctaDisplayText: 20,
  caption: 1024,
} as const;

/**
 * The length of `text` as Meta counts it: in Unicode code points, so a Telugu conjunct of three
 * code points counts three, and an emoji counts one.
 */
export function textLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * Shortens `text` to at most `max` code points, ending with an ellipsis when it had to cut.
 * Cuts at a word boundary when one is near, and never inside a surrogate pair.
 */
export function shorten(text: string, max: number): string {
  const chars = Array.from(text.trim());
  if (chars.length <= max) return chars.join('');
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  const base = space >= Math.floor(max * 0.6) ? cut.slice(0, space) : cut;
  return `${base.trimEnd()}…`;
}
