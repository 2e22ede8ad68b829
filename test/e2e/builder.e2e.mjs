// @ts-check
/**
 * The embed builder (`/demo/builder.html` under `npm start`): typing a feed URL gives a working
 * preview and a snippet that, pasted into a blank page on another origin under the CSP lines the
 * builder printed, shows the same block. The builder runs under a strict CSP with Trusted Types,
 * never turns a typed value into markup, and has no axe violations. Needs `dist/live-ticker.js`.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { cspViolations, useDemoServer } from './demo-server.mjs';

const T = Date.parse('2026-11-27T12:00:20Z');
const HOSTILE = `"><img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>&amp;`;

describe('the embed builder', () => {
  const demo = useDemoServer();
  /** The blank third-party page the snippet is pasted into: one page, set per test. */
  let blankPage = { html: '', policy: '' };
  /** @type {import('node:http').Server} */
  let blank;
  /** @type {string} */
  let blankOrigin;

  before(async () => {
    blank = createServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': blankPage.policy });
      res.end(blankPage.html);
    }).listen(0, '127.0.0.1');
    await once(blank, 'listening');
    const address = blank.address();
    blankOrigin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  after(() => {
    blank?.close();
  });

  /**
   * A page in its own context at virtual time T, recording errors, warnings and CSP violations.
   * @param {string} url @param {{ javaScriptEnabled?: boolean, bypassCSP?: boolean }} [options]
   */
  const open = (url, options) => demo.openPage(url, { ...options, time: T });

  /** What a reader sees of the block in `page`: heading, attributes, and each item's text and label. @param {import('playwright-core').Page} page @param {string} selector */
  const blockSeen = (page, selector) =>
    page.locator(selector).evaluate(async (ticker) => {
      // The block finishes its render first, its items' labels included.
      await /** @type {any} */ (ticker).updateComplete;
      return {
        heading: ticker.shadowRoot?.querySelector('[part="heading"]')?.textContent?.trim(),
        attributes: ticker
          .getAttributeNames()
          .sort()
          .map((name) => `${name}=${ticker.getAttribute(name)}`),
        items: [...(ticker.shadowRoot?.querySelectorAll('[part="list"]:not([part~="clone"]) [part~="item"]') ?? [])].map((item) => [
          item.querySelector('[part="body"]')?.textContent?.replace(/\s+/g, ' ').trim(),
          item.querySelector('[part="time"]')?.textContent?.trim(),
        ]),
      };
    });

  /** Fills the builder's form the way a publisher would, from the keyboard. @param {import('playwright-core').Page} page @param {string} feedUrl */
  async function build(page, feedUrl) {
    await page.getByLabel('Feed URL').pressSequentially(feedUrl);
    await page.getByLabel('Heading').fill('Meer uit Buitenland');
    await page.getByLabel('Language').selectOption('nl');
    await page.getByLabel('Theme').selectOption('dark');
    await page.getByLabel('Density').selectOption('compact');
    await page.getByLabel('Maximum items').fill('5');
    await page.getByLabel("Include the feed's current items").check();
  }

  it('turns a typed feed URL into a live preview and a snippet that shows the same block on a blank page under the CSP it prints', async () => {
    await demo.control('builder', { reset: { now: T, publishEvery: 0 } });
    const feedUrl = `${demo.origin}/feeds/builder/feed.json`;
    const builder = await open(`${demo.origin}/demo/builder.html`);
    await build(builder.page, feedUrl);
    await builder.page.locator('#preview live-ticker [part="list"] [part~="item"]').nth(4).waitFor();
    await builder.page.getByText("5 item(s) from the feed's current content.").waitFor();
    const snippet = await builder.page.getByLabel('Snippet to paste into your page').inputValue();
    const csp = (await builder.page.getByLabel('Content-Security-Policy directives').inputValue()).split('\n');

    assert.match(snippet, new RegExp(`^<script src="${demo.origin}/embed/live-ticker.js" async></script>\n`));
    assert.match(
      snippet,
      new RegExp(
        `<live-ticker lang="nl" heading="Meer uit Buitenland" feed-url="${feedUrl}" layout="list" theme="dark" density="compact" max-items="5">`,
      ),
    );
    assert.equal(snippet.match(/<live-ticker-item /g)?.length, 5, snippet);
    assert.match(snippet, /<live-ticker-time slot="time" datetime="[^"]+">13 minuten geleden<\/live-ticker-time>/);
    assert.deepEqual(csp, [`script-src ${demo.origin}`, `connect-src ${demo.origin}`, "trusted-types lit-html 'allow-duplicates'"]);
    const preview = await blockSeen(builder.page, '#preview live-ticker');
    assert.equal(preview.items.length, 5);
    assert.match(preview.items[0]?.[0] ?? '', /^DOHA \(ANP\/AFP\) - Qatar heeft 313 mensen/);
    assert.equal(preview.items[0]?.[1], '13 minuten geleden');
    assert.deepEqual(await cspViolations(builder.page), []);
    assert.deepEqual(builder.problems, []);

    blankPage = {
      html: `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>A blank page</title></head>\n<body>\n${snippet}</body>\n</html>\n`,
      policy: ["default-src 'none'", ...csp, "require-trusted-types-for 'script'"].join('; '),
    };
    // Before JavaScript: the server-rendered items, with the labels they had when copied.
    const noScript = await open(`${blankOrigin}/`, { javaScriptEnabled: false });
    const staticText = await noScript.page.locator('live-ticker').innerText();
    assert.match(staticText, /DOHA \(ANP\/AFP\) - Qatar heeft 313 mensen/);
    assert.match(staticText, /13 minuten geleden/);
    await noScript.context.close();

    const pasted = await open(`${blankOrigin}/`);
    await pasted.page.locator('live-ticker [part="list"] [part~="item"]').nth(4).waitFor();
    assert.deepEqual(await blockSeen(pasted.page, 'live-ticker'), preview);
    assert.equal(await pasted.page.locator('live-ticker').getAttribute('status'), 'live');
    assert.deepEqual(await cspViolations(pasted.page), []);
    assert.deepEqual(pasted.problems, []);
    await pasted.context.close();
    await builder.context.close();
  });

  it("logs the events a publisher's analytics would receive, and with pictures on, shows them and allows them in the CSP lines", async () => {
    await demo.control('builder-events', { reset: { publishEvery: 0, sections: true } });
    const builder = await open(`${demo.origin}/demo/builder.html`);
    await builder.page.getByLabel('Feed URL').fill(`${demo.origin}/feeds/builder-events/feed.json`);
    await builder.page.getByLabel('Filter').fill('tag:sport');
    await builder.page.getByLabel('Show pictures').check();
    const items = builder.page.locator('#preview live-ticker [part="list"] [part~="item"]');
    await items.nth(3).waitFor();
    await builder.page.locator('#preview live-ticker [part="image"]').first().waitFor();
    await items.first().scrollIntoViewIfNeeded(); // checking the box scrolled the form down
    await builder.page.locator('#event-log li', { hasText: 'live-ticker-impression' }).first().waitFor();
    await items.first().locator('[part="link"]').click();
    await builder.page.locator('#event-log li', { hasText: 'live-ticker-open' }).waitFor();
    assert.equal(new URL(builder.page.url()).pathname, '/demo/builder.html', 'the preview opens nothing');
    assert.match(await builder.page.locator('#event-log li', { hasText: 'live-ticker-open' }).innerText(), /"position":1/);
    assert.match(
      await builder.page.getByLabel('Snippet to paste into your page').inputValue(),
      / filter="tag:sport" .* images><\/live-ticker>/,
    );
    const csp = (await builder.page.getByLabel('Content-Security-Policy directives').inputValue()).split('\n');
    assert.ok(csp.includes(`img-src https: ${demo.origin}`), csp.join('\n'));
    assert.deepEqual(await cspViolations(builder.page), []);
    assert.deepEqual(builder.problems, []);
    await builder.context.close();
  });

  it('is linked from the demo page', async () => {
    const { page, context } = await open(`${demo.origin}/`);
    await page.getByRole('link', { name: 'build the snippet for your own feed' }).click();
    await page.getByRole('heading', { level: 1, name: 'Embed builder' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/demo/builder.html');
    await context.close();
  });

  it('keeps typed values as text, in the preview and in the snippet', async () => {
    await demo.control('builder-hostile', { reset: { now: T, publishEvery: 0 } });
    const { page, context, problems } = await open(`${demo.origin}/demo/builder.html`);
    await page.getByLabel('Feed URL').fill(`${demo.origin}/feeds/builder-hostile/feed.json`);
    await page.getByLabel('Heading').fill(HOSTILE);
    await page.locator('#preview live-ticker [part="list"] [part~="item"]').first().waitFor();
    await page.waitForFunction((text) => document.querySelector('#preview live-ticker')?.getAttribute('heading') === text, HOSTILE);
    assert.equal(
      await page
        .locator('#preview live-ticker [part="heading"]')
        .textContent()
        .then((text) => text?.trim()),
      HOSTILE,
    );
    const snippet = await page.getByLabel('Snippet to paste into your page').inputValue();
    assert.ok(snippet.includes('heading="&#34;&#62;&#60;img src=x onerror=&#34;window.__pwned=1&#34;&#62;'), snippet);
    assert.equal(await page.locator('img, #preview script').count(), 0);
    assert.equal(await page.evaluate(() => /** @type {any} */ (window).__pwned), undefined);
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('says clearly when the feed URL cannot be used, and keeps the last good preview', async () => {
    await demo.control('builder-bad', { reset: { now: T, publishEvery: 0 } });
    const { page, context, problems } = await open(`${demo.origin}/demo/builder.html`);
    const input = page.getByLabel('Feed URL');
    await input.fill(`${demo.origin}/feeds/builder-bad/feed.json`);
    await page.locator('#preview live-ticker [part="list"] [part~="item"]').first().waitFor();
    await input.fill('javascript:alert(1)');
    await input.press('Enter');
    await page.getByText('"javascript:alert(1)" is not an http(s) or ws(s) address.').waitFor();
    assert.equal(await input.getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('#preview live-ticker').getAttribute('feed-url'), `${demo.origin}/feeds/builder-bad/feed.json`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('has no axe violations, with a preview showing', async () => {
    await demo.control('builder-axe', { reset: { now: T, publishEvery: 0 } });
    // axe is injected as a script, which the builder's own CSP rightly refuses: this page bypasses it.
    const { page, context } = await open(`${demo.origin}/demo/builder.html`, { bypassCSP: true });
    await build(page, `${demo.origin}/feeds/builder-axe/feed.json`);
    await page.locator('#preview live-ticker [part="list"] [part~="item"]').nth(4).waitFor();
    await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
    const violations = await page.evaluate(async () => {
      const result = await /** @type {any} */ (window).axe.run(document);
      return result.violations.map(
        (/** @type {any} */ v) => `${v.id}: ${v.nodes.map((/** @type {any} */ n) => n.target.join(' ')).join(', ')}`,
      );
    });
    assert.deepEqual(violations, []);
    await context.close();
  });
});
