import {
  asyncScheduler,
  defer,
  distinctUntilChanged,
  expand,
  fromEvent,
  map,
  NEVER,
  Observable,
  of,
  startWith,
  switchMap,
  take,
  throwError,
  timeout,
  timer,
  catchError,
  type SchedulerLike,
} from 'rxjs';
import { fromFetch } from 'rxjs/fetch';
import { FeedError, type FeedUpdate } from '../model.js';
import { parseFeedDocument } from '../parsers/feed-document.js';
import { FeedParseError } from '../parsers/json-feed.js';

export interface PollOptions {
  /** Time between polls of a healthy feed (ms). */
  interval?: number;
  /** Each interval varies by up to this fraction either way, so readers' requests spread out. */
  jitter?: number;
  /** A request (headers and body) taking longer fails (ms). */
  timeout?: number;
  /** First retry delay cap after an error (ms); doubles per consecutive error. */
  retryBase?: number;
  /** Longest wait between retries (ms), unless the server asks for more with Retry-After. */
  retryMax?: number;
  /** Whether the page is visible; no request and no timer while it is not. Defaults to the document's visibility. */
  visible$?: Observable<boolean>;
  /** Random numbers in [0, 1) for the jitter; tests fix it. */
  random?: () => number;
  /** Where timers run; an RxJS TestScheduler in tests. */
  scheduler?: SchedulerLike;
}

export const POLL_DEFAULTS = {
  interval: 30_000,
  jitter: 0.2,
  timeout: 15_000,
  retryBase: 2_000,
  retryMax: 5 * 60_000,
} as const;

/** Retries never come sooner than this, whatever the jitter draws: an error must never loop hot. */
const MIN_RETRY = 1_000;
/** A Retry-After beyond this is capped: a typo on the server must not silence readers for a day. */
const MAX_RETRY_AFTER = 60 * 60_000;

/** The document's visibility as a stream: true while the page can be seen. */
export function documentVisible$(): Observable<boolean> {
  return defer(() => {
    const doc = globalThis.document;
    if (!doc) return of(true);
    return fromEvent(doc, 'visibilitychange').pipe(
      map(() => !doc.hidden),
      startWith(!doc.hidden),
      distinctUntilChanged(),
    );
  });
}

/** Retry-After in ms, from delta-seconds or an HTTP-date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  const ms = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - now;
  return Number.isFinite(ms) ? Math.min(Math.max(0, ms), MAX_RETRY_AFTER) : undefined;
}

/**
 * Delay before retry number `failures` (1 for the first): "full jitter" exponential backoff,
 * a random point below min(retryMax, retryBase·2^(failures-1)), never under a second,
 * and never sooner than the server's Retry-After.
 */
export function retryDelay(failures: number, options: Required<Pick<PollOptions, 'retryBase' | 'retryMax'>>, random: number, retryAfter?: number): number {
  const cap = Math.min(options.retryMax, options.retryBase * 2 ** Math.min(failures - 1, 30));
  return Math.max(MIN_RETRY, random * cap, retryAfter ?? 0);
}

type Outcome = { readonly ok: true; readonly update?: FeedUpdate } | { readonly ok: false; readonly error: FeedError };

function toFeedError(error: unknown, url: string): FeedError {
  if (error instanceof FeedError) return error;
  if (error instanceof FeedParseError) return new FeedError('parse', `${url}: ${error.message}`, { url, cause: error });
  return new FeedError('network', `${url}: network error (${(error as Error)?.message ?? error})`, { url, cause: error });
}

/**
 * Polls a feed document. Emits a `snapshot` when the document changed, `status` updates when the
 * connection state changes; never errors and never completes on its own.
 *
 * Revalidation: requests go out with `cache: 'no-cache'`, so the browser sends the stored ETag /
 * Last-Modified and the server can answer 304 (no body over the wire). Cross-origin responses hide
 * ETag from scripts, so "unchanged" is judged by comparing bodies: an unchanged feed is neither
 * parsed again nor re-rendered.
 */
export function pollFeed(url: string, options: PollOptions = {}): Observable<FeedUpdate> {
  const { interval, jitter, timeout: requestTimeout, retryBase, retryMax } = { ...POLL_DEFAULTS, ...options };
  const scheduler = options.scheduler ?? asyncScheduler;
  const random = options.random ?? Math.random;
  const visible$ = options.visible$ ?? documentVisible$();

  return defer(() => {
    let previousBody: string | undefined;
    let failures = 0;

    const request = (): Observable<Outcome> =>
      fromFetch(url, {
        cache: 'no-cache',
        headers: { Accept: 'application/feed+json, application/json, application/rss+xml, application/atom+xml;q=0.9, */*;q=0.5' },
        selector: async (response): Promise<Outcome> => {
          if (!response.ok) {
            const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), scheduler.now());
            throw new FeedError('http', `${url}: HTTP ${response.status}`, { url, status: response.status, retryAfterMs });
          }
          const body = await response.text();
          if (body === previousBody) return { ok: true };
          const parsed = parseFeedDocument(body, { source: url, baseUrl: response.url || url });
          previousBody = body;
          return { ok: true, update: { kind: 'snapshot', source: url, items: parsed.items, skipped: parsed.skipped } };
        },
      }).pipe(
        timeout({
          first: requestTimeout,
          scheduler,
          with: () => throwError(() => new FeedError('timeout', `${url}: no answer within ${requestTimeout / 1000} s`, { url })),
        }),
        catchError((error: unknown) => of<Outcome>({ ok: false, error: toFeedError(error, url) })),
      );

    /** Waits `delay` of visible time: while hidden nothing runs, and an overdue poll runs as soon as the page shows. */
    const after = (delay: number): Observable<unknown> =>
      defer(() => {
        const dueAt = scheduler.now() + delay;
        return visible$.pipe(
          switchMap((visible) => (visible ? timer(Math.max(0, dueAt - scheduler.now()), scheduler) : NEVER)),
          take(1),
        );
      });

    const nextDelay = (outcome: Outcome): number => {
      if (outcome.ok) {
        failures = 0;
        return interval * (1 + jitter * (2 * random() - 1));
      }
      failures++;
      return retryDelay(failures, { retryBase, retryMax }, random(), outcome.error.details.retryAfterMs);
    };

    // A successful poll that found nothing new still reports `live`: the store ignores it when it
    // was live already, and it tells a block that was stale that it is current again.
    return after(0).pipe(
      switchMap(request),
      expand((outcome) => after(nextDelay(outcome)).pipe(switchMap(request))),
      map((outcome): FeedUpdate => {
        if (!outcome.ok) return { kind: 'status', source: url, status: 'error', error: outcome.error };
        return outcome.update ?? { kind: 'status', source: url, status: 'live' };
      }),
      startWith<FeedUpdate>({ kind: 'status', source: url, status: 'connecting' }),
    );
  });
}
