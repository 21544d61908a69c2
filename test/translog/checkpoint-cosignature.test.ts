// C2SP tlog-checkpoint and tlog-cosignature (cosignature/v1), with the vectors of
// vectors/signed-note.json and signed-note-extra.json (unchanged).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  cosignatureSignedMessage,
  cosignCheckpoint,
  CosignatureV1Verifier,
  decodeBase64Strict,
  Ed25519SigningKey,
  emptyRootHash,
  formatCheckpoint,
  formatKeyId,
  formatNote,
  leafHash,
  openCheckpoint,
  openNote,
  parseCheckpoint,
  parseCosignature,
  parseNote,
  parseVerifierKey,
  signNote,
  TranslogError,
  type NoteVerifier,
} from '../../src/translog/index.ts';
import { SIGNED_NOTE_EXTRA, SIGNED_NOTES } from './vectors.ts';

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
const vkey = (s: string): NoteVerifier => {
  const r = parseVerifierKey(s);
  assert.ok(r.ok, s);
  return r.verifier;
};

test('checkpoint vectors parse to the published origin, size and root', () => {
  for (const c of SIGNED_NOTE_EXTRA.checkpointParseOnly) {
    const note = parseNote(c.note);
    assert.ok(note.ok);
    const cp = parseCheckpoint(note.note.text);
    assert.ok(cp.ok);
    assert.equal(cp.checkpoint.origin, c.expect.origin);
    assert.equal(cp.checkpoint.size, c.expect.size);
    assert.equal(b64(cp.checkpoint.rootHash), c.expect.rootHashBase64);
  }
  const sumdb = SIGNED_NOTES.find((v) => v.id === 'sumdb-checkpoint');
  const opened = openCheckpoint(sumdb.note, { origin: 'go.sum database tree', verifiers: [vkey(sumdb.verifierKey)] });
  assert.ok(opened.ok);
  assert.equal(opened.checkpoint.size, sumdb.expect.checkpoint.size);
  assert.equal(b64(opened.checkpoint.rootHash), sumdb.expect.checkpoint.rootHashBase64);
  const wrongOrigin = openCheckpoint(sumdb.note, { origin: 'go.sum database tree2', verifiers: [vkey(sumdb.verifierKey)] });
  assert.ok(!wrongOrigin.ok && wrongOrigin.reason === 'checkpoint:origin-mismatch');
  // Witness signatures on the same checkpoint are unknown to the log's verifier set.
  const withWitnesses = SIGNED_NOTES.find((v) => v.id === 'sumdb-checkpoint-plus-witnesses');
  const o2 = openCheckpoint(withWitnesses.note, { origin: 'go.sum database tree', verifiers: [vkey(withWitnesses.verifierKeys[0])] });
  assert.ok(o2.ok && o2.verified.length === 1 && o2.unverified.length === 5);
});

test('go.sum tree format vectors: the good one parses; the bad ones do not (or name another log)', () => {
  const g = SIGNED_NOTE_EXTRA.goSumTreeFormat;
  const good = parseCheckpoint(g.good.text);
  assert.ok(good.ok);
  assert.equal(good.checkpoint.size, g.good.size);
  assert.deepEqual(good.checkpoint.rootHash, leafHash(new TextEncoder().encode('hello world')));
  const [otherOrigin, hexSize, badHash] = g.bad;
  const o = parseCheckpoint(otherOrigin);
  assert.ok(o.ok && o.checkpoint.origin !== 'go.sum database tree');
  assert.ok(!parseCheckpoint(hexSize).ok);
  assert.ok(!parseCheckpoint(badHash).ok);
});

const ROOT = b64(leafHash(new Uint8Array([1])));

test('checkpoint bodies: strict parsing', () => {
  const bad: Record<string, string> = {
    'two lines': `o\n5\n`,
    'empty origin': `\n5\n${ROOT}\n`,
    'leading zero': `o\n05\n${ROOT}\n`,
    'plus sign': `o\n+5\n${ROOT}\n`,
    'negative': `o\n-5\n${ROOT}\n`,
    'space in size': `o\n5 \n${ROOT}\n`,
    'size beyond 2^53-1': `o\n9007199254740992\n${ROOT}\n`,
    'size 2^64': `o\n18446744073709551616\n${ROOT}\n`,
    'root too short': `o\n5\n${b64(new Uint8Array(31))}\n`,
    'root without padding': `o\n5\n${ROOT.replace('=', '')}\n`,
    'root url-safe': `o\n5\n${ROOT.replace(/\+/g, '-').replace(/\//g, '_')}-\n`,
    'empty extension line': `o\n5\n${ROOT}\n\next\n`,
    'no final newline': `o\n5\n${ROOT}`,
    'control character': `o\u0007\n5\n${ROOT}\n`,
  };
  for (const [name, text] of Object.entries(bad)) {
    const r = parseCheckpoint(text);
    assert.ok(!r.ok && r.reason === 'checkpoint:malformed', name);
  }
  const zero = parseCheckpoint(`o\n0\n${b64(emptyRootHash())}\n`);
  assert.ok(zero.ok && zero.checkpoint.size === 0);
  const ext = parseCheckpoint(`example.com/log\n9007199254740991\n${ROOT}\nextension one\nextension two\n`);
  assert.ok(ext.ok);
  assert.deepEqual(ext.checkpoint.extensions, ['extension one', 'extension two']);
  assert.equal(formatCheckpoint(ext.checkpoint), `example.com/log\n9007199254740991\n${ROOT}\nextension one\nextension two\n`);
});

test('formatCheckpoint refuses what would not parse', () => {
  const root = leafHash(new Uint8Array([1]));
  assert.throws(() => formatCheckpoint({ origin: '', size: 1, rootHash: root, extensions: [] }), TranslogError);
  assert.throws(() => formatCheckpoint({ origin: 'a\nb', size: 1, rootHash: root, extensions: [] }), TranslogError);
  assert.throws(() => formatCheckpoint({ origin: 'o', size: -1, rootHash: root, extensions: [] }), TranslogError);
  assert.throws(() => formatCheckpoint({ origin: 'o', size: 1, rootHash: root.subarray(1), extensions: [] }), TranslogError);
  assert.throws(() => formatCheckpoint({ origin: 'o', size: 1, rootHash: root, extensions: [''] }), TranslogError);
});

test('cosignature vectors: timestamps, key IDs and sizes', () => {
  for (const c of SIGNED_NOTE_EXTRA.cosignatureTimestamps) {
    const bytes = decodeBase64Strict(c.signatureBase64);
    if (c.valid === false) {
      assert.ok(!bytes || !parseCosignature(bytes.subarray(4)).ok, c.why);
      continue;
    }
    assert.ok(bytes);
    assert.equal(Buffer.from(bytes.subarray(0, 4)).toString('hex'), c.keyIdHex);
    const parsed = parseCosignature(bytes.subarray(4));
    assert.ok(parsed.ok);
    assert.equal(parsed.timestamp, c.timestamp);
  }
  const msg = SIGNED_NOTE_EXTRA.cosignatureSignedMessageExample.text as string;
  const body = msg.split('\n').slice(2).join('\n');
  assert.equal(new TextDecoder().decode(cosignatureSignedMessage(1679315147, body)), msg);
});

test('timestamps above 2^63 − 1 (and above 2^53 − 1) are rejected', () => {
  const bytes = new Uint8Array(72);
  new DataView(bytes.buffer).setBigUint64(0, 2n ** 63n);
  const r = parseCosignature(bytes);
  assert.ok(!r.ok && r.reason === 'cosignature:timestamp-out-of-range');
  new DataView(bytes.buffer).setBigUint64(0, 2n ** 53n);
  assert.ok(!parseCosignature(bytes).ok);
  new DataView(bytes.buffer).setBigUint64(0, 2n ** 53n - 1n);
  assert.ok(parseCosignature(bytes).ok);
});

const log = new Ed25519SigningKey('example.com/log', 0x01, new Uint8Array(32).fill(1));
const witness = new Ed25519SigningKey('witness.example/w1', 0x04, new Uint8Array(32).fill(2));
const TEXT = formatCheckpoint({ origin: 'example.com/log', size: 42, rootHash: leafHash(new Uint8Array([42])), extensions: [] });

test('cosign and verify: key ID with type 0x04, 8-byte timestamp + 64-byte signature', () => {
  const sig = cosignCheckpoint(witness, TEXT, 1_700_000_000);
  assert.equal(sig.keyId, witness.keyId);
  assert.equal(sig.signature.length, 72);
  const parsed = parseCosignature(sig.signature);
  assert.ok(parsed.ok && parsed.timestamp === 1_700_000_000);
  const logged = parseNote(signNote(TEXT, [log]));
  assert.ok(logged.ok);
  const withCosig = formatNote({ text: TEXT, signatures: [...logged.note.signatures, sig] });
  const verifier = witness.verifier();
  assert.ok(verifier instanceof CosignatureV1Verifier);
  const opened = openNote(withCosig, [verifier]);
  assert.ok(opened.ok && opened.verified[0].name === 'witness.example/w1');
  // The timestamp is signed: changing it breaks the signature.
  const shifted = sig.signature.slice();
  shifted[7] ^= 1;
  const forged = formatNote({ text: TEXT, signatures: [{ ...sig, signature: shifted }] });
  const r = openNote(forged, [verifier]);
  assert.ok(!r.ok && r.reason === 'note:invalid-signature');
  // A plain Ed25519 verifier for the same key and name does not even match the line (other key ID).
  const plain = new Ed25519SigningKey('witness.example/w1', 0x01, new Uint8Array(32).fill(2)).verifier();
  const asPlain = openNote(withCosig, [plain]);
  assert.ok(!asPlain.ok && asPlain.reason === 'note:no-verified-signature');
  assert.notEqual(formatKeyId(plain.keyId), formatKeyId(verifier.keyId));
});

test('cosignCheckpoint preconditions', () => {
  assert.throws(() => cosignCheckpoint(log, TEXT, 1), (e: unknown) => e instanceof TranslogError && e.code === 'key:wrong-type');
  assert.throws(() => cosignCheckpoint(witness, TEXT, 0), (e: unknown) => e instanceof TranslogError && e.code === 'cosignature:bad-timestamp');
  assert.throws(() => cosignCheckpoint(witness, TEXT, 1.5), TranslogError);
  assert.throws(() => cosignCheckpoint(witness, 'not a checkpoint\n', 1), (e: unknown) => e instanceof TranslogError && e.code === 'cosignature:not-a-checkpoint');
});

test('the spec example cosignature parses (no public key is published to verify it)', () => {
  const example = SIGNED_NOTE_EXTRA.cosignatureTimestamps.find((c: any) => c.valid === 'parse-only (no vkey published)');
  const bytes = decodeBase64Strict(example.signatureBase64)!;
  const parsed = parseCosignature(bytes.subarray(4));
  assert.ok(parsed.ok && parsed.timestamp === 1679315147);
});
