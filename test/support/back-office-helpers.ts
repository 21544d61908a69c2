/**
 * Helpers for back-office tests (issue #4): a citizen applying for an income certificate
 * through the real webhook, officers created straight in the database, and an officer's HTTP
 * session (cookie + CSRF, or bearer) against the officer API.
 */
import type { TestPlatform } from './test-platform.ts';
import { paintPng } from './paint-png.ts';
import { bodyText, choices } from './test-platform.ts';
import { createOfficer, type OfficerRecord } from '../../src/storage/officer-store.ts';
import { hashPassword, type PasswordParams } from '../../src/lib/scrypt-password.ts';
import type { OfficerRole } from '../../src/workflow/index.ts';

/** A 1×1 PNG, the "photo" citizens send. */
export const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1d3fc1d0000000049454e44ae426082', 'hex');
/**
 * A PNG that looks like a photographed card (a header band, a photo box and lines of text),
 * so screenshots show a document rather than a dot.
 */
export function documentPng(width = 360, height = 228): Buffer {
  return paintPng(width, height, (x, y) => {
    if (x < 3 || y < 3 || x >= width - 3 || y >= height - 3) return [120, 120, 120];
    if (y < 40) return [200, 96, 30];
    if (x > 20 && x < 100 && y > 60 && y < 170) return [170, 184, 196];
    if (x > 120 && x < 330 && [70, 95, 120, 145, 170].some((l) => y >= l && y < l + 8)) return [96, 104, 110];
    return [246, 243, 232];
  });
}

/** A Verhoeff-valid Aadhaar number (the UIDAI sample). */
export const AADHAAR = '234123412346';
/** Cheap scrypt parameters for test accounts (the stored parameters make this legitimate). */
export const FAST_PARAMS: PasswordParams = { algorithm: 'scrypt', N: 2 ** 10, r: 8, p: 1, keyLength: 32 };
/** The password of every test officer. */
export const PASSWORD = 'correct horse battery staple';

/** Creates an officer account with {@link PASSWORD}. */
export async function addOfficer(p: TestPlatform, username: string, role: OfficerRole, area: { department?: string; district?: string; mandal?: string } = {}): Promise<OfficerRecord> {
  return createOfficer(p.db, { username, role, password: await hashPassword(PASSWORD, FAST_PARAMS), ...area });
}

/** Sends `input` as the citizen and collects replies until one satisfies `done` (or times out). */
export async function sayUntil(p: TestPlatform, waId: string, input: Parameters<TestPlatform['say']>[1], done: (body: Record<string, any>) => boolean, timeoutMs = 10_000): Promise<Record<string, any>[]> {
  const got: Record<string, any>[] = [];
  const digits = (s: string) => s.replace(/\D/g, '');
  const finished = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => { off(); reject(new Error(`no matching reply to ${JSON.stringify(input).slice(0, 200)}; got ${JSON.stringify(got).slice(0, 1500)}`)); }, timeoutMs);
    const off = p.double!.on('message', (rec) => {
      if (digits(rec.to) !== digits(waId)) return;
      got.push(rec.body);
      if (done(rec.body)) { clearTimeout(timer); off(); resolve(); }
    });
  });
  await p.say(waId, input, { replies: 0 });
  await finished;
  return got;
}

/** Waits for the next message to `waId` that satisfies `match`. */
export function nextMessage(p: TestPlatform, waId: string, match: (body: Record<string, any>) => boolean = () => true, timeoutMs = 10_000): Promise<Record<string, any>> {
  const digits = (s: string) => s.replace(/\D/g, '');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { off(); reject(new Error(`no message to ${waId} matched in ${timeoutMs} ms`)); }, timeoutMs);
    const off = p.double!.on('message', (rec) => {
      if (digits(rec.to) !== digits(waId) || !match(rec.body)) return;
      clearTimeout(timer);
      off();
      resolve(rec.body);
    });
  });
}

const has = (id: string) => (b: Record<string, any>) => choices(b).some((c) => c.id === id);
const text = (b: Record<string, any>) => b.type === 'text';

/**
 * The citizen `waId` applies for an income certificate in English, living in `district`
 * (an ap-districts id) and `mandal`, with a photo of their Aadhaar; returns the reference.
 */
export async function applyForIncomeCertificate(p: TestPlatform, waId: string, where: { district: string; mandal: string; name?: string; photo?: Buffer }): Promise<string> {
  await sayUntil(p, waId, 'Hi', (b) => has('lang:en')(b) || choices(b).some((c) => c.id.startsWith('menu:')));
  const [menu] = await p.say(waId, { type: 'button_reply', id: 'lang:en', title: 'English' });
  void menu;
  await sayUntil(p, waId, { type: 'list_reply', id: 'svc:revenue.income-certificate', title: 'Income certificate' }, has('consent:yes'));
  const steps: [Parameters<TestPlatform['say']>[1], (b: Record<string, any>) => boolean][] = [
    [{ type: 'button_reply', id: 'consent:yes', title: 'I agree' }, text],
    [where.name ?? 'Lakshmi Devi', text],
    ['Venkata Rao', text],
    [AADHAAR, text],
    ['9876543210', text],
    ['15-08-1990', (b) => choices(b).some((c) => c.id === 'opt:female')],
    [{ type: 'button_reply', id: 'opt:female', title: 'Female' }, (b) => b.type === 'interactive'],
    [{ type: 'list_reply', id: `opt:${where.district}`, title: where.district }, text],
    [where.mandal, text],
    ['Gollapudi', text],
    ['520012', text],
    ['120000', has('opt:agriculture')],
    [{ type: 'list_reply', id: 'opt:agriculture', title: 'Agriculture' }, has('opt:scholarship')],
    [{ type: 'list_reply', id: 'opt:scholarship', title: 'Scholarship' }, (b) => text(b) && /📎/.test(bodyText(b))],
    ['skip', (b) => text(b) && /📎/.test(bodyText(b))],
  ];
  for (const [input, until] of steps) await sayUntil(p, waId, input, until);
  await sayUntil(p, waId, { type: 'image', base64: (where.photo ?? PNG).toString('base64'), mimeType: 'image/png', filename: 'aadhaar.png' }, has('rev:confirm'));
  const done = await sayUntil(p, waId, { type: 'button_reply', id: 'rev:confirm', title: 'Confirm & submit' }, (b) => /MM-\d{6}-[A-Z0-9]{8}/.test(bodyText(b)));
  return bodyText(done.at(-1)!).match(/MM-\d{6}-[A-Z0-9]{8}/)![0];
}

/** An officer's HTTP session against the officer API. */
export interface OfficerClient {
  csrf: string;
  cookie: string;
  get(path: string): Promise<Response>;
  post(path: string, body?: unknown, opts?: { csrf?: boolean }): Promise<Response>;
}

/** Logs in with the session cookie (as the console does); throws unless it succeeds. */
export async function loginOfficer(p: TestPlatform, username: string, password = PASSWORD): Promise<OfficerClient> {
  const res = await fetch(`${p.url}/api/officer/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const body = await res.json() as { csrfToken: string };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  return {
    csrf: body.csrfToken,
    cookie,
    get: (path) => fetch(`${p.url}${path}`, { headers: { cookie } }),
    post: (path, payload, opts = {}) => fetch(`${p.url}${path}`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', ...(opts.csrf === false ? {} : { 'x-csrf-token': body.csrfToken }) },
      body: JSON.stringify(payload ?? {}),
    }),
  };
}

/** Waits until `check` resolves truthy (polling), or throws after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
