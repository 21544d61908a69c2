// The transparency log's benchmark (issue #6), on PostgreSQL (BENCH_DATABASE_URL, else
// TEST_DATABASE_URL / DATABASE_URL, else the local server), each run in a fresh schema:
// 1. appends: writers commit entries (20 per business transaction) while the publisher
//    sequences and signs checkpoints as in production; entries/s sustained and the largest
//    gap between checkpoints;
// 2. proofs: inclusion proofs for random entries built from the stored tiles, in process
//    (tile cache warm) and end to end over HTTP (`GET /api/log/proof`, C2SP tlog-proof);
// 3. `mitra log verify`'s audit over 1,000,000 entries (300,000 with --quick).
// Baseline in the same run: plain INSERTs of the same rows into an unindexed table, the floor
// any log on this database pays.
import { randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import { openPostgres } from '../src/storage/open-postgres.ts';
import { migrate, enqueueLogEntries, sequenceBatch, latestCheckpoint, listCheckpoints, readLogState, createTileHashSource, type Db } from '../src/storage/index.ts';
import { Ed25519SigningKey, SIGNATURE_TYPE_ED25519, buildInclusionProof } from '../src/translog/index.ts';
import { createLogPublisher, createLogProver } from '../src/app/transparency-log.ts';
import { auditLog } from '../src/app/audit-log.ts';
import { registerLogRoutes } from '../src/http/log-routes.ts';
import { SILENT_LOG } from '../src/app/workers/poll-loop.ts';
import { Agent, request } from 'node:http';
import { percentile } from './load-generator.ts';

/** Closed-loop GETs from `connections` clients for `seconds`: rate and latency percentiles. */
async function closedLoopGet(origin: string, path: () => string, connections: number, seconds: number): Promise<{ rate: number; p50: number; p99: number; failed: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let failed = 0;
  const end = Date.now() + seconds * 1000;
  const started = Date.now();
  const one = () => new Promise<void>((resolve) => {
    const t = performance.now();
    const req = request(`${origin}${path()}`, { agent }, (res) => {
      res.resume();
      res.on('end', () => { if (res.statusCode === 200) latencies.push(performance.now() - t); else failed++; resolve(); });
    });
    req.on('error', () => { failed++; resolve(); });
    req.end();
  });
  await Promise.all(Array.from({ length: connections }, async () => { while (Date.now() < end) await one(); }));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { rate: latencies.length / ((Date.now() - started) / 1000), p50: percentile(latencies, 50), p99: percentile(latencies, 99), failed };
}

const URL_ = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const ORIGIN = 'bench.mitra.example/log';

async function freshDb(): Promise<{ db: Db; drop: () => Promise<void> }> {
  const schema = `bench_log_${process.pid}_${randomBytes(3).toString('hex')}`;
  const db = await openPostgres({ url: URL_, schema, poolSize: 10 });
  await migrate(db);
  return { db, drop: async () => { await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`); await db.close(); } };
}

/** The baseline's transaction: `count` plain rows in one multi-row INSERT, like the log's enqueue. */
async function tx_insert(db: Db, entry: Buffer, count: number): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('INSERT INTO plain_rows (entry, subject) SELECT $1, s FROM unnest($2::text[]) AS s', [entry, Array.from({ length: count }, (_, i) => `MM${i}`)]);
  });
}

const record = (n: number) => ({
  type: 'application_submitted' as const, at: new Date(), meta: { department: 'revenue', service: 'revenue.income-certificate' },
  subject: `MM-261123-${n.toString(36).toUpperCase().padStart(8, '0')}`, record: { reference: n, answers: { name: 'x'.repeat(40) } },
});

/** Runs the suite; returns Markdown lines. */
export async function runLogBench(o: { quick: boolean }): Promise<string[]> {
  const lines: string[] = [`Machine: ${(await import('node:os')).cpus().length} cores, Node ${process.version}; PostgreSQL at ${new URL(URL_).host}.`, ''];
  const key = new Ed25519SigningKey(ORIGIN, SIGNATURE_TYPE_ED25519, randomBytes(32));

  // 1. Appends under load, the publisher running as in production.
  {
    const { db, drop } = await freshDb();
    const seconds = o.quick ? 8 : 20;
    const writers = 8;
    const perTx = 20;
    let n = 0;
    let stop = false;
    const publisher = createLogPublisher({ db, key, origin: ORIGIN, witnesses: [], log: SILENT_LOG });
    publisher.start();
    const started = Date.now();
    await Promise.all(Array.from({ length: writers }, async () => {
      while (!stop) {
        await db.transaction(async (tx) => { await enqueueLogEntries(tx, Array.from({ length: perTx }, () => record(n++))); });
        if (Date.now() - started > seconds * 1000) stop = true;
      }
    }));
    const enqueued = n;
    // Let the publisher drain the queue, then measure.
    while ((await readLogState(db)).size < enqueued || ((await latestCheckpoint(db))?.size ?? 0) < enqueued) await new Promise((r) => setTimeout(r, 100));
    const elapsed = (Date.now() - started) / 1000;
    await publisher.stop();
    const checkpoints = await listCheckpoints(db);
    const gaps = checkpoints.slice(1).map((c, i) => c.createdAt.getTime() - checkpoints[i].createdAt.getTime()).sort((a, b) => a - b);
    // Baseline: the same number of rows as plain inserts, same writers, same transaction size.
    await db.query('CREATE TABLE plain_rows (id bigserial, entry bytea, subject text)');
    const entry = Buffer.from(JSON.stringify({ v: 1, type: 'application_submitted', time: '2026-11-23T10:00:00Z', meta: { department: 'revenue' }, commitment: 'x'.repeat(44) }));
    let m = 0;
    const b0 = Date.now();
    await Promise.all(Array.from({ length: writers }, async () => {
      while (m < enqueued) {
        m += perTx;
        await tx_insert(db, entry, perTx);
      }
    }));
    const baseline = m / ((Date.now() - b0) / 1000);
    lines.push(
      '| appends (PostgreSQL) | value |', '|---|---|',
      `| entries committed by ${writers} writers (${perTx} per transaction) in ${seconds} s, all sequenced and checkpointed | ${enqueued.toLocaleString('en-IN')} |`,
      `| sustained, enqueue to signed checkpoint | **${Math.round(enqueued / elapsed).toLocaleString('en-IN')} entries/s** |`,
      `| checkpoints | ${checkpoints.length}; interval p50 ${percentile(gaps, 50)} ms, max ${gaps.at(-1) ?? 0} ms |`,
      `| baseline: the same rows as plain multi-row INSERTs (no salts, no sequencing), same writers | ${Math.round(baseline).toLocaleString('en-IN')} rows/s |`,
      '',
    );
    await drop();
  }

  // 2 and 3. A big log: entries bulk-loaded into the queue, sequenced, then proofs and the audit.
  {
    const { db, drop } = await freshDb();
    const total = o.quick ? 300_000 : 1_000_000;
    const t0 = Date.now();
    await db.query(
      `INSERT INTO log_queue (entry, subject)
       SELECT convert_to('{"commitment":"' || md5(i::text) || '","meta":{"department":"revenue"},"time":"2026-11-23T10:00:00Z","type":"application_submitted","v":1}', 'UTF8'),
              'S' || i FROM generate_series(0, $1::int - 1) AS i`, [total]);
    const loaded = Date.now() - t0;
    const s0 = Date.now();
    for (;;) {
      const r = await sequenceBatch(db, 16384);
      if (!r || r.toSize === r.fromSize) break;
    }
    const sequenceSeconds = (Date.now() - s0) / 1000;
    const publisher = createLogPublisher({ db, key, origin: ORIGIN, witnesses: [], log: SILENT_LOG });
    await publisher.publishOnce();
    const size = (await readLogState(db)).size;

    // Proofs in process: random indexes, tiles from the database with the full-tile cache.
    const source = createTileHashSource(db);
    const proofSeconds = o.quick ? 2 : 4;
    // Cold: random proofs while the tile cache fills (each new tile is one query).
    let cold = 0;
    const c0 = Date.now();
    while (Date.now() - c0 < 2000) {
      await Promise.all(Array.from({ length: 16 }, () => buildInclusionProof(Math.floor(Math.random() * size), size, source)));
      cold += 16;
    }
    const coldRate = cold / ((Date.now() - c0) / 1000);
    // Warm: one proof per level-0 tile loads every tile (about 64 MB for 1,000,000 entries), as
    // a long-running server's cache is; then measure.
    for (let k = 0; k < size; k += 256 * 16) {
      await Promise.all(Array.from({ length: 16 }, (_, j) => k + j * 256).filter((i) => i < size).map((i) => buildInclusionProof(i, size, source)));
    }
    let proofs = 0;
    const p0 = Date.now();
    while (Date.now() - p0 < proofSeconds * 1000) {
      await Promise.all(Array.from({ length: 16 }, () => buildInclusionProof(Math.floor(Math.random() * size), size, source)));
      proofs += 16;
    }
    const inProcess = proofs / ((Date.now() - p0) / 1000);

    // Proofs over HTTP: GET /api/log/proof?subject=… (lookup by subject, checkpoint, tiles).
    const app = Fastify({ logger: false });
    const prover = createLogProver(db, source);
    registerLogRoutes(app, { db, verifierKey: key.verifierKey(), prove: (s) => prover.prove(s) });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;
    const http = await closedLoopGet(`http://127.0.0.1:${port}`, () => `/api/log/proof?subject=S${Math.floor(Math.random() * size)}`, 32, o.quick ? 4 : 10);
    await app.close();

    // The audit over the whole log.
    const a0 = Date.now();
    const report = await auditLog(db, { origin: ORIGIN, logVerifiers: [key.verifier()] });
    const auditSeconds = (Date.now() - a0) / 1000;
    lines.push(
      `| log of ${total.toLocaleString('en-IN')} entries | value |`, '|---|---|',
      `| bulk load into the queue (SQL) | ${(loaded / 1000).toFixed(1)} s |`,
      `| sequencing (entries, tiles, frontier; batches of 16,384) | ${sequenceSeconds.toFixed(1)} s = **${Math.round(total / sequenceSeconds).toLocaleString('en-IN')} entries/s** |`,
      `| inclusion proofs in process, cold (random index; each tile not yet cached is one PostgreSQL query) | ${Math.round(coldRate).toLocaleString('en-IN')} proofs/s |`,
      `| inclusion proofs in process, warm (every tile cached with its interior nodes) | **${Math.round(inProcess).toLocaleString('en-IN')} proofs/s** |`,
      `| inclusion proofs over HTTP (\`GET /api/log/proof\`: subject lookup in PostgreSQL, warm tiles; 32 connections from a client in the same process) | **${Math.round(http.rate).toLocaleString('en-IN')} proofs/s**, p50 ${http.p50.toFixed(1)} ms, p99 ${http.p99.toFixed(1)} ms, ${http.failed} failed |`,
      `| \`mitra log verify\` audit of the whole log | **${auditSeconds.toFixed(1)} s**, ${report.problems.length} problems |`,
      '',
    );
    await drop();
  }
  return lines;
}
