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

declare global {
  interface HTMLElementEventMap {
    'live-ticker-status': LiveTickerStatusEvent;
    'live-ticker-pause': LiveTickerPauseEvent;
  }
}
