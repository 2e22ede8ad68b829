/** What every feed parser returns, its error, and the item loop they share. */
import type { SkippedItem, TickerItem } from '../model.js';
import type { ItemContext } from './item.js';

export interface ParsedFeed {
  readonly title?: string;
  /** In document order; undated items carry a `sortTime` that keeps them in that position. */
  readonly items: TickerItem[];
  readonly skipped: SkippedItem[];
  /** Problems that lost nothing but the reader should know about, e.g. dates that could not be read. */
  readonly warnings: string[];
  /** The document's next, older page (JSON Feed `next_url`, `<link rel="next">` or RFC 5005 `prev-archive`): an absolute http(s) URL. */
  readonly next?: string;
}

/** Thrown (inside a source, never at the page) when a document is not a feed at all. */
export class FeedParseError extends Error {
  override readonly name = 'FeedParseError';
}

/** Most items read from one document; the rest are reported, not parsed. */
export const MAX_FEED_ITEMS = 1000;

/**
 * Reads a document's entries into items: each entry becomes an item or a skipped entry with its
 * reason, entries past MAX_FEED_ITEMS are reported once, unreadable dates become one warning, and
 * undated items get a sort time from their neighbours so they stay where the document put them.
 */
export function collectItems<Entry>(
  entries: readonly Entry[],
  read: (entry: Entry, context: ItemContext) => TickerItem | string,
  idOf: (entry: Entry) => string | undefined,
  context: ItemContext,
  title?: string,
  next?: string,
): ParsedFeed {
  const unreadableDates: string[] = [];
  const itemContext = { ...context, unreadableDates };
  const items: TickerItem[] = [];
  const skipped: SkippedItem[] = [];
  entries.slice(0, MAX_FEED_ITEMS).forEach((entry, index) => {
    const item = read(entry, itemContext);
    if (typeof item !== 'string') return void items.push(item);
    const id = idOf(entry);
    skipped.push(id === undefined ? { index, reason: item } : { index, id, reason: item });
  });
  if (entries.length > MAX_FEED_ITEMS) {
    skipped.push({ index: MAX_FEED_ITEMS, reason: `over ${MAX_FEED_ITEMS} items; ${entries.length - MAX_FEED_ITEMS} left out` });
  }
  const warnings =
    unreadableDates.length === 0
      ? []
      : [
          `${unreadableDates.length} item(s) with a date that cannot be read, shown without a time (first: "${unreadableDates[0]!.slice(0, 60)}")`,
        ];
  return {
    ...(title === undefined ? {} : { title }),
    items: placeUndated(items),
    skipped,
    warnings,
    ...(next === undefined ? {} : { next }),
  };
}

// Sort times of undated items step down by a microsecond-scale amount from their anchor, so they fall
// between it and the next dated item (epoch ms differ by at least 1 between distinct dates).
const STEP = 1 / 1024;

/**
 * An undated item sorts just below the dated item before it in the document; undated items at the top
 * sort just above the first dated one; in a document without dates they keep their order below every dated item.
 */
function placeUndated(items: TickerItem[]): TickerItem[] {
  const firstDated = items.find((item) => item.published !== undefined)?.published;
  let anchor = firstDated === undefined ? 0 : firstDated + STEP * (items.findIndex((item) => item.published !== undefined) + 1);
  let steps = 0;
  return items.map((item) => {
    if (item.published !== undefined) {
      anchor = item.published;
      steps = 0;
      return item;
    }
    steps++;
    return { ...item, sortTime: firstDated === undefined ? -steps : anchor - steps * STEP };
  });
}
