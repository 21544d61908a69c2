/**
 * `GET /r/<reference>`: the receipt a citizen gets when they apply. It shows, in Telugu,
 * English and Hindi, whether the application is recorded in the public transparency log, at
 * which index, in which signed checkpoint, witnessed by whom and when; and links the C2SP
 * tlog-proof so anyone can check it offline. Nothing personal is shown: the log holds only a
 * salted commitment, and the page only the reference the citizen already has.
 */
import type { FastifyInstance } from 'fastify';
import { leafHash, parseTlogProof, verifyTlogProof, type NoteVerifier } from '../translog/index.ts';
import { readEntries, type Db } from '../storage/index.ts';

/** What the receipt page needs. */
export interface ReceiptRouteDeps {
  db: Db;
  origin: string;
  logVerifier: NoteVerifier;
  witnesses: readonly NoteVerifier[];
  prove: (subject: string) => Promise<{ index: number; proof: string } | undefined>;
}

const REFERENCE = /^MM-\d{6}-[A-Z0-9]{8}$/;

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="te"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(title)}</title><style>
body{font-family:'Noto Sans','Noto Sans Telugu','Noto Sans Devanagari',system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1f2d2a;line-height:1.5}
h1{color:#075e54;font-size:1.4rem} .ok{border-left:6px solid #1b8a3a;background:#eef8f1;padding:.8rem 1rem;border-radius:.4rem}
.wait{border-left:6px solid #b7791f;background:#fdf6e7;padding:.8rem 1rem;border-radius:.4rem} .bad{border-left:6px solid #b42318;background:#fdeceb;padding:.8rem 1rem;border-radius:.4rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem} dt{color:#4a5a57} code{word-break:break-all;font-size:.85rem}
p.l{margin:.2rem 0}
</style></head><body>${body}</body></html>`;
}

/** Registers `/r/<reference>`. */
export function registerReceiptRoutes(app: FastifyInstance, deps: ReceiptRouteDeps): void {
  app.get('/r/:reference', async (req, reply) => {
    const reference = String((req.params as { reference: string }).reference).toUpperCase();
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache');
    if (!REFERENCE.test(reference)) {
      return reply.code(404).send(page('Mitra', `<h1>Mitra</h1><div class="bad"><p class="l">ఈ సూచన సంఖ్య సరైనది కాదు.</p><p class="l">This is not a Mitra reference number.</p><p class="l">यह सही संदर्भ संख्या नहीं है।</p></div>`));
    }
    const found = await deps.prove(reference);
    if (!found) {
      return reply.code(404).send(page(reference, `<h1>${escape(reference)}</h1><div class="wait"><p class="l">ఈ దరఖాస్తు ఇంకా ప్రజా రికార్డులో కనిపించలేదు. దరఖాస్తు చేసిన ఒక్క క్షణం తర్వాత మళ్లీ చూడండి.</p><p class="l">This application is not in the public log (yet). Entries are recorded within about a second of applying; look again shortly.</p><p class="l">यह आवेदन अभी सार्वजनिक लॉग में नहीं दिखा। आवेदन के कुछ ही क्षण बाद फिर देखें।</p></div>`));
    }
    const parsed = parseTlogProof(found.proof);
    const [row] = await readEntries(deps.db, found.index, found.index + 1);
    const statement = parsed.ok && row
      ? verifyTlogProof(parsed.proof, leafHash(row.entry), { origin: deps.origin, logVerifiers: [deps.logVerifier], witnesses: deps.witnesses, quorum: 0 })
      : undefined;
    if (!statement?.ok) {
      return reply.code(500).send(page(reference, `<h1>${escape(reference)}</h1><div class="bad"><p class="l">రికార్డు సరిచూడలేకపోయాం.</p><p class="l">The log record could not be verified: ${escape(statement && !statement.ok ? statement.detail : 'missing entry')}</p><p class="l">रिकॉर्ड सत्यापित नहीं हो सका।</p></div>`));
    }
    const witnessed = statement.witnessedBy.length === 0 ? '—'
      : statement.witnessedBy.map((w) => `${escape(w)} (${new Date((statement.witnessTimes[w] ?? 0) * 1000).toISOString().replace('T', ' ').slice(0, 19)} UTC)`).join('<br>');
    return reply.send(page(reference, `<h1>${escape(reference)}</h1>
<div class="ok"><p class="l">✅ ఈ దరఖాస్తు ప్రజా పారదర్శకత రికార్డులో నమోదైంది. దీన్ని ఎవరూ మార్చలేరు, తొలగించలేరు.</p>
<p class="l">✅ This application is recorded in Mitra's public transparency log. Nobody can change or remove it unnoticed.</p>
<p class="l">✅ यह आवेदन सार्वजनिक पारदर्शिता लॉग में दर्ज है। इसे कोई चुपचाप बदल या हटा नहीं सकता।</p></div>
<dl><dt>Log</dt><dd><code>${escape(statement.origin)}</code></dd>
<dt>Index · సూచిక</dt><dd>${statement.index}</dd>
<dt>Checkpoint · చెక్‌పాయింట్</dt><dd>${statement.treeSize} entries, root <code>${Buffer.from(statement.rootHash).toString('base64')}</code></dd>
<dt>Signed by · సంతకం</dt><dd>${statement.loggedBy.map(escape).join(', ')}</dd>
<dt>Witnessed by · సాక్షులు</dt><dd>${witnessed}</dd></dl>
<p><a href="/api/log/proof?subject=${encodeURIComponent(reference)}" download="${escape(reference)}.tlog-proof">Download the proof (C2SP tlog-proof)</a> · <a href="/log/checkpoint">Latest checkpoint</a> · <a href="/log/key">Log key</a></p>`));
  });
}
