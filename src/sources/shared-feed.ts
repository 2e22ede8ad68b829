import { distinctUntilChanged, Observable, of, scan, startWith, tap, type Subscriber, type Subscription } from 'rxjs';
import { FeedError, type FeedUpdate } from '../model.js';
import { foldSource, initialSourceState, type SourceState } from '../store/store.js';
import { httpFeed } from './http-feed.js';
import type { FeedOptions } from './reconnect.js';
import { websocketFeed } from './websocket-feed.js';

/**
 * The Observable of updates for a feed URL: `ws:`/`wss:` is a WebSocket stream; over HTTP the
 * response decides (`text/event-stream` is an SSE stream, anything else a polled document).
 */
export function feedUpdates(url: string, options?: FeedOptions): Observable<FeedUpdate> {
  return /^wss?:/i.test(url) ? websocketFeed(url, options) : httpFeed(url, options);
}

/** The store state of one source, with one clear console warning per failure episode. */
export function sourceState(source: string, updates: Observable<FeedUpdate>): Observable<SourceState> {
  const initial = initialSourceState(source);
  let warned = false;
  let reportedSkips: SourceState['skipped'] | undefined;
  return updates.pipe(
    scan((state, update) => foldSource(state, update), initial),
    startWith(initial),
    distinctUntilChanged(),
    tap((state) => {
      if ((state.status === 'error' || state.status === 'stale') && !warned) {
        warned = true;
        const shown = state.items.length ? `keeping the ${state.items.length} items shown` : 'nothing to show yet';
        console.warn(`live-ticker: ${state.error?.message ?? `${source} failed`}; ${shown}, retrying.`);
      } else if (state.status === 'live') warned = false;
      if (state.skipped.length && state.skipped !== reportedSkips) {
        reportedSkips = state.skipped;
        const reasons = state.skipped.slice(0, 3).map((skip) => `#${skip.index}${skip.id ? ` (${skip.id})` : ''}: ${skip.reason}`);
        console.warn(`live-ticker: ${source}: skipped ${state.skipped.length} item(s) — ${reasons.join('; ')}`);
      }
    }),
  );
}

/**
 * Shares one subscription to `source` among all subscribers, replaying the latest value to each
 * newcomer, and unsubscribes (then calls `onIdle`) when the last one leaves: RxJS's
 * shareReplay({ bufferSize: 1, refCount: true }) in a few lines, sparing the embed Subject,
 * ReplaySubject and share.
 */
export function shareLatest<T>(source: Observable<T>, onIdle: () => void = () => undefined): Observable<T> {
  const subscribers = new Set<Subscriber<T>>();
  let connection: Subscription | undefined;
  let latest: { value: T } | undefined;
  return new Observable<T>((subscriber) => {
    subscribers.add(subscriber);
    if (latest) subscriber.next(latest.value);
    connection ??= source.subscribe({
      next: (value) => {
        latest = { value };
        for (const each of [...subscribers]) each.next(value);
      },
      error: (error: unknown) => [...subscribers].forEach((each) => each.error(error)),
      complete: () => [...subscribers].forEach((each) => each.complete()),
    });
    return () => {
      subscribers.delete(subscriber);
      if (subscribers.size > 0) return;
      connection?.unsubscribe();
      connection = undefined;
      latest = undefined;
      onIdle();
    };
  });
}

const shared = new Map<string, Observable<SourceState>>();

/**
 * One request loop per feed URL per page, however many elements show it: the first subscriber
 * starts it, later ones get the current state at once, and the last one to leave stops it.
 */
export function sharedFeed(url: string): Observable<SourceState> {
  let key: string;
  try {
    key = new URL(url, globalThis.document?.baseURI).href;
  } catch {
    const error = new FeedError('source', `live-ticker: "${url}" is not a valid feed URL`);
    console.warn(error.message);
    return of({ ...initialSourceState(url), status: 'error', error });
  }
  let state$ = shared.get(key);
  if (!state$) {
    state$ = shareLatest(sourceState(key, feedUpdates(key)), () => shared.delete(key));
    shared.set(key, state$);
  }
  return state$;
}

/** Feed URLs currently running, for tests and diagnostics. */
export function activeFeeds(): string[] {
  return [...shared.keys()];
}
