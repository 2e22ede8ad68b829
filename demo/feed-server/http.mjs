// @ts-check
/**
 * Plain HTTP answers of the feed server: sending with CORS headers (and counting the bytes), the
 * channel's Date header, queued faults, the feed documents with revalidation, their older pages,
 * item pictures and control commands.
 */
import { applyCommand, currentItems, demoNow, takeFault, version } from './channels.mjs';
import { atom, jsonFeed, messyRss, rss, windows1252 } from './documents.mjs';

/** @typedef {import('./channels.mjs').Channel} Channel */
/** @typedef {import('./channels.mjs').ChannelRegistry} ChannelRegistry */
/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */

/**
 * @param {ServerResponse} res @param {number} status @param {Record<string, string>} headers @param {string | Buffer} [body]
 * @param {Channel} [ch] counts the bytes sent (status line, headers and body) for the bandwidth benchmark
 */
export function send(res, status, headers, body, ch) {
  const allHeaders = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'ETag, Retry-After, Date', ...headers };
  if (ch) {
    const headerBytes = Object.entries(allHeaders).reduce((sum, [name, value]) => sum + name.length + String(value).length + 4, 0);
    ch.stats.bytes += 17 + headerBytes + 2 + (body ? Buffer.byteLength(body) : 0);
  }
  res.writeHead(status, allHeaders);
  res.end(body);
}

/** @param {IncomingMessage} req @returns {Promise<any>} */
async function readJson(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return body ? JSON.parse(body) : {};
}

/** Sets the response's Date header as the channel's clock says. @param {ChannelRegistry} registry @param {Channel} ch @param {ServerResponse} res */
function stampDate(registry, ch, res) {
  if (ch.date === 'demo') res.setHeader('Date', new Date(demoNow(registry, ch)).toUTCString());
  else if (ch.date === 'none') res.sendDate = false;
}

/**
 * Counts the request, stamps the Date header and plays the next fault, if any; true when it answered.
 * @param {ChannelRegistry} registry @param {Channel} ch @param {ServerResponse} res
 */
export function playFault(registry, ch, res) {
  ch.stats.requests++;
  stampDate(registry, ch, res);
  const fault = takeFault(ch);
  if (!fault) return false;
  if (fault.hang) return true; // never answers; the client's timeout must end it
  /** @type {Record<string, string>} */
  const headers = { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' };
  if (fault.retryAfter !== undefined) headers['Retry-After'] = String(fault.retryAfter);
  send(
    res,
    fault.status ?? 500,
    headers,
    fault.status === 204 || fault.status === 205 ? undefined : (fault.body ?? JSON.stringify({ error: `demo fault ${fault.status}` })),
  );
  return true;
}

/**
 * A feed document, or an older page of it (`?page=N`); answers revalidations with 304.
 * @param {ChannelRegistry} registry @param {Channel} ch @param {'json' | 'rss' | 'atom' | 'messy'} format
 * @param {IncomingMessage} req @param {ServerResponse} res
 */
export function serveDocument(registry, ch, format, req, res) {
  const page = Number(new URL(req.url ?? '/', 'http://feed.invalid').searchParams.get('page')) || 1;
  if (page > 1) return servePage(ch, format, page, req, res);
  if (playFault(registry, ch, res)) return;
  const current = currentItems(ch);
  const etag = `"${format}-${ch.anchor.toString(36)}-${version(ch)}"`;
  const lastModified = new Date(Math.max(ch.anchor, ...current.map((item) => item.published))).toUTCString();
  const headers = { ETag: etag, 'Last-Modified': lastModified, 'Cache-Control': 'no-cache' };
  const ifNoneMatch = req.headers['if-none-match'];
  const notModified =
    ifNoneMatch !== undefined
      ? ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
      : req.headers['if-modified-since'] === lastModified;
  if (notModified) {
    ch.stats.notModified++;
    send(res, 304, headers, undefined, ch);
    return;
  }
  ch.stats.ok++;
  const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
  if (format === 'json')
    send(res, 200, { ...headers, 'Content-Type': 'application/feed+json; charset=utf-8' }, JSON.stringify(jsonFeed(ch, origin)), ch);
  else if (format === 'rss') send(res, 200, { ...headers, 'Content-Type': 'application/rss+xml; charset=utf-8' }, rss(ch, origin), ch);
  // No charset in the header: only the XML declaration says Windows-1252.
  else if (format === 'messy') send(res, 200, { ...headers, 'Content-Type': 'application/rss+xml' }, windows1252(messyRss(ch, origin)), ch);
  else send(res, 200, { ...headers, 'Content-Type': 'application/atom+xml; charset=utf-8' }, atom(ch, origin), ch);
}

/**
 * An older page of the feed (`?page=N`), as the channel's `pageFault` may spoil page 2. Pages play no
 * faults, send no demo Date and count no bytes.
 * @param {Channel} ch @param {'json' | 'rss' | 'atom' | 'messy'} format @param {number} page
 * @param {IncomingMessage} req @param {ServerResponse} res
 */
function servePage(ch, format, page, req, res) {
  ch.stats.requests++;
  const headers = { 'Cache-Control': 'no-cache' };
  if (page > ch.pages + 1 || (page === 2 && ch.pageFault === 404)) {
    ch.stats.failed++;
    return send(res, 404, { ...headers, 'Content-Type': 'text/plain' }, 'no such page');
  }
  ch.stats.ok++;
  if (page === 2 && ch.pageFault === 'html')
    return send(res, 200, { ...headers, 'Content-Type': 'text/html' }, '<!doctype html><html><body>Pagina niet gevonden</body></html>');
  const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
  if (format === 'rss') return send(res, 200, { ...headers, 'Content-Type': 'application/rss+xml; charset=utf-8' }, rss(ch, origin, page));
  if (format === 'atom')
    return send(res, 200, { ...headers, 'Content-Type': 'application/atom+xml; charset=utf-8' }, atom(ch, origin, page));
  return send(res, 200, { ...headers, 'Content-Type': 'application/feed+json; charset=utf-8' }, JSON.stringify(jsonFeed(ch, origin, page)));
}

/** A small picture for an item: a coloured card with its initials. @param {IncomingMessage} req @param {ServerResponse} res */
export function serveImage(req, res) {
  const id = new URL(req.url ?? '/', 'http://feed.invalid').searchParams.get('id') ?? '';
  let hue = 0;
  for (const char of id) hue = (hue * 31 + char.charCodeAt(0)) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80" viewBox="0 0 120 80"><rect width="120" height="80" fill="hsl(${hue} 55% 45%)"/><circle cx="60" cy="40" r="18" fill="#fff" fill-opacity=".35"/></svg>`;
  send(res, 200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'max-age=3600' }, svg);
}

/**
 * Reads a control command from the request body, carries it out and answers with the channel's
 * demo time, item count, version and stats; 400 when the command is malformed.
 * @param {ChannelRegistry} registry @param {string} name @param {IncomingMessage} req @param {ServerResponse} res
 */
export async function serveControl(registry, name, req, res) {
  try {
    const ch = applyCommand(registry, name, await readJson(req));
    send(
      res,
      200,
      { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
      JSON.stringify({ now: demoNow(registry, ch), items: currentItems(ch).length, version: version(ch), stats: ch.stats }),
    );
  } catch (error) {
    send(res, 400, { 'Content-Type': 'text/plain' }, `bad control command: ${/** @type {Error} */ (error).message}`);
  }
}
