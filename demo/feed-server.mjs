// @ts-check
/**
 * The demo feed server: the seed's "Meer uit Buitenland" items as a JSON Feed, with a new wire item
 * every `publishEvery` ms so the page is visibly live. It runs inside Vite (`npm start`) and inside
 * the test runner, as plain Node middleware, and keeps no timers: what a feed holds is computed
 * from the time of each request.
 *
 * Routes, per channel (any name: each test uses its own so tests never share state):
 *   GET  /feeds/<channel>/feed.json   the JSON Feed; ETag/Last-Modified, 304 when unchanged
 *   GET  /feeds/<channel>/stats       request counts: { requests, ok, notModified, failed }
 *   POST /feeds/<channel>/control     JSON: { reset: { now, publishEvery } } | { publish: { text, id } }
 *                                     | { delete: id } | { fail: { status, times, retryAfter, body } }
 */
import { readFileSync } from 'node:fs';

/** @typedef {{ id: string, published: number, text: string, url?: string }} DemoItem */
/** @typedef {{ status: number, times: number, retryAfter?: string, body?: string }} Fault */
/**
 * @typedef {object} Channel
 * @property {number} anchor demo time (epoch ms) at which the channel started
 * @property {number} realStart server time when it started
 * @property {number} publishEvery ms between new items; 0 for none
 * @property {DemoItem[]} published items added through control
 * @property {Set<string>} deleted
 * @property {Fault[]} faults
 * @property {number} changes
 * @property {{ requests: number, ok: number, notModified: number, failed: number }} stats
 */

const seed = JSON.parse(readFileSync(new URL('./seed-items.json', import.meta.url), 'utf8'));
const MINUTE = 60_000;
const MAX_ITEMS = 30;
const ROUTE = /^\/feeds\/([\w-]{1,64})\/(feed\.json|control|stats)$/;

/** @param {{ publishEvery?: number, now?: () => number }} [options] */
export function createFeedServer(options = {}) {
  const defaultPublishEvery = options.publishEvery ?? 30_000;
  const realNow = options.now ?? (() => Date.now());
  /** @type {Map<string, Channel>} */
  const channels = new Map();

  /** @param {{ now?: number | string, publishEvery?: number }} [settings] @returns {Channel} */
  function newChannel(settings = {}) {
    const anchor = settings.now === undefined ? realNow() : new Date(settings.now).getTime();
    return {
      anchor: Number.isFinite(anchor) ? anchor : realNow(),
      realStart: realNow(),
      publishEvery: settings.publishEvery ?? defaultPublishEvery,
      published: [],
      deleted: new Set(),
      faults: [],
      changes: 0,
      stats: { requests: 0, ok: 0, notModified: 0, failed: 0 },
    };
  }

  /** @param {string} name */
  function channel(name) {
    let found = channels.get(name);
    if (!found) channels.set(name, (found = newChannel()));
    return found;
  }

  /** @param {Channel} ch */
  const demoNow = (ch) => ch.anchor + (realNow() - ch.realStart);

  /** @param {Channel} ch */
  function autoPublished(ch) {
    return ch.publishEvery > 0 ? Math.floor((realNow() - ch.realStart) / ch.publishEvery) : 0;
  }

  /** @param {Channel} ch @returns {DemoItem[]} */
  function items(ch) {
    /** @type {DemoItem[]} */
    const all = seed.items.map((/** @type {{id: string, minutesAgo: number, text: string}} */ item) => ({
      id: item.id,
      published: ch.anchor - item.minutesAgo * MINUTE,
      text: item.text,
      url: `https://www.example.org/buitenland/${item.id}`,
    }));
    const count = autoPublished(ch);
    for (let i = 0; i < count; i++) {
      all.push({ id: `live-${i + 1}`, published: ch.anchor + (i + 1) * ch.publishEvery, text: seed.live[i % seed.live.length] });
    }
    all.push(...ch.published);
    return all
      .filter((item) => !ch.deleted.has(item.id))
      .sort((a, b) => b.published - a.published)
      .slice(0, MAX_ITEMS);
  }

  /** @param {Channel} ch @param {string} name @param {string} origin */
  function jsonFeed(ch, name, origin) {
    return {
      version: 'https://jsonfeed.org/version/1.1',
      title: seed.title,
      home_page_url: `${origin}/`,
      feed_url: `${origin}/feeds/${name}/feed.json`,
      language: 'nl',
      items: items(ch).map((item) => ({
        id: item.id,
        ...(item.url ? { url: item.url } : {}),
        content_text: item.text,
        date_published: new Date(item.published).toISOString(),
      })),
    };
  }

  /** @param {import('node:http').ServerResponse} res @param {number} status @param {Record<string, string>} headers @param {string} [body] */
  function send(res, status, headers, body) {
    res.writeHead(status, {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Expose-Headers': 'ETag, Retry-After',
      ...headers,
    });
    res.end(body);
  }

  /** @param {import('node:http').IncomingMessage} req @returns {Promise<any>} */
  async function readJson(req) {
    let body = '';
    for await (const chunk of req) body += chunk;
    return body ? JSON.parse(body) : {};
  }

  /** @param {string} name @param {Channel} ch @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  function serveFeed(name, ch, req, res) {
    ch.stats.requests++;
    const fault = ch.faults[0];
    if (fault) {
      if (--fault.times <= 0) ch.faults.shift();
      ch.stats.failed++;
      /** @type {Record<string, string>} */
      const headers = { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' };
      if (fault.retryAfter !== undefined) headers['Retry-After'] = String(fault.retryAfter);
      send(res, fault.status, headers, fault.body ?? JSON.stringify({ error: `demo fault ${fault.status}` }));
      return;
    }
    const current = items(ch);
    const etag = `"${ch.anchor.toString(36)}-${autoPublished(ch)}-${ch.changes}"`;
    const lastModified = new Date(Math.max(ch.anchor, ...current.map((item) => item.published))).toUTCString();
    const headers = { ETag: etag, 'Last-Modified': lastModified, 'Cache-Control': 'no-cache', Vary: 'Accept' };
    const ifNoneMatch = req.headers['if-none-match'];
    const notModified = ifNoneMatch !== undefined
      ? ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
      : req.headers['if-modified-since'] === lastModified;
    if (notModified) {
      ch.stats.notModified++;
      send(res, 304, headers);
      return;
    }
    ch.stats.ok++;
    const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
    send(res, 200, { ...headers, 'Content-Type': 'application/feed+json; charset=utf-8' }, JSON.stringify(jsonFeed(ch, name, origin)));
  }

  /** @param {string} name @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  async function control(name, req, res) {
    try {
      const command = await readJson(req);
      if (command.reset) channels.set(name, newChannel(command.reset));
      const ch = channel(name);
      if (command.publish) {
        const id = String(command.publish.id ?? `published-${ch.published.length + 1}`);
        ch.published.push({ id, published: command.publish.published ? new Date(command.publish.published).getTime() : demoNow(ch), text: String(command.publish.text) });
        ch.changes++;
      }
      if (command.delete) {
        ch.deleted.add(String(command.delete));
        ch.changes++;
      }
      if (command.fail) ch.faults.push({ times: 1, ...command.fail });
      send(res, 200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }, JSON.stringify({ now: demoNow(ch), items: items(ch).length, stats: ch.stats }));
    } catch (error) {
      send(res, 400, { 'Content-Type': 'text/plain' }, `bad control command: ${/** @type {Error} */ (error).message}`);
    }
  }

  /**
   * Answers a request if it is for the feed server: true, or a promise of true for one that
   * finishes later. Returns false to pass the request on.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  function handle(req, res) {
    const match = ROUTE.exec((req.url ?? '').split('?')[0] ?? '');
    if (!match) return false;
    const [, name = '', route] = match;
    if (req.method === 'OPTIONS') {
      send(res, 204, { 'Access-Control-Allow-Methods': 'GET, POST', 'Access-Control-Allow-Headers': 'Content-Type', 'Access-Control-Max-Age': '600' });
    } else if (route === 'control' && req.method === 'POST') {
      return control(name, req, res).then(() => true);
    } else if (route === 'stats') {
      send(res, 200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }, JSON.stringify(channel(name).stats));
    } else if (route === 'feed.json' && (req.method === 'GET' || req.method === 'HEAD')) {
      serveFeed(name, channel(name), req, res);
    } else {
      send(res, 405, { 'Content-Type': 'text/plain', Allow: 'GET, POST' }, 'method not allowed');
    }
    return true;
  }

  return { handle };
}

/** The feed server as a Vite plugin: in `vite` (npm start) and `vite preview`, `/` opens the demo. */
export function demoFeedServer() {
  const feeds = createFeedServer();
  /** @param {{ middlewares: { use: (fn: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next: () => void) => void) => void } }} server */
  const install = (server) => {
    server.middlewares.use((req, res, next) => {
      if (req.url === '/' || req.url?.startsWith('/?')) req.url = `/demo/${req.url.slice(1)}`;
      if (feeds.handle(req, res) === false) next();
    });
  };
  return { name: 'live-ticker-demo-feed', configureServer: install, configurePreviewServer: install };
}
