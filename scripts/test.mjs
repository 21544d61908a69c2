#!/usr/bin/env node
// `npm test`: type-check, make sure the system packages the tests need are there (installing
// them with apt-get when running as root), then run every test file with node's test runner on
// the embedded database, and on PostgreSQL too when TEST_DATABASE_URL or DATABASE_URL is set.
// Ends with one line "N passed, N failed" for CI.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, mkdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
process.chdir(root);

/** Debian packages the suite uses, by the command that shows they are installed. */
const SYSTEM_PACKAGES = [
  { command: '/usr/bin/chromium', pkg: 'chromium', why: 'browser tests of the simulator and pages' },
  { command: '/usr/share/fonts/truetype/noto/NotoSansTelugu-Regular.ttf', pkg: 'fonts-noto-core', why: 'Telugu and Hindi text in browser screenshots' },
  { command: '/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf', pkg: 'fonts-noto-color-emoji', why: 'emoji in simulator screenshots' },
  { command: '/usr/bin/pdftoppm', pkg: 'poppler-utils', why: 'rasterising and reading back certificate PDFs' },
  { command: '/usr/bin/zbarimg', pkg: 'zbar-tools', why: 'reading certificate QR codes as a phone camera would' },
];

function ensureSystemPackages() {
  const missing = SYSTEM_PACKAGES.filter((p) => !existsSync(p.command));
  if (missing.length === 0) return;
  const names = missing.map((p) => p.pkg);
  if (process.getuid?.() === 0) {
    console.log(`Installing missing Debian packages: ${names.join(' ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const r = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...names], { stdio: 'inherit', env });
    if (r.status === 0) return;
  }
  for (const p of missing.filter((p) => !existsSync(p.command))) {
    console.log(`NOTE: ${p.command} is missing (Debian package '${p.pkg}', for ${p.why}); those tests will be skipped. Install it with: sudo apt-get install ${p.pkg}`);
  }
}

function testFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...testFiles(path));
    else if (name.endsWith('.test.ts')) out.push(relative(root, path));
  }
  return out.sort();
}

ensureSystemPackages();

console.log('Type-checking…');
const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', '.'], { stdio: 'inherit' });
if (tsc.status !== 0) {
  console.log('0 passed, 1 failed (type errors)');
  process.exit(1);
}

const only = process.argv.slice(2);
const files = only.length ? only : testFiles(join(root, 'test'));
const pg = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
console.log(`Running ${files.length} test files on the embedded database${pg ? ' and on PostgreSQL' : ''}…`);
mkdirSync('test-results', { recursive: true });
const tap = join('test-results', 'results.tap');
const run = spawnSync(process.execPath, [
  '--import', 'tsx', '--test', '--test-concurrency=2',
  '--test-reporter=spec', '--test-reporter-destination=stdout',
  '--test-reporter=tap', `--test-reporter-destination=${tap}`,
  ...files,
], { stdio: 'inherit', env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' } });

const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
const count = (key) => Number(text.match(new RegExp(`^# ${key} (\\d+)`, 'm'))?.[1] ?? 0);
const passed = count('pass');
const failed = count('fail') + (run.status !== 0 && count('fail') === 0 ? 1 : 0);
console.log(`${passed} passed, ${failed} failed${count('skipped') ? `, ${count('skipped')} skipped` : ''}`);
process.exit(run.status ?? 1);
