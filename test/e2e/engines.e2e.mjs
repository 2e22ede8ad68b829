// @ts-check
/**
 * The built embed on the strict-CSP host page in Firefox and WebKit. The other end-to-end tests run
 * in Chromium through Playwright, whose own Firefox and WebKit builds this machine cannot use; here
 * Firefox is driven by puppeteer-core over WebDriver BiDi and WebKitGTK by its WebKitWebDriver.
 * Violations are counted from the reports the browser itself sends to the demo server (the page's
 * `report-uri`), so both engines are held to the same zero. Needs `dist/live-ticker.js`.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from 'puppeteer-core';
import { remote } from 'webdriverio';
import { firefoxLaunchOptions, selectedEngines, startWebKitDriver } from '../../scripts/browsers.mjs';
import { useDemoServer } from './demo-server.mjs';

/** What the page shows once the feed took over, read inside the page. */
function readBlock() {
  const ticker = document.querySelector('live-ticker');
  const root = ticker?.shadowRoot;
  const items = [...(root?.querySelectorAll('[part="list"] [part~="item"]') ?? [])];
  return {
    items: items.length,
    status: ticker?.getAttribute('status'),
    firstLabel: items[0]?.querySelector('[part="time"]')?.textContent?.trim(),
    listStyle: root?.querySelector('[part="list"]')
      ? getComputedStyle(/** @type {Element} */ (root.querySelector('[part="list"]'))).listStyleType
      : '',
    serverItemsShown: [...(ticker?.querySelectorAll(':scope > live-ticker-item') ?? [])].filter((item) => item.getClientRects().length > 0)
      .length,
  };
}

/** Whether the page refuses a string for innerHTML (Trusted Types enforced). A violation itself: run it last. */
function refusesHtmlStrings() {
  try {
    document.createElement('div').innerHTML = '<b>x</b>';
    return false;
  } catch {
    return true;
  }
}

/**
 * @typedef {object} Driver
 * @property {(url: string) => Promise<void>} goto
 * @property {() => Promise<ReturnType<typeof readBlock>>} read
 * @property {() => Promise<boolean>} refusesHtmlStrings
 * @property {(source: string) => Promise<void>} run
 * @property {() => Promise<void>} close
 */

/** @type {Record<'firefox' | 'webkit', () => Promise<Driver>>} */
const drivers = {
  async firefox() {
    const browser = await launch(firefoxLaunchOptions());
    const page = await browser.newPage();
    return {
      goto: async (url) => void (await page.goto(url)),
      read: () => page.evaluate(readBlock),
      refusesHtmlStrings: () => page.evaluate(refusesHtmlStrings),
      run: (source) => page.evaluate(source).then(() => undefined),
      close: () => browser.close(),
    };
  },
  async webkit() {
    const driver = await startWebKitDriver();
    try {
      const browser = await remote({ hostname: '127.0.0.1', port: driver.port, logLevel: 'error', capabilities: driver.capabilities });
      return {
        goto: (url) => browser.url(url).then(() => undefined),
        read: () => browser.execute(readBlock),
        refusesHtmlStrings: () => browser.execute(refusesHtmlStrings),
        run: (source) => browser.execute(source).then(() => undefined),
        close: async () => {
          await browser.deleteSession().catch(() => undefined);
          driver.stop();
        },
      };
    } catch (error) {
      driver.stop();
      throw error;
    }
  },
};

describe('the embed on the strict-CSP host page in the other engines', () => {
  const demo = useDemoServer();
  /** @param {string} channel @returns {Promise<string[]>} */
  const cspReports = async (channel) => (await fetch(`${demo.origin}/demo/csp-reports?channel=${channel}`)).json();

  for (const engine of /** @type {const} */ (['firefox', 'webkit'])) {
    it(
      `${engine}: shows the live feed, styled, under Trusted Types, with zero violations`,
      { skip: !selectedEngines().includes(engine) },
      async () => {
        const channel = `engines-${engine}`;
        await demo.control(channel, { reset: { publishEvery: 0 } });
        const driver = await drivers[engine]();
        try {
          await driver.goto(`${demo.origin}/demo/host.html?channel=${channel}`);
          // Real I/O in a browser shared with other test runs: wait by polling the page, generously bounded.
          let shown = await driver.read();
          for (let tries = 0; tries < 600 && (shown.items < 7 || shown.status !== 'live'); tries++) {
            await new Promise((resolve) => setTimeout(resolve, 100));
            shown = await driver.read();
          }
          assert.deepEqual(shown, {
            items: 7,
            status: 'live',
            firstLabel: shown.firstLabel?.match(/^\d+ minuten geleden$/) ? shown.firstLabel : 'a label in minutes',
            listStyle: 'none',
            serverItemsShown: 0,
          });
          // A violation on purpose, after everything else: once its report has arrived, any earlier one has too.
          await driver.run(`fetch('http://localhost:${demo.port}/csp-sentinel').catch(() => undefined)`);
          let reports = await cspReports(channel);
          for (let tries = 0; tries < 600 && !reports.some((report) => report.includes('csp-sentinel')); tries++) {
            await new Promise((resolve) => setTimeout(resolve, 100));
            reports = await cspReports(channel);
          }
          assert.ok(
            reports.some((report) => report.includes('csp-sentinel')),
            `the sentinel violation was reported: ${JSON.stringify(reports)}`,
          );
          // Firefox and WebKit fetch the page's /favicon.ico themselves, which `default-src 'none'` blocks: not the embed's doing.
          const embedViolations = reports.filter((report) => !report.includes('csp-sentinel') && !report.endsWith('/favicon.ico'));
          assert.deepEqual(embedViolations, []);
          assert.equal(await driver.refusesHtmlStrings(), true, 'Trusted Types are enforced on the page');
        } finally {
          await driver.close();
        }
      },
    );
  }
});
