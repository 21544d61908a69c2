/**
 * `GET /`: a small landing page for whoever opens the server in a browser, pointing to what
 * this instance serves.
 */
import type { FastifyInstance } from 'fastify';

/** Registers `/`. */
export function registerHomeRoutes(app: FastifyInstance, opts: { simulator: boolean }): void {
  const links = [
    opts.simulator ? ['/simulator', 'WhatsApp simulator', 'వాట్సాప్ సిమ్యులేటర్', 'व्हाट्सऐप सिम्युलेटर'] : null,
    ['/console', 'Officer console', 'అధికారుల కన్సోల్', 'अधिकारी कंसोल'],
    ['/docs', 'Officer API (OpenAPI)', 'అధికారుల API', 'अधिकारी API'],
    ['/healthz', 'Health', 'ఆరోగ్య స్థితి', 'स्थिति'],
    ['/readyz', 'Readiness', 'సిద్ధత', 'तैयारी'],
    ['/metrics', 'Metrics (Prometheus)', 'కొలమానాలు', 'मेट्रिक्स'],
  ].filter((l): l is string[] => l !== null);
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Mitra</title><style>
body{font-family:'Noto Sans','Noto Sans Telugu','Noto Sans Devanagari',system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1f2d2a}
h1{color:#075e54;margin-bottom:.2rem} p{color:#4a5a57} a{display:block;padding:.8rem 1rem;margin:.5rem 0;border:1px solid #d5e4e0;border-radius:.6rem;color:#075e54;text-decoration:none}
a:hover{background:#f0f7f5} small{color:#6b7b78;display:block}
</style></head><body><h1>Mitra</h1><p>Government services on WhatsApp · వాట్సాప్‌లో ప్రభుత్వ సేవలు · व्हाट्सऐप पर सरकारी सेवाएँ</p>
${links.map(([href, en, te, hi]) => `<a href="${href}">${en}<small>${te} · ${hi}</small></a>`).join('\n')}
</body></html>`;
  app.get('/', async (_req, reply) => reply.type('text/html; charset=utf-8').send(html));
}
