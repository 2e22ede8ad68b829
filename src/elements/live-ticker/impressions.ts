import type { ReactiveController, ReactiveControllerHost } from 'lit';
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

/**
 * Impressions for a publisher's analytics: `live-ticker-impression` once per item per page view,
 * when at least half of its entry has been in view for a second while the page was visible. Items
 * scrolled out before then, hidden with the page, or already counted are not; the host names the
 * entries it shows (the marquee's loop copy is not one). Nothing is sent or stored.
 */
export class ImpressionController implements ReactiveController {
  /** Ids counted in this page view. */
  readonly #seen = new Set<string>();
  /** Watched entries: their id, whether half is in view, and the dwell timer running for them. */
  readonly #watched = new Map<Element, { id: string; inView: boolean; timer?: ReturnType<typeof setTimeout> | undefined }>();
  #entries: readonly Entry[] = [];

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #shown: () => readonly Entry[];

  constructor(host: ReactiveControllerHost & HTMLElement, shown: () => readonly Entry[]) {
    this.#host = host;
    this.#shown = shown;
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
        this.#watched.set(element, { id, inView: false });
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

  /** Starts the dwell while half is in view and the page visible; stops it otherwise. */
  #arm(element: Element): void {
    const watched = this.#watched.get(element)!;
    clearTimeout(watched.timer);
    watched.timer = watched.inView && !document.hidden ? setTimeout(() => this.#count(element), IMPRESSION_DWELL) : undefined;
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
    clearTimeout(this.#watched.get(element)?.timer);
    this.#watched.delete(element);
    unwatch(element);
  }
}
