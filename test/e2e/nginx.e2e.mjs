// @ts-check
/**
 * The committed `deploy/nginx/` configurations on the real engines (nginx, nchan, Redis), started
 * here on free ports, with the built embed in Chromium on a third-party origin: a stream through the
 * nchan hub survives a dropped connection and an nginx restart with nothing lost and nothing shown
 * twice; a polled feed through the cache gets 304s while the origin sees one request per interval.
 * Needs `dist/live-ticker.js` (npm test builds it first).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { connect, createServer as createTcpServer } from 'node:net';
import { chromium } from 'playwright-core';
import { createFeedServer } from '../../demo/feed-server.mjs';
import { CHROME_ARGS, ensureChrome } from '../../scripts/chrome.mjs';
import { eventually, thirdPartySite } from './hub-page.mjs';
import { ensureEngines, freePort, startNginx, startRedis } from '../../scripts/engines.mjs';

/** A TCP relay in front of the hub whose connections the test can cut (reset), as a network does. */
/** @param {number} targetPort */
async function cuttableLink(targetPort) {
  /** @type {Set<import('node:net').Socket>} */
  const sockets = new Set();
  let down = false;
  let refused = 0;
  const server = createTcpServer((client) => {
    if (down) {
      refused++;
      return void client.resetAndDestroy();
    }
    const upstream = connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: /** @type {import('node:net').AddressInfo} */ (server.address()).port,
    /** Connections refused while cut: the reader's attempts to come back. */
    get refused() {
      return refused;
    },
    /** Resets every connection and refuses new ones until `restore`. */
    cut() {
      down = true;
      for (const socket of sockets) socket.resetAndDestroy();
    },
    restore() {
      down = false;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
}

const engines = ensureEngines();

describe('deploy/nginx on nginx, nchan and Redis', () => {
  /** @type {Awaited<ReturnType<typeof startRedis>>} */
  let redis;
  /** @type {Awaited<ReturnType<typeof startNginx>>} */
  let hub;
  /** @type {Awaited<ReturnType<typeof startNginx>>} */
  let cache;
  /** @type {Awaited<ReturnType<typeof cuttableLink>>} */
  let link;
  /** @type {Awaited<ReturnType<typeof thirdPartySite>>} */
  let site;
  /** @type {import('node:http').Server} */
  let origin;
  /** @type {ReturnType<typeof createFeedServer>} */
  let feeds;
  /** @type {import('playwright-core').Browser} */
  let browser;
  let hubPort = 0;
  let cachePort = 0;
  let originUrl = '';

  before(async () => {
    assert.ok(engines, 'nginx, nchan and Redis are installed (apt-get install -y nginx libnginx-mod-nchan redis-server)');
    redis = await startRedis(engines);
    hubPort = await freePort();
    hub = await startNginx(
      engines,
      'nchan-hub.conf',
      { 'listen 8080 ': `listen 127.0.0.1:${hubPort} `, 'redis://127.0.0.1:6379': `redis://127.0.0.1:${redis.port}` },
      { accessLog: true },
    );
    link = await cuttableLink(hubPort);
    feeds = createFeedServer({ publishEvery: 0 });
    origin = createServer((req, res) => void (feeds.handle(req, res) === false && res.writeHead(404).end()));
    origin.listen(0, '127.0.0.1');
    await once(origin, 'listening');
    originUrl = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (origin.address()).port}`;
    cachePort = await freePort();
    cache = await startNginx(
      engines,
      'feed-cache.conf',
      {
        'listen 8081;': `listen 127.0.0.1:${cachePort};`,
        'server 127.0.0.1:3000;': `server ${originUrl.slice('http://'.length)};`,
        '/var/cache/nginx/live-ticker': '{prefix}/cache',
      },
      { accessLog: true },
    );
    site = await thirdPartySite();
    browser = await chromium.launch({ executablePath: ensureChrome(), args: CHROME_ARGS });
  });

  after(async () => {
    await browser?.close();
    site?.close();
    link?.close();
    await hub?.close();
    await cache?.close();
    await redis?.close();
    origin?.close();
    feeds?.close();
  });

  /**
   * Publishes a JSON Feed item as a CMS does; returns nchan's id for it.
   * @param {string} channel @param {string} id @returns {Promise<string>}
   */
  async function publish(channel, id) {
    const item = { id, content_text: `ROME (ANP) - Bericht ${id}`, date_published: new Date().toISOString() };
    // Right after a start nchan answers 503 until it has connected to Redis: a CMS retries, so do we.
    const response = await eventually(async () => {
      const attempt = await fetch(`http://127.0.0.1:${hubPort}/pub/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(item),
      });
      return attempt.status === 503 ? undefined : attempt;
    }, 'the hub to accept a publication');
    assert.ok(response.status === 201 || response.status === 202, `published (${response.status})`); // 201: delivered, 202: queued
    return /** @type {{ last_message_id: string }} */ (await response.json()).last_message_id;
  }

  /** The item ids a page's ticker shows, in order. @param {import('playwright-core').Page} page */
  const shown = (page) =>
    page.evaluate(() =>
      [...(document.querySelector('live-ticker')?.shadowRoot?.querySelectorAll('[part~="entry"]') ?? [])].map(
        (entry) => /** @type {HTMLElement} */ (entry).dataset.id,
      ),
    );

  /** The last_event_id each subscription of `channel` reached the hub with ('-': none). @param {string} channel */
  const resumes = (channel) =>
    hub
      .accessLog()
      .filter((line) => line.startsWith(`GET /sub/${channel} `))
      .map((line) => line.split(' ')[2] ?? '');

  for (const transport of ['sse', 'websocket']) {
    it(`streams ${transport === 'sse' ? 'SSE' : 'WebSocket'} through the hub from another origin, and survives a dropped connection and an nginx restart: nothing lost, nothing twice`, async () => {
      const channel = `e2e${transport}${Date.now().toString(36)}`;
      if (!hub.child || hub.child.exitCode !== null || hub.child.signalCode !== null) await hub.start(); // the previous test stopped it
      const ids = [await publish(channel, 'een'), await publish(channel, 'twee'), await publish(channel, 'drie')];
      const context = await browser.newContext();
      const page = await context.newPage();
      /** @type {string[]} */
      const pageErrors = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.addInitScript(() => {
        // Instrumentation: the URL of every WebSocket the page opens and every frame it receives.
        const sockets = { urls: /** @type {string[]} */ ([]), frames: /** @type {string[]} */ ([]) };
        /** @type {any} */ (window).__sockets = sockets;
        const Native = window.WebSocket;
        window.WebSocket = class extends Native {
          /** @param {string | URL} url @param {string | string[]} [protocols] */
          constructor(url, protocols) {
            super(url, protocols);
            sockets.urls.push(String(url));
            this.addEventListener('message', (event) => sockets.frames.push(String(event.data)));
          }
        };
      });
      await page.goto(
        `${site.origin}/?feed=${encodeURIComponent(`${transport === 'sse' ? 'http' : 'ws'}://127.0.0.1:${link.port}/sub/${channel}`)}`,
      );
      await eventually(async () => (await shown(page)).length === 3, 'the buffer');
      assert.deepEqual(await shown(page), ['drie', 'twee', 'een']);

      // A dropped connection: two items are published while the reader is cut off.
      link.cut();
      ids.push(await publish(channel, 'vier'), await publish(channel, 'vijf'));
      const refusedBefore = link.refused;
      await eventually(() => link.refused > refusedBefore, 'the reader trying to reconnect');
      link.restore();
      await eventually(async () => (await shown(page)).length === 5, 'the items missed while cut off');
      assert.deepEqual(await shown(page), ['vijf', 'vier', 'drie', 'twee', 'een']);

      // An nginx restart (nchan ends every stream); Redis keeps the buffer and the ids.
      await hub.stop();
      await hub.start();
      ids.push(await publish(channel, 'zes'));
      await eventually(async () => (await shown(page)).length === 6, 'the item published after the restart');
      assert.deepEqual(await shown(page), ['zes', 'vijf', 'vier', 'drie', 'twee', 'een']);
      assert.equal(await page.locator('live-ticker').getAttribute('status'), 'live');

      // Every reconnect resumed after the last item delivered (so nchan sent nothing twice), without a
      // preflight. nginx logs a request when it ends: end them all. A plain WebSocket does not resume
      // (Chromium fails the connection when a server ignores a requested subprotocol, so the client
      // asks for nchan's ws+meta.nchan, whose frames carry ids, only for a URL ending in
      // #ws+meta.nchan: cluster.e2e.mjs): the hub sends its buffer again, and the ticker, upserting
      // by id, still showed each item once (above).
      /** @type {{ urls: string[], frames: string[] }} */
      const sockets = await page.evaluate(() => /** @type {any} */ (window).__sockets);
      await context.close();
      await hub.stop();
      if (transport === 'sse') {
        const [first, ...reconnects] = resumes(channel).map(decodeURIComponent);
        assert.equal(first, '-', 'the first subscription has nothing to resume from');
        assert.ok(reconnects.includes(/** @type {string} */ (ids[2])), `resumed after the cut from ${ids[2]}: ${reconnects}`);
        assert.ok(reconnects.includes(/** @type {string} */ (ids[4])), `resumed after the restart from ${ids[4]}: ${reconnects}`);
        for (const id of reconnects) assert.ok(id === ids[2] || id === ids[4], `resumed from ${id}`);
      } else {
        assert.ok(sockets.urls.length >= 3, `reconnected after the cut and the restart: ${sockets.urls.length} sockets`);
        assert.equal(sockets.frames.length, 3 + 5 + 6, 'the buffer again on each reconnect: 3, then 5, then 6 frames');
      }
      assert.deepEqual(
        hub.accessLog().filter((line) => line.startsWith('OPTIONS')),
        [],
      );
      assert.deepEqual(pageErrors, []);
    });
  }

  it('serves a polled feed through the cache: readers get 304s, the origin one request per interval', async () => {
    const channel = `cache${Date.now().toString(36)}`;
    const url = `http://127.0.0.1:${cachePort}/feeds/${channel}/feed.json`;
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(`${site.origin}/?feed=${encodeURIComponent(url)}`);
    await eventually(async () => (await shown(page)).length === 7, 'the feed through the cache');
    // The reader's next poll (30 s ±20 %) revalidates, and the cache answers it.
    await page.clock.runFor(40_000);
    await eventually(
      () => cache.accessLog().filter((line) => line.startsWith(`GET /feeds/${channel}/feed.json`)).length >= 2,
      'the second poll',
    );
    // The page's load and its first revalidation (a later poll may follow while we look).
    const browserLog = cache
      .accessLog()
      .filter((line) => line.startsWith(`GET /feeds/${channel}/feed.json`) && line.includes('HeadlessChrome'))
      .slice(0, 2);
    assert.deepEqual(
      browserLog.map((line) => line.split(' ')[3]),
      ['200', '304'],
    );
    await context.close();

    // Many readers revalidating much more often than they would: the origin still sees one request per 5-s interval.
    const readers = 50;
    const started = Date.now();
    let notModified = 0;
    let answered = 0;
    const originRequests = async () => (await (await fetch(`${originUrl}/feeds/${channel}/stats`)).json()).requests;
    const before = await originRequests();
    await Promise.all(
      Array.from({ length: readers }, async () => {
        let etag = '';
        while (Date.now() - started < 6_000) {
          const response = await fetch(url, { headers: etag ? { 'If-None-Match': etag } : {} });
          etag ||= response.headers.get('etag') ?? '';
          await response.arrayBuffer();
          answered++;
          if (response.status === 304) notModified++;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      }),
    );
    const elapsed = (Date.now() - started) / 1000;
    const fromOrigin = (await originRequests()) - before;
    assert.ok(answered >= readers, `${answered} answers`);
    assert.ok(fromOrigin <= Math.ceil(elapsed / 5) + 1, `${fromOrigin} origin requests in ${elapsed} s (one per 5-s interval)`);
    assert.equal(notModified, answered - readers, 'every revalidation of the unchanged feed is answered 304');
  });
});
