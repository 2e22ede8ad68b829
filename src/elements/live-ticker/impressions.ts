import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Clock, ClockSubscriber } from '../../clock/page-clock.js';
import { LiveTickerImpressionEvent } from './events.js';

/** How long half of an item must be in view, while the page is visible, to count as seen. */
export const IMPRESSION_DWELL = 1000;

/** One IntersectionObserver for the whole page: it tells each watched element when half of it comes into view or leaves it. */
let observer: IntersectionObserver | undefined;
const watchers = new Map<Element, (inView: boolean) => void>();

function watch(element: Element, onChange: (inView: boolean) => void): void {
  observer ??= new IntersectionObserver(
    (entries) => entries.forEach((entry) => watchers.get(entry.target)?.(entry.isIntersecting && entry.intersectionRatio >= 0.5)),
    { threshold: 0.5 },
  );
  watchers.set(element, onChange);
  observer.observe(element);
}

function unwatch(element: Element): void {
  if (!watchers.delete(element)) return;
  observer?.unobserve(element);
  if (watchers.size === 0) {
    observer?.disconnect();
    observer = undefined;
  }
}

/** An entry the host shows: its element, and the item's id. */
export type Entry = readonly [element: Element, id: string];

/** A watched entry: its item, whether half of it is in view, and what the clock wakes when its second is up. */
interface Watched extends ClockSubscriber {
  id: string;
  inView: boolean;
}

/**
 * Impressions for a publisher's analytics: `live-ticker-impression` once per item per page view,
 * when at least half of its entry has been in view for a second while the page was visible. Items
 * scrolled out before then, hidden with the page, or already counted are not; the host names the
 * entries it shows (the marquee's loop copy is not one). The second is timed by the block's clock
 * (the page clock, or a virtual one), not by a timer of its own. Nothing is sent or stored.
 */
export class ImpressionController implements ReactiveController {
  /** Ids counted in this page view. */
  readonly #seen = new Set<string>();
  readonly #watched = new Map<Element, Watched>();
  #entries: readonly Entry[] = [];

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #shown: () => readonly Entry[];
  readonly #clock: () => Clock;

  constructor(host: ReactiveControllerHost & HTMLElement, shown: () => readonly Entry[], clock: () => Clock) {
    this.#host = host;
    this.#shown = shown;
    this.#clock = clock;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#onVisibility);
  }

  hostUpdated(): void {
    this.#entries = this.#shown();
    const current = new Set<Element>();
    for (const [element, id] of this.#entries) {
      const watched = this.#watched.get(element);
      if (this.#seen.has(id)) continue; // counted: an entry now showing it is let go below
      current.add(element);
      if (!watched) {
        this.#watched.set(element, { id, inView: false, clockTick: () => this.#count(element) });
        watch(element, (inView) => this.#onChange(element, inView));
      } else if (watched.id !== id) {
        // The list re-binds its entries by position: this one shows another item now, whose second starts afresh.
        watched.id = id;
        this.#arm(element);
      }
    }
    for (const element of this.#watched.keys()) if (!current.has(element)) this.#forget(element);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#onVisibility);
    for (const element of [...this.#watched.keys()]) this.#forget(element);
  }

  #onChange(element: Element, inView: boolean): void {
    const watched = this.#watched.get(element);
    if (!watched) return;
    watched.inView = inView;
    this.#arm(element);
  }

  /** Starts the second afresh while half is in view and the page visible; stops it otherwise. */
  #arm(element: Element): void {
    const watched = this.#watched.get(element)!;
    const clock = this.#clock();
    clock.schedule(watched, watched.inView && !document.hidden ? clock.now() + IMPRESSION_DWELL : Infinity);
  }

  readonly #onVisibility = (): void => {
    for (const element of this.#watched.keys()) this.#arm(element);
  };

  #count(element: Element): void {
    const watched = this.#watched.get(element);
    if (!watched || this.#seen.has(watched.id)) return;
    this.#seen.add(watched.id);
    this.#forget(element);
    const position = this.#entries.findIndex(([candidate]) => candidate === element) + 1;
    this.#host.dispatchEvent(new LiveTickerImpressionEvent({ id: watched.id, position }));
  }

  #forget(element: Element): void {
    const watched = this.#watched.get(element);
    if (watched) this.#clock().cancel(watched);
    this.#watched.delete(element);
    unwatch(element);
  }
}
