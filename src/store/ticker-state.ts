import { Observable, type ObservableInput } from 'rxjs';
import { FeedError, type FeedUpdate, type TickerUpdateInput } from '../model.js';
import { customUpdates } from '../sources/custom-source.js';
import { feedUpdates } from '../sources/feed-updates.js';
import { fetchFeedPage } from '../sources/http-feed.js';
import { documentVisible$ } from '../sources/reconnect.js';
import { acrossTabs } from './across-tabs.js';
import { parseFilter, words } from './filter.js';
import { withOlderPages } from './older-items.js';
import { forgetItems, keepItems, keptState, sweepKeptItems } from './return-visit.js';
import { shareLatest } from './share-latest.js';
import {
  foldSource,
  initialSourceState,
  mergeSources,
  retainFor,
  shownByViews,
  type BlockView,
  type Retain,
  type SourceState,
  type TickerState,
} from './fold.js';

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
  /** Which items the block shows: `tag:sport agency:BELGA place:"DEN HAAG"` (any term); all when empty. */
  readonly filter?: string | undefined;
  /** Tags that pin an item, separated by spaces: the newest such item stays first. */
  readonly pinnedTags?: string | undefined;
}

/** A block with nothing to show from: no feed, no source. */
const NO_SOURCES: TickerState = { items: [], status: 'live', retracted: [] };

/** The view a spec asks for; a filter with a mistake shows nothing, with one console warning saying why. */
export function blockView(spec: TickerSpec): BlockView {
  const { filter, problem } = parseFilter(spec.filter);
  if (problem) console.warn(`live-ticker: ${problem}`);
  const pinned = words(spec.pinnedTags);
  return { maxItems: Math.max(0, Math.floor(spec.maxItems) || 0), filter, pinnedTags: pinned.length ? new Set(pinned) : undefined };
}

/**
 * The state of a block, from its spec: each source's updates folded into its state (a feed URL's
 * shared by every block on the page that shows it, whatever its filter), all merged into what the
 * block shows: its filter's items, its pinned item first, at most `maxItems`. Subscribing starts the
 * feeds that are not running yet; unsubscribing stops those no block needs.
 */
export function tickerState(spec: TickerSpec, more$?: Observable<unknown>): Observable<TickerState> {
  const view = blockView(spec);
  const states = spec.urls.map((url) => sharedFeed(url, { view, keep: spec.keep ?? true }));
  if (spec.source != null) states.push(sharedSource(spec.source));
  if (states.length === 0) return just(NO_SOURCES);
  const live$ = latestOfAll(states, (latest) => mergeSources(latest, view));
  if (!more$) return live$;
  const feeds = spec.urls.map((url) => absolute(url) ?? url);
  return withOlderPages(live$, more$, view, fetchFeedPage, feeds);
}

/** A feed URL made absolute against the page; undefined when it is not a URL. */
function absolute(url: string): string | undefined {
  try {
    return new URL(url, globalThis.document?.baseURI).href;
  } catch {
    return undefined;
  }
}

/** `combine` of the latest value of every Observable, once each has spoken: combineLatest with a projection, in fewer bytes. */
function latestOfAll<T, R>(sources: readonly Observable<T>[], combine: (latest: T[]) => R): Observable<R> {
  return new Observable<R>((subscriber) => {
    const latest: T[] = [];
    const spoken = new Set<number>();
    sources.forEach((source, index) =>
      subscriber.add(
        source.subscribe({
          next: (value) => {
            latest[index] = value;
            spoken.add(index);
            if (spoken.size === sources.length) subscriber.next(combine(latest.slice()));
          },
          error: (error: unknown) => subscriber.error(error),
        }),
      ),
    );
  });
}

/** An Observable of one value, then complete. */
const just = <T>(value: T) =>
  new Observable<T>((subscriber) => {
    subscriber.next(value);
    subscriber.complete();
  });

/** Reports a source's states on the console: one clear warning per failure episode, and the items it skipped. */
function consoleReport(source: string): (state: SourceState) => void {
  let warned = false;
  let reportedSkips: SourceState['skipped'] | undefined;
  return (state) => {
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
  };
}

/**
 * The store state of one source: `initial`, then each update folded in (a state only when it
 * changed), reported on the console and handed to `keep` before it goes on.
 */
export function sourceState(
  source: string,
  updates: Observable<FeedUpdate>,
  initial: SourceState = initialSourceState(source),
  retain?: Retain,
  keep?: (state: SourceState) => void,
): Observable<SourceState> {
  const report = consoleReport(source);
  return new Observable<SourceState>((subscriber) => {
    let state = initial;
    const emit = () => {
      report(state);
      keep?.(state);
      subscriber.next(state);
    };
    emit();
    return updates.subscribe({
      next: (update) => state !== (state = foldSource(state, update, retain)) && emit(),
      error: (error: unknown) => subscriber.error(error),
      // A source that ends without ever delivering or failing (a 204 at once, an empty custom
      // source) has nothing to show: the block says so rather than "loading" for ever.
      complete: () => {
        if (!state.loaded && state.status !== 'error') {
          state = foldSource(state, { kind: 'snapshot', source, items: [] }, retain);
          emit();
        }
        subscriber.complete();
      },
    });
  });
}

interface SharedFeed {
  readonly state$: Observable<SourceState>;
  /** The views of the blocks showing it (one entry per block): what is remembered and kept of it. */
  readonly views: Set<{ readonly view: BlockView }>;
  /** Whether every block showing it lets its items be kept. */
  keep: boolean;
}

const shared = new Map<string, SharedFeed>();
let swept = false;

/**
 * The state of one feed URL, shared: one request loop or connection per browser — per page however
 * many blocks show it, and across the browser's tabs of this origin one tab leads (`acrossTabs`).
 * The feed is looked up as each block subscribes: the first starts it, from the items kept from the
 * reader's last visit if any; later ones get the current state at once, and the last one to leave
 * stops it (a block that comes back later starts it again). While it leads, a tab keeps what the
 * blocks show, and what the feed retracted, for the next visit.
 */
export function sharedFeed(url: string, options: { view?: BlockView; keep?: boolean } = {}): Observable<SourceState> {
  const key = absolute(url);
  if (key === undefined) {
    const error = new FeedError('source', `live-ticker: "${url}" is not a valid feed URL`);
    console.warn(error.message);
    return just<SourceState>({ ...initialSourceState(url), status: 'error', error });
  }
  const registration = { view: options.view ?? { maxItems: MAX_KEPT } };
  return new Observable<SourceState>((subscriber) => {
    const feed = shared.get(key) ?? startFeed(key);
    feed.views.add(registration);
    if (options.keep === false && feed.keep) {
      feed.keep = false;
      forgetItems(key);
    }
    const subscription = feed.state$.subscribe(subscriber);
    return () => {
      feed.views.delete(registration);
      subscription.unsubscribe();
    };
  });
}

/** Items kept of a feed subscribed without a view. */
const MAX_KEPT = 10;

function startFeed(key: string): SharedFeed {
  const feed: SharedFeed = {
    views: new Set(),
    keep: true,
    state$: shareLatest(
      new Observable<SourceState>((subscriber) => runFeed(key, feed).subscribe(subscriber)),
      () => shared.get(key) === feed && shared.delete(key),
    ),
  };
  shared.set(key, feed);
  return feed;
}

/** A feed's state from what was kept of it, shared across tabs; what its blocks show is kept as it changes. */
function runFeed(key: string, feed: SharedFeed): Observable<SourceState> {
  if (feed.keep && !swept) {
    swept = true; // once per page
    sweepKeptItems();
  }
  const views = () => [...feed.views].map(({ view }) => view);
  const initial = (feed.keep && keptState(key)) || initialSourceState(key);
  let kept = initial;
  /** Keeps what the blocks show of a state, and what it retracted, for the next visit, as it changes. */
  const keep = (state: SourceState) => {
    if (feed.keep && state.loaded && (state.items !== kept.items || state.retracted !== kept.retracted)) {
      kept = state;
      const shown = shownByViews(state.items, views());
      keepItems(key, { items: state.items.filter((item) => shown.has(item)), retracted: state.retracted });
    }
  };
  const run = (from: SourceState) => sourceState(key, feedUpdates(key), from, retainFor(views), keep);
  return acrossTabs(key, initial, run, documentVisible$());
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
