import { PageClock } from './page-clock.js';

/** A single pending timer, advanced by hand. */
class ManualTimers {
  #pending?: { at: number; callback: () => void };
  constructor(public time: number) {}

  setTimeout(callback: () => void, delay: number): object {
    this.#pending = { at: this.time + Math.max(0, delay), callback };
    return this.#pending;
  }

  clearTimeout(handle: unknown): void {
    if (handle === this.#pending) this.#pending = undefined;
  }

  /** Moves time forward, firing the clock's timer each time it comes due on the way. */
  advance(ms: number): void {
    const target = this.time + ms;
    while (this.#pending && this.#pending.at <= target) {
      const { at, callback } = this.#pending;
      this.#pending = undefined;
      this.time = at;
      callback();
    }
    this.time = target;
  }
}

/**
 * A clock that stands still until told to move: for stories, tests and demos that want exact,
 * reproducible labels. Provide it to a block with `ticker.clock = new VirtualClock(Date.parse(…))`.
 */
export class VirtualClock extends PageClock {
  readonly #manual: ManualTimers;

  constructor(start: number) {
    const manual = new ManualTimers(start);
    super({ now: () => manual.time, timers: manual });
    this.#manual = manual;
  }

  /** Moves time forward by `ms`, waking every label whose text changes on the way. */
  advance(ms: number): void {
    this.#manual.advance(ms);
  }

  /** Jumps to `time` (only forward). */
  set(time: number): void {
    this.#manual.advance(Math.max(0, time - this.#manual.time));
  }
}
