/**
 * API documentation: `GET /docs/openapi.json` (the OpenAPI 3.1 document of the officer API)
 * and `GET /docs`, the same document rendered as one self-contained HTML page (no CDN, no
 * script): each operation with its parameters, body and responses, then the schemas.
 */
import type { FastifyInstance } from 'fastify';
import { OFFICER_OPENAPI } from './officer-openapi.ts';

type Json = any;

const escape = (text: unknown): string =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Minimal Markdown for the descriptions: paragraphs, **bold** and `code`. */
function prose(text: string): string {
  return text.split(/\n{2,}/).map((p) => `<p>${escape(p).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>').replace(/`([^`]+)`/g, '<code>$1</code>')}</p>`).join('\n');
}

function schemaLink(schema: Json): string {
  if (!schema) return '';
  if (schema.$ref) {
    const name = String(schema.$ref).split('/').pop();
    return `<a href="#schema-${escape(name)}">${escape(name)}</a>`;
  }
  if (schema.allOf) {
    return schema.allOf.map((part: Json) => {
      if (part.$ref) return schemaLink(part);
      const codes = part.properties?.error?.enum as unknown[] | undefined;
      return codes ? `<span class="enum">${codes.map((c) => `<code>${escape(c)}</code>`).join(' ')}</span>` : '';
    }).filter(Boolean).join(' ');
  }
  if (schema.enum) return `${escape(schema.type ?? '')} <span class="enum">${schema.enum.map((v: unknown) => `<code>${escape(v)}</code>`).join(' ')}</span>`;
  return escape(Array.isArray(schema.type) ? schema.type.join(' | ') : schema.type ?? 'object');
}

function operation(path: string, method: string, op: Json): string {
  const params = (op.parameters ?? []) as Json[];
  const body = op.requestBody?.content?.['application/json']?.schema;
  const responses = Object.entries(op.responses ?? {}) as [string, Json][];
  const anchor = `${method}-${path}`.replace(/[^a-z0-9]+/gi, '-');
  return `<section class="op" id="${escape(anchor)}">
  <h3><span class="method ${escape(method)}">${escape(method.toUpperCase())}</span> <code>${escape(path)}</code></h3>
  <p class="summary">${escape(op.summary ?? '')}${op.security && op.security.length === 0 ? ' <span class="tag">no session needed</span>' : ''}</p>
  ${params.length ? `<table><thead><tr><th>parameter</th><th>in</th><th>type</th><th>about</th></tr></thead><tbody>${params.map((p) => `<tr><td><code>${escape(p.name)}</code>${p.required ? ' <span class="req">required</span>' : ''}</td><td>${escape(p.in)}</td><td>${schemaLink(p.schema)}</td><td>${escape(p.description ?? '')}</td></tr>`).join('')}</tbody></table>` : ''}
  ${body ? `<p><strong>Body</strong> (JSON): ${schemaLink(body)}</p>` : ''}
  <table><thead><tr><th>status</th><th>meaning</th><th>body</th></tr></thead><tbody>${responses.map(([code, r]) => {
    const content = r.content ? Object.entries(r.content as Record<string, Json>) : [];
    const shape = content.map(([type, c]) => (c.schema ? schemaLink(c.schema) : `<code>${escape(type)}</code>`)).join(', ');
    return `<tr><td class="code c${escape(code[0])}">${escape(code)}</td><td>${escape(r.description ?? '')}</td><td>${shape}</td></tr>`;
  }).join('')}</tbody></table>
</section>`;
}

/** The HTML page of `spec`. */
export function renderApiDocs(spec: Json): string {
  const ops = Object.entries(spec.paths as Record<string, Json>).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Json>).map(([method, op]) => ({ path, method, op })));
  const schemas = Object.entries((spec.components?.schemas ?? {}) as Record<string, Json>);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(spec.info.title)}</title><style>
:root{--ink:#1f2d2a;--muted:#566662;--line:#d7e3df;--brand:#0b6e5f;--bg:#f6faf9}
*{box-sizing:border-box} body{margin:0;font:16px/1.5 system-ui,'Noto Sans','Noto Sans Telugu',sans-serif;color:var(--ink);background:var(--bg)}
header{background:var(--brand);color:#fff;padding:1.4rem 1rem} header h1{margin:0;font-size:1.5rem} header p{margin:.3rem 0 0;opacity:.9}
main{max-width:60rem;margin:0 auto;padding:1rem} nav{background:#fff;border:1px solid var(--line);border-radius:.6rem;padding:.6rem 1rem;margin:1rem 0}
nav a{display:block;padding:.15rem 0;color:var(--brand);text-decoration:none} nav a code{background:none}
.op{background:#fff;border:1px solid var(--line);border-radius:.6rem;padding:.2rem 1rem 1rem;margin:1rem 0}
.op h3{font-size:1.05rem;margin:.8rem 0 .2rem} .summary{margin:.2rem 0 .6rem;color:var(--muted)}
.method{display:inline-block;min-width:3.6rem;text-align:center;border-radius:.3rem;padding:.05rem .4rem;color:#fff;font-size:.8rem;font-weight:700}
.method.get{background:#2f6fb3}.method.post{background:#1f8a4c}
table{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:.9rem} th,td{border-top:1px solid var(--line);padding:.35rem .4rem;text-align:left;vertical-align:top}
th{color:var(--muted);font-weight:600} code{font:.88em ui-monospace,SFMono-Regular,Menlo,monospace;background:#eef4f2;padding:.05rem .25rem;border-radius:.2rem}
.code{font-weight:700}.c2{color:#1f8a4c}.c4{color:#a04a00}.c5{color:#a00} .req{color:#a04a00;font-size:.8rem} .tag{font-size:.75rem;background:#e6f2ee;border-radius:1rem;padding:.05rem .5rem;color:var(--brand)}
.enum code{margin-right:.15rem} pre{background:#0f1f1c;color:#d8efe9;padding:.8rem;border-radius:.5rem;overflow:auto;font-size:.8rem}
a{color:var(--brand)} footer{color:var(--muted);font-size:.85rem;padding:1rem 0 2rem}
</style></head><body>
<header><h1>${escape(spec.info.title)} <small style="font-weight:400;font-size:.9rem">v${escape(spec.info.version)}</small></h1><p>${escape(spec.info.summary ?? '')}</p></header>
<main>
${prose(spec.info.description ?? '')}
<p>Machine-readable: <a href="/docs/openapi.json"><code>/docs/openapi.json</code></a> (OpenAPI ${escape(spec.openapi)}). The officers' console is at <a href="/console"><code>/console</code></a>.</p>
<nav aria-label="Operations">${ops.map(({ path, method, op }) => `<a href="#${escape(`${method}-${path}`.replace(/[^a-z0-9]+/gi, '-'))}"><span class="method ${escape(method)}">${escape(method.toUpperCase())}</span> <code>${escape(path)}</code> — ${escape(op.summary ?? '')}</a>`).join('')}</nav>
<h2>Operations</h2>
${ops.map(({ path, method, op }) => operation(path, method, op)).join('\n')}
<h2>Schemas</h2>
${schemas.map(([name, schema]) => `<section class="op" id="schema-${escape(name)}"><h3>${escape(name)}</h3><pre>${escape(JSON.stringify(schema, null, 2))}</pre></section>`).join('\n')}
<footer>${escape(spec.info.license?.name ?? '')} · Mitra</footer>
</main></body></html>`;
}

/** Registers `/docs` and `/docs/openapi.json`. */
export function registerDocsRoutes(app: FastifyInstance): void {
  const json = JSON.stringify(OFFICER_OPENAPI, null, 2);
  const html = renderApiDocs(OFFICER_OPENAPI);
  app.get('/docs/openapi.json', async (_req, reply) => reply.type('application/json; charset=utf-8').header('cache-control', 'no-cache').send(json));
  app.get('/docs', async (_req, reply) => reply
    .type('text/html; charset=utf-8')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'")
    .send(html));
}
