// The signed certificate payload (issue #5): round trip through the QR text, every signed field
// changed makes the signature fail, a damaged or foreign QR text is refused with a reason, an
// unknown or rotated key is told apart, and the QR text stays small enough to scan.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync } from 'node:crypto';
import {
  CertificatePayloadError, certificateKeyId, decodeCertificatePayload, encodeCertificatePayload, parseQrText, rawPublicKey, ed25519PublicKey,
  signCertificate, verifyPayloadSignature, type CertificatePayload,
} from '../../src/certificates/certificate-payload.ts';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const keyId = certificateKeyId(rawPublicKey(publicKey));
const BASE = 'https://mitra.ap.gov.in';

const payload: CertificatePayload = {
  keyId, number: 'AP-INC-2026-0000123', type: 'income', holderName: 'Lakshmi Devi',
  keyFields: { annual_income: '120000', relation_name: 'Venkata Rao', district: 'NTR', mandal: 'Vijayawada' },
  issuedOn: '2026-11-23', validUntil: '2027-11-22', office: 'Office of the Tahsildar, Vijayawada Mandal, NTR District',
  bodySha256: createHash('sha256').update('body').digest('base64url'),
};

/** Re-signs nothing: swaps the payload part of a QR text for another payload's bytes. */
function withPayload(qr: string, p: CertificatePayload): string {
  const [head, frag] = qr.split('#');
  const sig = frag.split('.')[1];
  return `${head.replace(/\/v\/.*$/, `/v/${p.number}`)}#${Buffer.from(encodeCertificatePayload(p)).toString('base64url')}.${sig}`;
}

describe('certificate payload', () => {
  it('round-trips through the QR text and verifies with the signing key', () => {
    const qr = signCertificate(payload, privateKey, BASE);
    const parsed = parseQrText(qr);
    assert.deepEqual(parsed.payload, payload);
    assert.equal(parsed.url, `${BASE}/v/AP-INC-2026-0000123`);
    assert.ok(verifyPayloadSignature(parsed.payloadBytes, parsed.signature, publicKey));
    assert.ok(verifyPayloadSignature(parsed.payloadBytes, parsed.signature, ed25519PublicKey(rawPublicKey(publicKey))));
    // A realistic certificate (468 characters here) is a version-17 QR at level M (85 modules);
    // printed 50 mm wide that is 2.3 px per module at 100 dpi, and zbarimg reads it even at 2.
    assert.ok(qr.length <= 511, `QR text is ${qr.length} characters`);
  });

  it('holds Telugu text and a certificate without an end date', () => {
    const p = { ...payload, holderName: 'శ్రీలక్ష్మి దేవి', validUntil: null, keyFields: { caste: 'బీసీ-ఎ' } };
    const parsed = parseQrText(signCertificate(p, privateKey, BASE));
    assert.deepEqual(parsed.payload, p);
  });

  it('fails verification when any signed field is changed', () => {
    const qr = signCertificate(payload, privateKey, BASE);
    const changes: Partial<CertificatePayload>[] = [
      { holderName: 'Lakshmi Devi K' }, { number: 'AP-INC-2026-0000124' }, { type: 'caste' }, { issuedOn: '2026-11-24' }, { validUntil: '2028-11-22' },
      { validUntil: null }, { office: 'Office of the Tahsildar, Guntur' }, { bodySha256: createHash('sha256').update('other').digest('base64url') },
      { keyFields: { ...payload.keyFields, annual_income: '12000' } }, { keyFields: { ...payload.keyFields, extra: 'x' } },
    ];
    for (const change of changes) {
      const forged = withPayload(qr, { ...payload, ...change });
      const parsed = parseQrText(forged);
      assert.equal(verifyPayloadSignature(parsed.payloadBytes, parsed.signature, publicKey), false, JSON.stringify(change));
    }
  });

  it('does not verify under another key, and a rotated key has another id', () => {
    const other = generateKeyPairSync('ed25519');
    const parsed = parseQrText(signCertificate(payload, privateKey, BASE));
    assert.equal(verifyPayloadSignature(parsed.payloadBytes, parsed.signature, other.publicKey), false);
    assert.notEqual(certificateKeyId(rawPublicKey(other.publicKey)), keyId);
    assert.throws(() => signCertificate(payload, other.privateKey, BASE), /names key/);
  });

  it('refuses damaged or foreign QR texts with a reason, never a crash', () => {
    const qr = signCertificate(payload, privateKey, BASE);
    const [head, frag] = qr.split('#');
    const cases: [string, RegExp][] = [
      ['https://example.com/some/page', /no signed data/],
      [`${BASE}/x/AP-INC-2026-0000123#${frag}`, /not a Mitra verification link/],
      [`${head}#${frag.slice(0, -3)}`, /damaged/],
      [`${head}#${frag}.extra`, /damaged/],
      [`${head}#!!!.${frag.split('.')[1]}`, /damaged/],
      [`${BASE}/v/AP-INC-2026-0000999#${frag}`, /names certificate AP-INC-2026-0000999/],
      [`${head}#${Buffer.from('2\u001fx').toString('base64url')}.${frag.split('.')[1]}`, /version '2'/],
      [`${head}#${Buffer.from([0xff, 0xfe]).toString('base64url')}.${frag.split('.')[1]}`, /not UTF-8/],
      ['x'.repeat(5000), /too long/],
    ];
    for (const [text, reason] of cases) assert.throws(() => parseQrText(text), (err: Error) => err instanceof CertificatePayloadError && reason.test(err.message), text.slice(0, 60));
    // One random byte flipped anywhere in the fragment: refused or fails verification, never accepted.
    for (let i = 0; i < frag.length; i += 7) {
      const flipped = `${head}#${frag.slice(0, i)}${frag[i] === 'A' ? 'B' : 'A'}${frag.slice(i + 1)}`;
      try {
        const parsed = parseQrText(flipped);
        assert.equal(verifyPayloadSignature(parsed.payloadBytes, parsed.signature, publicKey), false, `flip at ${i}`);
      } catch (err) {
        assert.ok(err instanceof CertificatePayloadError, `flip at ${i}: ${(err as Error).message}`);
      }
    }
  });

  it('refuses fields that would make two payloads share bytes', () => {
    assert.throws(() => encodeCertificatePayload({ ...payload, holderName: 'A\u001fB' }), /control character/);
    assert.throws(() => encodeCertificatePayload({ ...payload, keyFields: { income: 'a=b' } }), /holds '='/);
    assert.throws(() => encodeCertificatePayload({ ...payload, keyFields: { Income: '1' } }), /lower snake case/);
    assert.throws(() => encodeCertificatePayload({ ...payload, issuedOn: '23-11-2026' }), /YYYY-MM-DD/);
    assert.throws(() => encodeCertificatePayload({ ...payload, keyId: 'xyz' }), /8 hex digits/);
    // A non-canonical encoding (key fields out of order) is refused when read.
    const bytes = new TextEncoder().encode(new TextDecoder().decode(encodeCertificatePayload(payload)).replace('annual_income=120000\u001edistrict=NTR', 'district=NTR\u001eannual_income=120000'));
    assert.throws(() => decodeCertificatePayload(bytes), /canonical/);
  });
});
