// @ts-check
/**
 * One browser, one connection: tabs of one browser showing the same feed share one request loop
 * (a Web Lock elects the leader, a BroadcastChannel carries its updates), hand over when the leader
 * closes or is hidden, and request nothing while every tab is hidden (return visits are tested in
 * return-visit.e2e.mjs). The demo page (`npm start`) in Playwright's virtual clock, two pages in one context.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sidebarItems, sidebarShows, useDemoServer } from './demo-server.mjs';

const T = Date.parse('2026-11-27T12:00:20Z');
/** The longest poll interval: 30 s + 20 % jitter. One step of virtual time holds exactly one poll of a loop. */
const INTERVAL = 36_001;

describe('tabs of one browser', () => {
  const demo = useDemoServer();
  /** Opens the demo on `channel` in a new tab of `context`; failed loads and warnings are not checked. @param {import('playwright-core').BrowserContext} context @param {string} channel */
  const openTab = (context, channel) => demo.openDemo(context, channel, { warnings: false, failedLoads: false });

  /** A fresh `channel` at virtual time T, shown in two tabs of one context, each showing the feed. @param {string} channel */
  async function openTwoTabs(channel) {
    await demo.control(channel, { reset: { now: T, publishEvery: 0 } });
    const context = await demo.newContext({ time: T });
    const first = await openTab(context, channel);
    await sidebarShows(first, 'DOHA (ANP/AFP)');
    const second = await openTab(context, channel);
    await sidebarShows(second, 'DOHA (ANP/AFP)');
    return { context, first, second };
  }

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
    await demo.control(channel, { publish: { id: `step-${n}`, text: `DEN HAAG (ANP) - Bericht ${n} van de stap` } });
    await context.clock.runFor(INTERVAL);
    for (const tab of tabs) await sidebarShows(tab, `Bericht ${n} van de stap`);
  }

  it('two tabs poll the feed once per interval in total; closing the leader hands over within one interval, losing nothing', async () => {
    const channel = 'tabs-close';
    const { context, first, second } = await openTwoTabs(channel);
    const loaded = (await demo.stats(channel)).requests;
    assert.ok(loaded <= 2, `${loaded} requests to load two tabs`);

    for (let n = 1; n <= 3; n++) await step(context, channel, n, [first, second]);
    assert.equal((await demo.stats(channel)).requests - loaded, 3, 'one request per interval for both tabs');
    assert.deepEqual(await sidebarItems(second), await sidebarItems(first));

    // The leader's tab closes; the second takes over: its first request brings what was published meanwhile.
    await demo.control(channel, { publish: { id: 'step-4', text: 'DEN HAAG (ANP) - Bericht 4 van de stap' } });
    await first.close();
    await context.clock.runFor(1000); // the start jitter
    await sidebarShows(second, 'Bericht 4 van de stap');
    assert.equal((await demo.stats(channel)).requests - loaded, 3 + 1, 'one request on taking over');
    await step(context, channel, 5, [second]);
    assert.equal((await demo.stats(channel)).requests - loaded, 3 + 1 + 1, 'then one per interval');
    const shown = (await sidebarItems(second)).map(([text]) => text ?? '');
    for (let n = 5; n >= 1; n--)
      assert.ok(
        shown.some((text) => text.includes(`Bericht ${n} van`)),
        `item ${n} kept`,
      );
    assert.deepEqual(second.problems, []);
    await context.close();
  });

  it('a retraction reaches every tab and what is kept, and a reload does not bring back its server-rendered copy', async () => {
    const channel = 'tabs-retract';
    const { context, first, second } = await openTwoTabs(channel);
    const wenen = (/** @type {import('playwright-core').Page} */ page) =>
      page.locator('#buitenland [part="list"] [part~="item"]', { hasText: 'WENEN (ANP)' });
    await demo.control(channel, { delete: 'anp-orf-directeur' });
    await context.clock.runFor(INTERVAL);
    for (const tab of [first, second]) await wenen(tab).waitFor({ state: 'detached' });
    const kept = await first.evaluate(() =>
      Object.entries(localStorage)
        .filter(([key]) => key.startsWith('live-ticker:items:'))
        .map(([, value]) => JSON.parse(value)),
    );
    assert.equal(kept.length, 1);
    assert.deepEqual(kept[0].retracted, ['anp-orf-directeur']);
    assert.equal(kept[0].items.filter((/** @type {{ id: string }} */ item) => item.id === 'anp-orf-directeur').length, 0);

    // The reader comes back to a page that still carries the item, rendered on the server (a cached
    // copy), and the feed does not answer: what the browser kept decides.
    await second.close();
    await demo.control(channel, { fail: { hang: true, times: 3 } });
    await first.reload();
    const copy = first.locator('#buitenland > live-ticker-item[item-id="anp-orf-directeur"]');
    assert.equal(await copy.count(), 1, 'the page carries the server-rendered copy');
    await first.waitForFunction(() =>
      document.querySelector('#buitenland > live-ticker-item[item-id="anp-orf-directeur"]')?.hasAttribute('hidden'),
    );
    await sidebarShows(first, 'DOHA (ANP/AFP)');
    assert.equal(await wenen(first).count(), 0);
    assert.equal(await copy.isVisible(), false);
    await context.close();
  });

  it('a hidden leader hands over to a visible tab; with every tab hidden nothing is requested; shown again, a tab catches up at once', async () => {
    const channel = 'tabs-hidden';
    const { context, first, second } = await openTwoTabs(channel);

    await setHidden(first, true);
    // The hand-over is the browser's lock manager's doing: wait until the visible tab holds the lock.
    await second.waitForFunction(async () => {
      const { held = [], pending = [] } = await navigator.locks.query();
      return held.length === 1 && pending.length === 0;
    });
    await step(context, channel, 1, [second, first]); // the hidden tab still hears the updates
    const afterHandOver = (await demo.stats(channel)).requests;

    await setHidden(second, true);
    await demo.control(channel, { publish: { id: 'while-hidden', text: 'BERLIJN (ANP) - Terwijl niemand keek' } });
    await context.clock.runFor(3 * INTERVAL);
    assert.equal((await demo.stats(channel)).requests, afterHandOver, 'nothing requested while every tab is hidden');

    await setHidden(first, false);
    await context.clock.runFor(1000);
    await sidebarShows(first, 'Terwijl niemand keek');
    await sidebarShows(second, 'Terwijl niemand keek');
    assert.deepEqual([...first.problems, ...second.problems], []);
    await context.close();
  });
});
