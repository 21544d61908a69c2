/**
 * Officer passwords, hashed with scrypt (RFC 7914) through node:crypto: a random salt per
 * account and the cost parameters stored beside the hash, so the cost can be raised for new
 * hashes while old ones still verify. Verification compares in constant time.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** The stored parameters of one hash. */
export interface PasswordParams {
  algorithm: 'scrypt';
  /** CPU/memory cost (a power of two). */
  N: number;
  r: number;
  p: number;
  keyLength: number;
}

/** A password hash as stored: the derived key, its salt and its parameters. */
export interface PasswordHash {
  hash: Buffer;
  salt: Buffer;
  params: PasswordParams;
}

/**
 * Parameters of new hashes: N = 2^15, r = 8, p = 1, i.e. 32 MiB and about a quarter of a
 * second per hash on this machine kind. OWASP suggests N = 2^17 (128 MiB); we stay lower so a
 * burst of logins cannot exhaust a small mandal server's memory. Parameters are stored with
 * each hash, so raising them later needs no migration.
 */
export const PASSWORD_PARAMS: PasswordParams = { algorithm: 'scrypt', N: 2 ** 15, r: 8, p: 1, keyLength: 32 };
/** Bytes of random salt per hash. */
export const SALT_BYTES = 16;

function derive(password: string, salt: Buffer, params: PasswordParams): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scryptCallback(password.normalize('NFKC'), salt, params.keyLength, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** Hashes `password` with a fresh salt and {@link PASSWORD_PARAMS}. */
export async function hashPassword(password: string, params: PasswordParams = PASSWORD_PARAMS): Promise<PasswordHash> {
  const salt = randomBytes(SALT_BYTES);
  return { hash: await derive(password, salt, params), salt, params };
}

/**
 * True when `password` matches `stored`. Never throws for a wrong password; stored parameters
 * that are not scrypt's (a corrupt row) count as no match.
 */
export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const params = stored.params;
  if (params?.algorithm !== 'scrypt' || !Number.isInteger(params.N) || !Number.isInteger(params.keyLength)) return false;
  const key = await derive(password, Buffer.from(stored.salt), params);
  const expected = Buffer.from(stored.hash);
  return key.length === expected.length && timingSafeEqual(key, expected);
}
