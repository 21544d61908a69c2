/**
 * `mitra officer add`: creates an officer account straight in the database (like `mitra
 * catalog publish` does when no server is running; on the embedded database the server must
 * be stopped, since only one process may open it). The password is checked against the
 * password policy and stored only as a scrypt hash; omit `--password` to have a strong one
 * generated and printed once.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { passwordProblem } from '../lib/password-policy.ts';
import { hashPassword } from '../lib/scrypt-password.ts';
import { isOfficerRole, jurisdictionOf, normalizeAreaName, OFFICER_ROLES } from '../workflow/index.ts';
import { generatePassword } from './back-office/seed-demo-officers.ts';

/** What a username may look like: lower case letters, digits, dots, hyphens, underscores. */
export const USERNAME = /^[a-z0-9][a-z0-9._-]{2,39}$/;

const USAGE = 'usage: mitra officer add --username U [--password P] --role ROLE [--department DEPT] [--district D] [--mandal M] [--name "Full Name"]\n'
  + `  ROLE is one of ${OFFICER_ROLES.join(', ')}`;

/** Reads `--name value`. */
function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Runs `mitra officer …`; returns the exit code. */
export async function runOfficerCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'add') {
    console.error(USAGE);
    return 2;
  }
  const username = flag(rest, 'username')?.trim().toLowerCase();
  const role = flag(rest, 'role');
  const department = flag(rest, 'department')?.trim() || null;
  const district = flag(rest, 'district')?.trim() || null;
  const mandal = flag(rest, 'mandal')?.trim() || null;
  const displayName = flag(rest, 'name')?.trim() || null;
  let password = flag(rest, 'password');
  if (!username || !role) {
    console.error(USAGE);
    return 2;
  }
  if (!USERNAME.test(username)) {
    console.error(`mitra: username '${username}' is not allowed: use 3–40 lower-case letters, digits, '.', '-' or '_'`);
    return 1;
  }
  if (!isOfficerRole(role)) {
    console.error(`mitra: unknown role '${role}' (one of: ${OFFICER_ROLES.join(', ')})`);
    return 1;
  }
  const jurisdiction = jurisdictionOf({ role, department, district, mandal });
  if (jurisdiction.scope === 'none') {
    console.error(`mitra: ${jurisdiction.reason} (--department, --district, --mandal)`);
    return 1;
  }
  const generated = password === undefined;
  password ??= generatePassword();
  const weak = passwordProblem(password, username);
  if (weak) {
    console.error(`mitra: weak password: ${weak}`);
    return 1;
  }

  const { readConfig } = await import('./config.ts');
  const config = readConfig();
  const known = await knownAreas(config.catalogDir);
  if (department && known.departments && !known.departments.has(normalizeAreaName(department))) {
    console.error(`mitra: unknown department '${department}' (see catalog/departments.yaml, e.g. revenue, municipal)`);
    return 1;
  }
  if (district && known.districts && !known.districts.has(normalizeAreaName(district))) {
    console.error(`mitra: unknown district '${district}' (one of: ${[...known.districts].join(', ')})`);
    return 1;
  }

  const { createOfficer, OfficerExistsError } = await import('../storage/index.ts');
  const { openCommandDatabase } = await import('./open-command-database.ts');
  const { db, close } = await openCommandDatabase(config);
  try {
    const officer = await createOfficer(db, {
      username, role, password: await hashPassword(password),
      department: department && normalizeAreaName(department), district: district && normalizeAreaName(district), mandal, displayName,
    });
    const where = [officer.department, officer.district, officer.mandal].filter(Boolean).join(' / ') || 'statewide, all departments';
    console.log(`created officer ${officer.username}: ${officer.role}, ${where}`);
    if (generated) console.log(`password (shown once, give it to the officer): ${password}`);
    return 0;
  } catch (err) {
    if (err instanceof OfficerExistsError) {
      console.error(`mitra: ${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    await close();
  }
}

/** Department ids and `ap-districts` ids of the catalog, for checking what the operator typed. */
async function knownAreas(catalogDir: string): Promise<{ departments?: Set<string>; districts?: Set<string> }> {
  const read = async (file: string): Promise<unknown> => {
    try {
      return parseYaml(await readFile(join(catalogDir, file), 'utf8'));
    } catch {
      return undefined;
    }
  };
  const departments = await read('departments.yaml');
  const sets = await read('option-sets.yaml') as Record<string, { id: string }[]> | undefined;
  return {
    departments: Array.isArray(departments) ? new Set(departments.map((d: { id: string }) => d.id)) : undefined,
    districts: sets?.['ap-districts'] ? new Set(sets['ap-districts'].map((o) => o.id)) : undefined,
  };
}
