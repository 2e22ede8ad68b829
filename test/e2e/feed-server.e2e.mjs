// @ts-check
/** The demo feed server over real HTTP: revalidation, live publishing on its clock, faults. */
import { once } from 'node:events';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createFeedServer } from '../../demo/feed-server.mjs';

describe('demo feed server', () => {
  let now = Date.parse('2026-11-27T12:00:00Z');
  const feeds = createFeedServer({ publishEvery: 30_000, now: () => now });
  const server = createServer((req, res) => {
    if (feeds.handle(req, res) === false) res.writeHead(404).end();
  });
  /** @type {string} */
  let origin;

  before(async () => {
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const address = server.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  after(() => server.close());

  /** @param {string} channel @param {Record<string, string>} [headers] */
  const get = (channel, headers = {}) => fetch(`${origin}/feeds/${channel}/feed.json`, { headers });

  it('serves the seed as JSON Feed 1.1, minutes before the channel started', async () => {
    const response = await get('seed');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^application\/feed\+json/);
    const feed = await response.json();
    assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
    assert.equal(feed.title, 'Meer uit Buitenland');
    const minutesAgo = feed.items.map((/** @type {{date_published: string}} */ item) => (now - Date.parse(item.date_published)) / 60_000);
    assert.deepEqual(minutesAgo, [13, 14, 16, 18, 64, 71, 83]);
    assert.match(feed.items[0].content_text, /^DOHA \(ANP\/AFP\) - Qatar heeft 313 mensen/);
  });

  it('answers 304 to a revalidation of an unchanged feed, 200 once it changed', async () => {
    const first = await get('etag');
    const etag = first.headers.get('etag') ?? '';
    const lastModified = first.headers.get('last-modified') ?? '';
    assert.equal((await get('etag', { 'If-None-Match': etag })).status, 304);
    assert.equal((await get('etag', { 'If-Modified-Since': lastModified })).status, 304);
    now += 30_000;
    assert.equal((await get('etag', { 'If-None-Match': etag })).status, 200);
    const stats = await (await fetch(`${origin}/feeds/etag/stats`)).json();
    assert.deepEqual(
      { ...stats, bytes: undefined },
      {
        requests: 4,
        ok: 2,
        notModified: 2,
        failed: 0,
        streams: 0,
        open: 0,
        bytes: undefined,
        lastEventIds: [],
        lastEventIdHeaders: [],
        preflights: 0,
      },
    );
    assert.ok(stats.bytes > 2 * 2000, 'two full documents counted');
  });

  it('publishes a new item every 30 s of its clock', async () => {
    await get('live');
    now += 65_000;
    const feed = await (await get('live')).json();
    assert.deepEqual(
      feed.items.slice(0, 2).map((/** @type {{id: string}} */ item) => item.id),
      ['live-2', 'live-1'],
    );
    assert.match(feed.items[0].content_text, /^MADRID \(ANP\/EFE\)/);
  });

  it('plays faults in order, then serves again', async () => {
    const control = await fetch(`${origin}/feeds/faults/control`, {
      method: 'POST',
      body: JSON.stringify({ fail: { status: 503, retryAfter: '120', times: 2 } }),
    });
    assert.equal(control.status, 200);
    for (let i = 0; i < 2; i++) {
      const failed = await get('faults');
      assert.equal(failed.status, 503);
      assert.equal(failed.headers.get('retry-after'), '120');
    }
    assert.equal((await get('faults')).status, 200);
  });

  it('rejects a bad control command with a clear message', async () => {
    const response = await fetch(`${origin}/feeds/x/control`, { method: 'POST', body: '{nope' });
    assert.equal(response.status, 400);
    assert.match(await response.text(), /bad control command/);
  });
});
