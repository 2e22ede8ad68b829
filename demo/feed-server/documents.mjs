// @ts-check
/**
 * The feed documents a channel is served as: JSON Feed, RSS, Atom and the messy RSS of real-world
 * CMSs (Windows-1252 bytes, local Dutch and Portuguese dates), with their older archive pages.
 * Each is computed from the channel as it is now; nothing here touches a connection or the stats.
 */
import { MINUTE, currentItems, seed } from './channels.mjs';

/** @typedef {import('./channels.mjs').Channel} Channel */
/** @typedef {import('./channels.mjs').DemoItem} DemoItem */

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
export function windows1252(text) {
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

/**
 * The items of `page` (1: the feed itself; 2 and on: older archive pages of PAGE_SIZE items, when the
 * channel has `pages`) and the URL of the page after it, as the channel's `pageFault` may spoil it.
 * @param {Channel} ch @param {number} page @param {string} origin @param {string} format the file name, e.g. feed.json
 * @returns {{ list: DemoItem[], next?: string }}
 */
function pageOf(ch, page, origin, format) {
  const url = (/** @type {number} */ n) => `${origin}/feeds/${ch.name}/${format}${n > 1 ? `?page=${n}` : ''}`;
  const next = page <= ch.pages ? url(page + 1) : undefined;
  if (page <= 1) return { list: currentItems(ch), next };
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

/** An item as JSON Feed writes it (also each stream message). @param {DemoItem} item */
export const jsonItem = (item) => ({
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

/** The JSON Feed 1.1 document, as an object; the feed itself holds the raw items first. @param {Channel} ch @param {string} origin */
export function jsonFeed(ch, origin, page = 1) {
  const { list, next } = pageOf(ch, page, origin, 'feed.json');
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: seed.title,
    home_page_url: `${origin}/`,
    feed_url: `${origin}/feeds/${ch.name}/feed.json`,
    ...(next ? { next_url: next } : {}),
    language: 'nl',
    items: [...(page > 1 ? [] : ch.raw), ...list.map(jsonItem)],
  };
}

/** @param {Channel} ch @param {string} origin */
export function rss(ch, origin, page = 1) {
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

/** The RSS as real-world CMSs write it, as a string: encode it with windows1252() before sending. @param {Channel} ch @param {string} origin */
export function messyRss(ch, origin) {
  const entries = currentItems(ch).map((item, index) => {
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

/** @param {Channel} ch @param {string} origin */
export function atom(ch, origin, page = 1) {
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
  <id>urn:live-ticker-demo:${xml(ch.name)}</id>
  <link rel="alternate" href="${origin}/"/>${next ? `\n  <link rel="next" href="${xml(next)}"/>` : ''}
  <updated>${new Date(Math.max(ch.anchor, ...list.map((item) => item.published))).toISOString()}</updated>
${entries.join('\n')}
</feed>
`;
}
