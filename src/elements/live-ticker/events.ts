import type { FeedError, FeedStatus } from '../../model.js';

/** Fired by `<live-ticker>` whenever its status changes (connecting, live, stale, error). */
export class LiveTickerStatusEvent extends Event {
  static readonly type = 'live-ticker-status';
  constructor(
    readonly status: FeedStatus,
    readonly error?: FeedError,
  ) {
    super(LiveTickerStatusEvent.type, { bubbles: true, composed: true });
  }
}

/** Fired by `<live-ticker>` when the reader pauses or resumes its updates. */
export class LiveTickerPauseEvent extends Event {
  static readonly type = 'live-ticker-pause';
  constructor(readonly paused: boolean) {
    super(LiveTickerPauseEvent.type, { bubbles: true, composed: true });
  }
}

/**
 * The events a publisher forwards to their analytics: each with a `detail`, bubbling and composed.
 * The library itself sends nothing anywhere and stores nothing for them.
 */
class TickerEvent<Detail> extends CustomEvent<Detail> {
  constructor(type: string, detail: Detail) {
    super(type, { bubbles: true, composed: true, detail });
  }
}

/** Fired once per item per page view when at least half of it has been in view for a second while the page was visible. `position` counts from 1. */
export class LiveTickerImpressionEvent extends TickerEvent<{ readonly id: string; readonly position: number }> {
  static readonly type = 'live-ticker-impression';
  constructor(detail: { id: string; position: number }) {
    super(LiveTickerImpressionEvent.type, detail);
  }
}

/** Fired when the reader follows an item's link (click, Enter, middle click), before the browser navigates. */
export class LiveTickerOpenEvent extends TickerEvent<{ readonly id: string; readonly url: string; readonly position: number }> {
  static readonly type = 'live-ticker-open';
  constructor(detail: { id: string; url: string; position: number }) {
    super(LiveTickerOpenEvent.type, detail);
  }
}

/** Fired when the reader shows the arrivals that waited behind the "N new items" button. */
export class LiveTickerRevealEvent extends TickerEvent<{ readonly count: number }> {
  static readonly type = 'live-ticker-reveal';
  constructor(detail: { count: number }) {
    super(LiveTickerRevealEvent.type, detail);
  }
}

/** Fired when older items the reader asked for were added below the list. */
export class LiveTickerMoreEvent extends TickerEvent<{ readonly count: number }> {
  static readonly type = 'live-ticker-more';
  constructor(detail: { count: number }) {
    super(LiveTickerMoreEvent.type, detail);
  }
}

declare global {
  interface HTMLElementEventMap {
    'live-ticker-status': LiveTickerStatusEvent;
    'live-ticker-pause': LiveTickerPauseEvent;
    'live-ticker-impression': LiveTickerImpressionEvent;
    'live-ticker-open': LiveTickerOpenEvent;
    'live-ticker-reveal': LiveTickerRevealEvent;
    'live-ticker-more': LiveTickerMoreEvent;
  }
}
