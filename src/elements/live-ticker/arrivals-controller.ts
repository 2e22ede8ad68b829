import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TickerItem } from '../../model.js';
import type { TickerState } from '../../store/fold.js';

const READER_EVENTS = ['pointerenter', 'pointerleave', 'focusin', 'focusout'] as const;

/** Items that arrived together, shown or waiting; a new object each time, so a host announces each batch once. */
export interface ArrivalBatch {
  /** How many new items. */
  readonly count: number;
  /** The new items. */
  readonly items: readonly TickerItem[];
  /** Items shown before that came in a newer version (corrected), shown now. */
  readonly revised: readonly TickerItem[];
}

/** Whether `next` is a newer version of `shown`: a correction, or a changed text. */
const revisedVersion = (shown: TickerItem, next: TickerItem) =>
  (next.updated ?? 0) > (shown.updated ?? 0) || next.text !== shown.text || next.title !== shown.title;

/**
 * Keeps the text under the reader's eyes still. While the pointer or focus is inside the block,
 * the reader has scrolled it, or updates are paused, the shown list stays as it is and new items
 * wait (`pending`); otherwise, and when the reader asks (`release`), the latest list is shown and
 * its new items are marked `fresh` for a short highlight.
 */
export class ArrivalsController implements ReactiveController {
  /** The items on screen. */
  shown: readonly TickerItem[] = [];
  /** Ids of items that arrived with the last change of `shown` (none on the first load). */
  fresh: ReadonlySet<string> = new Set();
  /** Ids of items shown before that the last change of `shown` brought in a newer version. */
  revised: ReadonlySet<string> = new Set();
  /** How many items wait to be shown. */
  pending = 0;
  /** The latest arrivals, to announce. */
  batch?: ArrivalBatch;
  /** The last state received, so that the same one twice changes nothing. */
  #received?: TickerState;
  #latest = this.shown;
  #paused = false;
  #scrolled = false;
  #pointerInside = false;
  #focusInside = false;

  readonly #host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  get holding(): boolean {
    return this.#paused || this.#pointerInside || this.#focusInside || this.#scrolled;
  }

  hostConnected(): void {
    for (const type of READER_EVENTS) this.#host.addEventListener(type, this);
    this.#releaseUnlessHeld();
  }

  hostDisconnected(): void {
    for (const type of READER_EVENTS) this.#host.removeEventListener(type, this);
    // A block taken out of the page hears no pointerleave or focusout, and loses its scroll position:
    // wherever it is put back, the reader is not (yet) in it.
    this.#pointerInside = false;
    this.#focusInside = false;
    this.#scrolled = false;
  }

  /** Where the reader's pointer and focus are. */
  handleEvent(event: Event): void {
    if (event.type === 'pointerenter') this.#pointerInside = true;
    else if (event.type === 'focusin') this.#focusInside = true;
    else if (event.type === 'pointerleave') this.#pointerInside = false;
    else {
      // focusout: the reader left only if focus went outside the block
      const next = (event as FocusEvent).relatedTarget as Node | null;
      if (next && (next === this.#host || this.#host.contains(next))) return;
      this.#focusInside = false;
    }
    this.#releaseUnlessHeld();
  }

  /** The block's latest state: its items are shown now, or held back while the reader is busy. */
  receive(state: TickerState): void {
    if (state === this.#received) return;
    this.#received = state;
    this.#latest = state.items;
    if (this.shown.length === 0 || !this.holding) {
      this.#show();
      return;
    }
    const shownIds = new Set(this.shown.map((item) => item.id));
    const waiting = state.items.filter((item) => !shownIds.has(item.id));
    if (waiting.length > this.pending) this.batch = { count: waiting.length, items: waiting, revised: [] };
    this.pending = waiting.length;
    this.#host.requestUpdate();
  }

  /** Shows what waits (the reader asked for it, or stopped holding). */
  release(): void {
    if (this.#latest !== this.shown) this.#show();
  }

  /** Updates are paused (or resumed) by the reader or the page. */
  setPaused(paused: boolean): void {
    this.#paused = paused;
    this.#releaseUnlessHeld();
  }

  /** The reader has scrolled the list away from its top (or back). */
  setScrolled(scrolled: boolean): void {
    this.#scrolled = scrolled;
    this.#releaseUnlessHeld();
  }

  #releaseUnlessHeld(): void {
    if (!this.holding) this.release();
  }

  #show(): void {
    const before = new Map(this.shown.map((item) => [item.id, item]));
    const firstLoad = this.shown.length === 0;
    this.shown = this.#latest;
    const arrived = firstLoad ? [] : this.shown.filter((item) => !before.has(item.id));
    const revised = this.shown.filter((item) => {
      const previous = before.get(item.id);
      return previous !== undefined && previous !== item && revisedVersion(previous, item);
    });
    this.fresh = new Set(arrived.map((item) => item.id));
    this.revised = new Set(revised.map((item) => item.id));
    this.pending = 0;
    if (arrived.length > 0 || revised.length > 0) this.batch = { count: arrived.length, items: arrived, revised };
    this.#host.requestUpdate();
  }
}
