/**
 * `mitra catalog lint|list|search`: operator tasks on the service catalog, with no server and
 * no database. `lint` exits 1 when any definition is broken, listing every error with its path.
 */
import { fileURLToPath } from 'node:url';
import { isLang } from '../lib/languages.ts';
import { lintCatalog, loadCatalog } from '../catalog/index.ts';

const DEFAULT_DIR = fileURLToPath(new URL('../../catalog', import.meta.url));

/** Runs the subcommand in `args`; returns the exit code. */
export async function runCatalogCommand(args: string[], opts: { lang?: string }): Promise<number> {
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
    default:
      console.error('usage: mitra catalog lint [DIR] | list [DIR] | search TEXT [--lang te|en|hi]');
      return 2;
  }
}
