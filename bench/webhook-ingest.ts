/**
 * Benchmark: webhook ingest on real PostgreSQL (issue #2). A message counts only when fully
 * processed: stored, engine turn run, session saved, reply delivered to the local Graph API
 * double. Mitra and the bare baseline each run in their own child process; this process runs
 * the load generator and the Graph double. Prints a Markdown report section.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { runLoad, percentile, type LoadResult } from './load-generator.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const SECRET = 'bench-app-secret';
const TOKEN = 'bench-access-token';
const PHONE_ID = '106540352242922';

function startChild(args: string[], env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = out.match(/listening\s+(?:http:\/\/127\.0\.0\.1:)?(\d+)/);
      if (m) { child.stdout!.off("data", onData); resolve({ child, port: Number(m[1]) }); }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => { out += d.toString(); });
    if (process.env.BENCH_CHILD_LOG) child.stdout!.on('data', (d: Buffer) => process.stderr.write(d));
    child.on('exit', (code) => reject(new Error(`child exited ${code}: ${out.slice(-2000)}`)));
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

function describeLoad(r: LoadResult): string {
  return `${r.ok} acknowledged of ${r.sent} in ${r.seconds.toFixed(1)} s = ${(r.ok / r.seconds).toFixed(0)}/s; time to 200: p50 ${percentile(r.latencies, 50).toFixed(1)} ms, p99 ${percentile(r.latencies, 99).toFixed(1)} ms, max ${r.latencies.at(-1)?.toFixed(1)} ms; non-200/errors ${r.failed}`;
}

export interface IngestBenchOptions {
  rate: number;
  seconds: number;
  citizens: number;
  ceilingSeconds: number;
  statuses: boolean;
  readReceipts: boolean;
  processes: number;
  /** HTTP-only processes plus one worker process, instead of processes that do both. */
  split: boolean;
}

/** Runs the benchmark and returns the report lines. */
export async function runWebhookIngestBench(opts: IngestBenchOptions): Promise<string[]> {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const dbName = `mitra_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();
  const report: string[] = [];
  const children: ChildProcess[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'mitra-bench-'));
  const doubleProcess = fork(new URL('./graph-double-process.ts', import.meta.url).pathname, [], {
    execArgv: ['--import', 'tsx'], env: { ...process.env, DOUBLE_TOKEN: TOKEN, DOUBLE_PHONE_ID: PHONE_ID, DOUBLE_SECRET: SECRET }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.push(doubleProcess);
  const ask = <T>(message: object, type: string) => new Promise<T>((resolve) => {
    const on = (m: any) => { if (m.type === type) { doubleProcess.off('message', on); resolve(m as T); } };
    doubleProcess.on('message', on);
    doubleProcess.send(message);
  });
  const doubleStats = (from: number) => ask<{ total: number; callbacks: string[] }>({ type: 'stats', from }, 'stats');
  try {
    const graphUrl = await new Promise<string>((resolve) => doubleProcess.once('message', (m: any) => resolve(m.url)));
    report.push(`- machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; PostgreSQL on loopback`);

    // Baseline: the bare HMAC server.
    const bare = await startChild(['--import', 'tsx', 'bench/bare-server.ts'], { WHATSAPP_APP_SECRET: SECRET, PORT: '0' });
    children.push(bare.child);
    const bareUrl = `http://127.0.0.1:${bare.port}`;
    await runLoad({ url: bareUrl, appSecret: SECRET, phoneNumberId: PHONE_ID, citizens: 1000, concurrency: 64, seconds: 3 });
    const bareCeiling = await runLoad({ url: bareUrl, appSecret: SECRET, phoneNumberId: PHONE_ID, citizens: 1000, concurrency: 64, seconds: opts.ceilingSeconds });
    const bareAtRate = await runLoad({ url: bareUrl, appSecret: SECRET, phoneNumberId: PHONE_ID, citizens: 1000, rate: opts.rate, seconds: Math.min(20, opts.seconds) });
    bare.child.kill('SIGKILL');
    report.push(`- baseline (bare HMAC server), closed loop 64 connections: ${describeLoad(bareCeiling)}`);
    report.push(`- baseline at ${opts.rate}/s open loop: ${describeLoad(bareAtRate)}`);

    // Mitra on PostgreSQL, live mode against the Graph double.
    const mitraEnv = {
      DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn',
      WHATSAPP_APP_SECRET: SECRET, WHATSAPP_VERIFY_TOKEN: 'bench', WHATSAPP_ACCESS_TOKEN: TOKEN, WHATSAPP_PHONE_NUMBER_ID: PHONE_ID,
      WHATSAPP_GRAPH_URL: graphUrl, DB_POOL_SIZE: '20', WHATSAPP_READ_RECEIPTS: opts.readReceipts ? 'true' : 'false',
    };
    // Several processes of one deployment share the database, as behind a load balancer.
    const mitraUrls: string[] = [];
    for (let i = 0; i < opts.processes; i++) {
      const mitra = await startChild(['bin/mitra.js', 'serve', ...(opts.split ? ['--no-workers'] : [])], mitraEnv);
      children.push(mitra.child);
      mitraUrls.push(`http://127.0.0.1:${mitra.port}`);
    }
    if (opts.split) {
      // HTTP-only nodes take the webhooks; one worker process runs the turns and the sends.
      const worker = spawn(process.execPath, ['bin/mitra.js', 'worker'], { cwd: ROOT, env: { ...process.env, ...mitraEnv }, stdio: 'ignore' });
      children.push(worker);
    }
    const mitraUrl = mitraUrls.length === 1 ? mitraUrls[0] : mitraUrls;
    if (opts.statuses) doubleProcess.send({ type: 'webhook', webhookUrl: `${mitraUrls[0]}/webhooks/whatsapp` });
    const db = new pg.Client({ connectionString: databaseUrl });
    db.on('error', () => undefined);
    await db.connect();
    const pending = async () => (await db.query(`SELECT (SELECT count(*) FROM inbound_messages WHERE status = 'pending')::int AS inbox, (SELECT count(*) FROM outbound_messages WHERE status IN ('queued','sending'))::int AS outbox`)).rows[0] as { inbox: number; outbox: number };

    // Warm-up, then the sustained run with a once-a-second sample of fully processed messages.
    await runLoad({ url: mitraUrl, appSecret: SECRET, phoneNumberId: PHONE_ID, citizens: 500, rate: 200, seconds: 5, citizenOffset: 900000 });
    await waitFor(async () => { const p = await pending(); return p.inbox === 0 && p.outbox === 0; }, 60_000);
    const sentBefore = (await doubleStats(0)).total;
    const doneBefore = Number((await db.query(`SELECT count(*) FROM inbound_messages WHERE status = 'done'`)).rows[0].count);
    const samples: { t: number; done: number; delivered: number }[] = [];
    const t0 = Date.now();
    const sampler = setInterval(() => {
      void db.query(`SELECT count(*)::int AS n FROM inbound_messages WHERE status = 'done'`).then((r) => samples.push({ t: (Date.now() - t0) / 1000, done: r.rows[0].n - doneBefore, delivered: 0 }));
    }, 1000);
    const load = await runLoad({ url: mitraUrl, appSecret: SECRET, phoneNumberId: PHONE_ID, citizens: opts.citizens, rate: opts.rate, seconds: opts.seconds });
    const drained = await waitFor(async () => { const p = await pending(); return p.inbox === 0 && p.outbox === 0; }, 180_000);
    const tDone = (Date.now() - t0) / 1000;
    clearInterval(sampler);

    // Exactly once: every acknowledged message stored once and processed once; every reply
    // delivered once (our row id travels as biz_opaque_callback_data).
    const ids = load.wamids;
    const stored = (await db.query(`SELECT status, count(*)::int AS n FROM inbound_messages WHERE wamid = ANY($1) GROUP BY status`, [ids])).rows as { status: string; n: number }[];
    const storedDone = stored.find((s) => s.status === 'done')?.n ?? 0;
    const storedAll = stored.reduce((a, s) => a + s.n, 0);
    const outRows = (await db.query(`SELECT count(*)::int AS n, count(*) FILTER (WHERE o.status IN ('sent','delivered','read'))::int AS sent FROM outbound_messages o JOIN inbound_messages i ON i.wamid = o.in_reply_to WHERE i.wamid = ANY($1)`, [ids])).rows[0] as { n: number; sent: number };
    const callbacks = (await doubleStats(sentBefore)).callbacks;
    const delivered = callbacks;
    const duplicates = callbacks.length - new Set(callbacks).size;
    const fullSeconds = samples.filter((s) => s.t <= opts.seconds);
    const inRun = fullSeconds.at(-1)?.done ?? 0;
    report.push(`- Mitra at ${opts.rate}/s offered for ${opts.seconds} s, ${opts.citizens} citizens${opts.statuses ? ', with sent/delivered/read status webhooks flowing back' : ''}${opts.readReceipts ? ', read receipts + typing indicator on' : ', read receipts off'}, ${opts.processes} Mitra process${opts.processes > 1 ? 'es' : ''}${opts.split ? ' serving HTTP only + 1 worker process' : ' (HTTP + workers each)'}: ${describeLoad(load)}`);
    report.push(`- fully processed during the ${opts.seconds} s: ${inRun} (${(inRun / opts.seconds).toFixed(0)}/s); all ${storedDone} processed after ${tDone.toFixed(1)} s (drained: ${drained})`);
    report.push(`- exactly once: acknowledged ${load.ok}, stored ${storedAll}, processed ${storedDone}, lost ${load.ok - storedDone}; replies queued ${outRows.n}, delivered to the Graph double ${delivered.length}, duplicated ${duplicates}`);
    const ceiling = await runLoad({ url: mitraUrl, appSecret: SECRET, phoneNumberId: PHONE_ID, citizens: 5000, concurrency: 64, seconds: opts.ceilingSeconds, citizenOffset: 500000 });
    report.push(`- Mitra ingest ceiling, closed loop 64 connections: ${describeLoad(ceiling)}; ratio to the bare server: ${((ceiling.ok / ceiling.seconds) / (bareCeiling.ok / bareCeiling.seconds)).toFixed(2)}`);
    await waitFor(async () => { const p = await pending(); return p.inbox === 0 && p.outbox === 0; }, 180_000);
    await db.end();
    return report;
  } catch (err) {
    console.error('benchmark failed:', err);
    throw err;
  } finally {
    for (const c of children) c.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 500));
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
