import type { ReactiveController, ReactiveControllerHost } from 'lit';

type CrawlHost = ReactiveControllerHost &
  HTMLElement & { readonly layout: string; readonly speed: number; readonly renderRoot: HTMLElement | DocumentFragment };

/** Set on the viewport while focus is inside it: the crawl stands still as a row the reader can scroll. */
const ROW = 'row';

/**
 * The marquee's crawl: times it from the row's width at `speed`, and keeps the text where it is
 * whenever the crawl stops. Hover, the pause button and focus pause the animation in place (CSS);
 * focus inside the row also turns it into a scrollable row — from where the crawl stood, so the
 * browser can bring a focused item into view and the keyboard can scroll — and when focus leaves,
 * the crawl goes on from wherever the reader scrolled to.
 */
export class CrawlController implements ReactiveController {
  #measured?: { list: HTMLElement; observer: ResizeObserver };

  readonly #host: CrawlHost;

  constructor(host: CrawlHost) {
    this.#host = host;
    host.addController(this);
  }

  // On the shadow root, not the host: focus moving inside the block (the pause button to an item) is
  // not dispatched beyond it, as both ends retarget to the host.
  hostConnected(): void {
    this.#host.renderRoot.addEventListener('focusin', this.#onFocusIn);
    this.#host.renderRoot.addEventListener('focusout', this.#onFocusOut);
    // Put back in the page (moved): measure the row again, though no feed update re-renders it.
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#host.renderRoot.removeEventListener('focusin', this.#onFocusIn);
    this.#host.renderRoot.removeEventListener('focusout', this.#onFocusOut);
    this.#unobserve();
    // Taken out of the page, the block loses focus without a focusout: the crawl must not stay a row.
    this.#followFocus(null);
  }

  hostUpdated(): void {
    const { viewport, list, track } = this.#parts();
    if (!list || !track) {
      viewport?.classList.remove(ROW);
      return this.#unobserve();
    }
    this.#setDuration(list, track);
    // Each render of the marquee may bring a new list: watch the one shown, never a detached one.
    if (this.#measured?.list !== list) {
      this.#unobserve();
      const observer = new ResizeObserver(() => this.#setDuration(list, track));
      observer.observe(list);
      this.#measured = { list, observer };
    }
  }

  #parts() {
    const root = this.#host.renderRoot;
    return {
      viewport: root.querySelector<HTMLElement>('.viewport'),
      track: this.#host.layout === 'marquee' ? root.querySelector<HTMLElement>('.track') : null,
      list: root.querySelector<HTMLElement>('.track > .list:not(.clone)'),
    };
  }

  #unobserve(): void {
    this.#measured?.observer.disconnect();
    this.#measured = undefined;
  }

  /** The crawl takes as long as its content needs at `speed` px/s; set through CSSOM (a strict CSP forbids style attributes). */
  #setDuration(list: HTMLElement, track: HTMLElement): void {
    track.style.setProperty('--crawl-duration', `${Math.max(5, list.scrollWidth / Math.max(1, this.#host.speed || 60))}s`);
  }

  // Synchronous: the browser scrolls a newly focused item into view right after this event.
  readonly #onFocusIn = (): void => this.#followFocus((this.#host.renderRoot as ShadowRoot).activeElement);
  // Focus moving on inside the row changes nothing; anywhere else (or nowhere), the crawl takes over.
  readonly #onFocusOut = (event: Event): void => {
    const next = (event as FocusEvent).relatedTarget as Element | null;
    if (!next || !this.#parts().viewport?.contains(next)) this.#followFocus(null);
  };

  #followFocus(focused: Element | null): void {
    const { viewport, track } = this.#parts();
    if (!viewport || !track) return;
    const inRow = focused !== null && viewport.contains(focused);
    if (focused && inRow) {
      if (!viewport.classList.contains(ROW)) {
        // The crawl's offset becomes the row's scroll position: nothing on screen moves.
        const offset = new DOMMatrixReadOnly(getComputedStyle(track).transform).m41;
        viewport.classList.add(ROW);
        viewport.scrollLeft = -offset;
      }
      // The browser has already scrolled to the item on its own terms (on the crawl's, or centring an
      // item wider than the row): an item not wholly in view starts the row, so its start is read.
      const item = focused.getBoundingClientRect();
      const view = viewport.getBoundingClientRect();
      if (item.left < view.left || item.right > view.right) focused.scrollIntoView({ block: 'nearest', inline: 'start' });
    } else if (!inRow && viewport.classList.contains(ROW)) {
      const scrolled = Math.abs(viewport.scrollLeft);
      viewport.classList.remove(ROW);
      viewport.scrollLeft = 0;
      // The crawl restarts; set it to the point that shows what the row showed. It moves the track by
      // half its width (one copy of the list) per iteration.
      const crawl = track.getAnimations()[0];
      const duration = Number(crawl?.effect?.getComputedTiming().duration);
      const half = track.offsetWidth / 2;
      if (crawl && duration > 0 && half > 0) crawl.currentTime = ((scrolled % half) / half) * duration;
    }
  }
}
