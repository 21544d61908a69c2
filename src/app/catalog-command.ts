/**
 * `mitra catalog lint|list|search|publish`: operator tasks on the service catalog. `lint`,
 * `list` and `search` need no server and no database; `lint` exits 1 when any definition is
 * broken, listing every error with its path. `publish` makes the catalog folder live without a
 * restart: through the running server when there is one (it re-reads its CATALOG_DIR), else
 * straight into the database.
 */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { isLang } from '../lib/languages.ts';
import { lintCatalog, loadCatalog } from '../catalog/index.ts';

const DEFAULT_DIR = fileURLToPath(new URL('../../catalog', import.meta.url));

/** Runs the subcommand in `args`; returns the exit code. */
export async function runCatalogCommand(args: string[], opts: { lang?: string; url?: string }): Promise<number> {
  const [sub, ...rest] = args;
  const positional = rest.filter((a, i) => !a.startsWith('--') && !rest[i - 1]?.startsWith('--'));
  const dir = (sub === 'search' ? process.env.CATALOG_DIR : positional[0] ?? process.env.CATALOG_DIR) ?? DEFAULT_DIR;
  switch (sub) {
    case 'lint': {
      const report = await lintCatalog(dir);
      for (const e of report.errors) console.log(`error: ${e}`);
      console.log(`${report.services} services, ${report.departments} departments, ${report.errors.length} errors`);
      return report.errors.length ? 1 : 0;
    }
    case 'list': {
      const catalog = await loadCatalog(dir);
      for (const d of catalog.departments()) {
        const services = catalog.services().filter((s) => s.department === d.id);
        if (services.length === 0) continue;
        console.log(`${d.name.en} · ${d.name.te} · ${d.name.hi}`);
        for (const s of services) console.log(`  ${s.id.padEnd(36)} v${s.version}  ${s.kind.padEnd(11)} ${s.name.en} · ${s.name.te}`);
      }
      console.log(`${catalog.services().length} services in ${catalog.departments().length} departments`);
      return 0;
    }
    case 'search': {
      const text = positional.join(' ');
      const lang = opts.lang ?? 'en';
      if (!text || !isLang(lang)) {
        console.error('usage: mitra catalog search TEXT [--lang te|en|hi]');
        return 2;
      }
      const catalog = await loadCatalog(dir);
      const hits = catalog.search(text, lang, 5);
      if (hits.length === 0) console.log('no matching service');
      for (const h of hits) console.log(`${h.score.toFixed(3)}  ${h.serviceId}  ${catalog.service(h.serviceId)?.name[lang]}`);
      return 0;
    }
    case 'publish':
      return publish(opts.url);
    default:
      console.error('usage: mitra catalog lint [DIR] | list [DIR] | search TEXT [--lang te|en|hi] | publish [--url URL]');
      return 2;
  }
}

/** Publishes CATALOG_DIR: through the server at `url` (default: this machine's PORT), or directly. */
async function publish(url: string | undefined): Promise<number> {
  const { readConfig } = await import('./config.ts');
  const { readAdminToken } = await import('./local-secrets.ts');
  const config = readConfig();
  const report = await lintCatalog(config.catalogDir);
  if (report.errors.length > 0) {
    for (const e of report.errors) console.log(`error: ${e}`);
    console.log(`not published: ${report.errors.length} errors`);
    return 1;
  }
  const dataDir = resolve(config.dataDir);
  const origin = url ?? `http://127.0.0.1:${config.port}`;
  const token = await readAdminToken(dataDir);
  let response: Response | undefined;
  if (token) {
    try {
      response = await fetch(`${origin}/api/admin/catalog/publish`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    } catch {
      response = undefined; // no server there: publish straight into the database below
    }
  }
  if (response) {
    const body = await response.json().catch(() => ({})) as { seq?: number; changed?: boolean; added?: string[]; services?: number; errors?: string[]; message?: string };
    if (!response.ok) {
      for (const e of body.errors ?? []) console.log(`error: ${e}`);
      console.error(`mitra: not published (${response.status}): ${body.message ?? 'see the errors above'}`);
      return 1;
    }
    console.log(`published through ${origin}: publication ${body.seq}, ${body.services} services${body.changed ? `, new: ${body.added?.join(', ') || 'catalog settings'}` : ' (no change)'}`);
    return 0;
  }
  const { publishCatalog } = await import('../storage/index.ts');
  const { openCommandDatabase } = await import('./open-command-database.ts');
  const { db, close } = await openCommandDatabase(config);
  try {
    const result = await publishCatalog(db, await loadCatalog(config.catalogDir), 'mitra catalog publish');
    console.log(`published into the database: publication ${result.seq}${result.changed ? `, new: ${result.added.join(', ') || 'catalog settings'}` : ' (no change)'}`);
    return 0;
  } finally {
    await close();
  }
}
