// @ts-check
/**
 * One browser, one connection: tabs of one browser showing the same feed share one request loop
 * (a Web Lock elects the leader, a BroadcastChannel carries its updates), hand over when the leader
 * closes or is hidden, and request nothing while every tab is hidden (return visits are tested in
 * return-visit.e2e.mjs). The demo page (`npm start`) in Playwright's virtual clock, two pages in one context.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, ensureChrome } from '../../scripts/chrome.mjs';
import { startVite } from './vite-server.mjs';

const T = Date.parse('2026-11-27T12:00:20Z');
/** The longest poll interval: 30 s + 20 % jitter. One step of virtual time holds exactly one poll of a loop. */
const INTERVAL = 36_001;

describe('tabs of one browser', () => {
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
  /** @param {string} channel @returns {Promise<{ requests: number, ok: number, notModified: number, failed: number }>} */
  const stats = async (channel) => (await fetch(`${origin}/feeds/${channel}/stats`)).json();

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
        item.shadowRoot?.querySelector('live-ticker-time')?.shadowRoot?.textContent?.trim() ?? '',
      ]);
    });
  /** Waits until the sidebar shows `text`. @param {import('playwright-core').Page} page @param {string} text */
  const shows = (page, text) => page.locator('#buitenland [part="list"] live-ticker-item', { hasText: text }).waitFor();
  /** Pretends a tab is hidden or shown, as the browser does. @param {import('playwright-core').Page} page @param {boolean} hidden */
  const setHidden = (page, hidden) =>
    page.evaluate((value) => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => value });
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (value ? 'hidden' : 'visible') });
      document.dispatchEvent(new Event('visibilitychange'));
    }, hidden);

  /** Publishes an item, moves virtual time on one poll interval, and waits until every tab shows it. */
  async function step(
    /** @type {import('playwright-core').BrowserContext} */ context,
    /** @type {string} */ channel,
    /** @type {number} */ n,
    /** @type {import('playwright-core').Page[]} */ tabs,
  ) {
    await control(channel, { publish: { id: `step-${n}`, text: `DEN HAAG (ANP) - Bericht ${n} van de stap` } });
    await context.clock.runFor(INTERVAL);
    for (const tab of tabs) await shows(tab, `Bericht ${n} van de stap`);
  }

  it('two tabs poll the feed once per interval in total; closing the leader hands over within one interval, losing nothing', async () => {
    const channel = 'tabs-close';
    await control(channel, { reset: { now: T, publishEvery: 0 } });
    const context = await newContext();
    const first = await openTab(context, channel);
    await shows(first, 'DOHA (ANP/AFP)');
    const second = await openTab(context, channel);
    await shows(second, 'DOHA (ANP/AFP)');
    const loaded = (await stats(channel)).requests;
    assert.ok(loaded <= 2, `${loaded} requests to load two tabs`);

    for (let n = 1; n <= 3; n++) await step(context, channel, n, [first, second]);
    assert.equal((await stats(channel)).requests - loaded, 3, 'one request per interval for both tabs');
    assert.deepEqual(await sidebar(second), await sidebar(first));

    // The leader's tab closes; the second takes over: its first request brings what was published meanwhile.
    await control(channel, { publish: { id: 'step-4', text: 'DEN HAAG (ANP) - Bericht 4 van de stap' } });
    await first.close();
    await context.clock.runFor(1000); // the start jitter
    await shows(second, 'Bericht 4 van de stap');
    assert.equal((await stats(channel)).requests - loaded, 3 + 1, 'one request on taking over');
    await step(context, channel, 5, [second]);
    assert.equal((await stats(channel)).requests - loaded, 3 + 1 + 1, 'then one per interval');
    const shown = (await sidebar(second)).map(([text]) => text ?? '');
    for (let n = 5; n >= 1; n--)
      assert.ok(
        shown.some((text) => text.includes(`Bericht ${n} van`)),
        `item ${n} kept`,
      );
    assert.deepEqual(second.problems, []);
    await context.close();
  });

  it('a hidden leader hands over to a visible tab; with every tab hidden nothing is requested; shown again, a tab catches up at once', async () => {
    const channel = 'tabs-hidden';
    await control(channel, { reset: { now: T, publishEvery: 0 } });
    const context = await newContext();
    const first = await openTab(context, channel);
    await shows(first, 'DOHA (ANP/AFP)');
    const second = await openTab(context, channel);
    await shows(second, 'DOHA (ANP/AFP)');

    await setHidden(first, true);
    // The hand-over is the browser's lock manager's doing: wait until the visible tab holds the lock.
    await second.waitForFunction(async () => {
      const { held = [], pending = [] } = await navigator.locks.query();
      return held.length === 1 && pending.length === 0;
    });
    await step(context, channel, 1, [second, first]); // the hidden tab still hears the updates
    const afterHandOver = (await stats(channel)).requests;

    await setHidden(second, true);
    await control(channel, { publish: { id: 'while-hidden', text: 'BERLIJN (ANP) - Terwijl niemand keek' } });
    await context.clock.runFor(3 * INTERVAL);
    assert.equal((await stats(channel)).requests, afterHandOver, 'nothing requested while every tab is hidden');

    await setHidden(first, false);
    await context.clock.runFor(1000);
    await shows(first, 'Terwijl niemand keek');
    await shows(second, 'Terwijl niemand keek');
    assert.deepEqual([...first.problems, ...second.problems], []);
    await context.close();
  });
});
