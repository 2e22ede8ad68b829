// @ts-check
/**
 * The committed hub cluster (deploy/cluster/balancer.conf in front of two nodes running
 * deploy/nginx/nchan-hub.conf on one Redis), started on free 127.0.0.1 ports, with the built embed in
 * Chromium on a third-party origin. Readers (SSE and WebSocket) are spread over both nodes; one node
 * is killed with SIGKILL mid-stream while the CMS publishes to whichever node is alive: its readers
 * come back through the balancer on the other node within 10 s, having lost nothing and showing
 * nothing twice. Needs `dist/live-ticker.js` (npm test builds it first).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, ensureChrome } from '../../scripts/chrome.mjs';
import { eventually, thirdPartySite } from './hub-page.mjs';
import { ensureEngines, nodeSubscribers, startCluster } from '../../scripts/engines.mjs';

/** Readers of each transport on each node, at least. */
const PER_NODE = 1;

/** The item ids a page's ticker shows, in order, and its status. @param {import('playwright-core').Page} page */
const block = (page) =>
  page.evaluate(() => {
    const ticker = document.querySelector('live-ticker');
    return {
      ids: [...(ticker?.shadowRoot?.querySelectorAll('[part~="entry"]') ?? [])].map(
        (entry) => /** @type {HTMLElement} */ (entry).dataset.id,
      ),
      status: ticker?.getAttribute('status'),
    };
  });

const engines = ensureEngines();

describe('deploy/cluster: two hub nodes on one Redis behind the balancer', () => {
  /** @type {Awaited<ReturnType<typeof startCluster>>} */
  let cluster;
  /** @type {Awaited<ReturnType<typeof thirdPartySite>>} */
  let site;
  /** @type {import('playwright-core').Browser} */
  let browser;

  before(async () => {
    assert.ok(engines, 'nginx, nchan, its stream module and Redis are installed (see scripts/engines.mjs)');
    cluster = await startCluster(engines, { accessLog: true });
    site = await thirdPartySite();
    browser = await chromium.launch({ executablePath: ensureChrome(), args: CHROME_ARGS });
  });

  after(async () => {
    await browser?.close();
    site?.close();
    await cluster?.close();
  });

  /** Which nodes are alive: the CMS tries the next one when a node refuses, fails or answers 503. */
  const alive = [true, true];

  /**
   * Publishes a JSON Feed item as a CMS does, to node `first` or (when it is down) the next one;
   * returns nchan's id for it and the node that took it.
   * @param {string} channel @param {string} id @param {number} first
   */
  async function publish(channel, id, first) {
    const body = JSON.stringify({ id, content_text: `ROME (ANP) - Bericht ${id}`, date_published: new Date().toISOString() });
    return eventually(async () => {
      for (const offset of [0, 1]) {
        const node = (first + offset) % 2;
        const response = await fetch(`http://127.0.0.1:${cluster.nodePorts[node]}/pub/${channel}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body,
        }).catch(() => undefined);
        if (!response) {
          assert.equal(alive[node], false, `node ${node} refused while alive`);
          continue;
        }
        if (response.status === 503) continue; // not connected to Redis yet
        assert.ok(response.status === 201 || response.status === 202, `published (${response.status})`);
        return { id: /** @type {{ last_message_id: string }} */ (await response.json()).last_message_id, node };
      }
      return undefined;
    }, `a node to take ${id}`);
  }

  it('survives losing a node (SIGKILL) mid-stream: its SSE and WebSocket readers resume on the other node within 10 s, nothing lost, nothing shown twice', async (t) => {
    const channel = `cluster${Date.now().toString(36)}`;
    // Publishing goes to either node: every node publishes to the same Redis.
    const published = [await publish(channel, 'een', 0), await publish(channel, 'twee', 1), await publish(channel, 'drie', 0)];
    assert.deepEqual(
      published.map(({ node }) => node),
      [0, 1, 0],
    );

    // A reader through the balancer reaches the nodes from the balancer's address, which /pub/ refuses.
    const sneaky = await fetch(`http://127.0.0.1:${cluster.port}/pub/${channel}`, { method: 'POST', body: '{"id":"x"}' });
    assert.equal(sneaky.status, 403, 'publishing through the public balancer is refused');

    /** @type {{ transport: string, node: number, page: import('playwright-core').Page, errors: string[] }[]} */
    const readers = [];
    // WebSocket plain, and resuming with nchan's ws+meta.nchan (asked for by the URL's fragment).
    for (const transport of ['sse', 'websocket', 'websocket-meta']) {
      // Until each node has PER_NODE of this transport (the balancer picks; a browser may hold a spare connection).
      const on = (/** @type {number} */ node) => readers.filter((reader) => reader.transport === transport && reader.node === node).length;
      while (on(0) < PER_NODE || on(1) < PER_NODE) {
        assert.ok(readers.filter((reader) => reader.transport === transport).length < 6 * PER_NODE, 'the balancer spreads readers');
        const before = await Promise.all(cluster.nodePorts.map(nodeSubscribers));
        // One browser context per reader: tabs of one browser would share one connection.
        const page = await (await browser.newContext()).newPage();
        /** @type {string[]} */
        const errors = [];
        page.on('pageerror', (error) => errors.push(error.message));
        const feed = `${transport === 'sse' ? 'http' : 'ws'}://127.0.0.1:${cluster.port}/sub/${channel}${transport === 'websocket-meta' ? '#ws+meta.nchan' : ''}`;
        await page.goto(`${site.origin}/?feed=${encodeURIComponent(feed)}`);
        await eventually(async () => (await block(page)).ids.length === 3, 'the buffer');
        assert.deepEqual((await block(page)).ids, ['drie', 'twee', 'een']);
        // The node it reached through the balancer: the one that has one reader more.
        const now = await Promise.all(cluster.nodePorts.map(nodeSubscribers));
        const node = now.findIndex((count, index) => count === (before[index] ?? 0) + 1);
        readers.push({ transport, node, page, errors });
      }
    }
    // Node 0 dies (master and workers, SIGKILL); the CMS publishes while its readers are away.
    await cluster.nodes[0]?.kill();
    alive[0] = false;
    const killedAt = Date.now();
    published.push(await publish(channel, 'vier', 0));
    assert.equal(published[3]?.node, 1, 'the CMS published to the node that is alive');

    // Every reader shows the item published while half of them were cut off, once, and is live.
    /** @type {number[]} */
    const backAfter = [];
    await Promise.all(
      readers.map(async ({ page }) => {
        await eventually(
          async () => {
            const { ids, status } = await block(page);
            return ids.length === 4 && status === 'live';
          },
          'every reader back',
          15_000,
        );
        backAfter.push(Date.now() - killedAt);
      }),
    );
    assert.ok(Math.max(...backAfter) < 10_000, `readers back after ${backAfter} ms`);
    t.diagnostic(
      `${readers.length} readers, ${readers.filter(({ node }) => node === 0).length} on the killed node; all back ${Math.max(...backAfter)} ms after the kill`,
    );
    await eventually(async () => (await nodeSubscribers(/** @type {number} */ (cluster.nodePorts[1]))) === readers.length, 'all on node 1');
    published.push(await publish(channel, 'vijf', 0));
    for (const { page } of readers) {
      await eventually(async () => (await block(page)).ids.length === 5, 'the item published after the failover');
      assert.deepEqual((await block(page)).ids, ['vijf', 'vier', 'drie', 'twee', 'een']);
    }

    // Each reader of node 0 came over once; the SSE ones resumed after the last item they had
    // ('drie'), so nchan sent nothing twice. nginx logs a request when it ends: end them all first.
    for (const { page } of readers) await page.context().close();
    await eventually(async () => (await nodeSubscribers(/** @type {number} */ (cluster.nodePorts[1]))) === 0, 'the readers gone');
    const requests = (cluster.nodes[1]?.accessLog() ?? [])
      .filter((line) => line.startsWith(`GET /sub/${channel} `))
      .map((line) => ({ from: decodeURIComponent(line.split(' ')[2] ?? ''), websocket: line.split(' ')[6] === 'websocket' }));
    const drie = /** @type {string} */ (published[2]?.id);
    const count = (/** @type {string} */ transport, /** @type {number} */ node) =>
      readers.filter((reader) => reader.transport === transport && reader.node === node).length;
    assert.deepEqual(
      requests
        .filter(({ websocket }) => !websocket)
        .map(({ from }) => from)
        .sort(),
      [...Array(count('sse', 1)).fill('-'), ...Array(count('sse', 0)).fill(drie)].sort(),
      'SSE: new readers from the start, the readers of node 0 resumed after drie',
    );
    assert.deepEqual(
      requests
        .filter(({ websocket }) => websocket)
        .map(({ from }) => from)
        .sort(),
      [
        ...Array(count('websocket', 0) + count('websocket', 1) + count('websocket-meta', 1)).fill('-'),
        ...Array(count('websocket-meta', 0)).fill(drie),
      ].sort(),
      'WebSocket: plain ones start again from the buffer, ws+meta.nchan ones of node 0 resumed after drie',
    );
    assert.deepEqual(
      readers.flatMap(({ errors }) => errors),
      [],
    );
  });
});
