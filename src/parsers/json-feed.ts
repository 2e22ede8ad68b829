import type { TickerItem } from '../model.js';
import { safeHttpUrl } from '../text/safe-url.js';
import { htmlToText } from './html-text.js';
import { toTickerItem, type ItemContext } from './item.js';
import { collectItems, FeedParseError, type ParsedFeed } from './parsed-feed.js';

/** A JSON object: not null, not an array. */
export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const idOf = (raw: unknown) => (isObject(raw) && (typeof raw.id === 'string' || typeof raw.id === 'number') ? String(raw.id) : undefined);

/** One JSON Feed 1.1 item, or the reason it is skipped. */
export function parseJsonFeedItem(raw: unknown, context: ItemContext = {}): TickerItem | string {
  if (!isObject(raw)) return 'not an object';
  const html = str(raw.content_html);
  const text = str(raw.content_text) ?? (html !== undefined ? htmlToText(html) : undefined) ?? str(raw.summary);
  return toTickerItem(
    {
      id: idOf(raw),
      published: str(raw.date_published) ?? str(raw.date_modified),
      updated: str(raw.date_modified),
      text: text ?? '',
      title: str(raw.title),
      url: str(raw.url) ?? str(raw.external_url),
      tags: raw.tags as string[] | undefined,
      image: str(raw.image) ?? str(raw.banner_image),
    },
    context,
  );
}

/** A JSON Feed 1.1 (or 1.0) document. Bad items are skipped with a reason; a non-feed throws. */
export function parseJsonFeed(doc: unknown, context: ItemContext = {}): ParsedFeed {
  if (!isObject(doc) || !Array.isArray(doc.items)) throw new FeedParseError('not a JSON Feed: no "items" array');
  const itemContext: ItemContext = { ...context, baseUrl: context.baseUrl ?? str(doc.home_page_url) };
  const next = safeHttpUrl(str(doc.next_url), itemContext.baseUrl);
  return collectItems(doc.items as unknown[], parseJsonFeedItem, idOf, itemContext, str(doc.title), next);
}
