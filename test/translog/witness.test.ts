// C2SP tlog-witness add-checkpoint: the request format, the witness's decision with the
// spec's HTTP statuses, and the client-side response parsing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildConsistencyProof,
  decideAddCheckpoint,
  Ed25519SigningKey,
  emptyRootHash,
  formatAddCheckpointRequest,
  formatCheckpoint,
  formatNote,
  leafHash,
  MerkleFrontier,
  openNote,
  parseAddCheckpointRequest,
  parseCosignature,
  parseCosignatureResponse,
  parseNote,
  parseTreeSizeBody,
  signNote,
  TranslogError,
  verifyNoteSignatures,
  WITNESS_HTTP_STATUS,
  type AddCheckpointContext,
  type WitnessLogState,
} from '../../src/translog/index.ts';

const ORIGIN = 'mitra.example/log';
const logKey = new Ed25519SigningKey(ORIGIN, 0x01, new Uint8Array(32).fill(11));
const strangerKey = new Ed25519SigningKey(ORIGIN, 0x01, new Uint8Array(32).fill(12));
const witnessKey = new Ed25519SigningKey('witness.example/w1', 0x04, new Uint8Array(32).fill(13));

// A log of 100 entries with every node kept, so consistency proofs can be built.
const nodes = new Map<string, Uint8Array>();
const roots: Uint8Array[] = [emptyRootHash()];
const frontier = MerkleFrontier.empty();
for (let i = 0; i < 100; i++) {
  frontier.append(leafHash(new TextEncoder().encode(`application ${i}`)), (n, h) => nodes.set(`${n.level}/${n.index}`, h));
  roots.push(frontier.root());
}
const store = { nodeHash: (level: number, index: number) => nodes.get(`${level}/${index}`)! };

const checkpointNote = (size: number, root = roots[size], signer = logKey) =>
  signNote(formatCheckpoint({ origin: ORIGIN, size, rootHash: root, extensions: [] }), [signer]);

async function request(oldSize: number, size: number, overrides: { proof?: Uint8Array[]; note?: string } = {}) {
  const proof = overrides.proof ?? (oldSize === 0 ? [] : await buildConsistencyProof(oldSize, size, store));
  const body = formatAddCheckpointRequest({ oldSize, consistencyProof: proof, checkpoint: overrides.note ?? checkpointNote(size) });
  const parsed = parseAddCheckpointRequest(body);
  assert.ok(parsed.ok, !parsed.ok ? parsed.detail : '');
  return parsed.request;
}

const context = (latest: WitnessLogState | undefined, extra: Partial<AddCheckpointContext> = {}): AddCheckpointContext => ({
  logVerifiers: [logKey.verifier()],
  latest,
  cosigners: [witnessKey],
  timestamp: 1_760_000_000,
  ...extra,
});

test('first contact: old size 0, no proof → 200 with a cosignature, new state, monitoring checkpoint', async () => {
  const d = decideAddCheckpoint(await request(0, 10), context(undefined));
  assert.ok(d.ok, !d.ok ? d.detail : '');
  assert.equal(d.status, 200);
  assert.deepEqual(d.newState, { size: 10, rootHash: roots[10] });
  assert.match(d.body, /^\u2014 witness\.example\/w1 [A-Za-z0-9+/=]+\n$/);
  // The log (client side) parses the response and verifies it as a cosignature over its checkpoint.
  const response = parseCosignatureResponse(d.body);
  assert.ok(response.ok);
  const ts = parseCosignature(response.signatures[0].signature);
  assert.ok(ts.ok && ts.timestamp === 1_760_000_000);
  const note = parseNote(checkpointNote(10));
  assert.ok(note.ok);
  const check = verifyNoteSignatures({ text: note.note.text, signatures: response.signatures }, [witnessKey.verifier()]);
  assert.ok(check.ok && check.verified.length === 1);
  // The monitoring checkpoint carries the verified log signature and the cosignature.
  const served = openNote(d.checkpointNote, [logKey.verifier(), witnessKey.verifier()]);
  assert.ok(served.ok && served.verified.length === 2);
});

test('growth with a valid consistency proof → 200; same size and root → 200', async () => {
  for (const [from, to] of [[10, 11], [10, 64], [63, 64], [64, 100], [1, 100], [37, 38]]) {
    const d = decideAddCheckpoint(await request(from, to), context({ size: from, rootHash: roots[from] }));
    assert.ok(d.ok, `${from}->${to}: ${!d.ok ? d.detail : ''}`);
    assert.equal(d.newState.size, to);
  }
  const same = decideAddCheckpoint(await request(50, 50), context({ size: 50, rootHash: roots[50] }));
  assert.ok(same.ok);
});

test('409: old size is not the latest cosigned size; body is that size, type text/x.tlog.size', async () => {
  const d = decideAddCheckpoint(await request(0, 20), context({ size: 10, rootHash: roots[10] }));
  assert.ok(!d.ok);
  assert.equal(d.status, 409);
  assert.equal(d.reason, 'witness:size-conflict');
  assert.equal(d.contentType, 'text/x.tlog.size');
  assert.equal(d.body, '10\n');
  const told = parseTreeSizeBody(d.body);
  assert.ok(told.ok && told.size === 10);
  // And a witness that never cosigned answers 0.
  const fresh = decideAddCheckpoint(await request(10, 20), context(undefined));
  assert.ok(!fresh.ok && fresh.status === 409 && fresh.body === '0\n');
});

test('422: a bad proof, a proof from size 0, a different root at the same size, a wrong empty root', async () => {
  const proof = await buildConsistencyProof(10, 20, store);
  const tampered = proof.map((h, i) => (i === 0 ? h.map((b, j) => (j === 0 ? b ^ 1 : b)) : h));
  const cases: Array<[string, Awaited<ReturnType<typeof request>>, WitnessLogState | undefined]> = [
    ['tampered proof', await request(10, 20, { proof: tampered }), { size: 10, rootHash: roots[10] }],
    ['truncated proof', await request(10, 20, { proof: proof.slice(1) }), { size: 10, rootHash: roots[10] }],
    ['proof against another stored root', await request(10, 20), { size: 10, rootHash: roots[9] }],
    ['proof from size 0', await request(0, 20, { proof }), undefined],
    ['fork at the same size', await request(20, 20, { note: checkpointNote(20, roots[21]) }), { size: 20, rootHash: roots[20] }],
    ['non-empty proof at the same size', await request(20, 20, { proof: [roots[1]] }), { size: 20, rootHash: roots[20] }],
    ['size 0 with a non-empty root', await request(0, 0, { note: checkpointNote(0, roots[1]) }), undefined],
  ];
  for (const [name, req, latest] of cases) {
    const d = decideAddCheckpoint(req, context(latest));
    assert.ok(!d.ok, name);
    assert.equal(d.status, 422, name);
  }
  const emptyTree = decideAddCheckpoint(await request(0, 0), context(undefined));
  assert.ok(emptyTree.ok, 'size 0 with the empty root is fine');
});

test('403 for an unverifiable checkpoint, 404 for an unknown origin, 400 for old size > size', async () => {
  const stranger = decideAddCheckpoint(await request(0, 5, { note: checkpointNote(5, roots[5], strangerKey) }), context(undefined));
  assert.ok(!stranger.ok && stranger.status === 403 && stranger.reason === 'witness:unverified-checkpoint');
  // The trusted key's name and ID with a broken signature: malformed per signed-note, also 403.
  const good = parseNote(checkpointNote(5));
  assert.ok(good.ok);
  const broken = formatNote({ text: good.note.text, signatures: [{ ...good.note.signatures[0], signature: new Uint8Array(64) }] });
  const bad = decideAddCheckpoint(await request(0, 5, { note: broken }), context(undefined));
  assert.ok(!bad.ok && bad.status === 403);
  const unknown = decideAddCheckpoint(await request(0, 5), context(undefined, { logVerifiers: undefined }));
  assert.ok(!unknown.ok && unknown.status === 404 && unknown.reason === 'witness:unknown-origin');
  const backwards = decideAddCheckpoint(await request(30, 20, { proof: [] }), context({ size: 30, rootHash: roots[30] }));
  assert.ok(!backwards.ok && backwards.status === 400 && backwards.reason === 'witness:old-size-too-large');
  // Unknown origin is checked before signatures; signatures before sizes (the spec's order).
  const both = decideAddCheckpoint(await request(30, 20, { proof: [], note: checkpointNote(20, roots[20], strangerKey) }), context({ size: 30, rootHash: roots[30] }));
  assert.ok(!both.ok && both.status === 403);
});

test('malformed request bodies → witness:malformed-request (HTTP 400)', async () => {
  const note = checkpointNote(10);
  const proofLine = Buffer.from(roots[3]).toString('base64');
  const bodies: Record<string, string | Uint8Array> = {
    empty: '',
    'no old line': `\n${note}`,
    'old with leading zero': `old 010\n\n${note}`,
    'old negative': `old -1\n\n${note}`,
    'old with two spaces': `old  10\n\n${note}`,
    'OLD uppercase': `OLD 10\n\n${note}`,
    'old beyond 2^53-1': `old 9007199254740992\n\n${note}`,
    'no empty line': `old 5\n${proofLine}\n`,
    'proof line not base64': `old 5\n${proofLine.slice(1)}\n\n${note}`,
    'proof line 31 bytes': `old 5\n${Buffer.from(new Uint8Array(31)).toString('base64')}\n\n${note}`,
    '64 proof lines': `old 5\n${`${proofLine}\n`.repeat(64)}\n${note}`,
    'checkpoint not a note': `old 0\n\nmitra.example/log\n10\n`,
    'checkpoint body malformed': `old 0\n\n${signNote('mitra.example/log\n010\nAAAA\n', [logKey])}`,
    'invalid UTF-8': new Uint8Array([...new TextEncoder().encode('old 0\n\n'), 0xff, ...new TextEncoder().encode(note)]),
    'CRLF lines': `old 0\r\n\r\n${note}`,
  };
  for (const [name, body] of Object.entries(bodies)) {
    const r = parseAddCheckpointRequest(body);
    assert.ok(!r.ok && r.reason === 'witness:malformed-request', name);
    assert.equal(WITNESS_HTTP_STATUS[r.reason], 400);
  }
  // 63 proof lines are allowed by the format (the decision then judges them).
  assert.ok(parseAddCheckpointRequest(`old 5\n${`${proofLine}\n`.repeat(63)}\n${note}`).ok);
});

test('the spec example request and response bodies parse', () => {
  const body = [
    'old 20852014',
    'PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=',
    'jrJZDmY8Y7SyJE0MWLpLozkIVMSMZcD5kvuKxPC3swk=',
    '5+pKlUdi2LeF/BcMHBn+Ku6yhPGNCswZZD1X/6QgPd8=',
    '/6WVhPs2CwSsb5rYBH5cjHV/wSmA79abXAwhXw3Kj/0=',
    '',
    'example.com/behind-the-sofa',
    '20852163',
    'CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=',
    '',
    '\u2014 example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=',
    '\u2014 example.com/behind-the-sofa opLqBQsREYCgu6xQkYQwJr9fo45a62DN9EdmHXnZdXNqlcVGlCum2Wks+49/V6267UEjw6QUXTS5Rovnzv++qbSzm9Q=',
    '',
  ].join('\n');
  const r = parseAddCheckpointRequest(body);
  assert.ok(r.ok);
  assert.equal(r.request.oldSize, 20852014);
  assert.equal(r.request.consistencyProof.length, 4);
  assert.equal(r.request.body.size, 20852163);
  assert.equal(r.request.note.signatures.length, 2);
  assert.equal(formatAddCheckpointRequest(r.request), body);
  const response = parseCosignatureResponse(
    [
      '\u2014 witness.example/w1 CMp+6LWBU0anHGH5aNDTJkH/gj79sG+T6+iP2ThYN5krrDJbR1HDnucjL39QsZTSvVjyQLrdk3DXDqI5G2HgLatVs0pWh6Up69HVOw==',
      '\u2014 witness.example/w1 I7rEps0pvK2UqkS2gSpVUDhrhVtQV9lgF6pRrWAvjJHjyWpW7VcE3SiOlVlbQNt64vWhO+DlkL0+UfzuOBMh9ChdMkP1vi/lCAsmlw==',
      '\u2014 witness.example/w2 AWui8Sk55XjYLOijihBjhqEH6nS1ndDymE0a+6idX7pLcnoB+dhnz0854aLZgrrKbYKA7nC3HNJhm/kWl7oJlqU3rXXvpysAdyP3wQ==',
      '',
    ].join('\n'),
  );
  assert.ok(response.ok && response.signatures.length === 3);
  for (const bad of ['', 'no newline', '\u2014 a b\n', 'old 5\n', '10']) assert.ok(!parseCosignatureResponse(bad).ok, bad);
  for (const bad of ['', '10', '010\n', '-1\n', '1 0\n']) assert.ok(!parseTreeSizeBody(bad).ok, bad);
});

test('request formatting and decision preconditions throw', async () => {
  assert.throws(() => formatAddCheckpointRequest({ oldSize: -1, consistencyProof: [], checkpoint: checkpointNote(1) }), TranslogError);
  assert.throws(() => formatAddCheckpointRequest({ oldSize: 1, consistencyProof: Array(64).fill(roots[1]), checkpoint: checkpointNote(1) }), TranslogError);
  assert.throws(() => formatAddCheckpointRequest({ oldSize: 1, consistencyProof: [], checkpoint: 'x' }), TranslogError);
  const req = await request(0, 3);
  assert.throws(() => decideAddCheckpoint(req, context(undefined, { cosigners: [] })), TranslogError);
  assert.throws(() => decideAddCheckpoint(req, context(undefined, { timestamp: 0 })), TranslogError);
});
