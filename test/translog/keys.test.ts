// Verifier and signer key strings (signed-note "Verifier keys"; Go's PRIVATE+KEY format),
// against vectors/signed-note-extra.json (unchanged) and the upstream mutation rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CosignatureV1Verifier,
  decodeBase64Strict,
  Ed25519NoteVerifier,
  Ed25519SigningKey,
  formatSignerKey,
  formatVerifierKey,
  parseSignerKey,
  parseVerifierKey,
  SIGNATURE_TYPE_COSIGNATURE_V1,
  SIGNATURE_TYPE_ED25519,
} from '../../src/translog/index.ts';
import { SIGNED_NOTE_EXTRA } from './vectors.ts';

test('published signer keys derive their published verifier keys, and format back', () => {
  for (const { signerKey, verifierKey } of SIGNED_NOTE_EXTRA.signerKeys) {
    const parsed = parseSignerKey(signerKey);
    assert.ok(parsed.ok, signerKey);
    assert.equal(parsed.key.verifierKey(), verifierKey);
    // PRIVATE+KEY+name+id+base64: the base64 itself may contain '+'.
    const seed = decodeBase64Strict(signerKey.split('+').slice(4).join('+'))!.subarray(1);
    assert.equal(formatSignerKey(parsed.key.name, parsed.key.type, seed), signerKey);
  }
});

test('verifier key vectors: valid ones parse and format back, invalid ones are rejected', () => {
  for (const v of SIGNED_NOTE_EXTRA.verifierKeyParsing) {
    const r = parseVerifierKey(v.vkey);
    assert.equal(r.ok, v.valid, `${v.vkey} ${v.why ?? ''}`);
    if (r.ok) {
      assert.equal(formatVerifierKey(r.verifier.name, r.verifier.type, r.verifier.publicKey), v.vkey);
      const expectedClass = r.verifier.type === SIGNATURE_TYPE_COSIGNATURE_V1 ? CosignatureV1Verifier : Ed25519NoteVerifier;
      assert.ok(r.verifier instanceof expectedClass);
    }
  }
  const unknownType = parseVerifierKey('PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW');
  assert.ok(!unknownType.ok && unknownType.reason === 'key:unsupported-type');
  const wrongLength = parseVerifierKey('PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==');
  assert.ok(!wrongLength.ok && wrongLength.reason === 'key:malformed');
});

test('the accepted types can be narrowed: a witness key is not a log key', () => {
  const remora = 'remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2';
  assert.ok(parseVerifierKey(remora, [SIGNATURE_TYPE_COSIGNATURE_V1]).ok);
  const r = parseVerifierKey(remora, [SIGNATURE_TYPE_ED25519]);
  assert.ok(!r.ok && r.reason === 'key:unsupported-type');
});

/** Every strict substring, and every copy with one character incremented. */
function mutations(text: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < text.length; i++) {
    for (let j = i + 1; j <= text.length; j++) if (j - i < text.length) out.add(text.slice(i, j));
    out.add(text.slice(0, i) + String.fromCharCode(text.charCodeAt(i) + 1) + text.slice(i + 1));
  }
  out.add('');
  return [...out];
}

test('every substring and every one-byte increment of a valid verifier key is rejected', () => {
  for (const vkey of ['PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', 'remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2']) {
    for (const m of mutations(vkey)) assert.equal(parseVerifierKey(m).ok, false, m);
  }
});

test('every substring and every one-byte increment of a valid signer key is rejected', () => {
  const skey = SIGNED_NOTE_EXTRA.signerKeys[0].signerKey;
  for (const m of mutations(skey)) assert.equal(parseSignerKey(m).ok, false, m);
});

test('key ID mismatch and other rejection reasons', () => {
  const r = parseVerifierKey('PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW');
  assert.ok(!r.ok && r.reason === 'key:id-mismatch');
  const upper = parseVerifierKey('PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW');
  assert.ok(!upper.ok && upper.reason === 'key:malformed', 'hex key IDs are lowercase');
  const s = parseSignerKey('PRIVATE+KEY+PeterNeumann+c74f20a4+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz');
  assert.ok(!s.ok && s.reason === 'key:id-mismatch');
  assert.ok(!parseSignerKey('PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz').ok);
});

test('a generated cosigner key round-trips through both key strings', () => {
  const seed = new Uint8Array(32).fill(42);
  const witness = new Ed25519SigningKey('witness.example/w1', SIGNATURE_TYPE_COSIGNATURE_V1, seed);
  const vkey = witness.verifierKey();
  const parsedV = parseVerifierKey(vkey);
  assert.ok(parsedV.ok && parsedV.verifier instanceof CosignatureV1Verifier && parsedV.verifier.keyId === witness.keyId);
  const parsedS = parseSignerKey(formatSignerKey('witness.example/w1', SIGNATURE_TYPE_COSIGNATURE_V1, seed));
  assert.ok(parsedS.ok && parsedS.key.keyId === witness.keyId);
});
