/**
 * The page scheduler behind every relative-time label. Labels tell it when their text next
 * changes; it keeps one timer, set for the earliest of those moments, and wakes only then.
 * While the document is hidden it keeps no timer at all; when the page is shown again it wakes
 * every label whose moment passed, at once.
 */

/** Something whose display depends on the time, e.g. a `<live-ticker-time>`. */
export interface ClockSubscriber {
  /** Called when the moment the subscriber asked for has come; it should refresh and `schedule` again. */
  clockTick(now: number): void;
}

/** The clock elements receive through context. A test or story may supply its own. */
export interface Clock {
  now(): number;
  /** Wake `subscriber` at `at` (epoch ms); replaces its earlier request. Infinity cancels. */
  schedule(subscriber: ClockSubscriber, at: number): void;
  cancel(subscriber: ClockSubscriber): void;
  /** A server's reading of the time (epoch ms), taken when this clock's reader said `receivedAt`; see PageClock. */
  reportServerTime?(serverTime: number, receivedAt?: number): void;
}

/** Where the clock's one timer runs: the page's `setTimeout` by default, a manual queue in a VirtualClock. */
export interface TimerHost {
  setTimeout(callback: () => void, delay: number): unknown;
  clearTimeout(handle: unknown): void;
}

const pageTimers: TimerHost = {
  // Looked up on each call, so fake timers installed after the clock still apply.
  setTimeout: (callback, delay) => setTimeout(callback, delay),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface PageClockOptions {
  now?: () => number;
  timers?: TimerHost;
  /** The document whose visibility pauses the clock; none means always visible. */
  document?: Document | undefined;
  /** Longest single sleep: bounds how late labels can be after the machine was suspended. */
  maxSleep?: number;
}

/** How late a timer may fire and still count as on time; wakes a little after the boundary, never before. */
const TIMER_SLACK = 20;
/** A server clock this close to the reader's is taken to agree with it: labels count from the reader's. */
export const SERVER_TIME_TOLERANCE = 60_000;
/** Corrections closer than this to the one in use are noise (the Date header counts whole seconds): no label is woken for them. */
const CORRECTION_STEP = 2_000;

export class PageClock implements Clock {
  /** Timers fired since creation: the figure benchmarks compare. */
  wakeups = 0;
  readonly #due = new Map<ClockSubscriber, number>();
  #timer: unknown;
  #timerAt = Infinity;
  #ticking = false;
  readonly #nowFn: () => number;
  readonly #timers: TimerHost;
  readonly #document: Document | undefined;
  readonly #maxSleep: number;
  /** How far the server's clock is ahead of the reader's (ms): 0 unless a server's differed by more than SERVER_TIME_TOLERANCE. */
  #offset = 0;
  #latestServerTime = -Infinity;

  constructor(options: PageClockOptions = {}) {
    this.#nowFn = options.now ?? (() => Date.now());
    this.#timers = options.timers ?? pageTimers;
    this.#document = options.document;
    this.#maxSleep = options.maxSleep ?? 5 * 60_000;
    this.#document?.addEventListener('visibilitychange', this.#onVisibilityChange);
  }

  /** The time labels count from: the reader's clock, corrected by a server's when the two disagree by more than a minute. */
  now(): number {
    return this.#nowFn() + this.#offset;
  }

  /** How far labels are moved from the reader's clock (ms; positive when the server is ahead). */
  get correction(): number {
    return this.#offset;
  }

  /**
   * A server's reading of the time (a response's `Date` plus its `Age`), received when the reader's
   * clock said `receivedAt` (now, by default). The freshest reading decides: one older than the latest
   * seen (a cached copy) is ignored. When it differs from the reader's clock by more than a minute,
   * labels count from the server's time from then on, and every waiting label is refreshed at once;
   * otherwise they count from the reader's clock.
   */
  reportServerTime(serverTime: number, receivedAt = this.#nowFn()): void {
    if (!(serverTime >= this.#latestServerTime)) return;
    this.#latestServerTime = serverTime;
    const estimate = serverTime - receivedAt;
    const offset = Math.abs(estimate) > SERVER_TIME_TOLERANCE ? estimate : 0;
    if (Math.abs(offset - this.#offset) < CORRECTION_STEP) return;
    this.#offset = offset;
    for (const subscriber of this.#due.keys()) this.#due.set(subscriber, -Infinity);
    if (!this.#hidden && this.#due.size > 0 && !this.#ticking) this.#wake();
  }

  /** How many subscribers are waiting for a moment. */
  get size(): number {
    return this.#due.size;
  }

  schedule(subscriber: ClockSubscriber, at: number): void {
    if (!(at < Infinity)) {
      this.cancel(subscriber);
      return;
    }
    this.#due.set(subscriber, at);
    if (!this.#ticking && at < this.#timerAt) this.#arm();
  }

  cancel(subscriber: ClockSubscriber): void {
    if (!this.#due.delete(subscriber)) return;
    if (this.#due.size === 0) this.#disarm();
  }

  /** Stops listening to the document; for clocks made in tests and stories. */
  dispose(): void {
    this.#disarm();
    this.#due.clear();
    this.#document?.removeEventListener('visibilitychange', this.#onVisibilityChange);
  }

  get #hidden(): boolean {
    return this.#document?.hidden ?? false;
  }

  readonly #onVisibilityChange = (): void => {
    if (this.#hidden) this.#disarm();
    else this.#wake();
  };

  /** Ticks every subscriber whose moment has come, then sleeps until the next one. */
  #wake(): void {
    this.#timer = undefined;
    this.#timerAt = Infinity;
    const now = this.now();
    const dueNow: ClockSubscriber[] = [];
    for (const [subscriber, at] of this.#due) if (at <= now) dueNow.push(subscriber);
    this.#ticking = true;
    try {
      for (const subscriber of dueNow) {
        this.#due.delete(subscriber);
        try {
          subscriber.clockTick(now);
        } catch (error) {
          // One broken label must not stop the others; report it without throwing on the page.
          console.error('live-ticker: a clock subscriber failed', error);
        }
      }
    } finally {
      this.#ticking = false;
    }
    this.#arm();
  }

  #arm(): void {
    this.#disarm();
    if (this.#hidden || this.#due.size === 0) return;
    let next = Infinity;
    for (const at of this.#due.values()) if (at < next) next = at;
    const now = this.now();
    const delay = Math.min(Math.max(0, next - now) + TIMER_SLACK, this.#maxSleep);
    this.#timerAt = next;
    this.#timer = this.#timers.setTimeout(() => {
      this.wakeups++;
      this.#wake();
    }, delay);
  }

  #disarm(): void {
    if (this.#timer !== undefined) this.#timers.clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#timerAt = Infinity;
  }
}

let pageClock: PageClock | undefined;

/** The clock labels use when no ancestor provides one: one per page (per copy of the library). */
export function defaultClock(): PageClock {
  return (pageClock ??= new PageClock({ document: globalThis.document }));
}
