// @ts-check
/**
 * Instant return visits: the items last seen come back at once on the next visit, with current
 * labels and the not-current hint, and stay while the feed fails. The demo page (`npm start`) in
 * Playwright's virtual clock.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, ensureChrome } from '../../scripts/chrome.mjs';
import { startVite } from './vite-server.mjs';

const T = Date.parse('2026-11-27T12:00:20Z');
const MINUTE = 60_000;

describe('return visits', () => {
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

  /** @param {string} channel @param {object} command */
  const control = async (channel, command) => {
    const response = await fetch(`${origin}/feeds/${channel}/control`, { method: 'POST', body: JSON.stringify(command) });
    assert.equal(response.status, 200, await response.text());
  };

  /** A context (one browser profile) in virtual time. @param {number} [time] */
  async function newContext(time = T) {
    const context = await browser.newContext();
    await context.clock.install({ time });
    return context;
  }

  /** Opens the demo on `channel` in a new tab of `context`, recording problems. @param {import('playwright-core').BrowserContext} context @param {string} channel */
  async function openTab(context, channel) {
    const page = await context.newPage();
    /** @type {string[]} */
    const problems = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console: ${message.text()}`);
    });
    await page.goto(`${origin}/?feed=/feeds/${channel}/feed.json`);
    return Object.assign(page, { problems });
  }

  /** The sidebar block's items, each as its text and label. @param {import('playwright-core').Page} page */
  const sidebar = (page) =>
    page.locator('#buitenland').evaluate(async (ticker) => {
      const items = [...(ticker.shadowRoot?.querySelectorAll('[part="list"] live-ticker-item') ?? [])];
      await Promise.all(items.map((item) => /** @type {any} */ (item).updateComplete));
      return items.map((item) => [
        item.shadowRoot?.querySelector('[part="body"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
        item.shadowRoot?.querySelector('[part="time"]')?.textContent?.trim() ?? '',
      ]);
    });
  /** Waits until the sidebar shows `text`. @param {import('playwright-core').Page} page @param {string} text */
  const shows = (page, text) => page.locator('#buitenland [part="list"] live-ticker-item', { hasText: text }).waitFor();
  it('shows the items last seen at once on a reload, with current labels and the not-current hint, and keeps them while the feed fails', async () => {
    const channel = 'return-visit';
    await control(channel, { reset: { now: T, publishEvery: 0 } });
    const context = await newContext();
    let page = await openTab(context, channel);
    await shows(page, 'DOHA (ANP/AFP)');
    const seen = await sidebar(page);
    assert.equal(seen[0]?.[1], '13 minuten geleden');

    // The reader comes back twenty minutes later, and the feed hangs: nothing comes from it, yet the items are there at once.
    await page.close();
    await control(channel, { fail: { hang: true, times: 1 } });
    await context.clock.fastForward(20 * MINUTE);
    page = await openTab(context, channel);
    await shows(page, 'DOHA (ANP/AFP)');
    const restored = await sidebar(page);
    assert.deepEqual(
      restored.map(([text]) => text),
      seen.map(([text]) => text),
    );
    assert.deepEqual(
      restored.map(([, label]) => label),
      [
        '33 minuten geleden',
        '34 minuten geleden',
        '36 minuten geleden',
        '38 minuten geleden',
        '1 uur geleden',
        '1 uur geleden',
        '1 uur geleden',
      ],
    );
    assert.equal(await page.locator('#buitenland').getAttribute('status'), 'stale');
    assert.match((await page.locator('#buitenland [part="status"]').textContent()) ?? '', /Niet actueel/);

    // The hanging request times out, the retries fail: the items stay.
    await control(channel, { fail: { status: 503, times: 100 } });
    await context.clock.runFor(2 * MINUTE);
    await page.waitForFunction(async () => {
      const stats = await (await fetch(location.search.replace('?feed=', '').replace('feed.json', 'stats'))).json();
      return stats.failed >= 2;
    });
    assert.deepEqual(
      (await sidebar(page)).map(([text]) => text),
      seen.map(([text]) => text),
    );
    assert.equal(await page.locator('#buitenland').getAttribute('status'), 'stale');
    assert.deepEqual(page.problems, []);
    await context.close();
  });
});
