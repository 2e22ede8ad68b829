// @ts-check
/**
 * The demo feed server: the seed's "Meer uit Buitenland" items as JSON Feed, RSS, Atom, an SSE
 * stream and a WebSocket stream, with a new wire item every `publishEvery` ms so the page is
 * visibly live. It runs inside Vite (`npm start`) and inside the test runner, as plain Node
 * middleware. Documents are computed from the time of each request; only open streams hold a timer.
 *
 * Routes, per channel (any name: each test uses its own so tests never share state):
 *   GET  /feeds/<channel>/feed.json | feed.rss | feed.atom   documents; ETag/Last-Modified, 304 when unchanged
 *   GET  /feeds/<channel>/feed.json?page=N (also .rss, .atom)   older pages, 10 items each, when the channel has `pages`:
 *                                    page 1 (the feed) names page 2, and so on up to page pages + 1
 *   GET  /feeds/<channel>/image.svg?id=…   a small picture for an item (the sections' items carry one)
 *   GET  /feeds/<channel>/messy.rss  the same items as real-world CMSs write them: Windows-1252 bytes declared only in
 *                                    the XML declaration, extension elements (any prefix) before the core ones, dates
 *                                    in Dutch and Portuguese, every third item undated, ids only from links, `&#146;`
 *                                    references, and the document cut off inside a start tag
 *   GET  /feeds/<channel>/events     Server-Sent Events; resumes after ?last_event_id= or Last-Event-ID
 *   WS   /feeds/<channel>/ws         WebSocket; the same messages; with the ws+meta.nchan subprotocol framed as nchan does,
 *                                    resuming after ?last_event_id=
 *   GET  /feeds/<channel>/stats      { requests, ok, notModified, failed, streams (opened), open, bytes (documents), lastEventIds,
 *                                    lastEventIdHeaders, preflights (OPTIONS requests, answered 204 with CORS headers) }
 *   POST /feeds/<channel>/control    JSON, any of: { reset: { now, publishEvery, sendDate, sections, pages, pageFault } }
 *                                    (pageFault, for page 2: 'self' or 'first' (its next page loops back), 'html', 404, or a number of items),
 *                                    { publish: { text, id, published, updated, title, tags, url } } (tags default ["buitenland"]),
 *                                    { delete: id }, { fail: { status, times, retryAfter, body } }, { fail: { hang: true } },
 *                                    { fail: { status: 204 } }, { drop: true } (cuts open streams), { end: true } (closes them),
 *                                    { raw: [jsonFeedItem, …] } (served verbatim in feed.json: hostile input for tests),
 *                                    { burst: n } (n new items at once),
 *                                    { script: [{ status, contentType, chunks, latin1, then: 'end' | 'drop' | 'hold' }, …] }
 *                                    (the next /events answers, byte for byte: broken and hostile streams for tests)
 *
 * Every item carries tags (`buitenland` for the seed's). A channel with `sections` also carries the
 * newsroom's other sections: sport items (one pinned, one corrected) and breaking items, so that
 * filtered blocks of one feed can be shown; channels made on first use have them when the server was
 * created with `sections: true` (the demo page), channels made by `reset` when it says so.
 *
 * The `Date` header: a channel on real time sends the real one. A channel reset to a demo `now`
 * (tests in virtual time) sends none, since the page's virtual clock would disagree with any, unless
 * `sendDate` is set: then it sends its demo time, a server clock that differs from the page's.
 *
 * This file routes requests; the work is in feed-server/: channels.mjs (channel state, the change log,
 * timed publishing, faults, control commands), documents.mjs (JSON Feed, RSS, messy RSS, Atom and
 * their pages), http.mjs (documents, pages, pictures, faults and control over HTTP) and streams.mjs
 * (SSE and WebSocket).
 */
import { WebSocketServer } from 'ws';
import { closeChannels, createChannelRegistry, currentItems, getChannel } from './feed-server/channels.mjs';
import { send, serveControl, serveDocument, serveImage } from './feed-server/http.mjs';
import { acceptWebSocket, serveEvents, WS_META } from './feed-server/streams.mjs';

const ROUTE = /^\/feeds\/([\w-]{1,64})\/(feed\.json|feed\.rss|feed\.atom|messy\.rss|image\.svg|events|ws|control|stats)$/;

/** @param {{ publishEvery?: number, now?: () => number, sections?: boolean, pages?: number }} [options] */
export function createFeedServer(options = {}) {
  const registry = createChannelRegistry(options);
  // Agrees to ws+meta.nchan only: a client asking for any other subprotocol fails its handshake, as with a server that ignores it.
  const sockets = new WebSocketServer({ noServer: true, handleProtocols: (protocols) => (protocols.has(WS_META) ? WS_META : false) });

  /**
   * Answers a request if it is for the feed server: true, or a promise of true for one that
   * finishes later. Returns false to pass the request on.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @returns {boolean | Promise<boolean>}
   */
  function handle(req, res) {
    const match = ROUTE.exec((req.url ?? '').split('?')[0] ?? '');
    if (!match) return false;
    const [, name = '', route] = match;
    if (req.method === 'OPTIONS') {
      getChannel(registry, name).stats.preflights++;
      send(res, 204, {
        'Access-Control-Allow-Methods': 'GET, POST',
        'Access-Control-Allow-Headers': 'Content-Type, Last-Event-ID',
        'Access-Control-Max-Age': '600',
      });
    } else if (route === 'control' && req.method === 'POST') {
      return serveControl(registry, name, req, res).then(() => true);
    } else if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, { 'Content-Type': 'text/plain', Allow: 'GET, POST' }, 'method not allowed');
    } else if (route === 'stats') {
      send(res, 200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }, JSON.stringify(getChannel(registry, name).stats));
    } else if (route === 'events') {
      serveEvents(registry, getChannel(registry, name), req, res);
      return new Promise((resolve) => res.on('close', () => resolve(true)));
    } else if (route === 'image.svg') {
      serveImage(req, res);
    } else if (route === 'ws') {
      send(res, 426, { 'Content-Type': 'text/plain', Upgrade: 'websocket' }, 'use a WebSocket');
    } else {
      const format = route === 'feed.rss' ? 'rss' : route === 'feed.atom' ? 'atom' : route === 'messy.rss' ? 'messy' : 'json';
      serveDocument(registry, getChannel(registry, name), format, req, res);
    }
    return true;
  }

  /**
   * Takes a WebSocket upgrade for `/feeds/<channel>/ws`; returns false to leave it to others (Vite's HMR).
   * @param {import('node:http').IncomingMessage} req @param {import('node:stream').Duplex} socket @param {Buffer} head
   */
  function upgrade(req, socket, head) {
    const match = ROUTE.exec((req.url ?? '').split('?')[0] ?? '');
    if (!match || match[2] !== 'ws') return false;
    acceptWebSocket(registry, sockets, getChannel(registry, match[1] ?? ''), req, socket, head);
    return true;
  }

  /** Ends every stream and timer (for servers that stop). */
  function close() {
    closeChannels(registry);
    sockets.close();
  }

  /** The items a channel's feed holds now, newest first (for server-rendering a page). @param {string} name */
  const itemsOf = (name) => currentItems(getChannel(registry, name));

  return { handle, upgrade, close, itemsOf };
}
