// @ts-check
/**
 * End to end: `npm start`'s demo, served by Vite with its feed server, opened in Chromium and
 * driven in virtual time (Playwright's clock) so the labels are exact.
 */
import { afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SEED_LABELS, SEED_LABELS_A_MINUTE_LATER } from '../seed-labels.mjs';
import { recordProblems, useDemoServer } from './demo-server.mjs';

const T = Date.parse('2026-11-27T12:00:20Z');
const SEED_DATELINES = [
  'DOHA (ANP/AFP)',
  'WENEN (ANP)',
  'LUIK (ANP/BELGA)',
  'BRUSSEL (ANP)',
  'CRANS-MONTANA (ANP/AFP)',
  'ISTANBUL (ANP/AFP/DPA)',
  'BRUSSEL (ANP)',
];

describe('the demo (npm start)', () => {
  const demo = useDemoServer();
  /** @type {import('playwright-core').Page} */
  let page;
  /** The demo page's errors and warnings. @type {string[]} */
  let problems = [];

  const labels = () => page.locator('#buitenland [part~="list"] [part~="item"] time').allTextContents();
  const datelines = () => page.locator('#buitenland [part~="list"] [part~="item"] [part="dateline"]').allTextContents();

  before(async () => {
    page = await (await demo.browser()).newPage();
    problems = recordProblems(page);
    await demo.control('buitenland', { reset: { now: T, sections: true } });
    await page.clock.install({ time: T });
    await page.goto(`${demo.origin}/`);
  });

  // Each test answers for the errors and warnings logged while it ran, whichever tests run and in whatever order.
  afterEach(() => assert.deepEqual(problems.splice(0), []));

  it('shows the seed article and the "Meer uit Buitenland" block', async () => {
    assert.equal(await page.locator('h1').textContent(), 'Poetin op zeer zeldzaam bezoek in Noord-Korea');
    await page.locator('#buitenland [part="heading"]').waitFor();
    assert.equal((await page.locator('#buitenland [part="heading"]').textContent())?.trim(), 'Meer uit Buitenland');
  });

  it('lists the seven seed items, in order, with the seed labels', async () => {
    await page.locator('#buitenland [part~="list"] [part~="item"]').nth(6).waitFor();
    assert.deepEqual(await datelines(), SEED_DATELINES);
    assert.deepEqual(await labels(), SEED_LABELS);
    const first = await page.locator('#buitenland [part~="item"] [part="text"]').first().textContent();
    assert.match(first ?? '', /^Qatar heeft 313 mensen gearresteerd/);
  });

  it("carries the block's items in the page itself, readable without JavaScript", async () => {
    const context = await demo.newContext({ javaScriptEnabled: false });
    const bare = await context.newPage();
    await bare.goto(`${demo.origin}/`);
    const items = bare.locator('#buitenland > live-ticker-item');
    assert.equal(await items.count(), 7);
    assert.match((await items.first().textContent()) ?? '', /DOHA \(ANP\/AFP\) - Qatar heeft 313 mensen gearresteerd/);
    assert.equal(await items.first().locator('live-ticker-time').getAttribute('slot'), 'time');
    await context.close();
  });

  it('crawls the breaking items in the header and shows sport beside the foreign news, all from one request loop', async () => {
    const crawl = page.locator('live-ticker.crawl [part="list"] [part~="item"]');
    await crawl.nth(1).waitFor();
    assert.equal(await crawl.count(), 2);
    assert.deepEqual(await crawl.locator('[part="breaking-marker"]').allTextContents(), ['Net binnen', 'Net binnen']);
    assert.equal(await crawl.first().locator('[part="headline"]').textContent(), 'Kamer houdt vanavond spoeddebat over stikstofakkoord');
    const sport = page.locator('#sport [part="list"] [part~="item"]');
    await sport.nth(3).waitFor();
    assert.match((await sport.first().locator('[part="headline"]').textContent()) ?? '', /^Live: het WK afstanden/);
    assert.equal(await sport.first().locator('[part="pin"]').getAttribute('aria-label'), 'Vastgezet');
    const corrected = sport.filter({ hasText: 'Feyenoord' });
    assert.equal((await corrected.locator('[part="updated"]').textContent())?.trim(), 'bijgewerkt 4 minuten geleden');
    assert.equal(await page.locator('#buitenland [part~="list"] [part~="item"]').count(), 7);
    for (const block of ['live-ticker.crawl', '#buitenland', '#sport'])
      assert.equal(await page.locator(`${block} [part="pause"]`).count(), 1);
    assert.equal((await demo.stats('buitenland')).requests, 1, 'three blocks, one request');
  });

  it('moves every label on at the minute boundary', async () => {
    await page.clock.pauseAt(T + 39_000); // 12:00:59 (the page's clock has been running since it opened at 12:00:20)
    assert.deepEqual(await labels(), SEED_LABELS);
    await page.clock.runFor(2_000); // 12:01:01
    assert.deepEqual(await labels(), SEED_LABELS_A_MINUTE_LATER);
  });

  it('shows a newly published item at the top on the next poll', async () => {
    await demo.control('buitenland', {
      publish: { id: 'e2e-new', text: 'GENÈVE (ANP/AFP) - Een nieuw bericht uit de test.', published: new Date(T + 41_000).toISOString() },
    });
    // The longest jittered poll interval is 36 s. Virtual time must not run on while the real request
    // is in flight, or its 15 s timeout would fire first: the clock stays paused after this.
    await page.clock.runFor(36_000);
    await page.locator('#buitenland [part~="list"] [part~="item"]').filter({ hasText: 'Een nieuw bericht uit de test.' }).waitFor();
    assert.equal((await datelines())[0], 'GENÈVE (ANP/AFP)');
    assert.equal((await labels())[0], 'nu'); // published 36 s ago (virtual time)
    assert.equal(await page.locator('#buitenland [part~="list"] [part~="item"]').count(), 7);
  });

  it('shows the same seed block from RSS, Atom, SSE and WebSocket, changing only feed-url', async () => {
    await demo.control('flavours', { reset: { now: T, publishEvery: 0 } });
    const host = new URL(demo.origin).host;
    for (const feed of [
      '/feeds/flavours/feed.rss',
      '/feeds/flavours/feed.atom',
      '/feeds/flavours/events',
      `ws://${host}/feeds/flavours/ws`,
    ]) {
      const flavour = await (await demo.browser()).newPage();
      const flavourProblems = recordProblems(flavour);
      await flavour.clock.install({ time: T });
      await flavour.goto(`${demo.origin}/?feed=${encodeURIComponent(feed)}`);
      await flavour.locator('#buitenland [part~="list"] [part~="item"]').nth(6).waitFor();
      assert.equal(await flavour.locator('#buitenland').getAttribute('feed-url'), feed);
      assert.deepEqual(await flavour.locator('#buitenland [part~="list"] [part~="item"] time').allTextContents(), SEED_LABELS, feed);
      assert.deepEqual(
        await flavour.locator('#buitenland [part~="list"] [part~="item"] [part="dateline"]').allTextContents(),
        SEED_DATELINES,
        feed,
      );
      await flavour.close();
      assert.deepEqual(flavourProblems, [], feed);
    }
  });
});
