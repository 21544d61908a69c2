/**
 * The running transparency log (issue #6): its signing key, the publisher loop that sequences
 * queued entries and signs a C2SP checkpoint at least every second while entries arrive, after
 * collecting cosignatures from the configured witnesses (C2SP tlog-witness), and the proofs
 * handed to citizens and verifiers (C2SP tlog-proof).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  Ed25519SigningKey, SIGNATURE_TYPE_COSIGNATURE_V1, SIGNATURE_TYPE_ED25519, buildConsistencyProof, buildInclusionProof, formatAddCheckpointRequest,
  formatCheckpoint, formatNote, formatTlogProof, parseCosignatureResponse, parseNote, parseSignerKey, parseTreeSizeBody, parseVerifierKey,
  signNote, formatSignerKey, TREE_SIZE_CONTENT_TYPE, type BatchNodeHashReader, type NoteSignature, type NoteVerifier,
} from '../translog/index.ts';
import {
  createTileHashSource, latestCheckpoint, readLogState, sequenceBatch, storeCheckpoint, storeCosignature, entriesAbout, listCosignatures,
  type Db,
} from '../storage/index.ts';
import { createPollLoop, type PollLoop, type WorkerLog } from './workers/poll-loop.ts';

/** Pause between publisher runs: with a run's own time, a checkpoint well within every second. */
export const LOG_PUBLISH_INTERVAL_MS = 200;
/** How long a witness may take to cosign before the checkpoint is published without it. */
export const WITNESS_TIMEOUT_MS = 3000;

const KEY_FILE = 'log-signing-key';

/** The log's origin from the public base URL: `<host>/log` (C2SP: a schema-less URL). */
export function logOriginFor(publicBaseUrl: string): string {
  const url = new URL(publicBaseUrl);
  return `${url.host}${url.pathname.replace(/\/+$/, '')}/log`;
}

/**
 * The log's Ed25519 note key, named after `origin`: `<dataDir>/log-signing-key` (a C2SP signer
 * key string, mode 0600), created on first start. A key file for another origin is refused:
 * a log's origin never changes.
 */
export async function loadOrCreateLogKey(dataDir: string, origin: string): Promise<Ed25519SigningKey> {
  const path = join(dataDir, KEY_FILE);
  let text: string | undefined;
  try {
    text = (await readFile(path, 'utf8')).trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  if (text === undefined) {
    text = formatSignerKey(origin, SIGNATURE_TYPE_ED25519, randomBytes(32));
    await mkdir(dataDir, { recursive: true });
    await writeFile(path, `${text}\n`, { mode: 0o600 });
  }
  const parsed = parseSignerKey(text, [SIGNATURE_TYPE_ED25519]);
  if (!parsed.ok) throw new Error(`${path}: not a signer key (${parsed.detail})`);
  if (parsed.key.name !== origin) throw new Error(`${path} signs for log '${parsed.key.name}', not '${origin}'; PUBLIC_BASE_URL changed?`);
  return parsed.key;
}

/** A witness the log asks for cosignatures. */
export interface WitnessEndpoint {
  /** Base URL; requests go to `<url>/add-checkpoint`. */
  url: string;
  verifier: NoteVerifier;
}

/**
 * Parses `LOG_WITNESSES`: comma-separated `<verifier key>@<url>` items, the verifier key in
 * C2SP form with type 0x04 (cosignature/v1).
 */
export function parseWitnessList(value: string | undefined): WitnessEndpoint[] {
  if (!value?.trim()) return [];
  return value.split(',').map((item) => item.trim()).filter(Boolean).map((item) => {
    const at = item.lastIndexOf('@');
    if (at < 0) throw new Error(`LOG_WITNESSES: '${item}' is not '<verifier key>@<url>'`);
    const parsed = parseVerifierKey(item.slice(0, at), [SIGNATURE_TYPE_COSIGNATURE_V1]);
    if (!parsed.ok) throw new Error(`LOG_WITNESSES: '${item.slice(0, at)}' is not a cosignature/v1 verifier key (${parsed.detail})`);
    return { url: item.slice(at + 1).replace(/\/+$/, ''), verifier: parsed.verifier };
  });
}

/** What the publisher needs. */
export interface LogPublisherOptions {
  db: Db;
  key: Ed25519SigningKey;
  origin: string;
  witnesses: readonly WitnessEndpoint[];
  log: WorkerLog;
  intervalMs?: number;
  fetch?: typeof fetch;
}

/** The publisher: `publishOnce` for tests and tools, `start`/`stop` for the loop. */
export interface LogPublisher extends PollLoop {
  /** Sequences what is queued and signs a checkpoint if the tree grew. Returns the new size. */
  publishOnce(): Promise<number>;
}

/** Creates the publisher loop (one per process; the database lock makes one sequence at a time). */
export function createLogPublisher(o: LogPublisherOptions): LogPublisher {
  const doFetch = o.fetch ?? fetch;
  const source = createTileHashSource(o.db);

  async function cosign(witness: WitnessEndpoint, note: string, size: number): Promise<{ line: NoteSignature; timestamp: number } | undefined> {
    const known = (await listCosignatures(o.db)).filter((c) => c.witness === witness.verifier.name && c.size <= size);
    let oldSize = known.reduce((m, c) => Math.max(m, c.size), 0);
    for (let attempt = 0; attempt < 2; attempt++) {
      const proof = oldSize > 0 && oldSize < size ? await buildConsistencyProof(oldSize, size, source) : [];
      const body = formatAddCheckpointRequest({ oldSize: Math.min(oldSize, size), consistencyProof: proof, checkpoint: note });
      const res = await doFetch(`${witness.url}/add-checkpoint`, { method: 'POST', body, signal: AbortSignal.timeout(WITNESS_TIMEOUT_MS) });
      const text = await res.text();
      if (res.status === 409 && (res.headers.get('content-type') ?? '').startsWith(TREE_SIZE_CONTENT_TYPE)) {
        const parsed = parseTreeSizeBody(text);
        if (!parsed.ok) return undefined;
        oldSize = parsed.size;
        continue;
      }
      if (res.status !== 200) {
        o.log.warn({ witness: witness.verifier.name, status: res.status, body: text.slice(0, 200) }, 'witness refused the checkpoint');
        return undefined;
      }
      const parsed = parseCosignatureResponse(text);
      if (!parsed.ok) return undefined;
      const mine = parsed.signatures.find((s) => s.name === witness.verifier.name && s.keyId === witness.verifier.keyId);
      if (!mine || !witness.verifier.verify(new TextEncoder().encode(note.slice(0, note.indexOf('\n\n') + 1)), mine.signature)) return undefined;
      // cosignature/v1: the first 8 bytes are the big-endian timestamp.
      const timestamp = Number(Buffer.from(mine.signature).readBigUInt64BE(0));
      return { line: mine, timestamp };
    }
    return undefined;
  }

  async function publishOnce(): Promise<number> {
    // One batch per run, then a checkpoint: a deep queue drains over several runs, each
    // ending with a signed checkpoint, so checkpoints keep coming at least every second.
    await sequenceBatch(o.db);
    const state = await readLogState(o.db);
    const latest = await latestCheckpoint(o.db);
    if (latest && latest.size >= state.size) return state.size;
    const root = state.frontier.root();
    const body = formatCheckpoint({ origin: o.origin, size: state.size, rootHash: root, extensions: [] });
    let note = signNote(body, [o.key]);
    if (o.witnesses.length > 0) {
      const results = await Promise.all(o.witnesses.map((w) => cosign(w, note, state.size).catch((err: Error) => {
        o.log.warn({ witness: w.verifier.name, err: err.message }, 'witness unreachable');
        return undefined;
      })));
      const parsed = parseNote(note);
      if (parsed.ok) {
        const lines = results.filter((r) => r !== undefined).map((r) => r.line);
        note = formatNote({ text: parsed.note.text, signatures: [...parsed.note.signatures, ...lines] });
        for (const [i, r] of results.entries()) {
          if (r) await storeCosignature(o.db, { witness: o.witnesses[i].verifier.name, size: state.size, root, timestamp: r.timestamp, line: note.split('\n').find((l) => l.startsWith(`— ${o.witnesses[i].verifier.name} `)) ?? '' });
        }
      }
    }
    await storeCheckpoint(o.db, state.size, root, note);
    return state.size;
  }

  const loop = createPollLoop({ name: 'log-publisher', pollMs: o.intervalMs ?? LOG_PUBLISH_INTERVAL_MS, log: o.log, runOnce: async () => { await publishOnce(); return 0; } });
  return { ...loop, publishOnce };
}

/** How long the newest checkpoint is reused by the prover before it is read again. */
const CHECKPOINT_CACHE_MS = 250;

/** Proofs for receipts and certificates, with the tile and checkpoint caches they need. */
export interface LogProver {
  /**
   * The C2SP tlog-proof of the newest entry about `subject` (an application reference, a
   * certificate id) against the newest checkpoint, or undefined when it is not in a published
   * checkpoint yet (entries are sequenced within about a second).
   */
  prove(subject: string): Promise<{ index: number; proof: string } | undefined>;
}

/** A prover for `db`; keep one per process (its caches are what makes proofs cheap). `source` may be shared. */
export function createLogProver(db: Db, source: BatchNodeHashReader = createTileHashSource(db)): LogProver {
  let cached: { at: number; checkpoint: Awaited<ReturnType<typeof latestCheckpoint>> } | undefined;
  const checkpointNow = async () => {
    if (!cached || Date.now() - cached.at > CHECKPOINT_CACHE_MS) cached = { at: Date.now(), checkpoint: await latestCheckpoint(db) };
    return cached.checkpoint;
  };
  return {
    async prove(subject) {
      const [indexes, checkpoint] = await Promise.all([entriesAbout(db, subject), checkpointNow()]);
      const index = indexes.filter((i) => checkpoint && i < checkpoint.size).at(-1);
      if (index === undefined || !checkpoint) return undefined;
      const inclusionProof = await buildInclusionProof(index, checkpoint.size, source);
      return { index, proof: formatTlogProof({ index, inclusionProof, checkpoint: checkpoint.note }) };
    },
  };
}

/** One proof, for tools that prove once (`mitra log prove`); servers use {@link createLogProver}. */
export async function proveSubject(db: Db, subject: string): Promise<{ index: number; proof: string } | undefined> {
  return createLogProver(db).prove(subject);
}
