// `live-ticker/feeds`: the feed toolkit beneath the elements, for a developer who builds a source or
// reads a feed without a block: every parser, the reconnect policy, the store's pure functions and the
// label function. It registers nothing and is not in the embed. The main entry has the common part.
export { httpFeed, fetchFeedPage } from './sources/http-feed.js';
export { websocketFeed } from './sources/websocket-feed.js';
export { feedUpdates } from './sources/feed-updates.js';
export { customUpdates } from './sources/custom-source.js';
export { serverTimeOf } from './sources/server-time.js';
export {
  reconnecting,
  retryDelay,
  parseRetryAfter,
  FEED_DEFAULTS,
  type FeedOptions,
  type AttemptStep,
  type AttemptEnd,
} from './sources/reconnect.js';
export { parseFeedDocument } from './parsers/feed-document.js';
export { parseJsonFeed, parseJsonFeedItem } from './parsers/json-feed.js';
export { parseRss, parseAtom } from './parsers/syndication.js';
export { parseFeedDate } from './parsers/date.js';
export { SseParser, type SseEvent } from './parsers/sse.js';
export { parseStreamMessage } from './parsers/stream-message.js';
export { FeedParseError, type ParsedFeed } from './parsers/parsed-feed.js';
export { toTickerItem } from './parsers/item.js';
export { htmlToText } from './parsers/html-text.js';
export { decodeFeedBytes } from './parsers/encoding.js';
export { parseDateline, formatDateline, type Dateline } from './text/dateline.js';
export { safeHttpUrl } from './text/safe-url.js';
export { foldSource, mergeSources, initialSourceState, type SourceState, type TickerState, type BlockView } from './store/fold.js';
export { tickerState, sharedFeed, type TickerSpec } from './store/ticker-state.js';
export { relativeLabel, type LabelOptions, type RelativeLabel } from './clock/relative-label.js';
export type { PageClockOptions, TimerHost } from './clock/page-clock.js';
export type { SkippedItem } from './model.js';
