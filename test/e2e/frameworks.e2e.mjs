// @ts-check
/** The npm package from React 19 and Vue 3: attributes in, items rendered, the status event out. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, ensureChrome } from '../../scripts/chrome.mjs';
import { startVite } from './vite-server.mjs';

describe('live-ticker in frameworks', () => {
  /** @type {import('node:child_process').ChildProcess} */
  let vite;
  /** @type {string} */
  let origin;
  /** @type {import('playwright-core').Browser} */
  let browser;

  before(async () => {
    ({ vite, origin } = await startVite());
    browser = await chromium.launch({ executablePath: ensureChrome(), args: CHROME_ARGS });
  });
  after(async () => {
    await browser?.close();
    vite?.kill();
  });

  for (const framework of ['react', 'vue']) {
    it(`works in ${framework === 'react' ? 'React 19' : 'Vue 3'}`, async () => {
      const page = await browser.newPage();
      /** @type {string[]} */
      const problems = [];
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
      });
      await page.goto(`${origin}/demo/frameworks/${framework}.html`);
      await page.locator('live-ticker [part="list"] live-ticker-item').nth(4).waitFor();
      assert.equal(await page.locator('live-ticker [part="heading"]').innerText(), 'Meer uit Buitenland');
      assert.equal(await page.locator('live-ticker [part="list"] live-ticker-item').count(), 5, 'max-items reached the element');
      await page.locator('#status', { hasText: 'status: live' }).waitFor();
      assert.deepEqual(
        problems.filter((problem) => !problem.includes('Lit is in dev mode')),
        [],
      );
      await page.close();
    });
  }
});
