// @ts-check
/**
 * What the end-to-end tests against the real hub share (nginx.e2e, cluster.e2e): a third-party page
 * that embeds the built embed, and a bounded poll for what a page comes to show.
 * Needs `dist/live-ticker.js` (npm test builds it first).
 */
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const EMBED = readFileSync(new URL('../../dist/live-ticker.js', import.meta.url));

/** A third-party page (its own origin, "localhost", not the feeds' 127.0.0.1) that embeds the ticker on `?feed=`. */
export async function thirdPartySite() {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://site.invalid');
    if (url.pathname === '/live-ticker.js') return void res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(EMBED);
    const feed = (url.searchParams.get('feed') ?? '').replace(/[<>&"]/g, '');
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(`<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Elders</title><script src="/live-ticker.js" async></script></head>
<body><live-ticker heading="Meer uit Buitenland" max-items="20" feed-url="${feed}"></live-ticker></body></html>`);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    origin: `http://localhost:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}`,
    close: () => server.close(),
  };
}

/**
 * Polls `check` every 50 ms until it returns something truthy; fails after `timeout` ms.
 * @template T
 * @param {() => Promise<T> | T} check
 * @param {string} what
 * @returns {Promise<NonNullable<T>>}
 */
export async function eventually(check, what, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return /** @type {NonNullable<T>} */ (value);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
