// The officers' console in a real browser (Debian chromium through playwright-core), against the
// real platform: a citizen applies for an income certificate through the simulator (the same
// backend the simulator page uses, signed webhooks and all), the application appears in the
// inbox of the right secretariat staff (Vijayawada, NTR district) and not in another district's,
// staff verify it and the Tahsildar approves it in the console, and the citizen's simulator
// page shows the approval. Screenshots of the console (login, inbox, application, Telugu, phone)
// go to test-results/screenshots (docs/screenshots with UPDATE_SCREENSHOTS=1).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { platformDrivers, startTestPlatform, type TestPlatform } from '../support/test-platform.ts';
import { addOfficer, applyForIncomeCertificate, documentPng, PASSWORD } from '../support/back-office-helpers.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const SCREENSHOTS = resolve(import.meta.dirname, '..', '..', process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : 'test-results/screenshots');
const skip = existsSync(CHROMIUM) ? undefined : `chromium not found at ${CHROMIUM}: apt-get install chromium`;

describe('officer console in chromium, against the real platform', { skip }, () => {
  let p: TestPlatform;
  let browser: Browser;
  let laptop: BrowserContext;
  let page: Page;
  let citizenPage: Page;
  const citizen = '919700000042';
  let reference = '';
  /** Requests to anywhere but this machine, which the pages must never make. */
  const blocked: string[] = [];
  const errors: string[] = [];
  /** The platform's clock runs `offset` ms ahead of real time (moved forward for the SLA test). */
  let offset = 0;

  const guard = async (target: Page) => {
    target.on('pageerror', (e) => errors.push(e.message));
    await target.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
      blocked.push(url.href);
      return route.abort();
    });
  };

  before(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    p = await startTestPlatform(await platformDrivers()[0].create(), { DEMO_OFFICERS: 'false' }, () => new Date(Date.now() + offset));
    await addOfficer(p, 'ntr.staff', 'secretariat_staff', { department: 'revenue', district: 'ntr', mandal: 'Vijayawada' });
    await addOfficer(p, 'ntr.tahsildar', 'approving_officer', { department: 'revenue', district: 'ntr', mandal: 'Vijayawada' });
    await addOfficer(p, 'guntur.tahsildar', 'approving_officer', { department: 'revenue', district: 'guntur' });
    await addOfficer(p, 'revenue.admin', 'department_administrator', { department: 'revenue' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    citizenPage = await (await browser.newContext({ viewport: { width: 412, height: 860 }, deviceScaleFactor: 1 })).newPage();
    await guard(citizenPage);
    laptop = await browser.newContext({ viewport: { width: 1366, height: 860 }, deviceScaleFactor: 1 });
    page = await laptop.newPage();
    await guard(page);
  });
  after(async () => {
    await browser?.close();
    await p?.stop();
  });

  async function login(username: string, password = PASSWORD): Promise<void> {
    await page.goto(`${p.url}/console#/login`);
    await page.fill('#username', username);
    await page.fill('#password', password);
    await page.click('#login-form button[type=submit]');
  }

  async function logout(): Promise<void> {
    await page.click('#logout');
    await page.waitForSelector('#login-form');
  }

  it('a citizen applies through the simulator; the application is in the Vijayawada staff inbox only', async () => {
    await citizenPage.goto(`${p.url}/simulator?waId=${citizen}&name=${encodeURIComponent('Lakshmi Devi')}`);
    reference = await applyForIncomeCertificate(p, citizen, { district: 'ntr', mandal: 'Vijayawada', photo: documentPng() });
    await citizenPage.waitForSelector(`.msg.from-mitra:has-text("${reference}")`);

    // Sign-in page, with the message a wrong password gets.
    await page.goto(`${p.url}/console`);
    await page.waitForSelector('#login-form');
    await page.fill('#username', 'ntr.staff');
    await page.fill('#password', 'not the password');
    await page.click('#login-form button[type=submit]');
    await page.waitForSelector('#login-error:not([hidden])');
    assert.match(await page.innerText('#login-error'), /Wrong username or password/);
    await page.fill('#username', 'ntr.staff');
    await page.screenshot({ path: resolve(SCREENSHOTS, 'console-login.png') });
    // The fifth wrong password in a row locks the account, and the page says until when.
    await addOfficer(p, 'careless', 'approving_officer', { department: 'revenue', district: 'ntr' });
    for (let i = 0; i < 5; i++) {
      await page.fill('#username', 'careless');
      await page.fill('#password', `guess ${i}`);
      await page.click('#login-form button[type=submit]');
      await page.waitForFunction((n) => !document.querySelector('#login-error')?.hasAttribute('hidden') && document.querySelector('#login-form button')?.textContent === 'Sign in' && n >= 0, i);
    }
    assert.match(await page.innerText('#login-error'), /locked until .* \(about 15 min\)/);
    await page.screenshot({ path: resolve(SCREENSHOTS, 'console-login-locked.png') });

    // Another district's officer sees nothing of it.
    await login('guntur.tahsildar');
    await page.waitForSelector('.inbox-head');
    assert.equal(await page.locator(`tr[data-reference="${reference}"]`).count(), 0);
    await page.goto(`${p.url}/console#/a/${reference}`);
    await page.waitForSelector('#not-found');
    await logout();

    await login('ntr.staff');
    const row = page.locator(`tr[data-reference="${reference}"]`);
    await row.waitFor();
    assert.match(await row.innerText(), /On time/);
    assert.match(await row.innerText(), /Lakshmi Devi/);
    assert.match(await row.innerText(), /Your action/);
    await page.screenshot({ path: resolve(SCREENSHOTS, 'console-inbox.png') });
  });

  it('staff verify it in the console; the Tahsildar approves it; the citizen receives the update', async () => {
    await page.locator(`tr[data-reference="${reference}"] a`).click();
    await page.waitForSelector('#application');
    // The answers, Aadhaar masked, and the photo shown inline.
    const answers = await page.innerText('#answers');
    assert.match(answers, /XXXX XXXX 2346/);
    assert.doesNotMatch(answers, /234123412346/);
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('#documents img');
      return img !== null && img.complete && img.naturalWidth === 360;
    });
    await page.screenshot({ path: resolve(SCREENSHOTS, 'console-application.png'), fullPage: true });
    await page.click('button[data-action="verify"]');
    await page.waitForSelector('#notice');
    assert.match(await page.innerText('#notice'), /Verified\. The citizen has been told on WhatsApp/);
    assert.equal(await page.getAttribute('#application', 'data-status'), 'pending_approval');
    await citizenPage.waitForSelector('.msg.from-mitra:has-text("Awaiting the officer")');
    await logout();

    await login('ntr.tahsildar');
    await page.locator(`tr[data-reference="${reference}"] a`).click();
    await page.waitForSelector('button[data-action="approve"]');
    // Reject without a reason is stopped in the page (and would be by the API).
    await page.click('button[data-action="reject"]');
    await page.waitForSelector('#actions .alert.error');
    await page.fill('#reason', 'All documents in order.');
    await page.click('button[data-action="approve"]');
    await page.waitForSelector('#application[data-status="approved"]');
    assert.match(await page.innerText('#history'), /ntr\.staff[\s\S]*ntr\.tahsildar/);
    await page.screenshot({ path: resolve(SCREENSHOTS, 'console-approved.png'), fullPage: true });

    const approval = citizenPage.locator('.msg.from-mitra', { hasText: 'has been approved' });
    await approval.waitFor();
    assert.match(await approval.innerText(), new RegExp(reference));
    await citizenPage.screenshot({ path: resolve(SCREENSHOTS, 'console-citizen-update.png') });
  });

  it('switches to Telugu, and works on a phone', async () => {
    await page.click('#lang-switch');
    await page.waitForSelector('html[lang="te"] #application');
    assert.match(await page.innerText('#history'), /చరిత్ర/);
    await page.screenshot({ path: resolve(SCREENSHOTS, 'console-application-te.png'), fullPage: true });
    await page.click('#lang-switch');
    await page.waitForSelector('html[lang="en"] #application');

    const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 })).newPage();
    await guard(phone);
    await phone.goto(`${p.url}/console`);
    await phone.fill('#username', 'ntr.tahsildar');
    await phone.fill('#password', PASSWORD);
    await phone.click('#login-form button[type=submit]');
    await phone.waitForSelector('.inbox-head');
    await phone.selectOption('#filter-status', 'all');
    await phone.waitForSelector(`tr[data-reference="${reference}"]`);
    // Cards, not a table squeezed sideways: nothing wider than the screen.
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
    await phone.screenshot({ path: resolve(SCREENSHOTS, 'console-inbox-phone.png') });
  });

  it('shows an application the SLA job escalated: breached badge first in the inbox, the breach and the escalation on the page', async () => {
    const late = await applyForIncomeCertificate(p, '919700000043', { district: 'ntr', mandal: 'Vijayawada', name: 'Ramana Murthy', photo: documentPng() });
    // Twelve days later it is far past its 3 working days; one more arrives on time.
    offset += 12 * 24 * 60 * 60 * 1000;
    const fresh = await applyForIncomeCertificate(p, '919700000045', { district: 'guntur', mandal: 'Tenali', name: 'Suresh Babu', photo: documentPng() });
    for (let i = 0; i < 200; i++) {
      const row = (await p.db.query('SELECT status FROM applications WHERE id = $1', [late])).rows[0];
      if (row.status === 'escalated') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await login('revenue.admin');
    const first = page.locator('#inbox-table tbody tr').first();
    await first.waitFor();
    assert.equal(await first.getAttribute('data-reference'), late, 'the breached application comes first');
    assert.match(await first.innerText(), /Breached/);
    assert.match(await first.innerText(), /late/);
    assert.ok(await page.locator(`tr[data-reference="${fresh}"]`).count(), 'a new application is listed too');
    assert.match(await page.innerText('.counts'), /1\s*overdue/);
    await page.screenshot({ path: resolve(SCREENSHOTS, 'console-inbox-breached.png') });
    await first.locator('a').click();
    await page.waitForSelector('#breaches');
    assert.match(await page.innerText('#history'), /Escalated → Department administrator[\s\S]*by Mitra \(automatic\)/);
    assert.match(await page.innerText('#breaches'), /escalated to Department administrator/);
    await page.screenshot({ path: resolve(SCREENSHOTS, 'console-escalated.png'), fullPage: true });
    assert.deepEqual(errors, []);
    assert.deepEqual(blocked, []);
  });
});

if (skip) console.log(`# skipping the console browser test: ${skip}`);
