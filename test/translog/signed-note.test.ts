// C2SP signed-note: the public vectors (golang.org/x/mod/sumdb/note, C2SP, transparency-dev/
// formats; vectors/signed-note.json, unchanged) and every rejection path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  Ed25519SigningKey,
  formatNote,
  formatSignatureLine,
  noteKeyId,
  openNote,
  parseNote,
  parseSignerKey,
  parseVerifierKey,
  signNote,
  TranslogError,
  verifyNoteSignatures,
  type NoteVerifier,
} from '../../src/translog/index.ts';
import { hex, SIGNED_NOTES } from './vectors.ts';

function verifiersOf(v: any): NoteVerifier[] {
  const keys: string[] = v.verifierKeys ?? (v.verifierKey ? [v.verifierKey] : []);
  return keys.map((k) => {
    const r = parseVerifierKey(k);
    assert.ok(r.ok, k);
    return r.verifier;
  });
}

const noteOf = (v: any): string | Uint8Array => (v.noteHex ? hex(v.noteHex) : v.note);

const REASON_OF_ERROR: Record<string, string[]> = {
  'malformed note': ['note:malformed', 'note:too-many-signatures'],
  'note has no verifiable signatures': ['note:no-verified-signature'],
};

test('signed-note vectors open (or fail) as published', () => {
  assert.equal(SIGNED_NOTES.length, 17);
  for (const v of SIGNED_NOTES) {
    const result = openNote(noteOf(v), verifiersOf(v));
    if (v.valid) {
      assert.ok(result.ok, `${v.id}: ${!result.ok && result.detail}`);
      if (v.expect.text) assert.equal(result.note.text, v.expect.text, v.id);
      assert.deepEqual(result.verified.map((s) => s.name), v.expect.verifiedSigs, v.id);
      if (v.expect.unverifiedSigs) {
        assert.deepEqual(result.unverified.map((s) => s.name), v.expect.unverifiedSigs.map((s: string) => s.split(' ')[0]), v.id);
      }
    } else {
      assert.ok(!result.ok, `${v.id} must be rejected`);
      const error: string = v.expect.error;
      const allowed = REASON_OF_ERROR[error] ?? (error.startsWith('invalid signature for key') ? ['note:invalid-signature'] : []);
      assert.ok(allowed.includes(result.reason), `${v.id}: ${result.reason} for "${error}"`);
      if (result.reason === 'note:invalid-signature') assert.equal(result.detail, error);
    }
  }
});

test('signing is deterministic and reproduces the published note (TestSign)', () => {
  for (const v of SIGNED_NOTES.filter((x) => x.signing)) {
    const parsed = parseSignerKey(v.signerKey);
    assert.ok(parsed.ok);
    assert.equal(signNote(v.signing.input, [parsed.key]), v.signing.expectedOutput);
    // An existing signature by the same key is replaced, not duplicated.
    const bad = { name: 'PeterNeumann', keyId: 0xc74f20a3, signature: new Uint8Array([1]) };
    assert.equal(signNote({ text: v.signing.input, signatures: [bad] }, [parsed.key]), v.signing.expectedOutput);
    // Another key's signature is kept, before the new one.
    const other = { name: 'Other', keyId: 1, signature: new Uint8Array([1, 2]) };
    const both = signNote({ text: v.signing.input, signatures: [other] }, [parsed.key]);
    assert.equal(both, v.signing.expectedOutput.replace('\n\n', `\n\n${formatSignatureLine(other)}`));
  }
});

test('parse → format round-trips every valid vector note byte for byte', () => {
  for (const v of SIGNED_NOTES.filter((x) => x.valid && !x.id.startsWith('duplicated'))) {
    const parsed = parseNote(noteOf(v));
    assert.ok(parsed.ok, v.id);
    assert.equal(formatNote(parsed.note), v.note, v.id);
  }
});

const SEED = new Uint8Array(32).map((_, i) => i + 1);
const key = new Ed25519SigningKey('example.com/log', 0x01, SEED);
const other = new Ed25519SigningKey('example.com/other', 0x01, new Uint8Array(32).fill(9));
const TEXT = 'example.com/log\n5\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n';

test('a fresh key signs and verifies; the text may contain blank lines', () => {
  for (const text of [TEXT, 'a\n\nb\n', '\n', 'ünïcödé — తెలుగు\n\n\n']) {
    const note = signNote(text, [key, other]);
    const opened = openNote(note, [key.verifier()]);
    assert.ok(opened.ok, JSON.stringify(text));
    assert.equal(opened.note.text, text);
    assert.deepEqual(opened.verified.map((s) => s.name), ['example.com/log']);
    assert.deepEqual(opened.unverified.map((s) => s.name), ['example.com/other']);
    const asBytes = openNote(new TextEncoder().encode(note), [key.verifier(), other.verifier()]);
    assert.ok(asBytes.ok && asBytes.verified.length === 2);
  }
});

test('unknown keys are ignored even when they share the name or the ID of a trusted key', () => {
  const note = signNote(TEXT, [key]);
  const parsed = parseNote(note);
  assert.ok(parsed.ok);
  const sig = parsed.note.signatures[0];
  // Same name, different ID; same ID, different name: both unknown, so a garbage signature
  // under them is ignored, not an error.
  const sameName = { name: sig.name, keyId: (sig.keyId + 1) >>> 0, signature: new Uint8Array(64) };
  const sameId = { name: 'example.com/impostor', keyId: sig.keyId, signature: new Uint8Array(64) };
  const withNoise = formatNote({ text: TEXT, signatures: [sameName, sameId, sig] });
  const opened = openNote(withNoise, [key.verifier()]);
  assert.ok(opened.ok);
  assert.equal(opened.verified.length, 1);
  assert.equal(opened.unverified.length, 2);
  // ...but a bad signature under the trusted name and ID rejects the whole note.
  const forged = formatNote({ text: TEXT, signatures: [sig, { ...sig, signature: new Uint8Array(64) }] });
  const rejected = openNote(forged, [key.verifier()]);
  assert.ok(!rejected.ok && rejected.reason === 'note:invalid-signature');
  // A signature over other text is invalid too.
  const moved = formatNote({ text: 'example.com/log\n6\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n', signatures: [sig] });
  const r = openNote(moved, [key.verifier()]);
  assert.ok(!r.ok && r.reason === 'note:invalid-signature');
});

test('no trusted signature: rejected by openNote, but not an error for verifyNoteSignatures', () => {
  const note = signNote(TEXT, [other]);
  const r = openNote(note, [key.verifier()]);
  assert.ok(!r.ok && r.reason === 'note:no-verified-signature');
  const parsed = parseNote(note);
  assert.ok(parsed.ok);
  const check = verifyNoteSignatures(parsed.note, [key.verifier()]);
  assert.ok(check.ok && check.verified.length === 0 && check.unverified.length === 1);
});

test('malformed notes are rejected with note:malformed', () => {
  const good = signNote(TEXT, [key]);
  const sigLine = good.slice(good.lastIndexOf('\n\n') + 2);
  const b64 = sigLine.slice(sigLine.lastIndexOf(' ') + 1, -1);
  const cases: Record<string, string> = {
    'no final newline': good.slice(0, -1),
    'no blank line': TEXT + sigLine,
    'blank line, no signatures': TEXT + '\n',
    'trailing blank line': good + '\n',
    'text line after signatures': good + 'more\n',
    'carriage return': good.replace('5\n', '5\r\n'),
    'tab': good.replace('example.com/log\n5', 'example.com/log\t\n5'),
    'NUL': '\u0000' + good,
    'hyphen instead of em dash': TEXT + '\n- example.com/log ' + b64 + '\n',
    'em dash without space': TEXT + '\n\u2014example.com/log ' + b64 + '\n',
    'two spaces': TEXT + '\n\u2014 example.com/log  ' + b64 + '\n',
    'empty key name': TEXT + '\n\u2014  ' + b64 + '\n',
    'plus in key name': TEXT + '\n\u2014 example.com+log ' + b64 + '\n',
    'no-break space in key name': TEXT + '\n\u2014 example.com\u00a0log ' + b64 + '\n',
    'ideographic space in key name': TEXT + '\n\u2014 a\u3000b ' + b64 + '\n',
    'signature not base64': TEXT + '\n\u2014 example.com/log ' + b64.replace(/.$/, '!') + '\n',
    'signature without padding': TEXT + '\n\u2014 example.com/log ' + b64.replace(/=+$/, '') + '\n',
    'signature with whitespace': TEXT + '\n\u2014 example.com/log ' + b64.slice(0, 8) + ' ' + b64.slice(8) + '\n',
    'signature shorter than 5 bytes': TEXT + '\n\u2014 example.com/log AAAAAA==\n',
    'lone surrogate': '\ud800' + good,
  };
  for (const [name, note] of Object.entries(cases)) {
    const r = parseNote(note);
    assert.ok(!r.ok && r.reason === 'note:malformed', name);
  }
  const invalidUtf8 = new Uint8Array([0xc3, 0x28, ...new TextEncoder().encode(good)]);
  assert.ok(!parseNote(invalidUtf8).ok);
  const overlong = new Uint8Array([0xc0, 0xaf, ...new TextEncoder().encode(good)]);
  assert.ok(!parseNote(overlong).ok);
});

test('size and signature-count limits', () => {
  const one = signNote(TEXT, [key]);
  const line = one.slice(one.lastIndexOf('\n\n') + 2);
  assert.ok(parseNote(TEXT + '\n' + line.repeat(16)).ok, 'MUST accept at least 16 signatures');
  assert.ok(parseNote(TEXT + '\n' + line.repeat(100)).ok);
  const r = parseNote(TEXT + '\n' + line.repeat(101));
  assert.ok(!r.ok && r.reason === 'note:too-many-signatures');
  const huge = 'x'.repeat(1_000_001) + '\n\n' + line;
  const big = parseNote(huge);
  assert.ok(!big.ok && big.reason === 'note:too-large');
  assert.ok(!parseNote(new TextEncoder().encode(huge)).ok);
});

test('signing and formatting refuse what could not be parsed back', () => {
  assert.throws(() => signNote('abc', [key]), (e: unknown) => e instanceof TranslogError && e.code === 'note:bad-text');
  assert.throws(() => signNote('a\rb\n', [key]), TranslogError);
  assert.throws(() => signNote('\ud800\n', [key]), TranslogError);
  const cosigner = new Ed25519SigningKey('w', 0x04, SEED);
  assert.throws(() => signNote(TEXT, [cosigner]), (e: unknown) => e instanceof TranslogError && e.code === 'key:wrong-type');
  assert.throws(() => formatNote({ text: TEXT, signatures: [] }), TranslogError);
  assert.throws(() => formatNote({ text: TEXT, signatures: [{ name: 'a b', keyId: 1, signature: new Uint8Array(4) }] }), TranslogError);
  const many = Array.from({ length: 101 }, (_, i) => ({ name: `k${i}`, keyId: i, signature: new Uint8Array(1) }));
  assert.throws(() => formatNote({ text: TEXT, signatures: many }), TranslogError);
  assert.throws(() => new Ed25519SigningKey('bad name', 0x01, SEED), TranslogError);
  assert.throws(() => new Ed25519SigningKey('ok', 0x01, SEED.subarray(1)), TranslogError);
});

test('key IDs: SHA-256(name || 0x0A || type || key)[:4]', () => {
  assert.equal(key.keyId, noteKeyId('example.com/log', 0x01, key.publicKey));
  assert.notEqual(new Ed25519SigningKey('example.com/log', 0x04, SEED).keyId, key.keyId, 'type byte separates domains');
  // The signing key never serialises its seed.
  assert.ok(!JSON.stringify(key).includes('AQIDBAUG'));
});
