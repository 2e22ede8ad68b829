import type { SkippedItem, TickerItem } from '../model.js';
import { htmlToText } from './html-text.js';
import { toTickerItem, type ItemContext } from './item.js';

export interface ParsedFeed {
  readonly title?: string;
  readonly items: TickerItem[];
  readonly skipped: SkippedItem[];
}

/** Thrown (inside a source, never at the page) when a document is not a feed at all. */
export class FeedParseError extends Error {
  override readonly name = 'FeedParseError';
}

/** Most items read from one document; the rest are reported, not parsed. */
export const MAX_FEED_ITEMS = 1000;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** One JSON Feed 1.1 item, or the reason it is skipped. */
export function parseJsonFeedItem(raw: unknown, context: ItemContext = {}): TickerItem | string {
  if (!isObject(raw)) return 'not an object';
  const id = raw.id;
  if (typeof id !== 'string' && typeof id !== 'number') return 'no id';
  const html = str(raw.content_html);
  const text = str(raw.content_text) ?? (html !== undefined ? htmlToText(html) : undefined) ?? str(raw.summary);
  return toTickerItem(
    {
      id,
      published: (raw.date_published ?? raw.date_modified) as string,
      updated: str(raw.date_modified),
      text: text ?? '',
      title: str(raw.title),
      url: str(raw.url) ?? str(raw.external_url),
    },
    context,
  );
}

/** A JSON Feed 1.1 (or 1.0) document. Bad items are skipped with a reason; a non-feed throws. */
export function parseJsonFeed(doc: unknown, context: ItemContext = {}): ParsedFeed {
  if (!isObject(doc) || !Array.isArray(doc.items)) throw new FeedParseError('not a JSON Feed: no "items" array');
  const baseUrl = context.baseUrl;
  const itemContext: ItemContext = { ...context, baseUrl: baseUrl ?? str(doc.home_page_url) };
  const items: TickerItem[] = [];
  const skipped: SkippedItem[] = [];
  const rawItems: unknown[] = doc.items;
  rawItems.forEach((raw, index) => {
    if (index >= MAX_FEED_ITEMS) {
      if (index === MAX_FEED_ITEMS) skipped.push({ index, reason: `over ${MAX_FEED_ITEMS} items; ${rawItems.length - index} left out` });
      return;
    }
    const item = parseJsonFeedItem(raw, itemContext);
    if (typeof item === 'string') {
      const id = isObject(raw) && (typeof raw.id === 'string' || typeof raw.id === 'number') ? String(raw.id) : undefined;
      skipped.push(id === undefined ? { index, reason: item } : { index, id, reason: item });
    } else items.push(item);
  });
  const title = str(doc.title);
  return title === undefined ? { items, skipped } : { title, items, skipped };
}
