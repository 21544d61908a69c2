/**
 * `mitra witness`: a C2SP tlog-witness for Mitra's log (or any log), with its own key and its
 * own storage, run by someone other than the log's operator (a department, an auditor). It
 * cosigns a checkpoint only after checking that it is signed by the log and consistent with
 * the last one it cosigned, so a log that rewrote history cannot get a second cosigned tree.
 *
 *   mitra witness --log VERIFIER_KEY [--port 3100] [--data ./witness-data] [--name NAME]
 *
 * Storage is one JSON file (`witness-state.json`), replaced atomically, written before the
 * cosignature is returned; the key is `witness-key` (mode 0600), created on first start.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile, open } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { hostname } from 'node:os';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  decideAddCheckpoint, decodeBase64Strict, encodeBase64, formatSignerKey, isValidKeyName, parseAddCheckpointRequest, parseSignerKey, parseVerifierKey,
  SIGNATURE_TYPE_COSIGNATURE_V1, SIGNATURE_TYPE_ED25519, WITNESS_HTTP_STATUS, type Ed25519SigningKey, type NoteVerifier,
} from '../translog/index.ts';

/** What the witness remembers per log origin. */
interface WitnessState {
  [origin: string]: { size: number; root: string };
}

/** A running witness. */
export interface Witness {
  url: string;
  /** The witness's cosignature/v1 verifier key, for the log's LOG_WITNESSES. */
  verifierKey: string;
  close(): Promise<void>;
}

async function loadKey(dataDir: string, name: string): Promise<Ed25519SigningKey> {
  const path = join(dataDir, 'witness-key');
  let text: string | undefined;
  try { text = (await readFile(path, 'utf8')).trim(); } catch (err) { if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err; }
  if (!text) {
    text = formatSignerKey(name, SIGNATURE_TYPE_COSIGNATURE_V1, randomBytes(32));
    await mkdir(dataDir, { recursive: true });
    await writeFile(path, `${text}\n`, { mode: 0o600 });
  }
  const parsed = parseSignerKey(text, [SIGNATURE_TYPE_COSIGNATURE_V1]);
  if (!parsed.ok) throw new Error(`${path}: ${parsed.detail}`);
  return parsed.key;
}

async function saveState(path: string, state: WitnessState): Promise<void> {
  const tmp = `${path}.tmp`;
  const handle = await open(tmp, 'w', 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(state, null, 2)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, path);
}

/** Starts a witness for the logs whose verifier keys are `logKeys`. */
export async function startWitness(o: { logKeys: string[]; port: number; host?: string; dataDir: string; name?: string }): Promise<Witness> {
  const dataDir = resolve(o.dataDir);
  const name = o.name ?? `witness.${hostname().toLowerCase().replace(/[^a-z0-9.-]/g, '') || 'local'}`;
  if (!isValidKeyName(name)) throw new Error(`--name '${name}' is not a valid key name`);
  const key = await loadKey(dataDir, name);
  const logs = new Map<string, NoteVerifier[]>();
  for (const k of o.logKeys) {
    const parsed = parseVerifierKey(k, [SIGNATURE_TYPE_ED25519]);
    if (!parsed.ok) throw new Error(`--log '${k}' is not a log verifier key: ${parsed.detail}`);
    logs.set(parsed.verifier.name, [...(logs.get(parsed.verifier.name) ?? []), parsed.verifier]);
  }
  const statePath = join(dataDir, 'witness-state.json');
  let state: WitnessState = {};
  try { state = JSON.parse(await readFile(statePath, 'utf8')) as WitnessState; } catch (err) { if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err; }
  // One request at a time: the decision and the state write must not interleave.
  let queue: Promise<unknown> = Promise.resolve();

  const app: FastifyInstance = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.get('/', async (_req, reply) => reply.type('text/plain; charset=utf-8').send(`C2SP tlog-witness ${name}\n${key.verifierKey()}\n`));
  app.post('/add-checkpoint', async (req, reply) => {
    const run = async () => {
      const parsed = parseAddCheckpointRequest(typeof req.body === 'string' ? req.body : '');
      if (!parsed.ok) return reply.code(WITNESS_HTTP_STATUS['witness:malformed-request']).type('text/plain; charset=utf-8').send(`${parsed.detail}\n`);
      const origin = parsed.request.body.origin;
      const latest = state[origin];
      const decision = decideAddCheckpoint(parsed.request, {
        logVerifiers: logs.get(origin),
        latest: latest ? { size: latest.size, rootHash: decodeBase64Strict(latest.root) ?? new Uint8Array(32) } : undefined,
        cosigners: [key],
        timestamp: Math.floor(Date.now() / 1000),
      });
      if (!decision.ok) return reply.code(decision.status).type(decision.contentType).send(decision.body);
      state = { ...state, [origin]: { size: decision.newState.size, root: encodeBase64(decision.newState.rootHash) } };
      await saveState(statePath, state);
      return reply.code(200).type(decision.contentType).send(decision.body);
    };
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  });
  await app.listen({ port: o.port, host: o.host ?? '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : o.port;
  return { url: `http://127.0.0.1:${port}`, verifierKey: key.verifierKey(), close: () => app.close() };
}
