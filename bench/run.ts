// `npm run bench`: runs the benchmark suites and prints one dated Markdown section per suite for
// bench/RESULTS.md. `--suite=search` (or `--suite=log`, `--suite=webhook`, or a comma-separated list) runs only
// those; the default runs all.
// Options: --quick (short runs).
// Webhook suite: --statuses (status webhooks flow back, as from Meta), --no-read-receipts (no
// mark-as-read call per message), --processes=N (N Mitra processes), --split (the N processes
// serve HTTP only; one `mitra worker` process runs turns and sends).
import { runWebhookIngestBench } from './webhook-ingest.ts';
import { runSearchBench } from './search.ts';
import { runLogBench } from './log.ts';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const date = new Date().toISOString().slice(0, 10);

/** Every suite, by the name `--suite=` takes: its title and how to run it. */
const SUITES: Record<string, { title: string; run: () => Promise<string[]> }> = {
  search: {
    title: 'Catalog search',
    run: () => runSearchBench({ quick }),
  },
  log: {
    title: 'Transparency log',
    run: () => runLogBench({ quick }),
  },
  webhook: {
    title: 'Webhook ingest',
    run: () => runWebhookIngestBench({
      rate: Number(process.env.BENCH_RATE ?? 1000),
      seconds: quick ? 10 : 60,
      citizens: 2000,
      ceilingSeconds: quick ? 5 : 15,
      statuses: args.includes('--statuses'),
      readReceipts: !args.includes('--no-read-receipts'),
      split: args.includes('--split'),
      processes: Number(args.find((a) => a.startsWith('--processes='))?.split('=')[1] ?? 1),
    }),
  },
};

const chosen = args.find((a) => a.startsWith('--suite='))?.slice('--suite='.length).split(',').filter(Boolean) ?? Object.keys(SUITES);
const unknown = chosen.filter((name) => !(name in SUITES));
if (unknown.length > 0) {
  console.error(`unknown suite ${unknown.join(', ')}; known: ${Object.keys(SUITES).join(', ')}`);
  process.exit(2);
}
for (const name of chosen) {
  const suite = SUITES[name];
  const lines = await suite.run();
  console.log(`\n### ${suite.title}, ${date}${quick ? ' (quick)' : ''}\n${lines.join('\n')}\n`);
}
process.exit(0);
