// The npm entry: classes, types, sources and parsers. Registers nothing; import 'live-ticker/define' for that.
export { LiveTicker } from './elements/live-ticker/live-ticker.js';
export { LiveTickerStatusEvent, LiveTickerPauseEvent } from './elements/live-ticker/events.js';
export { LiveTickerItem } from './elements/live-ticker-item/live-ticker-item.js';
export { LiveTickerTime } from './elements/live-ticker-time/live-ticker-time.js';
export { PageClock, defaultClock, type Clock, type ClockSubscriber, type PageClockOptions, type TimerHost } from './clock/page-clock.js';
export { VirtualClock } from './clock/virtual-clock.js';
export { relativeLabel, type LabelOptions, type RelativeLabel } from './clock/relative-label.js';
export { clockContext } from './context/clock-context.js';
export {
  FeedError,
  type FeedStatus,
  type FeedUpdate,
  type SkippedItem,
  type TickerItem,
  type TickerItemInput,
  type TickerUpdateInput,
} from './model.js';
export { parseDateline, formatDateline, type Dateline } from './text/dateline.js';
export { htmlToText } from './parsers/html-text.js';
export { parseJsonFeed, parseJsonFeedItem } from './parsers/json-feed.js';
export { FeedParseError, type ParsedFeed } from './parsers/parsed-feed.js';
export { parseFeedDocument } from './parsers/feed-document.js';
export { toTickerItem } from './parsers/item.js';
export { safeHttpUrl } from './text/safe-url.js';
export { decodeFeedBytes } from './parsers/encoding.js';
export { httpFeed } from './sources/http-feed.js';
export { websocketFeed } from './sources/websocket-feed.js';
export {
  reconnecting,
  retryDelay,
  parseRetryAfter,
  FEED_DEFAULTS,
  type FeedOptions,
  type AttemptStep,
  type AttemptEnd,
} from './sources/reconnect.js';
export { parseRss, parseAtom } from './parsers/syndication.js';
export { parseFeedDate } from './parsers/date.js';
export { SseParser, type SseEvent } from './parsers/sse.js';
export { parseStreamMessage } from './parsers/stream-message.js';
export { feedUpdates } from './sources/feed-updates.js';
export { customUpdates } from './sources/custom-source.js';
export { foldSource, mergeSources, initialSourceState, type SourceState, type TickerState } from './store/store.js';
export { tickerState, sharedFeed, type TickerSpec } from './store/ticker-state.js';
