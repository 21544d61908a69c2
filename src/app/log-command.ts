/**
 * `mitra log verify|prove`: auditing the transparency log and printing proofs, straight from
 * the database (PostgreSQL while the platform runs; the embedded database while it is stopped,
 * since only one process may own it).
 *
 * - `mitra log verify [--key VERIFIER_KEY]`: recomputes the tree from every entry, with a
 *   progress bar, and names each problem; exit 1 when there is any. The key defaults to the
 *   one in the data folder; an outside auditor passes the published `/log/key`.
 * - `mitra log prove SUBJECT`: the C2SP tlog-proof of an application reference (or certificate id).
 */
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { parseSignerKey, parseVerifierKey, SIGNATURE_TYPE_ED25519, type NoteVerifier } from '../translog/index.ts';
import { ConfigError, readConfig } from './config.ts';
import { auditLog } from './audit-log.ts';
import { openCommandDatabase } from './open-command-database.ts';
import { proveSubject } from './transparency-log.ts';

/** Runs the subcommand; returns the exit code. */
export async function runLogCommand(args: string[], opts: { key?: string }): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'verify' && sub !== 'prove') {
    console.error('usage: mitra log verify [--key VERIFIER_KEY] | mitra log prove SUBJECT');
    return 2;
  }
  const { db, dataDir, close } = await openCommandDatabase(readConfig());
  try {
    if (sub === 'prove') {
      const subject = rest.find((a) => !a.startsWith('--'));
      if (!subject) { console.error('usage: mitra log prove SUBJECT'); return 2; }
      const found = await proveSubject(db, subject);
      if (!found) { console.error(`mitra: '${subject}' is not in a published checkpoint`); return 1; }
      process.stdout.write(found.proof);
      return 0;
    }
    const verifier = await logVerifier(dataDir, opts.key);
    const origin = verifier.name;
    const started = Date.now();
    const tty = process.stderr.isTTY;
    let lastDraw = 0;
    const report = await auditLog(db, {
      origin, logVerifiers: [verifier],
      onProgress: (done, total) => {
        const now = Date.now();
        if (now - lastDraw < 200 && done < total) return;
        lastDraw = now;
        const width = 30;
        const filled = total === 0 ? width : Math.round((done / total) * width);
        const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${total === 0 ? 100 : Math.floor((done / total) * 100)}%  ${done.toLocaleString('en-IN')} / ${total.toLocaleString('en-IN')} entries`;
        process.stderr.write(tty ? `\r${line}` : `${line}\n`);
      },
    });
    if (tty) process.stderr.write('\n');
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    for (const p of report.problems) console.log(`PROBLEM ${p.kind}: ${p.message}`);
    console.log(`log ${origin}: ${report.entries} entries, ${report.checkpoints} checkpoints, root ${Buffer.from(report.root).toString('base64')}, checked in ${seconds} s: ${report.problems.length === 0 ? 'consistent' : `${report.problems.length} problem(s)`}`);
    return report.problems.length === 0 ? 0 : 1;
  } finally {
    await close();
  }
}

/** The log's verifier: `--key`, else derived from the signing key in the data folder. */
async function logVerifier(dataDir: string, key: string | undefined): Promise<NoteVerifier & { name: string }> {
  if (key) {
    const parsed = parseVerifierKey(key.trim(), [SIGNATURE_TYPE_ED25519]);
    if (!parsed.ok) throw new Error(`--key is not a log verifier key: ${parsed.detail}`);
    return parsed.verifier;
  }
  let text: string;
  try {
    text = (await readFile(join(dataDir, 'log-signing-key'), 'utf8')).trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    throw new ConfigError(`no log key in ${dataDir} (the platform creates it on first start); pass the log's published key with --key`);
  }
  const parsed = parseSignerKey(text, [SIGNATURE_TYPE_ED25519]);
  if (!parsed.ok) throw new Error(`${join(dataDir, 'log-signing-key')}: ${parsed.detail}`);
  return parsed.key.verifier();
}
