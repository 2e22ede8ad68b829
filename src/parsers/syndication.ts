/** RSS 2.0 (and RSS 1.0/RDF) and Atom 1.0, read with the small XML reader into normalised items. */
import type { SkippedItem, TickerItem } from '../model.js';
import { htmlToText } from './html-text.js';
import { toTickerItem, type ItemContext } from './item.js';
import { FeedParseError, MAX_FEED_ITEMS, type ParsedFeed } from './json-feed.js';
import { childElement, childElements, childText, textContent, type XmlElement } from './xml.js';

// Zone names Date.parse does not know but feeds write anyway (RFC 822 allows only US zones).
const ZONES: Record<string, string> = {
  CET: '+0100',
  CEST: '+0200',
  MET: '+0100',
  MEST: '+0200',
  BST: '+0100',
  IST: '+0530',
  EET: '+0200',
  EEST: '+0300',
  WET: '+0000',
  WEST: '+0100',
  JST: '+0900',
  AEST: '+1000',
  AEDT: '+1100',
};

/** An RFC 822 date as RSS writes it ("Fri, 27 Nov 2026 12:00:00 +0100"), or ISO 8601. */
export function parseFeedDate(value: string | undefined): number {
  if (!value) return Number.NaN;
  const trimmed = value.trim();
  const direct = Date.parse(trimmed);
  if (!Number.isNaN(direct)) return direct;
  return Date.parse(trimmed.replace(/\b([A-Z]{3,4})$/, (zone) => ZONES[zone] ?? zone));
}

function collect(
  entries: XmlElement[],
  read: (entry: XmlElement) => TickerItem | string,
  idOf: (entry: XmlElement) => string | undefined,
): { items: TickerItem[]; skipped: SkippedItem[] } {
  const items: TickerItem[] = [];
  const skipped: SkippedItem[] = [];
  entries.slice(0, MAX_FEED_ITEMS).forEach((entry, index) => {
    const item = read(entry);
    if (typeof item !== 'string') return void items.push(item);
    const id = idOf(entry);
    skipped.push(id === undefined ? { index, reason: item } : { index, id, reason: item });
  });
  if (entries.length > MAX_FEED_ITEMS) {
    skipped.push({ index: MAX_FEED_ITEMS, reason: `over ${MAX_FEED_ITEMS} items; ${entries.length - MAX_FEED_ITEMS} left out` });
  }
  return { items, skipped };
}

/** RSS 2.0 `<rss><channel><item>…`, and RSS 1.0 where items sit beside the channel. */
export function parseRss(root: XmlElement, context: ItemContext = {}): ParsedFeed {
  const channel = childElement(root, 'channel');
  if (!channel) throw new FeedParseError('not an RSS feed: no <channel>');
  const baseUrl = context.baseUrl ?? childText(channel, 'link')?.trim();
  const entries = [...childElements(channel, 'item'), ...childElements(root, 'item')];
  const idOf = (entry: XmlElement) =>
    (childText(entry, 'guid') ?? childText(entry, 'link') ?? entry.attributes['rdf:about'])?.trim() || undefined;
  const { items, skipped } = collect(
    entries,
    (entry) => {
      const html = childText(entry, 'content:encoded') ?? childText(entry, 'description');
      const title = childText(entry, 'title');
      return toTickerItem(
        {
          id: idOf(entry) ?? '',
          published: parseFeedDate(childText(entry, 'pubDate') ?? childText(entry, 'dc:date')),
          text: html !== undefined ? htmlToText(html) : '',
          title: title !== undefined ? htmlToText(title) : undefined,
          url: childText(entry, 'link')?.trim() ?? entry.attributes['rdf:about'],
        },
        { ...context, baseUrl },
      );
    },
    idOf,
  );
  const title = childText(channel, 'title');
  return title === undefined ? { items, skipped } : { title: htmlToText(title), items, skipped };
}

/** Text of an Atom text construct: `type="html"` is escaped HTML, `type="xhtml"` inline markup, else plain text. */
function atomText(element: XmlElement | undefined): string | undefined {
  if (!element) return undefined;
  const type = element.attributes.type ?? 'text';
  const text = textContent(element);
  return type === 'html' || type === 'xhtml' || type.endsWith('html') ? htmlToText(text) : text;
}

function atomLink(entry: XmlElement): string | undefined {
  const links = childElements(entry, 'link');
  const alternate = links.find((link) => (link.attributes.rel ?? 'alternate') === 'alternate') ?? links[0];
  return alternate?.attributes.href;
}

/** Atom 1.0 `<feed><entry>…`. */
export function parseAtom(root: XmlElement, context: ItemContext = {}): ParsedFeed {
  const baseUrl = context.baseUrl ?? atomLink(root);
  const idOf = (entry: XmlElement) => childText(entry, 'id')?.trim() || atomLink(entry);
  const { items, skipped } = collect(
    childElements(root, 'entry'),
    (entry) =>
      toTickerItem(
        {
          id: idOf(entry) ?? '',
          published: parseFeedDate(childText(entry, 'published') ?? childText(entry, 'updated')),
          updated: childText(entry, 'updated'),
          text: atomText(childElement(entry, 'summary')) ?? atomText(childElement(entry, 'content')) ?? '',
          title: atomText(childElement(entry, 'title')),
          url: atomLink(entry),
        },
        { ...context, baseUrl },
      ),
    idOf,
  );
  const title = atomText(childElement(root, 'title'));
  return title === undefined ? { items, skipped } : { title, items, skipped };
}
