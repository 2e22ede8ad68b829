import {
  asyncScheduler,
  defer,
  distinctUntilChanged,
  EMPTY,
  expand,
  merge,
  mergeMap,
  NEVER,
  Observable,
  of,
  startWith,
  switchMap,
  take,
  timer,
  type SchedulerLike,
} from 'rxjs';
import { FeedError, type FeedUpdate } from '../model.js';

/** How connections to a feed are paced. Every transport (polling, SSE, WebSocket) shares these. */
export interface FeedOptions {
  /** Time between polls of a healthy feed document (ms). */
  interval?: number;
  /** Each interval varies by up to this fraction either way, so readers' requests spread out. */
  jitter?: number;
  /** The first request waits a random part of this (ms), so readers who arrive together do not ask together. */
  startJitter?: number;
  /** A request that has not answered (for a document: been read) within this fails (ms). */
  timeout?: number;
  /** Cap of the first retry delay after an error (ms); it doubles per consecutive error. */
  retryBase?: number;
  /** Longest wait between retries (ms), unless the server asks for more with Retry-After. */
  retryMax?: number;
  /** Wait before reopening a stream that closed after a good run, unless the server set `retry:` (ms). */
  reconnect?: number;
  /** Largest feed document read (bytes); a larger one is refused with a clear error. Also caps a stream's pending line and event. */
  maxBytes?: number;
  /**
   * The query parameter that carries the last event id when a stream reconnects (default
   * `last_event_id`, what nchan reads; Mercure reads `lastEventID`). A query parameter costs no CORS
   * preflight; an SSE stream sends the `Last-Event-ID` header as well, but only to the page's own origin.
   */
  lastEventIdParam?: string;
  /** Whether the page is visible: no request and no timer while it is not. Defaults to the document's visibility. */
  visible$?: Observable<boolean>;
  /** Emits when the browser is back online: a retry after a network error runs at once. Defaults to window's `online` event. */
  online$?: Observable<unknown>;
  /** Random numbers in [0, 1) for the jitter; tests fix it. */
  random?: () => number;
  /** Where timers run; an RxJS TestScheduler in tests. */
  scheduler?: SchedulerLike;
}

export const FEED_DEFAULTS = {
  interval: 30_000,
  jitter: 0.2,
  startJitter: 500,
  timeout: 15_000,
  retryBase: 2_000,
  retryMax: 5 * 60_000,
  reconnect: 2_000,
  maxBytes: 5 * 1024 * 1024,
} as const;

/** The query parameter nchan reads the last event id from (Mercure's is `lastEventID`). */
export const LAST_EVENT_ID_PARAM = 'last_event_id';

/** `url` with the last event id in the query parameter `param` (percent-encoded, so any id is safe); `url` itself when there is none. */
export function resumeUrl(url: string, lastEventId: string, param: string): string {
  if (!lastEventId) return url;
  try {
    const target = new URL(url, globalThis.document?.baseURI ?? globalThis.location?.href);
    target.searchParams.set(param, lastEventId);
    return target.href;
  } catch {
    return url;
  }
}

/** Retries never come sooner than this, whatever the jitter draws: an error must never loop hot. */
const MIN_RETRY = 1_000;
/** A Retry-After beyond this is capped: a typo on the server must not silence readers for a day. */
const MAX_RETRY_AFTER = 60 * 60_000;

/** How one attempt (a poll, or the life of one stream connection) ended. */
export type AttemptEnd =
  /** A feed document was read: poll again after the interval. */
  | { readonly kind: 'polled' }
  /**
   * A stream that had opened closed, or was cut (`error`); `received` tells whether it delivered
   * anything, `retry` is the server's wish (ms).
   */
  | { readonly kind: 'closed'; readonly received: boolean; readonly retry?: number | undefined; readonly error?: FeedError }
  /** The attempt failed: back off. */
  | { readonly kind: 'failed'; readonly error: FeedError }
  /** The server asked not to come back (HTTP 204). */
  | { readonly kind: 'stopped' };

/** What an attempt emits: updates while it runs, then exactly one end. */
export type AttemptStep = { readonly update: FeedUpdate } | { readonly end: AttemptEnd };

/** The document's visibility as a stream: true while the page can be seen. */
export function documentVisible$(): Observable<boolean> {
  return defer(() => {
    const doc = globalThis.document;
    if (!doc) return of(true);
    // A plain listener rather than fromEvent: it spares the embed fromEvent's many event-source kinds.
    return new Observable<boolean>((subscriber) => {
      const emit = () => subscriber.next(!doc.hidden);
      emit();
      doc.addEventListener('visibilitychange', emit);
      return () => doc.removeEventListener('visibilitychange', emit);
    }).pipe(distinctUntilChanged());
  });
}

/** The window's `online` events. */
export function browserOnline$(): Observable<void> {
  return new Observable<void>((subscriber) => {
    const target = globalThis.window;
    if (!target) return undefined;
    const emit = () => subscriber.next();
    target.addEventListener('online', emit);
    return () => target.removeEventListener('online', emit);
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
export function retryDelay(
  failures: number,
  options: { retryBase: number; retryMax: number },
  random: number,
  retryAfter?: number,
): number {
  const cap = Math.min(options.retryMax, options.retryBase * 2 ** Math.min(failures - 1, 30));
  return Math.max(MIN_RETRY, random * cap, retryAfter ?? 0);
}

/**
 * Runs attempts one after another for as long as it is subscribed: polls at the interval, reopens
 * closed streams, backs off after errors (consecutive ones only: a success resets the count, so
 * transient errors never add up to a stop), and waits while the page is hidden — no request and no
 * timer then; an overdue attempt runs as soon as the page shows. Errors become `status` updates;
 * the Observable itself never errors.
 */
export function reconnecting(source: string, attempt: () => Observable<AttemptStep>, options: FeedOptions = {}): Observable<FeedUpdate> {
  const settings = { ...FEED_DEFAULTS, ...options };
  const scheduler = options.scheduler ?? asyncScheduler;
  const random = options.random ?? Math.random;
  const visible$ = options.visible$ ?? documentVisible$();
  const online$ = options.online$ ?? browserOnline$();

  return defer(() => {
    let failures = 0;
    /** When the running attempt started: a stream that stayed open a while was a good one. */
    let attemptStartedAt = scheduler.now();

    /**
     * Waits `delay` of visible time, then runs an attempt. After a network error the browser's
     * coming back online ends the wait at once: a reader back on wifi should not wait out a backoff.
     */
    const after = (delay: number, untilOnline = false): Observable<AttemptStep> =>
      defer(() => {
        const dueAt = scheduler.now() + delay;
        return visible$.pipe(
          switchMap((visible) =>
            visible ? merge(timer(Math.max(0, dueAt - scheduler.now()), scheduler), untilOnline ? online$ : NEVER) : NEVER,
          ),
          take(1),
          switchMap(() => {
            attemptStartedAt = scheduler.now();
            return attempt();
          }),
        );
      });
    const offline = (end: AttemptEnd) =>
      ((end.kind === 'failed' || end.kind === 'closed') && end.error?.kind === 'network') || (end.kind === 'closed' && !end.received);

    const nextDelay = (end: Exclude<AttemptEnd, { kind: 'stopped' }>): number => {
      if (end.kind === 'polled') {
        failures = 0;
        return settings.interval * (1 + settings.jitter * (2 * random() - 1));
      }
      if (end.kind === 'closed') {
        // The server's `retry:`, capped: a huge value would overflow the timer and fire at once.
        const reconnect = Math.min(end.retry ?? settings.reconnect, settings.retryMax);
        // A stream that delivered, or stayed open longer than a request may take (a quiet topic a
        // proxy cuts every minute), was a success. One that closes at once with nothing backs off.
        if (end.received || scheduler.now() - attemptStartedAt >= settings.timeout) {
          failures = 0;
          return Math.max(MIN_RETRY, reconnect * (0.5 + random()));
        }
        failures++;
        return Math.max(retryDelay(failures, settings, random()), end.retry === undefined ? 0 : reconnect);
      }
      failures++;
      return retryDelay(failures, settings, random(), end.error.details.retryAfterMs);
    };

    return after(random() * settings.startJitter).pipe(
      expand((step) => ('end' in step && step.end.kind !== 'stopped' ? after(nextDelay(step.end), offline(step.end)) : EMPTY)),
      mergeMap((step): FeedUpdate[] => {
        if ('update' in step) return [step.update];
        if (step.end.kind === 'polled' || step.end.kind === 'stopped') return [];
        const error = step.end.error;
        return [error ? { kind: 'status', source, status: 'error', error } : { kind: 'status', source, status: 'connecting' }];
      }),
      startWith<FeedUpdate>({ kind: 'status', source, status: 'connecting' }),
    );
  });
}
