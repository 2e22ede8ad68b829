// @ts-check
/**
 * What the end-to-end tests of `npm start`'s demo share: the demo (Vite with its feed server) for a
 * test file, Chromium, the feed server's control and stats, what went wrong in a page, and what the
 * demo page's sidebar block shows.
 */
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, ensureChrome } from '../../scripts/chrome.mjs';
import { startVite } from './vite-server.mjs';

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').BrowserContext} BrowserContext */
/** @typedef {{ requests: number, ok: number, notModified: number, failed: number }} FeedStats */
/** @typedef {{ warnings?: boolean, failedLoads?: boolean }} ProblemFilter */

/**
 * Registers the calling `describe`'s `before` and `after` hooks: the demo starts before its tests; after
 * them Chromium closes (it is launched the first time a test asks for it, so a file that drives other
 * browsers never starts it) and the demo stops. `origin` and `port` can be read once `before` ran.
 */
export function useDemoServer() {
  /** @type {Awaited<ReturnType<typeof startVite>> | undefined} */
  let server;
  /** @type {Promise<import('playwright-core').Browser> | undefined} */
  let launched;

  before(async () => {
    server = await startVite();
  });
  after(async () => {
    await launched?.then(
      (browser) => browser.close(),
      () => undefined, // a failed launch already failed the test that asked for it
    );
    server?.vite.kill();
  });

  const started = () => {
    if (!server) throw new Error('the demo starts in a before hook: use it inside tests and hooks');
    return server;
  };

  const demo = {
    /** The demo's `http://127.0.0.1:<port>`. */
    get origin() {
      return started().origin;
    },
    get port() {
      return started().port;
    },
    /** Chromium, launched on first use. */
    browser: () => (launched ??= chromium.launch({ executablePath: ensureChrome(), args: CHROME_ARGS })),

    /** Sends a command (reset, publish, fail, raw) to the feed server's `channel`; it must be accepted. @param {string} channel @param {object} command */
    async control(channel, command) {
      const response = await fetch(`${demo.origin}/feeds/${channel}/control`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(command),
      });
      assert.equal(response.status, 200, await response.text());
    },

    /** What the feed server counted for `channel`. @param {string} channel @returns {Promise<FeedStats>} */
    stats: async (channel) => (await fetch(`${demo.origin}/feeds/${channel}/stats`)).json(),

    /**
     * A context (one browser profile) with Playwright's `options`, in virtual time from `time` when given.
     * @param {import('playwright-core').BrowserContextOptions & { time?: number }} [options]
     */
    async newContext({ time, ...options } = {}) {
      const context = await (await demo.browser()).newContext(options);
      if (time !== undefined) await context.clock.install({ time });
      return context;
    },

    /**
     * Opens `url` in a context of its own, recording its problems (errors and warnings) and, with
     * JavaScript on, its CSP violations (`cspViolations(page)`) and virtual time from `time` when given.
     * @param {string} url
     * @param {import('playwright-core').BrowserContextOptions & { time?: number }} [options]
     */
    async openPage(url, { time, ...options } = {}) {
      const context = await demo.newContext(options);
      const page = await context.newPage();
      const problems = recordProblems(page);
      if (options.javaScriptEnabled !== false) {
        if (time !== undefined) await page.clock.install({ time });
        await watchCspViolations(page);
      }
      const response = await page.goto(url);
      return { page, context, problems, response };
    },

    /**
     * Opens the demo page showing `channel`'s feed in a new tab of `context`, with its problems
     * recorded through `filter` (see `recordProblems`) as `page.problems`.
     * @param {BrowserContext} context @param {string} channel @param {ProblemFilter} [filter]
     */
    async openDemo(context, channel, filter) {
      const page = await context.newPage();
      const problems = recordProblems(page, filter);
      await page.goto(`${demo.origin}/?feed=/feeds/${channel}/feed.json`);
      return Object.assign(page, { problems });
    },
  };
  return demo;
}

/**
 * Records what goes wrong in `page` from now on: uncaught errors, console errors and console warnings.
 * Lit's dev-mode notice (the demo serves Lit's development build) is never a problem. `warnings: false`
 * leaves warnings out; `failedLoads: false` leaves out the browser's own "Failed to load resource"
 * errors, for tests that make the feed fail on purpose.
 * @param {Page} page @param {ProblemFilter} [filter] @returns {string[]} filled as problems happen
 */
export function recordProblems(page, { warnings = true, failedLoads = true } = {}) {
  /** @type {string[]} */
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    const [type, text] = [message.type(), message.text()];
    const counted =
      type === 'error'
        ? failedLoads || !text.startsWith('Failed to load resource')
        : type === 'warning' && warnings && !text.includes('Lit is in dev mode');
    if (counted) problems.push(`${type}: ${text}`);
  });
  return problems;
}

/** From `page`'s next navigation on, keeps its CSP violations (`securitypolicyviolation` events) for `cspViolations`. @param {Page} page */
const watchCspViolations = (page) =>
  page.addInitScript(() => {
    /** @type {any} */ (window).__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      /** @type {any} */ (window).__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });

/** The CSP violations `page` had, as "directive blocked-URI". @param {Page} page @returns {Promise<string[]>} */
export const cspViolations = (page) => page.evaluate(() => /** @type {any} */ (window).__violations);

/** The demo sidebar block's items, each as its text and its label. @param {Page} page */
export const sidebarItems = (page) =>
  page.locator('#buitenland').evaluate(async (ticker) => {
    await /** @type {any} */ (ticker).updateComplete;
    const items = [...(ticker.shadowRoot?.querySelectorAll('[part="list"] [part~="item"]') ?? [])];
    return items.map((item) => [
      item.querySelector('[part="body"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      item.querySelector('[part="time"]')?.textContent?.trim() ?? '',
    ]);
  });

/** Waits until the demo sidebar block shows an item containing `text`. @param {Page} page @param {string} text */
export const sidebarShows = (page, text) => page.locator('#buitenland [part="list"] [part~="item"]', { hasText: text }).waitFor();
