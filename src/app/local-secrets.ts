/**
 * Secrets for simulator mode, generated on first start into the data folder and reused after
 * (never committed, never printed). They sign the local webhooks exactly as Meta's app secret
 * would, so the simulator exercises the same verification path as production.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The credentials the local Graph API double and the webhook share. */
export interface LocalSecrets {
  appSecret: string;
  verifyToken: string;
  accessToken: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
}

const FILE = 'simulator-secrets.json';

/** Reads `<dataDir>/simulator-secrets.json`, creating it (mode 0600) on first start. */
export async function loadOrCreateLocalSecrets(dataDir: string): Promise<LocalSecrets> {
  const path = join(dataDir, FILE);
  try {
    return JSON.parse(await readFile(path, 'utf8')) as LocalSecrets;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const secrets: LocalSecrets = {
    appSecret: randomBytes(32).toString('hex'),
    verifyToken: randomBytes(16).toString('hex'),
    accessToken: `EAAL${randomBytes(24).toString('base64url')}`,
    phoneNumberId: '106540352242922',
    displayPhoneNumber: '919490000000',
  };
  await mkdir(dataDir, { recursive: true });
  await writeFile(path, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  return secrets;
}

const ADMIN_TOKEN_FILE = 'admin-token';

/**
 * The operator token for `/api/admin/…` (publishing a catalog), read from
 * `<dataDir>/admin-token`, created (mode 0600) on first start. Whoever can read the data folder
 * is an operator; `mitra catalog publish` reads it from there.
 */
export async function loadOrCreateAdminToken(dataDir: string): Promise<string> {
  const path = join(dataDir, ADMIN_TOKEN_FILE);
  try {
    const token = (await readFile(path, 'utf8')).trim();
    if (token.length >= 32) return token;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const token = randomBytes(32).toString('base64url');
  await mkdir(dataDir, { recursive: true });
  await writeFile(path, `${token}\n`, { mode: 0o600 });
  return token;
}

/** The admin token in `dataDir`, or undefined when no server has created one yet. */
export async function readAdminToken(dataDir: string): Promise<string | undefined> {
  try {
    return (await readFile(join(dataDir, ADMIN_TOKEN_FILE), 'utf8')).trim() || undefined;
  } catch {
    return undefined;
  }
}
