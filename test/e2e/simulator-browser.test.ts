// The web simulator in a real browser (Debian chromium) against the real platform: engine,
// catalog, database, signed webhooks and the Graph API double. A citizen taps through the
// language buttons and the menu list in Telugu and starts an application; screenshots go to
// docs/screenshots/ so people can see what citizens see.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { platformDrivers, startTestPlatform, type TestPlatform } from '../support/test-platform.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
// Screenshots refresh docs/screenshots only when asked (UPDATE_SCREENSHOTS=1), so a test run leaves the tree clean.
const SCREENSHOTS = resolve(import.meta.dirname, '..', '..', process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : 'test-results/screenshots');
const skip = existsSync(CHROMIUM) ? undefined : `chromium not found at ${CHROMIUM}: apt-get install chromium`;

describe('simulator in chromium, against the real engine', { skip }, () => {
  let p: TestPlatform;
  let browser: Browser;
  let page: Page;
  before(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    p = await startTestPlatform(await platformDrivers()[0].create());
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    page = await browser.newPage({ viewport: { width: 420, height: 860 }, deviceScaleFactor: 1 });
  });
  after(async () => {
    await browser?.close();
    await p?.stop();
  });

  const lastFromMitra = () => page.locator('.msg.from-mitra').last();
  const waitForMitraCount = (n: number) => page.waitForFunction((k) => document.querySelectorAll('.msg.from-mitra').length >= k, n, { timeout: 15_000 });

  it('chooses Telugu, opens the menu list and starts the income certificate', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${p.url}/simulator?waId=919700000001&name=${encodeURIComponent('లక్ష్మి')}`);
    await page.fill('#text-input', 'Hi');
    await page.press('#text-input', 'Enter');
    await waitForMitraCount(1);
    await lastFromMitra().locator('.reply-buttons button[data-reply-id="lang:te"]').click();
    await waitForMitraCount(2);
    const menu = lastFromMitra();
    assert.equal(await menu.getAttribute('data-type'), 'interactive:list');
    await page.screenshot({ path: resolve(SCREENSHOTS, 'e2e-te-menu.png') });
    await menu.locator('.list-open').click();
    await page.waitForSelector('#list-sheet:not([hidden])');
    await page.screenshot({ path: resolve(SCREENSHOTS, 'e2e-te-menu-sheet.png') });
    await page.locator('#list-sheet .sheet-row[data-row-id="menu:popular"]').click();
    await waitForMitraCount(3);
    await lastFromMitra().locator('.list-open').click();
    await page.waitForSelector('#list-sheet:not([hidden])');
    const income = page.locator('#list-sheet .sheet-row', { hasText: 'ఆదాయ' }).first();
    await income.click();
    await waitForMitraCount(4);
    const intro = lastFromMitra();
    assert.match(await intro.innerText(), /ఆదాయ/);
    await intro.locator('.reply-buttons button[data-reply-id="consent:yes"]').click();
    await waitForMitraCount(5);
    await page.fill('#text-input', 'గొల్లపూడి రామారావు');
    await page.press('#text-input', 'Enter');
    await waitForMitraCount(6);
    // A wrong Aadhaar number later on is refused with its reason, in Telugu.
    await page.screenshot({ path: resolve(SCREENSHOTS, 'e2e-te-application.png') });
    assert.deepEqual(errors, []);
  });
});
