import { defer, distinctUntilChanged, map, Observable, type ObservableInput, of, scan, startWith, tap } from 'rxjs';
import { FeedError, type FeedUpdate, type TickerUpdateInput } from '../model.js';
import { customUpdates } from '../sources/custom-source.js';
import { feedUpdates } from '../sources/feed-updates.js';
import { documentVisible$ } from '../sources/reconnect.js';
import { acrossTabs } from './across-tabs.js';
import { forgetItems, keepItems, keptState, sweepKeptItems } from './return-visit.js';
import { shareLatest } from './share-latest.js';
import { foldSource, initialSourceState, mergeSources, type SourceState, type TickerState } from './store.js';

/** What a block shows: the element's attributes and properties that choose its items. */
export interface TickerSpec {
  /** Feed URLs, merged into one list. */
  readonly urls: readonly string[];
  /** A developer's own source (anything RxJS's `from()` accepts), merged in as one more. */
  readonly source?: ObservableInput<TickerUpdateInput> | undefined;
  /** Most items in the list. */
  readonly maxItems: number;
  /** Whether the items shown may be kept in the browser for the reader's next visit (default true). */
  readonly keep?: boolean | undefined;
}

/** A block with nothing to show from: no feed, no source. */
const NO_SOURCES: TickerState = { items: [], status: 'live' };

/**
 * The state of a block, from its spec: each source's updates folded into its state (a feed URL's
 * shared by every block on the page that shows it), all merged into one list of at most `maxItems`.
 * Subscribing starts the feeds that are not running yet; unsubscribing stops those no block needs.
 */
export function tickerState(spec: TickerSpec): Observable<TickerState> {
  const maxItems = Math.max(0, Math.floor(spec.maxItems) || 0);
  const states = spec.urls.map((url) => sharedFeed(url, { maxItems, keep: spec.keep ?? true }));
  if (spec.source != null) states.push(sharedSource(spec.source));
  if (states.length === 0) return of(NO_SOURCES);
  return latestOfAll(states).pipe(map((latest) => mergeSources(latest, maxItems)));
}

/** The latest value of every Observable, once each has spoken: combineLatest for one array, in fewer bytes. */
function latestOfAll<T>(sources: readonly Observable<T>[]): Observable<T[]> {
  return new Observable<T[]>((subscriber) => {
    const latest: T[] = [];
    const spoken = new Set<number>();
    sources.forEach((source, index) =>
      subscriber.add(
        source.subscribe({
          next: (value) => {
            latest[index] = value;
            spoken.add(index);
            if (spoken.size === sources.length) subscriber.next(latest.slice());
          },
          error: (error: unknown) => subscriber.error(error),
        }),
      ),
    );
  });
}

/** The store state of one source, with one clear console warning per failure episode. */
export function sourceState(
  source: string,
  updates: Observable<FeedUpdate>,
  initial: SourceState = initialSourceState(source),
): Observable<SourceState> {
  let warned = false;
  let reportedSkips: SourceState['skipped'] | undefined;
  return updates.pipe(
    scan((state, update) => foldSource(state, update), initial),
    startWith(initial),
    distinctUntilChanged(),
    tap((state) => {
      // Items kept from the last visit are not current either, but nothing has failed: no warning for them.
      if ((state.status === 'error' || state.status === 'stale') && state.error && !warned) {
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

interface SharedFeed {
  readonly state$: Observable<SourceState>;
  /** The most items any block showing it may show: how many are kept for the next visit. */
  maxItems: number;
  /** Whether every block showing it lets its items be kept. */
  keep: boolean;
}

const shared = new Map<string, SharedFeed>();
let swept = false;

/**
 * The state of one feed URL, shared: one request loop or connection per browser — per page however
 * many blocks show it, and across the browser's tabs of this origin one tab leads (`acrossTabs`).
 * The first subscriber starts it, from the items kept from the reader's last visit if any; later
 * ones get the current state at once, and the last one to leave stops it. While it leads, a tab
 * keeps the newest items for the next visit.
 */
export function sharedFeed(url: string, options: { maxItems?: number; keep?: boolean } = {}): Observable<SourceState> {
  let key: string;
  try {
    key = new URL(url, globalThis.document?.baseURI).href;
  } catch {
    const error = new FeedError('source', `live-ticker: "${url}" is not a valid feed URL`);
    console.warn(error.message);
    return of({ ...initialSourceState(url), status: 'error', error });
  }
  let feed = shared.get(key);
  if (!feed) {
    const entry: SharedFeed = {
      maxItems: 0,
      keep: true,
      state$: shareLatest(
        defer(() => {
          if (entry.keep && !swept) {
            swept = true; // once per page
            sweepKeptItems();
          }
          const initial = (entry.keep && keptState(key)) || initialSourceState(key);
          let kept = initial.items;
          const run = (from: SourceState) =>
            sourceState(key, feedUpdates(key), from).pipe(
              tap((state) => {
                if (!entry.keep || !state.loaded || state.items === kept) return;
                kept = state.items;
                keepItems(key, state.items, entry.maxItems);
              }),
            );
          return acrossTabs(key, initial, run, documentVisible$());
        }),
        () => shared.delete(key),
      ),
    };
    shared.set(key, (feed = entry));
  }
  feed.maxItems = Math.max(feed.maxItems, options.maxItems ?? 0);
  if (options.keep === false && feed.keep) {
    feed.keep = false;
    forgetItems(key);
  }
  return feed.state$;
}

const sharedSources = new WeakMap<object, Observable<SourceState>>();

/**
 * The state of a developer's source, shared like a feed URL's: subscribed once however many blocks
 * show it, so a block that changes only its `max-items` keeps what a hot source already sent.
 */
function sharedSource(source: ObservableInput<TickerUpdateInput>): Observable<SourceState> {
  const state$ = () => sourceState('custom', customUpdates(source));
  if (typeof source !== 'object' && typeof source !== 'function') return state$();
  let shared$ = sharedSources.get(source);
  if (!shared$) {
    shared$ = shareLatest(state$(), () => sharedSources.delete(source));
    sharedSources.set(source, shared$);
  }
  return shared$;
}

/** Feed URLs currently running, for tests and diagnostics. */
export function activeFeeds(): string[] {
  return [...shared.keys()];
}
