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
 *   WS   /feeds/<channel>/ws         WebSocket; the same messages
 *   GET  /feeds/<channel>/stats      { requests, ok, notModified, failed, streams (opened), open, bytes (documents), lastEventIds }
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
 */
import { readFileSync } from 'node:fs';
import { WebSocketServer } from 'ws';

/** @typedef {{ id: string, published: number, text: string, url?: string, title?: string, tags?: string[], updated?: number, image?: string }} DemoItem */
/** @typedef {{ seq: number, item?: DemoItem, deleted?: string }} Change */
/** @typedef {{ status?: number, times: number, retryAfter?: string, body?: string, hang?: boolean }} Fault */
/** @typedef {{ send: (change: Change) => void, drop: () => void, end: () => void }} StreamClient */
/**
 * A scripted answer to the next `/events` request, byte for byte (hostile and broken streams for tests).
 * @typedef {{ status?: number, contentType?: string, chunks: string[], latin1?: boolean, then?: 'end' | 'drop' | 'hold' }} Script
 */
/**
 * @typedef {object} Channel
 * @property {string} name
 * @property {number} anchor demo time (epoch ms) at which the channel started
 * @property {number} realStart server time when it started
 * @property {number} publishEvery ms between new items; 0 for none
 * @property {'real' | 'none' | 'demo'} date what the Date header says: the real time, nothing, or the channel's demo time
 * @property {boolean} sections whether the newsroom's other sections (sport, breaking) are in the feed
 * @property {number} pages how many older pages the feed names (0: none)
 * @property {'self' | 'first' | 'html' | 404 | number | undefined} pageFault what is wrong with page 2, for tests
 * @property {number} autoPublished how many timed items are in the log
 * @property {Change[]} log every change after the seed, in order
 * @property {Fault[]} faults
 * @property {unknown[]} raw JSON Feed items served verbatim, before the others (hostile input for tests)
 * @property {Script[]} scripts answers for the next `/events` requests, in order
 * @property {Set<StreamClient>} streams
 * @property {ReturnType<typeof setTimeout> | undefined} timer
 * @property {{ requests: number, ok: number, notModified: number, failed: number, streams: number, open: number, bytes: number, lastEventIds: string[], lastEventIdHeaders: string[], preflights: number }} stats
 */

const seed = JSON.parse(readFileSync(new URL('./seed-items.json', import.meta.url), 'utf8'));
const MINUTE = 60_000;
const MAX_ITEMS = 30;
const ROUTE = /^\/feeds\/([\w-]{1,64})\/(feed\.json|feed\.rss|feed\.atom|messy\.rss|image\.svg|events|ws|control|stats)$/;
/** Items on an older page. */
const PAGE_SIZE = 10;

/** @param {string} text */
const xml = (text) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** Quotes as an old Windows CMS writes them: Windows-1252 code points as references. @param {string} text */
const messyXml = (text) => cp1252Quotes(xml(text).replace(/&#34;/g, '"')).replace(/&#39;/g, '&#146;');
/** @param {string} text */
const cp1252Quotes = (text) => text.replace(/"([^"]*)"/g, '&#147;$1&#148;');
const NL_DAYS = ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'];
const NL_MONTHS = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
const PT_DAYS = ['Dom', 'Seg', 'Ter', 'Qua', 'Qui', 'Sex', 'Sáb'];
const PT_MONTHS = ['Jan', 'Fev', 'Mar', 'Abr', 'Mai', 'Jun', 'Jul', 'Ago', 'Set', 'Out', 'Nov', 'Dez'];
/** @type {Map<string, number>} */
const CP1252_BYTES = new Map();
for (let byte = 0x80; byte < 0x100; byte++) CP1252_BYTES.set(new TextDecoder('windows-1252').decode(new Uint8Array([byte])), byte);
/** Windows-1252 bytes; characters it lacks become references. @param {string} text */
function windows1252(text) {
  const bytes = CP1252_BYTES;
  const out = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) out.push(code);
    else if (bytes.has(char)) out.push(/** @type {number} */ (bytes.get(char)));
    else out.push(...Buffer.from(`&#${code};`));
  }
  return Buffer.from(out);
}

/** @param {{ publishEvery?: number, now?: () => number, sections?: boolean, pages?: number }} [options] */
export function createFeedServer(options = {}) {
  const defaultPublishEvery = options.publishEvery ?? 30_000;
  const realNow = options.now ?? (() => Date.now());
  /** @type {Map<string, Channel>} */
  const channels = new Map();
  const sockets = new WebSocketServer({ noServer: true });

  /** @param {string} name @param {{ now?: number | string, publishEvery?: number, sendDate?: boolean, sections?: boolean, pages?: number, pageFault?: Channel['pageFault'] }} [settings] @returns {Channel} */
  function newChannel(name, settings = {}) {
    const anchor = settings.now === undefined ? realNow() : new Date(settings.now).getTime();
    return {
      name,
      anchor: Number.isFinite(anchor) ? anchor : realNow(),
      realStart: realNow(),
      publishEvery: settings.publishEvery ?? defaultPublishEvery,
      date: settings.sendDate ? 'demo' : settings.now === undefined ? 'real' : 'none',
      sections: Boolean(settings.sections),
      pages: Number(settings.pages) || 0,
      pageFault: settings.pageFault,
      autoPublished: 0,
      log: [],
      faults: [],
      raw: [],
      scripts: [],
      streams: new Set(),
      timer: undefined,
      stats: {
        requests: 0,
        ok: 0,
        notModified: 0,
        failed: 0,
        streams: 0,
        open: 0,
        bytes: 0,
        lastEventIds: [],
        lastEventIdHeaders: [],
        preflights: 0,
      },
    };
  }

  /** @param {string} name */
  function channel(name) {
    let found = channels.get(name);
    if (!found) channels.set(name, (found = newChannel(name, { sections: options.sections, pages: options.pages })));
    return materialize(found);
  }

  /** @param {Channel} ch */
  const demoNow = (ch) => ch.anchor + (realNow() - ch.realStart);
  /** @param {Channel} ch */
  const version = (ch) => ch.log.length;

  /** Sets the response's Date header as the channel's clock says. @param {Channel} ch @param {import('node:http').ServerResponse} res */
  function stampDate(ch, res) {
    if (ch.date === 'demo') res.setHeader('Date', new Date(demoNow(ch)).toUTCString());
    else if (ch.date === 'none') res.sendDate = false;
  }

  /** @param {Channel} ch @param {Change} change */
  function record(ch, change) {
    ch.log.push(change);
    if (change.item || change.deleted) for (const stream of ch.streams) stream.send(change);
  }

  /** Adds the timed items whose moment has come to the log. @param {Channel} ch */
  function materialize(ch) {
    const due = ch.publishEvery > 0 ? Math.floor((realNow() - ch.realStart) / ch.publishEvery) : 0;
    while (ch.autoPublished < due) {
      const i = ch.autoPublished++;
      record(ch, {
        seq: version(ch) + 1,
        item: {
          id: `live-${i + 1}`,
          published: ch.anchor + (i + 1) * ch.publishEvery,
          text: seed.live[i % seed.live.length],
          tags: ['buitenland'],
        },
      });
    }
    return ch;
  }

  /** Keeps open streams live: a timer for the next timed item, only while a stream is open. @param {Channel} ch */
  function scheduleNext(ch) {
    clearTimeout(ch.timer);
    ch.timer = undefined;
    if (ch.streams.size === 0 || ch.publishEvery <= 0) return;
    const next = ch.realStart + (ch.autoPublished + 1) * ch.publishEvery;
    ch.timer = setTimeout(
      () => {
        materialize(ch);
        scheduleNext(ch);
      },
      Math.max(0, next - realNow()),
    );
  }

  /** @param {Channel} ch @returns {DemoItem[]} */
  function items(ch) {
    /** @type {Map<string, DemoItem>} */
    const byId = new Map();
    for (const item of [...seed.items, ...(ch.sections ? seed.sections : [])]) {
      const tags = item.tags ?? ['buitenland'];
      byId.set(item.id, {
        id: item.id,
        published: ch.anchor - item.minutesAgo * MINUTE,
        ...(item.updatedMinutesAgo === undefined ? {} : { updated: ch.anchor - item.updatedMinutesAgo * MINUTE }),
        ...(item.title ? { title: item.title } : {}),
        text: item.text,
        tags,
        url: `https://www.example.org/${tags[tags.length - 1]}/${item.id}`,
        ...(item.image ? { image: `/feeds/${ch.name}/image.svg?id=${item.id}` } : {}),
      });
    }
    for (const change of ch.log) {
      if (change.item) byId.set(change.item.id, change.item);
      if (change.deleted) byId.delete(change.deleted);
    }
    return [...byId.values()].sort((a, b) => b.published - a.published).slice(0, MAX_ITEMS);
  }

  /**
   * The items of `page` (1: the feed itself; 2 and on: older archive pages of PAGE_SIZE items, when the
   * channel has `pages`) and the URL of the page after it, as the channel's `pageFault` may spoil it.
   * @param {Channel} ch @param {number} page @param {string} origin @param {string} format the file name, e.g. feed.json
   * @returns {{ list: DemoItem[], next?: string }}
   */
  function pageOf(ch, page, origin, format) {
    const url = (/** @type {number} */ n) => `${origin}/feeds/${ch.name}/${format}${n > 1 ? `?page=${n}` : ''}`;
    const next = page <= ch.pages ? url(page + 1) : undefined;
    if (page <= 1) return { list: items(ch), next };
    const count = page === 2 && typeof ch.pageFault === 'number' ? ch.pageFault : PAGE_SIZE;
    const oldest = 90 + (page - 2) * PAGE_SIZE * 7;
    const list = Array.from({ length: count }, (_, i) => ({
      id: `archive-${page}-${i + 1}`,
      published: ch.anchor - (oldest + i * 7) * MINUTE,
      text: `${seed.live[(page * PAGE_SIZE + i) % seed.live.length]} (archief ${page}.${i + 1})`,
      tags: ['buitenland'],
    }));
    if (page === 2 && ch.pageFault === 'self') return { list, next: url(2) };
    if (page === 2 && ch.pageFault === 'first') return { list, next: url(1) };
    return { list, next };
  }

  /** @param {DemoItem} item */
  const jsonItem = (item) => ({
    id: item.id,
    ...(item.url ? { url: item.url } : {}),
    ...(item.title ? { title: item.title } : {}),
    content_text: item.text,
    date_published: new Date(item.published).toISOString(),
    ...(item.updated ? { date_modified: new Date(item.updated).toISOString() } : {}),
    ...(item.tags ? { tags: item.tags } : {}),
    ...(item.image ? { image: item.image } : {}),
  });

  /** @param {DemoItem} item @param {(tag: string) => string} element */
  const categories = (item, element) => (item.tags ?? []).map((tag) => `\n      ${element(xml(tag))}`).join('');

  /** @param {Channel} ch @param {string} name @param {string} origin */
  function jsonFeed(ch, name, origin, page = 1) {
    const { list, next } = pageOf(ch, page, origin, 'feed.json');
    return {
      version: 'https://jsonfeed.org/version/1.1',
      title: seed.title,
      home_page_url: `${origin}/`,
      feed_url: `${origin}/feeds/${name}/feed.json`,
      ...(next ? { next_url: next } : {}),
      language: 'nl',
      items: [...(page > 1 ? [] : ch.raw), ...list.map(jsonItem)],
    };
  }

  /** @param {Channel} ch @param {string} origin */
  function rss(ch, origin, page = 1) {
    const { list, next } = pageOf(ch, page, origin, 'feed.rss');
    const entries = list.map(
      (item) => `    <item>
      <guid isPermaLink="false">${xml(item.id)}</guid>${item.url ? `\n      <link>${xml(item.url)}</link>` : ''}${item.title ? `\n      <title>${xml(item.title)}</title>` : ''}
      <description>${xml(item.text)}</description>
      <pubDate>${new Date(item.published).toUTCString()}</pubDate>${categories(item, (tag) => `<category>${tag}</category>`)}${
        item.image ? `\n      <media:thumbnail url="${xml(origin + item.image)}" width="120" height="80"/>` : ''
      }
    </item>`,
    );
    return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
  <channel>
    <title>${xml(seed.title)}</title>${next ? `\n    <atom:link rel="next" href="${xml(next)}"/>` : ''}
    <link>${origin}/</link>
    <description>Buitenlands nieuws van het ANP (demo)</description>
    <language>nl</language>
${entries.join('\n')}
  </channel>
</rss>
`;
  }

  /** @param {Channel} ch @param {string} origin */
  function messyRss(ch, origin) {
    const entries = items(ch).map((item, index) => {
      const date = new Date(item.published);
      // Local names, as a Dutch or Brazilian CMS writes them, with the offset of its own zone.
      const [days, months, zone] = index % 2 === 0 ? [NL_DAYS, NL_MONTHS, 60] : [PT_DAYS, PT_MONTHS, -180];
      const local = new Date(item.published + zone * MINUTE);
      const pad = (/** @type {number} */ n) => String(n).padStart(2, '0');
      const offset = `${zone < 0 ? '-' : '+'}${pad(Math.abs(zone) / 60)}00`;
      const pubDate = `${days[local.getUTCDay()]}, ${pad(local.getUTCDate())} ${months[local.getUTCMonth()]} ${local.getUTCFullYear()} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())} ${offset}`;
      const dated = index % 3 !== 2;
      return `    <item>
      <a10:link rel="standout" href="https://elsewhere.example/standout/${xml(item.id)}"/>
      <it:title>Podcast: ${xml(item.id)}</it:title>
      <title>${messyXml(item.text.split(' - ')[0] ?? item.id)}</title>${item.url ? `\n      <link>${xml(item.url)}</link>` : ''}
      <c:encoded><![CDATA[<p>${cp1252Quotes(item.text).replace(/'/g, '&#146;')}</p>]]></c:encoded>
      <description>${messyXml(item.text.slice(0, 40))}&amp;hellip;</description>${dated ? `\n      ${index % 4 === 1 ? `<d:date>${date.toISOString().replace('Z', '+00:00')}</d:date>` : `<pubDate>${pubDate}</pubDate>`}` : ''}
    </item>`;
    });
    return `<?xml version="1.0" encoding="windows-1252"?>
<rss version="2.0" xmlns:a10="http://www.w3.org/2005/Atom" xmlns:it="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:c="http://purl.org/rss/1.0/modules/content/" xmlns:d="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>${messyXml(seed.title)} (rommelig)</title>
    <link>${origin}/</link>
${entries.join('\n')}
    <item>
      <title>Afgebroken</title>
      <enclosure url="${origin}/cut.mp3" length="1" type="audio/mpeg" a1="1" a2="2" a3="3" a4="4" a5="5" a6="6" a7="7" a8="8" a9="9" a10="10" a11="11" a12="12" a13="13" a14="14" a15="15" a16="16" a17="17" a18="18" a19="19" a20="20" a21="21" a22="22" a23="23" a24="24" a25="25" a26="26" a27="27" a28="28`;
  }

  /** @param {Channel} ch @param {string} name @param {string} origin */
  function atom(ch, name, origin, page = 1) {
    const { list, next } = pageOf(ch, page, origin, 'feed.atom');
    const entries = list.map(
      (item) => `  <entry>
    <id>urn:live-ticker-demo:${xml(item.id)}</id>
    <title>${xml(item.title ?? item.text.split(' - ')[0] ?? item.id)}</title>${item.url ? `\n    <link rel="alternate" href="${xml(item.url)}"/>` : ''}
    <published>${new Date(item.published).toISOString()}</published>
    <updated>${new Date(item.updated ?? item.published).toISOString()}</updated>
    <summary type="text">${xml(item.text)}</summary>${categories(item, (tag) => `<category term="${tag}"/>`)}${
      item.image ? `\n    <link rel="enclosure" type="image/svg+xml" href="${xml(origin + item.image)}"/>` : ''
    }
  </entry>`,
    );
    return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl">
  <title>${xml(seed.title)}</title>
  <id>urn:live-ticker-demo:${xml(name)}</id>
  <link rel="alternate" href="${origin}/"/>${next ? `\n  <link rel="next" href="${xml(next)}"/>` : ''}
  <updated>${new Date(Math.max(ch.anchor, ...list.map((item) => item.published))).toISOString()}</updated>
${entries.join('\n')}
</feed>
`;
  }

  /**
   * @param {import('node:http').ServerResponse} res @param {number} status @param {Record<string, string>} headers @param {string | Buffer} [body]
   * @param {Channel} [ch] counts the bytes sent (status line, headers and body) for the bandwidth benchmark
   */
  function send(res, status, headers, body, ch) {
    const allHeaders = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'ETag, Retry-After, Date', ...headers };
    if (ch) {
      const headerBytes = Object.entries(allHeaders).reduce((sum, [name, value]) => sum + name.length + String(value).length + 4, 0);
      ch.stats.bytes += 17 + headerBytes + 2 + (body ? Buffer.byteLength(body) : 0);
    }
    res.writeHead(status, allHeaders);
    res.end(body);
  }

  /** @param {import('node:http').IncomingMessage} req @returns {Promise<any>} */
  async function readJson(req) {
    let body = '';
    for await (const chunk of req) body += chunk;
    return body ? JSON.parse(body) : {};
  }

  /** Plays the next fault, if any; true when it answered. @param {Channel} ch @param {import('node:http').ServerResponse} res */
  function playFault(ch, res) {
    ch.stats.requests++;
    stampDate(ch, res);
    const fault = ch.faults[0];
    if (!fault) return false;
    if (--fault.times <= 0) ch.faults.shift();
    ch.stats.failed++;
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
   * @param {string} name @param {Channel} ch @param {'json' | 'rss' | 'atom' | 'messy'} format
   * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
   */
  function serveDocument(name, ch, format, req, res) {
    const page = Number(new URL(req.url ?? '/', 'http://feed.invalid').searchParams.get('page')) || 1;
    if (page > 1) return servePage(ch, name, format, page, req, res);
    if (playFault(ch, res)) return;
    const current = items(ch);
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
      send(
        res,
        200,
        { ...headers, 'Content-Type': 'application/feed+json; charset=utf-8' },
        JSON.stringify(jsonFeed(ch, name, origin)),
        ch,
      );
    else if (format === 'rss') send(res, 200, { ...headers, 'Content-Type': 'application/rss+xml; charset=utf-8' }, rss(ch, origin), ch);
    // No charset in the header: only the XML declaration says Windows-1252.
    else if (format === 'messy')
      send(res, 200, { ...headers, 'Content-Type': 'application/rss+xml' }, windows1252(messyRss(ch, origin)), ch);
    else send(res, 200, { ...headers, 'Content-Type': 'application/atom+xml; charset=utf-8' }, atom(ch, name, origin), ch);
  }

  /**
   * An older page of the feed (`?page=N`), as the channel's `pageFault` may spoil page 2.
   * @param {Channel} ch @param {string} name @param {'json' | 'rss' | 'atom' | 'messy'} format @param {number} page
   * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
   */
  function servePage(ch, name, format, page, req, res) {
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
    if (format === 'rss')
      return send(res, 200, { ...headers, 'Content-Type': 'application/rss+xml; charset=utf-8' }, rss(ch, origin, page));
    if (format === 'atom')
      return send(res, 200, { ...headers, 'Content-Type': 'application/atom+xml; charset=utf-8' }, atom(ch, name, origin, page));
    return send(
      res,
      200,
      { ...headers, 'Content-Type': 'application/feed+json; charset=utf-8' },
      JSON.stringify(jsonFeed(ch, name, origin, page)),
    );
  }

  /** A small picture for an item: a coloured card with its initials. @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  function serveImage(req, res) {
    const id = new URL(req.url ?? '/', 'http://feed.invalid').searchParams.get('id') ?? '';
    let hue = 0;
    for (const char of id) hue = (hue * 31 + char.charCodeAt(0)) % 360;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80" viewBox="0 0 120 80"><rect width="120" height="80" fill="hsl(${hue} 55% 45%)"/><circle cx="60" cy="40" r="18" fill="#fff" fill-opacity=".35"/></svg>`;
    send(res, 200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'max-age=3600' }, svg);
  }

  /** The messages a stream client needs, from after `lastEventId` (or all, as one document). @param {Channel} ch @param {string} name @param {string} origin @param {string | undefined} lastEventId */
  function backlog(ch, name, origin, lastEventId) {
    const after = lastEventId === undefined || lastEventId === '' ? Number.NaN : Number(lastEventId);
    if (Number.isInteger(after) && after >= 0 && after <= version(ch)) {
      return ch.log
        .filter((change) => change.seq > after && (change.item || change.deleted))
        .map((change) => ({ id: String(change.seq), data: message(change) }));
    }
    return [{ id: String(version(ch)), data: JSON.stringify(jsonFeed(ch, name, origin)) }];
  }

  /** @param {Change} change */
  const message = (change) => JSON.stringify(change.item ? jsonItem(change.item) : { id: change.deleted, deleted: true });

  /** @param {string} name @param {Channel} ch @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  function serveEvents(name, ch, req, res) {
    if (playFault(ch, res)) return;
    // Resumes from the `last_event_id` query parameter (what nchan reads, and the library sends) or the Last-Event-ID header.
    const header = /** @type {string | undefined} */ (req.headers['last-event-id']);
    const lastEventId = new URL(req.url ?? '/', 'http://feed.invalid').searchParams.get('last_event_id') ?? header;
    ch.stats.ok++;
    ch.stats.streams++;
    ch.stats.lastEventIds.push(lastEventId ?? '');
    ch.stats.lastEventIdHeaders.push(header ?? '');
    const script = ch.scripts.shift();
    if (script) return playScript(script, ch, req, res);
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache',
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Expose-Headers': 'Date',
    });
    res.write('retry: 1000\n\n');
    for (const event of backlog(ch, name, `http://${req.headers.host}`, lastEventId)) res.write(`id: ${event.id}\ndata: ${event.data}\n\n`);
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    /** @type {StreamClient} */
    const client = {
      send: (change) => res.write(`id: ${change.seq}\ndata: ${message(change)}\n\n`),
      drop: () => req.socket.destroy(),
      end: () => res.end(),
    };
    ch.streams.add(client);
    ch.stats.open++;
    scheduleNext(ch);
    res.on('close', () => {
      clearInterval(heartbeat);
      ch.streams.delete(client);
      ch.stats.open--;
      scheduleNext(ch);
    });
  }

  /**
   * Writes a scripted answer, then ends, cuts (mid-chunk, as a dropped connection) or holds it open.
   * @param {Script} script @param {Channel} ch @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
   */
  function playScript(script, ch, req, res) {
    res.writeHead(script.status ?? 200, {
      'Content-Type': script.contentType ?? 'text/event-stream',
      'Cache-Control': 'no-cache',
      'Access-Control-Allow-Origin': '*',
    });
    const chunks = script.chunks.map((chunk) => Buffer.from(chunk, script.latin1 ? 'latin1' : 'utf8'));
    const last = chunks.pop() ?? Buffer.alloc(0);
    for (const chunk of chunks) res.write(chunk);
    if (script.then === 'drop') {
      // Cut once the last bytes are out: the client gets all of them, then a broken connection.
      res.write(last, () => req.socket.destroy());
    } else if (script.then === 'hold') {
      res.write(last);
      /** @type {StreamClient} */
      const client = { send: () => undefined, drop: () => req.socket.destroy(), end: () => res.end() };
      ch.streams.add(client);
      res.on('close', () => ch.streams.delete(client));
    } else res.end(last);
  }

  /** @param {string} name @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  async function control(name, req, res) {
    try {
      const command = await readJson(req);
      if (command.reset) {
        const previous = channels.get(name);
        previous?.streams.forEach((stream) => stream.drop());
        if (previous) clearTimeout(previous.timer);
        channels.set(name, newChannel(name, command.reset));
      }
      const ch = channel(name);
      if (command.publish) {
        const { id = `published-${ch.log.length + 1}`, text, title, tags = ['buitenland'], url, updated } = command.publish;
        const published = command.publish.published ? new Date(command.publish.published).getTime() : demoNow(ch);
        /** @type {DemoItem} */
        const item = { id: String(id), published, text: String(text), tags: tags.map(String) };
        if (title) item.title = String(title);
        if (url) item.url = String(url);
        if (updated) item.updated = new Date(updated).getTime();
        record(ch, { seq: version(ch) + 1, item });
      }
      if (command.delete) record(ch, { seq: version(ch) + 1, deleted: String(command.delete) });
      // Many items at once, as fast as the server can write them (the burst benchmark).
      for (let i = 1; i <= (Number(command.burst) || 0); i++) {
        record(ch, {
          seq: version(ch) + 1,
          item: { id: `burst-${i}`, published: demoNow(ch) + i, text: `${seed.live[i % seed.live.length]} (${i})`, tags: ['buitenland'] },
        });
      }
      if (command.fail) ch.faults.push({ times: 1, ...command.fail });
      if (Array.isArray(command.script)) ch.scripts.push(...command.script);
      if (Array.isArray(command.raw)) {
        ch.raw.push(...command.raw);
        record(ch, { seq: version(ch) + 1 }); // a new version, so revalidation sees the change
      }
      if (command.drop) ch.streams.forEach((stream) => stream.drop());
      if (command.end) ch.streams.forEach((stream) => stream.end());
      send(
        res,
        200,
        { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
        JSON.stringify({ now: demoNow(ch), items: items(ch).length, version: version(ch), stats: ch.stats }),
      );
    } catch (error) {
      send(res, 400, { 'Content-Type': 'text/plain' }, `bad control command: ${/** @type {Error} */ (error).message}`);
    }
  }

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
      channel(name).stats.preflights++;
      send(res, 204, {
        'Access-Control-Allow-Methods': 'GET, POST',
        'Access-Control-Allow-Headers': 'Content-Type, Last-Event-ID',
        'Access-Control-Max-Age': '600',
      });
    } else if (route === 'control' && req.method === 'POST') {
      return control(name, req, res).then(() => true);
    } else if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, { 'Content-Type': 'text/plain', Allow: 'GET, POST' }, 'method not allowed');
    } else if (route === 'stats') {
      send(res, 200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }, JSON.stringify(channel(name).stats));
    } else if (route === 'events') {
      serveEvents(name, channel(name), req, res);
      return new Promise((resolve) => res.on('close', () => resolve(true)));
    } else if (route === 'image.svg') {
      serveImage(req, res);
    } else if (route === 'ws') {
      send(res, 426, { 'Content-Type': 'text/plain', Upgrade: 'websocket' }, 'use a WebSocket');
    } else {
      const format = route === 'feed.rss' ? 'rss' : route === 'feed.atom' ? 'atom' : route === 'messy.rss' ? 'messy' : 'json';
      serveDocument(name, channel(name), format, req, res);
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
    const name = match[1] ?? '';
    const ch = channel(name);
    ch.stats.requests++;
    const fault = ch.faults[0];
    if (fault) {
      if (--fault.times <= 0) ch.faults.shift();
      ch.stats.failed++;
      if (!fault.hang) socket.end(`HTTP/1.1 ${fault.status ?? 503} Demo Fault\r\nConnection: close\r\n\r\n`);
      return true;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => {
      ch.stats.ok++;
      ch.stats.streams++;
      for (const event of backlog(ch, name, `http://${req.headers.host}`, undefined)) ws.send(event.data);
      /** @type {StreamClient} */
      const client = { send: (change) => ws.send(message(change)), drop: () => ws.terminate(), end: () => ws.close(1000) };
      ch.streams.add(client);
      ch.stats.open++;
      scheduleNext(ch);
      ws.on('close', () => {
        ch.streams.delete(client);
        ch.stats.open--;
        scheduleNext(ch);
      });
    });
    return true;
  }

  /** Ends every stream and timer (for servers that stop). */
  function close() {
    for (const ch of channels.values()) {
      ch.streams.forEach((stream) => stream.drop());
      clearTimeout(ch.timer);
    }
    sockets.close();
  }

  /** The items a channel's feed holds now, newest first (for server-rendering a page). @param {string} name */
  const itemsOf = (name) => items(channel(name));

  return { handle, upgrade, close, itemsOf };
}
