// @ts-check
/**
 * The one-file embed as a third-party site uses it: loaded from another origin into a page with a
 * strict CSP and Trusted Types enforced, twice, next to the npm build, without JavaScript, and fed
 * hostile items. Needs `dist/live-ticker.js` (npm test builds it first).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decode } from '@jridgewell/sourcemap-codec';
import { COMPILE_HINT } from '../../scripts/compile-hint-plugin.mjs';
import { cspViolations, useDemoServer } from './demo-server.mjs';

/** Lit's own version registries: the only globals the embed may add (none are ours). */
const LIT_GLOBALS = ['litElementVersions', 'litHtmlVersions', 'reactiveElementVersions', 'litPropertyMetadata'];

describe('the embed on a third-party page', () => {
  const demo = useDemoServer();
  /**
   * Opens a demo page in a context of its own, recording errors, warnings and CSP violations.
   * @param {string} path @param {{ javaScriptEnabled?: boolean }} [options]
   */
  const open = (path, options) => demo.openPage(`${demo.origin}${path}`, options);

  it('runs under the strict CSP with Trusted Types, from another origin, with zero violations', async () => {
    await demo.control('host', { reset: { publishEvery: 0 } });
    const { page, context, problems, response } = await open('/demo/host.html?channel=host');
    const policy = response?.headers()['content-security-policy'] ?? '';
    assert.match(policy, /require-trusted-types-for 'script'/);
    assert.match(policy, new RegExp(`script-src http://localhost:${demo.port}(;|$)`));
    assert.equal(await page.locator('script').first().getAttribute('src'), `http://localhost:${demo.port}/embed/live-ticker.js`);
    await page.locator('live-ticker [part="list"] [part~="item"]').nth(6).waitFor();
    assert.equal(await page.locator('live-ticker').getAttribute('status'), 'live');
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('takes a source made by another copy of RxJS, and lets go of it (the build renames our RxJS internals)', async () => {
    await demo.control('host-rx', { reset: { publishEvery: 0 } });
    const { page, context, problems } = await open('/demo/host.html?channel=host-rx');
    await page.locator('live-ticker [part="list"] [part~="item"]').first().waitFor();
    // The page's own RxJS 7, as a developer's bundle would bring it (evaluated by the test, past the page's CSP).
    await page.evaluate(readFileSync('node_modules/rxjs/dist/bundles/rxjs.umd.min.js', 'utf8'));
    const result = await page.evaluate(async () => {
      const { Subject, from, map } = /** @type {any} */ (window).rxjs;
      const texts = (/** @type {any} */ block) => [...block.shadowRoot.querySelectorAll('[part~="text"]')].map((text) => text.textContent);
      const subject = new Subject();
      const block = /** @type {any} */ (document.createElement('live-ticker'));
      block.source = subject;
      document.body.append(block);
      await block.updateComplete; // subscribed (a Subject keeps nothing for later subscribers)
      subject.next([{ id: 'a', published: Date.now() - 120_000, text: 'ROME (ANP) - Een' }]);
      await block.updateComplete;
      const shown = texts(block);
      const observed = subject.observed;
      block.remove();
      await Promise.resolve(); // a removed block lets go once the current script is done
      // One of their operator chains: their Subscribers feed ours.
      const piped = /** @type {any} */ (document.createElement('live-ticker'));
      piped.source = from([0, 1, 2]).pipe(
        map((/** @type {number} */ n) => ({
          kind: 'upsert',
          items: [{ id: `n${n}`, published: Date.now() - 60_000, text: `BERN (ANP) - Item ${n}` }],
        })),
      );
      document.body.append(piped);
      await piped.updateComplete;
      return { shown, observed, released: !subject.observed, piped: texts(piped).sort() };
    });
    assert.deepEqual(result, { shown: ['Een'], observed: true, released: true, piped: ['Item 0', 'Item 1', 'Item 2'] });
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('tells the page what the reader does, and sends and stores nothing for it: no request to another origin, no storage of its own', async () => {
    await demo.control('host-events', { reset: { publishEvery: 0, pages: 2 } });
    const { page, context, problems } = await open('/demo/host.html?channel=host-events');
    /** @type {string[]} */
    const requested = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.evaluate(() => {
      /** @type {any} */ (window).__events = [];
      for (const type of ['live-ticker-impression', 'live-ticker-open', 'live-ticker-more'])
        document.addEventListener(type, () => /** @type {any} */ (window).__events.push(type));
      // The page's own handler keeps the reader here: the links lead to another site.
      document.addEventListener('click', (event) => event.preventDefault());
    });
    const items = page.locator('live-ticker [part="list"] [part~="item"]');
    await items.nth(6).waitFor();
    await page.waitForFunction(() => /** @type {any} */ (window).__events.includes('live-ticker-impression'));
    await items.first().locator('[part="link"]').click();
    await page.locator('live-ticker [part="more"]').click();
    await items.nth(16).waitFor();
    await page.waitForFunction(() => /** @type {any} */ (window).__events.includes('live-ticker-more'));
    assert.ok(await page.evaluate(() => /** @type {any} */ (window).__events.includes('live-ticker-open')));

    const origins = new Set(requested.map((url) => new URL(url).origin));
    const script = new URL((await page.locator('script').first().getAttribute('src')) ?? '').origin;
    assert.deepEqual(
      [...origins].filter((origin) => origin !== demo.origin && origin !== script),
      [],
      `only the feed's origin and the script's are asked for anything: ${[...origins].join(', ')}`,
    );
    assert.ok(
      requested.some((url) => url.includes('page=2')),
      'the older page was read',
    );
    const storage = await page.evaluate(() => ({
      local: Object.keys(localStorage),
      session: Object.keys(sessionStorage),
      cookie: document.cookie,
    }));
    assert.deepEqual(storage, { local: [`live-ticker:items:${demo.origin}/feeds/host-events/feed.json`], session: [], cookie: '' });
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('is readable without JavaScript, and the feed takes over without showing an item twice', async () => {
    await demo.control('host', { reset: { publishEvery: 0 } });
    const noScript = await open('/demo/host.html?channel=host', { javaScriptEnabled: false });
    const text = await noScript.page.locator('live-ticker').innerText();
    assert.match(text, /DOHA \(ANP\/AFP\) - Qatar heeft 313 mensen/);
    assert.match(text, /13 minuten geleden/);
    await noScript.context.close();

    const { page, context } = await open('/demo/host.html?channel=host');
    await page.locator('live-ticker [part="list"] [part~="item"]').nth(6).waitFor();
    const shown = await page.evaluate(() => {
      const ticker = /** @type {HTMLElement} */ (document.querySelector('live-ticker'));
      const serverItems = [...ticker.querySelectorAll(':scope > live-ticker-item')];
      return {
        slot: ticker.shadowRoot?.querySelector('slot:not([name])') !== null,
        serverItemsRendered: serverItems.filter((item) => item.getClientRects().length > 0).length,
        feedItems: ticker.shadowRoot?.querySelectorAll('[part~="item"]').length,
      };
    });
    assert.deepEqual(shown, { slot: false, serverItemsRendered: 0, feedItems: 7 });
    await context.close();
  });

  for (const [name, query] of [
    ['twice', '?twice'],
    ['next to the npm build', '?npm'],
  ]) {
    it(`defines each element once and stays quiet when included ${name}`, async () => {
      const { page, context, problems } = await open(`/demo/host.html${query}&channel=host`);
      await page.locator('live-ticker [part="list"] [part~="item"]').nth(6).waitFor();
      assert.equal(await page.locator('script').count(), 2);
      const versions = await page.evaluate(() =>
        ['live-ticker', 'live-ticker-item', 'live-ticker-time'].map((tag) => /** @type {any} */ (customElements.get(tag))?.version),
      );
      assert.deepEqual(versions, ['0.1.0', '0.1.0', '0.1.0']);
      assert.deepEqual(await cspViolations(page), []);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  it('starts in steps: the script task defines nothing; the block, then its items, then their labels, each in a later task', async () => {
    const { page, context } = await open('/feeds/host/stats');
    const order = await page.evaluate(async (src) => {
      /** @type {string[]} */
      const seen = [];
      for (const tag of ['live-ticker', 'live-ticker-item', 'live-ticker-time'])
        void customElements.whenDefined(tag).then(() => seen.push(tag));
      const script = document.createElement('script');
      script.src = src;
      const loaded = new Promise((resolve) => script.addEventListener('load', resolve));
      document.head.append(script);
      await loaded;
      // The load event comes right after the script ran: nothing may be defined in that task.
      const atLoad = ['live-ticker', 'live-ticker-item', 'live-ticker-time'].filter((tag) => customElements.get(tag));
      await customElements.whenDefined('live-ticker-time');
      return { atLoad, seen };
    }, `${demo.origin}/embed/live-ticker.js`);
    assert.deepEqual(order, { atLoad: [], seen: ['live-ticker', 'live-ticker-item', 'live-ticker-time'] });
    await context.close();
  });

  it("begins with V8's compile hint, and its source map still points each piece of code at its source", () => {
    const lines = readFileSync('dist/live-ticker.js', 'utf8').split('\n');
    assert.equal(`${lines[0]}\n`, COMPILE_HINT);
    /** @type {{ sources: string[], sourcesContent: string[], mappings: string }} */
    const map = JSON.parse(readFileSync('dist/live-ticker.js.map', 'utf8'));
    const mapped = decode(map.mappings);
    assert.deepEqual(mapped[0], [], 'the hint comes from no source');
    // A string written once in the sources: the map must lead from where it is built to where it is written.
    const text = 'live-ticker: a clock subscriber failed';
    const line = lines.findIndex((each) => each.includes(text));
    const column = lines[line]?.indexOf(text) ?? -1;
    const segment = mapped[line]?.findLast((each) => each[0] <= column);
    assert.ok(segment && segment.length >= 4, `code at ${line}:${column} is mapped`);
    const [, source = -1, sourceLine = -1] = segment;
    assert.match(map.sources[source] ?? '', /src\/clock\/page-clock\.ts$/);
    assert.ok(map.sourcesContent[source]?.split('\n')[sourceLine]?.includes(text), 'the mapped line is the one with the string');
  });

  it('adds no globals of its own', async () => {
    const { page, context } = await open('/feeds/host/stats');
    const before = await page.evaluate(() => Object.getOwnPropertyNames(window));
    await page.addScriptTag({ url: `${demo.origin}/embed/live-ticker.js` });
    await page.waitForFunction(() => customElements.get('live-ticker') !== undefined);
    const added = await page.evaluate((names) => Object.getOwnPropertyNames(window).filter((name) => !names.includes(name)), before);
    assert.deepEqual(
      added.filter((name) => !LIT_GLOBALS.includes(name)),
      [],
    );
    await context.close();
  });

  it('never runs or links hostile feed content, in any field', async () => {
    const hostile = [
      {
        id: '"><img src=x onerror="window.__pwned=1">',
        content_text: 'DOHA (ANP) - <img src=x onerror="window.__pwned=2">',
        date_published: new Date().toISOString(),
        url: 'javascript:window.__pwned=3',
      },
      {
        id: 'html',
        content_html: '<p>WENEN (ANP) - <script>window.__pwned=4</script><img src=x onerror="window.__pwned=5">Tekst</p>',
        date_published: new Date().toISOString(),
        url: 'data:text/html,<script>parent.__pwned=6</script>',
      },
      {
        id: 'title',
        title: '" onmouseover="window.__pwned=7',
        summary: "' onfocus='window.__pwned=8' x='",
        date_published: new Date().toISOString(),
        external_url: 'JaVaScRiPt:window.__pwned=9',
      },
      {
        id: 'attr',
        content_text: 'Tekst',
        date_published: new Date().toISOString(),
        url: 'https://example.org/ok" onclick="window.__pwned=11',
      },
      { id: 'date', content_text: 'Tekst', date_published: '2026-11-27T12:00:00Z" onerror="window.__pwned=10' },
    ];
    // Tagged for the demo's foreign-news block (with a hostile tag too), so that every field is shown.
    const raw = hostile.map((item) => ({ ...item, tags: ['buitenland', '<img src=x onerror="window.__pwned=12">'] }));
    await demo.control('xss', { reset: { publishEvery: 0 }, raw });
    const { page, context } = await open(`/?feed=${encodeURIComponent('/feeds/xss/feed.json')}`);
    await page.locator('live-ticker [part="list"] [part~="item"]').nth(6).waitFor();
    const found = await page.evaluate(() => {
      /** @type {(Document | ShadowRoot)[]} */
      const roots = [];
      const walk = (/** @type {Document | ShadowRoot} */ root) => {
        roots.push(root);
        root.querySelectorAll('*').forEach((element) => element.shadowRoot && walk(element.shadowRoot));
      };
      walk(document);
      const inShadow = roots.slice(1);
      return {
        pwned: /** @type {any} */ (window).__pwned,
        injected: inShadow.flatMap((root) => [
          ...root.querySelectorAll('img, script, iframe, [onerror], [onmouseover], [onfocus], [onclick]'),
        ]).length,
        hrefs: inShadow.flatMap((root) => [...root.querySelectorAll('a')].map((a) => a.getAttribute('href'))),
        texts: inShadow.flatMap((root) => [...root.querySelectorAll('[part="text"]')].map((text) => text.textContent)),
      };
    });
    assert.equal(found.pwned, undefined);
    assert.equal(found.injected, 0);
    for (const href of found.hrefs) assert.match(href ?? '', /^https?:\/\//, `only http(s) links: ${href}`);
    assert.ok(
      found.hrefs.includes('https://example.org/ok%22%20onclick=%22window.__pwned=11'),
      'a quote in a URL stays inside the attribute',
    );
    assert.ok(found.texts.includes('<img src=x onerror="window.__pwned=2">'), 'markup in text is shown as text');
    assert.ok(found.texts.includes('Tekst'), 'HTML content is reduced to its text');
    await context.close();
  });
});
