import { Observable, Subscription, type SchedulerAction, type SchedulerLike } from 'rxjs';
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

/**
 * The page's own timers as an RxJS scheduler (`now` and a one-off `schedule`): all the feeds need, in
 * a few lines instead of RxJS's asyncScheduler machinery. It times a source's polls, backoff and
 * request timeouts, never labels (those wake on the page clock); `options.scheduler` replaces it, as
 * a VirtualTimeScheduler or TestScheduler does in tests. Timers and the time are looked up on each
 * call, so fake timers installed later still apply.
 */
export const pageScheduler: SchedulerLike = {
  now: () => Date.now(),
  schedule<T>(work: (this: SchedulerAction<T>, state?: T) => void, delay = 0, state?: T): Subscription {
    const timer = setTimeout(() => work.call(undefined as unknown as SchedulerAction<T>, state), delay);
    return new Subscription(() => clearTimeout(timer));
  },
};

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

/** Retries never come sooner than this (a reconnect's window is never narrower than twice it): nothing may loop hot. */
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

/** The document's visibility as a stream: true while the page can be seen; each change once. */
export function documentVisible$(): Observable<boolean> {
  return new Observable<boolean>((subscriber) => {
    const doc = globalThis.document;
    let visible: boolean | undefined;
    const emit = () => visible !== (visible = !doc?.hidden) && subscriber.next(visible);
    emit();
    doc?.addEventListener('visibilitychange', emit);
    return () => doc?.removeEventListener('visibilitychange', emit);
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
 * Delay before retry number `failures` (1 for the first): "full jitter" exponential backoff, a
 * random point of a window that starts at a second, or at the server's Retry-After, and is
 * min(retryMax, retryBase·2^(failures-1)) - 1 s wide (1–2 s, 1–4 s, 1–8 s … up to 1–300 s; after a
 * Retry-After, up to that plus 299 s). The whole window is drawn from, with no floor that many draws
 * pile up on: readers that failed together must not all come back in the same millisecond.
 */
export function retryDelay(
  failures: number,
  options: { retryBase: number; retryMax: number },
  random: number,
  retryAfter?: number,
): number {
  const cap = Math.min(options.retryMax, options.retryBase * 2 ** Math.min(failures - 1, 30));
  return Math.max(MIN_RETRY, retryAfter ?? 0) + random * Math.max(0, cap - MIN_RETRY);
}

/**
 * Whether an attempt ended as it does for a reader who went offline: a network error, or a stream
 * that opened and delivered nothing (WebKit reports a cut as a clean close, so a clean close counts).
 * The next attempt then also waits for the browser's `online` event.
 */
const mayBeOffline = (end: AttemptEnd) =>
  ((end.kind === 'failed' || end.kind === 'closed') && end.error?.kind === 'network') || (end.kind === 'closed' && !end.received);

type Settings = { readonly [K in keyof typeof FEED_DEFAULTS]: number };

/**
 * The pacing every transport shares: how long to wait after an attempt, from how it ended. Polls come
 * at the interval with jitter; closed streams reopen after the server's `retry:`; errors back off,
 * consecutive ones only (a success resets the count, so transient errors never add up to a stop).
 */
function pacing(settings: Settings, scheduler: SchedulerLike, random: () => number) {
  let failures = 0;
  /** When the running attempt started: a stream that stayed open a while was a good one. */
  let startedAt = scheduler.now();
  return {
    started: () => void (startedAt = scheduler.now()),
    delayAfter(end: Exclude<AttemptEnd, { kind: 'stopped' }>): number {
      if (end.kind === 'polled') {
        failures = 0;
        return settings.interval * (1 + settings.jitter * (2 * random() - 1));
      }
      if (end.kind === 'closed') {
        // The server's `retry:`, capped: a huge value would overflow the timer and fire at once.
        const reconnect = Math.min(end.retry ?? settings.reconnect, settings.retryMax);
        // A stream that delivered, or stayed open longer than a request may take (a quiet topic a
        // proxy cuts every minute), was a success: reopen at a random point within the server's
        // retry ("full jitter"), so that the readers of a hub that restarts come back spread over
        // it. The window is at least 2 s: a server that closes after every message is reopened once
        // a second on average, never in a hot loop. One that closes at once with nothing backs off.
        if (end.received || scheduler.now() - startedAt >= settings.timeout) {
          failures = 0;
          return random() * Math.max(2 * MIN_RETRY, reconnect);
        }
        failures++;
        // The server's retry, where it gave one, is where the backoff window starts, as a Retry-After.
        return retryDelay(failures, settings, random(), end.retry === undefined ? undefined : reconnect);
      }
      failures++;
      return retryDelay(failures, settings, random(), end.error.details.retryAfterMs);
    },
  };
}

/**
 * Calls `then` at `dueAt` if the page is visible then, else as soon as it is shown after it; never
 * synchronously, and no timer runs while the page is hidden. With `untilOnline`, the browser coming back
 * online while the page is visible ends the wait at once: a reader back on wifi should not wait out a
 * backoff.
 */
function waitVisible(
  dueAt: number,
  untilOnline: boolean,
  then: () => void,
  { scheduler, visible$, online$ }: { scheduler: SchedulerLike; visible$: Observable<boolean>; online$: Observable<unknown> },
): Subscription {
  const wait = new Subscription();
  let timer: Subscription | undefined;
  let visible = false;
  const done = () => {
    wait.unsubscribe();
    then();
  };
  wait.add(() => timer?.unsubscribe());
  wait.add(
    visible$.subscribe((shown) => {
      visible = shown;
      timer?.unsubscribe();
      timer = shown ? scheduler.schedule(done, Math.max(0, dueAt - scheduler.now())) : undefined;
    }),
  );
  if (untilOnline) wait.add(online$.subscribe(() => visible && done()));
  return wait;
}

/**
 * Runs attempts one after another for as long as it is subscribed: polls at the interval, reopens
 * closed streams, backs off after errors (see `pacing`), and waits while the page is hidden — no
 * request and no timer then; an overdue attempt runs as soon as the page shows. Errors become
 * `status` updates; the Observable itself never errors, and completes only when the server asks not
 * to come back (HTTP 204).
 */
export function reconnecting(source: string, attempt: () => Observable<AttemptStep>, options: FeedOptions = {}): Observable<FeedUpdate> {
  const settings: Settings = { ...FEED_DEFAULTS, ...options };
  const scheduler = options.scheduler ?? pageScheduler;
  const random = options.random ?? Math.random;
  const waiting = { scheduler, visible$: options.visible$ ?? documentVisible$(), online$: options.online$ ?? browserOnline$() };

  return new Observable<FeedUpdate>((subscriber) => {
    const pace = pacing(settings, scheduler, random);
    // One of them runs at a time; either may end (synchronously, for an attempt) before it is assigned.
    let wait: Subscription | undefined;
    let running: Subscription | undefined;
    const after = (delay: number, untilOnline: boolean) => {
      wait = waitVisible(scheduler.now() + delay, untilOnline, run, waiting);
    };
    function run(): void {
      pace.started();
      running = attempt().subscribe((step) => {
        if ('update' in step) return subscriber.next(step.update);
        const { end } = step;
        if (end.kind === 'stopped') return subscriber.complete();
        if (end.kind !== 'polled') {
          const error = end.error;
          subscriber.next(error ? { kind: 'status', source, status: 'error', error } : { kind: 'status', source, status: 'connecting' });
        }
        after(pace.delayAfter(end), mayBeOffline(end));
      });
    }
    subscriber.next({ kind: 'status', source, status: 'connecting' });
    after(random() * settings.startJitter, false);
    return () => {
      wait?.unsubscribe();
      running?.unsubscribe();
    };
  });
}
