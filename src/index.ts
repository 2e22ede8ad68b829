// The npm entry: the elements, their events, the item and state types, the clocks, a feed source for
// each transport and the document parser. Registers nothing: call defineLiveTicker() or import
// 'live-ticker/define'. The rest of the feed toolkit (each parser, the reconnect policy, the store)
// is in 'live-ticker/feeds'. Every name here is a semver promise; keep the list short.
export { LiveTicker } from './elements/live-ticker/live-ticker.js';
export {
  LiveTickerStatusEvent,
  LiveTickerPauseEvent,
  LiveTickerImpressionEvent,
  LiveTickerOpenEvent,
  LiveTickerRevealEvent,
  LiveTickerMoreEvent,
} from './elements/live-ticker/events.js';
export { LiveTickerItem } from './elements/live-ticker-item/live-ticker-item.js';
export { LiveTickerTime } from './elements/live-ticker-time/live-ticker-time.js';
export { defineLiveTicker } from './define-elements.js';
export { PageClock, defaultClock, type Clock, type ClockSubscriber } from './clock/page-clock.js';
export { VirtualClock } from './clock/virtual-clock.js';
export { clockContext } from './context/clock-context.js';
export {
  FeedError,
  type FeedStatus,
  type FeedUpdate,
  type ServerTime,
  type TickerItem,
  type TickerItemInput,
  type TickerUpdateInput,
} from './model.js';
export type { TickerState } from './store/fold.js';
export { httpFeed } from './sources/http-feed.js';
export { websocketFeed } from './sources/websocket-feed.js';
export type { FeedOptions } from './sources/reconnect.js';
export { parseFeedDocument } from './parsers/feed-document.js';
export type { ParsedFeed } from './parsers/parsed-feed.js';
