// The operator contract at the command line: `mitra serve` starts and prints its banner, a
// second process on the same data folder is refused with one clear line, bad configuration
// stops with one line, and `mitra catalog lint` gates the catalog.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
const MITRA = join(ROOT, 'bin', 'mitra.js');
const env = (extra: Record<string, string>) => {
  const e: Record<string, string> = { ...process.env as Record<string, string>, LOG_LEVEL: 'warn', ...extra };
  for (const k of Object.keys(e)) if (k.startsWith('WHATSAPP_') || k === 'DATABASE_URL') delete e[k];
  return { ...e, ...extra };
};

test('a second process on the same data folder is refused with a clear message', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mitra-cli-'));
  const first = spawn(process.execPath, [MITRA, 'serve'], { env: env({ DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1' }) });
  try {
    let out = '';
    await new Promise<void>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`no banner: ${out}`)), 60_000);
      first.stdout.on('data', (d) => { out += d; if (/listening\s+http/.test(out)) { clearTimeout(timer); ok(); } });
      first.stderr.on('data', (d) => { out += d; });
      first.on('exit', (code) => fail(new Error(`exited ${code}: ${out}`)));
    });
    assert.match(out, /simulator\s+http:\/\/127\.0\.0\.1:\d+\/simulator/);
    assert.match(out, /console\s+http:\/\/127\.0\.0\.1:\d+\/console/);
    // First start in simulator mode: demo officers with generated passwords, printed once per start.
    for (const user of ['ntr.staff', 'ntr.tahsildar', 'revenue.admin', 'state.admin']) assert.match(out, new RegExp(`${user.replace('.', '\\.')}\\s+[a-z2-9]{4}(-[a-z2-9]{4}){3}`));
    const second = spawnSync(process.execPath, [MITRA, 'serve'], { env: env({ DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1' }), encoding: 'utf8', timeout: 60_000 });
    assert.equal(second.status, 1);
    assert.match(second.stderr, /Another Mitra process \(pid \d+\) is already using the data folder/);
    assert.equal(second.stderr.trim().split('\n').length, 1, second.stderr);
  } finally {
    first.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bad configuration stops the start with one line', () => {
  const r = spawnSync(process.execPath, [MITRA, 'serve'], { env: env({ PORT: 'eighty' }), encoding: 'utf8', timeout: 30_000 });
  assert.equal(r.status, 1);
  assert.equal(r.stderr.trim(), "mitra: PORT must be a whole number from 0 to 65535 (got 'eighty')");
});

test('mitra catalog lint passes the shipped catalog and fails a broken one', () => {
  const ok = spawnSync(process.execPath, [MITRA, 'catalog', 'lint'], { env: env({}), encoding: 'utf8', timeout: 30_000 });
  assert.equal(ok.status, 0, ok.stdout + ok.stderr);
  assert.match(ok.stdout, /\d+ services, \d+ departments, 0 errors/);

  const dir = mkdtempSync(join(tmpdir(), 'mitra-catalog-'));
  try {
    cpSync(join(ROOT, 'catalog'), dir, { recursive: true });
    mkdirSync(join(dir, 'revenue'), { recursive: true });
    writeFileSync(join(dir, 'revenue', 'broken.yaml'), 'specVersion: 1\nid: revenue.broken\nversion: 1\n');
    const bad = spawnSync(process.execPath, [MITRA, 'catalog', 'lint', dir], { env: env({}), encoding: 'utf8', timeout: 30_000 });
    assert.equal(bad.status, 1);
    assert.match(bad.stdout, /error: revenue\/broken\.yaml/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('mitra officer add creates an account in the database, refusing weak passwords and duplicates', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mitra-officer-'));
  const run = (...args: string[]) => spawnSync(process.execPath, [MITRA, 'officer', 'add', ...args], { env: env({ DATA_DIR: dir }), encoding: 'utf8', timeout: 60_000 });
  try {
    const weak = run('--username', 'guntur.tahsildar', '--password', 'password123', '--role', 'approving_officer', '--department', 'revenue', '--district', 'guntur');
    assert.equal(weak.status, 1);
    assert.match(weak.stderr, /weak password: the password is one of the most common passwords/);
    const noMandal = run('--username', 'guntur.staff', '--password', 'mango season in guntur', '--role', 'secretariat_staff', '--department', 'revenue', '--district', 'guntur');
    assert.equal(noMandal.status, 1);
    assert.match(noMandal.stderr, /secretariat_staff needs a district and a mandal/);
    const badDistrict = run('--username', 'x.tahsildar', '--password', 'mango season in guntur', '--role', 'approving_officer', '--department', 'revenue', '--district', 'gunturr');
    assert.equal(badDistrict.status, 1);
    assert.match(badDistrict.stderr, /unknown district 'gunturr'/);
    const ok = run('--username', 'Guntur.Tahsildar', '--password', 'mango season in guntur', '--role', 'approving_officer', '--department', 'revenue', '--district', 'Guntur', '--mandal', 'Tenali');
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /created officer guntur\.tahsildar: approving_officer, revenue \/ guntur \/ Tenali/);
    const again = run('--username', 'guntur.tahsildar', '--role', 'approving_officer', '--department', 'revenue', '--district', 'guntur');
    assert.equal(again.status, 1);
    assert.match(again.stderr, /already exists/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
