// @ts-check
/**
 * Instant return visits: the items last seen come back at once on the next visit, with current
 * labels and the not-current hint, and stay while the feed fails. The demo page (`npm start`) in
 * Playwright's virtual clock.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sidebarItems, sidebarShows, useDemoServer } from './demo-server.mjs';

const T = Date.parse('2026-11-27T12:00:20Z');
const MINUTE = 60_000;

describe('return visits', () => {
  const demo = useDemoServer();
  /** Opens the demo on `channel` in a new tab of `context`; failed loads are expected, warnings are not checked. @param {import('playwright-core').BrowserContext} context @param {string} channel */
  const openTab = (context, channel) => demo.openDemo(context, channel, { warnings: false, failedLoads: false });

  it('shows the items last seen at once on a reload, with current labels and the not-current hint, and keeps them while the feed fails', async () => {
    const channel = 'return-visit';
    await demo.control(channel, { reset: { now: T, publishEvery: 0 } });
    const context = await demo.newContext({ time: T });
    let page = await openTab(context, channel);
    await sidebarShows(page, 'DOHA (ANP/AFP)');
    const seen = await sidebarItems(page);
    assert.equal(seen[0]?.[1], '13 minuten geleden');

    // The reader comes back twenty minutes later, and the feed hangs: nothing comes from it, yet the items are there at once.
    await page.close();
    await demo.control(channel, { fail: { hang: true, times: 1 } });
    await context.clock.fastForward(20 * MINUTE);
    page = await openTab(context, channel);
    await sidebarShows(page, 'DOHA (ANP/AFP)');
    const restored = await sidebarItems(page);
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
    await demo.control(channel, { fail: { status: 503, times: 100 } });
    await context.clock.runFor(2 * MINUTE);
    await page.waitForFunction(async () => {
      const stats = await (await fetch(location.search.replace('?feed=', '').replace('feed.json', 'stats'))).json();
      return stats.failed >= 2;
    });
    assert.deepEqual(
      (await sidebarItems(page)).map(([text]) => text),
      seen.map(([text]) => text),
    );
    assert.equal(await page.locator('#buitenland').getAttribute('status'), 'stale');
    assert.deepEqual(page.problems, []);
    await context.close();
  });
});
