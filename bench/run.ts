// `npm run bench`: runs the benchmarks and prints a dated Markdown section for bench/RESULTS.md.
// Options: --quick (short runs), --statuses (status webhooks flow back, as from Meta),
// --no-read-receipts (no mark-as-read call per message), --processes=N (N Mitra processes),
// --split (the N processes serve HTTP only; one `mitra worker` process runs turns and sends).
import { runWebhookIngestBench } from './webhook-ingest.ts';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const lines = await runWebhookIngestBench({
  rate: Number(process.env.BENCH_RATE ?? 1000),
  seconds: quick ? 10 : 60,
  citizens: 2000,
  ceilingSeconds: quick ? 5 : 15,
  statuses: args.includes('--statuses'),
  readReceipts: !args.includes('--no-read-receipts'),
  split: args.includes('--split'),
  processes: Number(args.find((a) => a.startsWith('--processes='))?.split('=')[1] ?? 1),
});
console.log(`\n### Webhook ingest, ${new Date().toISOString().slice(0, 10)}${quick ? ' (quick)' : ''}\n${lines.join('\n')}\n`);
process.exit(0);
