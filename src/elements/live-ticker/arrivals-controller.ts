import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TickerItem } from '../../model.js';

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
  /** How many items wait to be shown. */
  pending = 0;
  paused = false;
  scrolled = false;
  private latest: readonly TickerItem[] = [];
  private pointerInside = false;
  private focusInside = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** Told how many items arrived (shown or waiting), to announce them. */
    private readonly onArrivals: (count: number, waiting: boolean) => void,
  ) {
    host.addController(this);
  }

  get holding(): boolean {
    return this.paused || this.pointerInside || this.focusInside || this.scrolled;
  }

  hostConnected(): void {
    this.host.addEventListener('pointerenter', this.onPointerEnter);
    this.host.addEventListener('pointerleave', this.onPointerLeave);
    this.host.addEventListener('focusin', this.onFocusIn);
    this.host.addEventListener('focusout', this.onFocusOut);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('pointerenter', this.onPointerEnter);
    this.host.removeEventListener('pointerleave', this.onPointerLeave);
    this.host.removeEventListener('focusin', this.onFocusIn);
    this.host.removeEventListener('focusout', this.onFocusOut);
  }

  /** The newest list the feed offers: shown now, or held back while the reader is busy. */
  offer(items: readonly TickerItem[]): void {
    this.latest = items;
    if (this.shown.length === 0 || !this.holding) {
      this.show();
      return;
    }
    const shownIds = new Set(this.shown.map((item) => item.id));
    const pending = items.filter((item) => !shownIds.has(item.id)).length;
    if (pending > this.pending) this.onArrivals(pending, true);
    this.pending = pending;
    this.host.requestUpdate();
  }

  /** Shows what waits (the reader asked for it, or stopped holding). */
  release(): void {
    if (this.latest !== this.shown) this.show();
  }

  /** Updates the hold conditions a host tracks itself (pause, scroll), releasing when they end. */
  update(conditions: { paused?: boolean; scrolled?: boolean }): void {
    Object.assign(this, conditions);
    if (!this.holding) this.release();
  }

  private show(): void {
    const before = new Set(this.shown.map((item) => item.id));
    const firstLoad = this.shown.length === 0;
    this.shown = this.latest;
    this.fresh = firstLoad ? new Set() : new Set(this.shown.filter((item) => !before.has(item.id)).map((item) => item.id));
    this.pending = 0;
    if (this.fresh.size > 0) this.onArrivals(this.fresh.size, false);
    this.host.requestUpdate();
  }

  private readonly onPointerEnter = (): void => {
    this.pointerInside = true;
  };

  private readonly onPointerLeave = (): void => {
    this.pointerInside = false;
    if (!this.holding) this.release();
  };

  private readonly onFocusIn = (): void => {
    this.focusInside = true;
  };

  private readonly onFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget as Node | null;
    if (next && (next === this.host || this.host.contains(next))) return;
    this.focusInside = false;
    if (!this.holding) this.release();
  };
}
