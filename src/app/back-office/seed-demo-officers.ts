/**
 * Demo officer accounts for `npm start` (issue #4): on the first start with no officer account
 * at all, four accounts are created — secretariat staff and the Tahsildar of Vijayawada mandal
 * (NTR district, revenue), the revenue department's administrator and a state administrator —
 * with passwords GENERATED here and written to `<DATA_DIR>/demo-officers.json` (mode 0600),
 * never to the repository. The banner prints them on every start while that file exists.
 * Only in simulator mode by default (`DEMO_OFFICERS`).
 */
import { randomInt } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hashPassword } from '../../lib/scrypt-password.ts';
import type { Db } from '../../storage/db.ts';
import { countOfficers, createOfficer, OfficerExistsError } from '../../storage/officer-store.ts';
import type { OfficerRole } from '../../workflow/index.ts';

/** The file the demo accounts and their passwords are kept in, inside the data folder. */
export const DEMO_OFFICERS_FILE = 'demo-officers.json';

/** One demo account. */
export interface DemoOfficer {
  username: string;
  password: string;
  role: OfficerRole;
  department: string | null;
  district: string | null;
  mandal: string | null;
  /** The name printed on certificates the account signs. */
  displayName: string;
  /** Who this is, for the banner. */
  label: string;
}

const ACCOUNTS: Omit<DemoOfficer, 'password'>[] = [
  { username: 'ntr.staff', displayName: 'P. Lakshmi Prasanna', role: 'secretariat_staff', department: 'revenue', district: 'ntr', mandal: 'Vijayawada', label: 'secretariat staff, Vijayawada mandal, NTR district (verifies)' },
  { username: 'ntr.tahsildar', displayName: 'K. Srinivasa Rao', role: 'approving_officer', department: 'revenue', district: 'ntr', mandal: 'Vijayawada', label: 'Tahsildar, Vijayawada mandal, NTR district (approves)' },
  { username: 'revenue.admin', displayName: 'M. Venkateswarlu', role: 'department_administrator', department: 'revenue', district: null, mandal: null, label: 'revenue department administrator (statewide, escalations)' },
  { username: 'state.admin', displayName: 'G. Anuradha', role: 'state_administrator', department: null, district: null, mandal: null, label: 'state administrator (everything)' },
];

/** Letters and digits that cannot be misread when copied from a terminal. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A random password of four groups of four characters, e.g. `k7mq-x3wd-p9rt-h2fn`. */
export function generatePassword(): string {
  const groups = Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''));
  return groups.join('-');
}

/**
 * The demo accounts to show in the banner: those recorded in `dataDir`, or freshly created
 * when the database has no officer account yet; none when accounts exist but were not made here.
 */
export async function seedDemoOfficers(db: Db, dataDir: string): Promise<DemoOfficer[]> {
  const path = join(dataDir, DEMO_OFFICERS_FILE);
  try {
    return JSON.parse(await readFile(path, 'utf8')) as DemoOfficer[];
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  if ((await countOfficers(db)) > 0) return [];
  const created: DemoOfficer[] = [];
  for (const account of ACCOUNTS) {
    const password = generatePassword();
    try {
      await createOfficer(db, { ...account, password: await hashPassword(password) });
      created.push({ ...account, password });
    } catch (err) {
      // Another process seeding the same database at the same moment: its accounts stand.
      if (err instanceof OfficerExistsError) return [];
      throw err;
    }
  }
  await mkdir(dataDir, { recursive: true });
  await writeFile(path, `${JSON.stringify(created, null, 2)}\n`, { mode: 0o600 });
  return created;
}
