// C2SP tlog-proof: format, strict parse, and verification against a K-of-M witness policy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildInclusionProof,
  cosignCheckpoint,
  Ed25519SigningKey,
  formatCheckpoint,
  formatNote,
  formatTlogProof,
  leafHash,
  MerkleFrontier,
  parseNote,
  parseTlogProof,
  signNote,
  TLOG_PROOF_HEADER,
  TranslogError,
  verifyTlogProof,
  type NoteSignature,
  type TlogProofPolicy,
} from '../../src/translog/index.ts';

const ORIGIN = 'mitra.example/log';
const logKey = new Ed25519SigningKey(ORIGIN, 0x01, new Uint8Array(32).fill(21));
const witnesses = [1, 2, 3].map((i) => new Ed25519SigningKey(`witness${i}.example`, 0x04, new Uint8Array(32).fill(30 + i)));
const outsider = new Ed25519SigningKey('outsider.example', 0x04, new Uint8Array(32).fill(40));

const entries = Array.from({ length: 100 }, (_, i) => new TextEncoder().encode(`certificate ${i}`));
const nodes = new Map<string, Uint8Array>();
const frontier = MerkleFrontier.empty();
for (const e of entries) frontier.append(leafHash(e), (n, h) => nodes.set(`${n.level}/${n.index}`, h));
const store = { nodeHash: (level: number, index: number) => nodes.get(`${level}/${index}`)! };
const TEXT = formatCheckpoint({ origin: ORIGIN, size: 100, rootHash: frontier.root(), extensions: [] });
const NOW = 1_760_000_000;

/** The log's checkpoint note with cosignatures by the given witnesses at the given times. */
function checkpoint(cosigs: Array<[Ed25519SigningKey, number]>, text = TEXT, extra: NoteSignature[] = []): string {
  const logged = parseNote(signNote(text, [logKey]));
  assert.ok(logged.ok);
  const signatures = [...logged.note.signatures, ...cosigs.map(([w, t]) => cosignCheckpoint(w, text, t)), ...extra];
  return formatNote({ text, signatures });
}

const policy = (over: Partial<TlogProofPolicy> = {}): TlogProofPolicy => ({
  origin: ORIGIN,
  logVerifiers: [logKey.verifier()],
  witnesses: witnesses.map((w) => w.verifier()),
  quorum: 2,
  ...over,
});

async function proofFor(index: number, note: string, extra?: Uint8Array): Promise<string> {
  const inclusionProof = await buildInclusionProof(index, 100, store);
  return formatTlogProof({ index, inclusionProof, checkpoint: note, ...(extra ? { extra } : {}) });
}

const fullyCosigned = checkpoint([[witnesses[0], NOW - 30], [witnesses[1], NOW - 10], [witnesses[2], NOW - 20]]);

test('format matches the spec layout and parses back', async () => {
  const text = await proofFor(37, fullyCosigned, new TextEncoder().encode('age-v1.2.1'));
  const lines = text.split('\n');
  assert.equal(lines[0], TLOG_PROOF_HEADER);
  assert.equal(lines[1], `extra ${Buffer.from('age-v1.2.1').toString('base64')}`);
  assert.equal(lines[2], 'index 37');
  assert.equal(lines[3 + 7], '', 'seven proof hashes for a tree of 100, then an empty line');
  assert.ok(text.endsWith(fullyCosigned));
  const parsed = parseTlogProof(text);
  assert.ok(parsed.ok);
  assert.equal(parsed.proof.index, 37);
  assert.deepEqual(parsed.proof.extra, new TextEncoder().encode('age-v1.2.1'));
  assert.equal(parsed.proof.checkpoint, fullyCosigned);
  assert.equal(formatTlogProof(parsed.proof), text);
  const noExtra = parseTlogProof(await proofFor(0, fullyCosigned));
  assert.ok(noExtra.ok && noExtra.proof.extra === undefined);
});

test('a proof with a quorum verifies to a freshness statement', async () => {
  const text = await proofFor(37, fullyCosigned);
  const r = verifyTlogProof(text, leafHash(entries[37]), policy({ now: NOW }));
  assert.ok(r.ok, !r.ok ? r.detail : '');
  assert.equal(r.index, 37);
  assert.equal(r.treeSize, 100);
  assert.equal(r.origin, ORIGIN);
  assert.deepEqual(r.rootHash, frontier.root());
  assert.deepEqual(r.loggedBy, [ORIGIN]);
  assert.deepEqual(r.witnessedBy, ['witness1.example', 'witness2.example', 'witness3.example']);
  assert.deepEqual(r.witnessTimes, { 'witness1.example': NOW - 30, 'witness2.example': NOW - 10, 'witness3.example': NOW - 20 });
  assert.equal(r.quorumTime, NOW - 20, 'the second most recent of three, for K = 2');
  assert.deepEqual(r.futureDatedWitnesses, []);
  // Bytes work too, and every index of the tree verifies.
  for (let i = 0; i < 100; i += 9) {
    assert.ok(verifyTlogProof(new TextEncoder().encode(await proofFor(i, fullyCosigned)), leafHash(entries[i]), policy()).ok, `index ${i}`);
  }
  // K = 0: no witness needed.
  const solo = verifyTlogProof(await proofFor(5, checkpoint([])), leafHash(entries[5]), policy({ quorum: 0 }));
  assert.ok(solo.ok && solo.quorumTime === undefined && solo.witnessedBy.length === 0);
});

test('quorum: unknown witnesses do not count; a witness with two keys counts once', async () => {
  const two = checkpoint([[witnesses[0], NOW], [outsider, NOW]]);
  const r = verifyTlogProof(await proofFor(1, two), leafHash(entries[1]), policy());
  assert.ok(!r.ok && r.reason === 'tlog-proof:quorum-not-met');
  assert.match(r.detail, /1 of the required 2/);
  const rotated = new Ed25519SigningKey('witness1.example', 0x04, new Uint8Array(32).fill(50));
  const both = checkpoint([[witnesses[0], NOW - 5], [rotated, NOW - 1]]);
  const p = policy({ witnesses: [...witnesses.map((w) => w.verifier()), rotated.verifier()] });
  const once = verifyTlogProof(await proofFor(1, both), leafHash(entries[1]), p);
  assert.ok(!once.ok && once.reason === 'tlog-proof:quorum-not-met');
  const ok = verifyTlogProof(await proofFor(1, both), leafHash(entries[1]), { ...p, quorum: 1 });
  assert.ok(ok.ok && ok.witnessTimes['witness1.example'] === NOW - 1);
});

test('an invalid cosignature from a known witness rejects the whole proof', async () => {
  const good = cosignCheckpoint(witnesses[1], TEXT, NOW);
  const forged = { ...good, signature: good.signature.map((b, i) => (i === 20 ? b ^ 1 : b)) };
  const note = checkpoint([[witnesses[0], NOW]], TEXT, [forged]);
  const r = verifyTlogProof(await proofFor(2, note), leafHash(entries[2]), policy());
  assert.ok(!r.ok && r.reason === 'note:invalid-signature');
  // A cosignature for another checkpoint (a split view) is invalid here too.
  const otherText = formatCheckpoint({ origin: ORIGIN, size: 99, rootHash: frontier.root(), extensions: [] });
  const moved = cosignCheckpoint(witnesses[2], otherText, NOW);
  const r2 = verifyTlogProof(await proofFor(2, checkpoint([[witnesses[0], NOW]], TEXT, [moved])), leafHash(entries[2]), policy());
  assert.ok(!r2.ok && r2.reason === 'note:invalid-signature');
});

test('log signature, origin and inclusion are all required', async () => {
  const text = await proofFor(37, fullyCosigned);
  const stranger = new Ed25519SigningKey(ORIGIN, 0x01, new Uint8Array(32).fill(99));
  const r1 = verifyTlogProof(text, leafHash(entries[37]), policy({ logVerifiers: [stranger.verifier()] }));
  assert.ok(!r1.ok && r1.reason === 'note:no-verified-signature');
  const r2 = verifyTlogProof(text, leafHash(entries[37]), policy({ origin: 'other.example/log' }));
  assert.ok(!r2.ok && r2.reason === 'checkpoint:origin-mismatch');
  const r3 = verifyTlogProof(text, leafHash(entries[38]), policy());
  assert.ok(!r3.ok && r3.reason === 'proof:root-mismatch');
  const wrongIndex = text.replace('index 37', 'index 36');
  const r4 = verifyTlogProof(wrongIndex, leafHash(entries[37]), policy());
  assert.ok(!r4.ok && r4.reason === 'proof:root-mismatch');
  const beyond = text.replace('index 37', 'index 100');
  const r5 = verifyTlogProof(beyond, leafHash(entries[37]), policy());
  assert.ok(!r5.ok && r5.reason === 'proof:index-out-of-range');
});

test('time policy: future-dated cosignatures are not counted; an old quorum is stale', async () => {
  const future = checkpoint([[witnesses[0], NOW - 10], [witnesses[1], NOW + 3600]]);
  const text = await proofFor(3, future);
  const r = verifyTlogProof(text, leafHash(entries[3]), policy({ now: NOW }));
  assert.ok(!r.ok && r.reason === 'tlog-proof:quorum-not-met');
  const k1 = verifyTlogProof(text, leafHash(entries[3]), policy({ now: NOW, quorum: 1 }));
  assert.ok(k1.ok && k1.futureDatedWitnesses[0] === 'witness2.example' && k1.witnessedBy.length === 1);
  // Without a clock, nothing is future-dated.
  assert.ok(verifyTlogProof(text, leafHash(entries[3]), policy()).ok);
  const old = await proofFor(3, checkpoint([[witnesses[0], NOW - 90_000], [witnesses[1], NOW - 100]]));
  const stale = verifyTlogProof(old, leafHash(entries[3]), policy({ now: NOW, maxAgeSeconds: 86_400 }));
  assert.ok(!stale.ok && stale.reason === 'tlog-proof:stale');
  const fresh = verifyTlogProof(old, leafHash(entries[3]), policy({ now: NOW, maxAgeSeconds: 86_400, quorum: 1 }));
  assert.ok(fresh.ok && fresh.quorumTime === NOW - 100);
});

test('malformed proof documents → tlog-proof:malformed', async () => {
  const good = await proofFor(37, fullyCosigned);
  const [header, index, ...rest] = good.split('\n');
  const hashLine = rest[0];
  const bodies: Record<string, string | Uint8Array> = {
    empty: '',
    'wrong header': good.replace(TLOG_PROOF_HEADER, 'c2sp.org/tlog-proof@v2'),
    'no index': [header, ...rest].join('\n'),
    'index with leading zero': good.replace('index 37', 'index 037'),
    'index negative': good.replace('index 37', 'index -1'),
    'index beyond 2^53-1': good.replace('index 37', 'index 9007199254740992'),
    'extra after index': [header, index, 'extra AAAA', ...rest].join('\n'),
    'empty extra': [header, 'extra ', index, ...rest].join('\n'),
    'extra not base64': [header, 'extra AAA', index, ...rest].join('\n'),
    'hash line not 32 bytes': [header, index, 'AAAA', ...rest].join('\n'),
    'hash line not base64': [header, index, hashLine.slice(1), ...rest.slice(1)].join('\n'),
    '64 hash lines': [header, index, ...Array(64).fill(hashLine), '', fullyCosigned].join('\n'),
    'no empty line': [header, index, hashLine].join('\n') + '\n',
    'checkpoint not a note': [header, index, '', TEXT].join('\n'),
    'checkpoint body malformed': [header, index, '', signNote('x\n', [logKey])].join('\n'),
    'CRLF': good.replace(/\n/g, '\r\n'),
    'invalid UTF-8': new Uint8Array([...new TextEncoder().encode(good.slice(0, 30)), 0xff, ...new TextEncoder().encode(good.slice(30))]),
  };
  for (const [name, body] of Object.entries(bodies)) {
    const r = parseTlogProof(body);
    assert.ok(!r.ok && r.reason === 'tlog-proof:malformed', name);
    const v = verifyTlogProof(body, leafHash(entries[37]), policy());
    assert.ok(!v.ok && v.reason === 'tlog-proof:malformed', name);
  }
});

test('preconditions throw: policy out of range, bad formats', async () => {
  const text = await proofFor(1, fullyCosigned);
  assert.throws(() => verifyTlogProof(text, leafHash(entries[1]), policy({ quorum: 4 })), TranslogError);
  assert.throws(() => verifyTlogProof(text, leafHash(entries[1]), policy({ quorum: -1 })), TranslogError);
  assert.throws(() => verifyTlogProof(text, leafHash(entries[1]), policy({ logVerifiers: [] })), TranslogError);
  assert.throws(() => verifyTlogProof(text, new Uint8Array(31), policy()), TranslogError);
  assert.throws(() => formatTlogProof({ index: 0, inclusionProof: [], checkpoint: fullyCosigned, extra: new Uint8Array(0) }), TranslogError);
  assert.throws(() => formatTlogProof({ index: -1, inclusionProof: [], checkpoint: fullyCosigned }), TranslogError);
  assert.throws(() => formatTlogProof({ index: 0, inclusionProof: [new Uint8Array(3)], checkpoint: fullyCosigned }), TranslogError);
  assert.throws(() => formatTlogProof({ index: 0, inclusionProof: [], checkpoint: TEXT }), TranslogError);
});
