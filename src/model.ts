/** One news item, normalised from whatever feed format it came in. Times are epoch milliseconds. */
export interface TickerItem {
  /** Stable identity across updates; upserts and deletions match on it. */
  readonly id: string;
  /**
   * When the item was first published (epoch ms). Absent when the feed gives no date, or one that
   * cannot be read: the item is shown without a time label, never with an invented time.
   */
  readonly published?: number;
  /**
   * Undated items only: where the item sorts among dated ones (epoch ms, never shown). Just below the
   * dated item before it in its feed, so it keeps the position the document gives it.
   */
  readonly sortTime?: number;
  /** When this version was last modified (epoch ms); a newer version replaces an older one. */
  readonly updated?: number;
  /** The dateline place, e.g. "CRANS-MONTANA". */
  readonly place?: string;
  /** The agencies of the dateline, e.g. ["ANP", "AFP"]. */
  readonly agencies: readonly string[];
  /** Plain text of the item, without its dateline. */
  readonly text: string;
  /** An optional title (some feeds carry one besides the text). */
  readonly title?: string;
  /** Link to the full story; only ever an absolute http(s) URL. */
  readonly url?: string;
  /** The feed the item came from (its URL, or a developer's name for a custom source). */
  readonly source?: string;
  /**
   * The item's categories as its feed names them (JSON Feed `tags`, RSS `<category>` and `dc:subject`,
   * Atom `<category>` term and label): what pins it, marks it breaking and filters it. Compared
   * case-insensitively; unique, at most MAX_TAGS.
   */
  readonly tags?: readonly string[];
  /** A picture for the item (JSON Feed `image`, `media:thumbnail`/`media:content`, an image `enclosure`), shown with `images`. */
  readonly image?: ItemImage;
}

/** An item's picture: an absolute http(s) URL, with its size where the feed gives it, and its description. */
export interface ItemImage {
  readonly url: string;
  readonly width?: number;
  readonly height?: number;
  /** What the picture shows, for assistive technology; absent when the feed does not say (then it is decoration). */
  readonly alt?: string;
}

/** An item as a developer may hand it in: times as Date, ISO 8601 / RFC 822 string or epoch ms. */
export interface TickerItemInput {
  /** Without one, an id is derived from the link, else from title and text. */
  id?: string | number;
  published?: Date | string | number;
  updated?: Date | string | number;
  place?: string;
  agencies?: readonly string[];
  text: string;
  title?: string;
  url?: string;
  /** Categories; anything that is not a string is left out. */
  tags?: readonly string[];
  /** A picture: its URL, or its URL with size and description. */
  image?: string | { url: string; width?: number | string | undefined; height?: number | string | undefined; alt?: string | undefined };
}

/** What a developer's source may emit: a list of items (upserted) or an explicit update. */
export type TickerUpdateInput =
  | readonly TickerItemInput[]
  /** `next`: the URL of an older page (a feed document) the block reads when the reader asks for more. */
  | { readonly kind: 'upsert' | 'snapshot'; readonly items: readonly TickerItemInput[]; readonly next?: string }
  | { readonly kind: 'delete'; readonly ids: readonly (string | number)[] }
  | { readonly kind: 'status'; readonly status: 'connecting' | 'live' | 'error'; readonly error?: FeedError };

/** Why an item in a feed was left out. */
export interface SkippedItem {
  readonly index: number;
  readonly id?: string;
  readonly reason: string;
}

export type FeedStatus = 'connecting' | 'live' | 'stale' | 'error';

/** What a source tells the store. Sources never error: failures arrive as `status` updates. */
export type FeedUpdate =
  /** The full current document of a polled feed: replaces what that source said before. `next` is its older page, if it names one. */
  | {
      readonly kind: 'snapshot';
      readonly source: string;
      readonly items: readonly TickerItem[];
      readonly skipped?: readonly SkippedItem[];
      readonly next?: string;
    }
  /** Items to insert or replace by id (a stream's document may name its older page too). */
  | { readonly kind: 'upsert'; readonly source: string; readonly items: readonly TickerItem[]; readonly next?: string }
  /** Items to remove by id. */
  | { readonly kind: 'delete'; readonly source: string; readonly ids: readonly string[] }
  /** The source's connection state changed. */
  | { readonly kind: 'status'; readonly source: string; readonly status: 'connecting' | 'live' | 'error'; readonly error?: FeedError }
  /** The source's server said what time it is (a response's `Date`): labels count from it when the reader's clock is wrong. */
  | { readonly kind: 'time'; readonly source: string; readonly serverTime: ServerTime };

/** A server's reading of the time: it was `at` (epoch ms) when the reader's clock said `receivedAt`. */
export interface ServerTime {
  readonly at: number;
  readonly receivedAt: number;
}

export type FeedErrorKind = 'network' | 'http' | 'timeout' | 'parse' | 'source';

/** A failure of a feed, carried as data (never thrown at the host page). */
export class FeedError extends Error {
  override readonly name = 'FeedError';
  constructor(
    readonly kind: FeedErrorKind,
    message: string,
    readonly details: { readonly url?: string; readonly status?: number; readonly retryAfterMs?: number; readonly cause?: unknown } = {},
  ) {
    super(message);
  }
}
