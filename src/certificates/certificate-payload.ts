/**
 * The signed part of a certificate (issue #5): a canonical, versioned payload and its Ed25519
 * signature, carried in the certificate's QR code so it can be checked with no server.
 *
 * Encoding (version 1), chosen to keep the QR small enough for a phone camera at 100 dpi:
 * the UTF-8 fields below joined by U+001F (unit separator), key fields as `key=value` pairs
 * joined by U+001E (record separator) in key order, then base64url without padding.
 *
 *   "1" ␟ keyId ␟ number ␟ type ␟ holderName ␟ keyFields ␟ issuedOn ␟ validUntil|"" ␟ office ␟ bodySha256
 *
 * `bodySha256` is the SHA-256 of the rendered page body (base64url), so the signature covers
 * what is printed as well as the data. Separators and control characters are refused inside
 * fields, so one byte string means one payload. The signature is over a domain-separated
 * message, `mitra/certificate/v1\n` ‖ payload bytes, so it can never be replayed as a
 * signature of anything else a Mitra key signs.
 *
 * The QR text is `<PUBLIC_BASE_URL>/v/<number>#<payload>.<signature>`: a plain phone camera
 * opens the verification page, and the fragment (never sent to the server by a browser)
 * lets that page verify the signature itself.
 */
import { createHash, createPublicKey, sign as edSign, verify as edVerify, type KeyObject } from 'node:crypto';

/** The payload version this code writes. */
export const PAYLOAD_VERSION = 1;
/** The domain-separation prefix of every certificate signature. */
export const SIGNATURE_CONTEXT = 'mitra/certificate/v1\n';

const FIELD = '\u001f';
const PAIR = '\u001e';
const FORBIDDEN = /[\u0000-\u001f\u007f]/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const KEY_ID = /^[0-9a-f]{8}$/;
const FIELD_KEY = /^[a-z][a-z0-9_]{0,39}$/;
const NUMBER = /^[A-Z0-9][A-Z0-9-]{3,39}$/;

/** What a certificate's signature commits to. */
export interface CertificatePayload {
  /** The signing key's id (8 hex digits). */
  keyId: string;
  number: string;
  type: string;
  holderName: string;
  /** The fields a verifier compares with the paper (income, caste category…), by key. */
  keyFields: Record<string, string>;
  issuedOn: string;
  validUntil: string | null;
  /** The issuing office, in English. */
  office: string;
  /** base64url SHA-256 of the rendered page body. */
  bodySha256: string;
}

/** Thrown when a payload cannot be encoded, or a QR text or payload cannot be read. */
export class CertificatePayloadError extends Error {
  override readonly name = 'CertificatePayloadError';
}

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

/** Strict base64url (no padding, canonical): undefined for anything else. */
function fromB64url(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64url');
  return b64url(bytes) === text ? bytes : undefined;
}

function checkField(name: string, value: string, max = 200): void {
  if (value.length === 0 && name !== 'validUntil') throw new CertificatePayloadError(`${name} is empty`);
  if (value.length > max) throw new CertificatePayloadError(`${name} is longer than ${max} characters`);
  if (FORBIDDEN.test(value)) throw new CertificatePayloadError(`${name} holds a control character`);
}

/** The payload's bytes. Throws {@link CertificatePayloadError} for a field that cannot be encoded. */
export function encodeCertificatePayload(p: CertificatePayload): Uint8Array {
  if (!KEY_ID.test(p.keyId)) throw new CertificatePayloadError(`key id '${p.keyId}' is not 8 hex digits`);
  if (!NUMBER.test(p.number)) throw new CertificatePayloadError(`certificate number '${p.number}' is not valid`);
  if (!DATE.test(p.issuedOn) || (p.validUntil !== null && !DATE.test(p.validUntil))) throw new CertificatePayloadError('dates must be YYYY-MM-DD');
  if (!fromB64url(p.bodySha256) || fromB64url(p.bodySha256)!.length !== 32) throw new CertificatePayloadError('bodySha256 must be 32 bytes, base64url');
  checkField('type', p.type, 40);
  checkField('holderName', p.holderName);
  checkField('office', p.office);
  const keys = Object.keys(p.keyFields).sort();
  for (const k of keys) {
    if (!FIELD_KEY.test(k)) throw new CertificatePayloadError(`key field name '${k}' is not lower snake case`);
    checkField(`keyFields.${k}`, p.keyFields[k]);
    if (p.keyFields[k].includes('=')) throw new CertificatePayloadError(`keyFields.${k} holds '='`);
  }
  const fields = [
    String(PAYLOAD_VERSION), p.keyId, p.number, p.type, p.holderName, keys.map((k) => `${k}=${p.keyFields[k]}`).join(PAIR),
    p.issuedOn, p.validUntil ?? '', p.office, p.bodySha256,
  ];
  return new TextEncoder().encode(fields.join(FIELD));
}

/** Reads payload bytes. Throws {@link CertificatePayloadError} with the reason for anything malformed. */
export function decodeCertificatePayload(bytes: Uint8Array): CertificatePayload {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CertificatePayloadError('the payload is not UTF-8');
  }
  const f = text.split(FIELD);
  if (f[0] !== String(PAYLOAD_VERSION)) throw new CertificatePayloadError(`payload version '${f[0].slice(0, 8)}' is not supported`);
  if (f.length !== 10) throw new CertificatePayloadError(`the payload has ${f.length} fields, not 10`);
  const keyFields: Record<string, string> = {};
  for (const pair of f[5] ? f[5].split(PAIR) : []) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new CertificatePayloadError('a key field is not key=value');
    keyFields[pair.slice(0, at)] = pair.slice(at + 1);
  }
  const payload: CertificatePayload = {
    keyId: f[1], number: f[2], type: f[3], holderName: f[4], keyFields, issuedOn: f[6], validUntil: f[7] || null, office: f[8], bodySha256: f[9],
  };
  // Canonical form only: re-encoding must give the same bytes (no reordered or odd fields).
  const again = encodeCertificatePayload(payload);
  if (Buffer.compare(Buffer.from(again), Buffer.from(bytes)) !== 0) throw new CertificatePayloadError('the payload is not in canonical form');
  return payload;
}

/** The key id of an Ed25519 public key (32 raw bytes): the first 4 bytes of SHA-256("mitra-certificate" ‖ 0x01 ‖ key), hex. */
export function certificateKeyId(publicKey: Uint8Array): string {
  return createHash('sha256').update('mitra-certificate').update(Buffer.from([0x01])).update(publicKey).digest().subarray(0, 4).toString('hex');
}

/** The raw 32-byte public key of an Ed25519 KeyObject (private or public). */
export function rawPublicKey(key: KeyObject): Uint8Array {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  const der = pub.export({ format: 'der', type: 'spki' });
  return new Uint8Array(der.subarray(der.length - 32));
}

/** A public key from its 32 raw bytes. */
export function ed25519PublicKey(raw: Uint8Array): KeyObject {
  if (raw.length !== 32) throw new CertificatePayloadError('an Ed25519 public key is 32 bytes');
  return createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(raw)]), format: 'der', type: 'spki' });
}

const message = (payload: Uint8Array) => Buffer.concat([Buffer.from(SIGNATURE_CONTEXT, 'utf8'), Buffer.from(payload)]);

/**
 * Signs `payload` with `privateKey` (Ed25519) and returns the QR text for `baseUrl`. The
 * payload's `keyId` MUST be the id of `privateKey`'s public key (checked).
 */
export function signCertificate(payload: CertificatePayload, privateKey: KeyObject, baseUrl: string): string {
  if (certificateKeyId(rawPublicKey(privateKey)) !== payload.keyId) throw new CertificatePayloadError(`the payload names key ${payload.keyId}, not the signing key`);
  const bytes = encodeCertificatePayload(payload);
  const signature = edSign(null, message(bytes), privateKey);
  return `${baseUrl.replace(/\/+$/, '')}/v/${payload.number}#${b64url(bytes)}.${b64url(signature)}`;
}

/** A QR text split into its parts (nothing verified yet). */
export interface ParsedQrText {
  /** The URL before the fragment: `<base>/v/<number>`. */
  url: string;
  payloadBytes: Uint8Array;
  payload: CertificatePayload;
  signature: Uint8Array;
}

/** Reads a QR text we produce. Throws {@link CertificatePayloadError} with the reason for anything else. */
export function parseQrText(text: string): ParsedQrText {
  const trimmed = text.trim();
  if (trimmed.length > 2000) throw new CertificatePayloadError('the QR text is too long to be a Mitra certificate');
  const hash = trimmed.indexOf('#');
  if (hash < 0) throw new CertificatePayloadError('the QR text carries no signed data (no #…)');
  const url = trimmed.slice(0, hash);
  const match = /^https?:\/\/[^\s#]+\/v\/([A-Z0-9-]+)$/.exec(url);
  if (!match) throw new CertificatePayloadError('the QR text is not a Mitra verification link (…/v/<number>#…)');
  const [payloadPart, signaturePart, ...rest] = trimmed.slice(hash + 1).split('.');
  const payloadBytes = payloadPart ? fromB64url(payloadPart) : undefined;
  const signature = signaturePart ? fromB64url(signaturePart) : undefined;
  if (rest.length > 0 || !payloadBytes || !signature || signature.length !== 64) throw new CertificatePayloadError('the signed data in the QR text is damaged');
  const payload = decodeCertificatePayload(payloadBytes);
  if (payload.number !== match[1]) throw new CertificatePayloadError(`the link names certificate ${match[1]} but the signed data ${payload.number}`);
  return { url, payloadBytes, payload, signature };
}

/** True when `signature` is `publicKey`'s Ed25519 signature of the payload bytes. */
export function verifyPayloadSignature(payloadBytes: Uint8Array, signature: Uint8Array, publicKey: KeyObject): boolean {
  try {
    return edVerify(null, message(payloadBytes), publicKey, signature);
  } catch {
    return false;
  }
}
