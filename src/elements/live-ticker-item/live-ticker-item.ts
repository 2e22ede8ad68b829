import { html, LitElement, type nothing, type TemplateResult } from 'lit';
import type { Clock } from '../../clock/page-clock.js';
import type { TickerItem } from '../../model.js';
import { safeHttpUrl } from '../../text/safe-url.js';
import { consumeClock } from '../shared/consume-clock.js';
import { itemStyles } from '../shared/item.styles.js';
import { itemTemplate } from '../shared/item-template.js';
import { LabelsController } from '../shared/labels-controller.js';
import { LangController } from '../shared/lang-controller.js';
import { VERSION } from '../../version.js';

/**
 * @tag live-ticker-item
 * @summary One news item: its headline or dateline and text, an optional link and a live relative-time label.
 *
 * @description `<live-ticker>` renders these from its feed through the `item` property. A page can
 * also write them itself (server-rendered, readable without JavaScript): then the text is the
 * element's own content and `datetime`, `href` and `item-id` are attributes. An item with a title
 * shows it as its headline (the link), with its text as a summary of `summary-lines` lines under it;
 * a wire item without one shows its dateline and text. A correction (`updated` more than two
 * minutes after `published`) also says when it was updated, on the same clock.
 *
 * @slot - The item's text when it is written in the page rather than set through `item`.
 * @slot time - A server-rendered `<live-ticker-time>` ("13 minuten geleden" before JavaScript runs) to use instead of the one the item renders.
 * @csspart body - The paragraph holding the headline, or the dateline and text of an item without a title; clamped to a few lines.
 * @csspart link - The link around headline, or dateline and text, present only for an http(s) `href`/`url`.
 * @csspart headline - The item's title.
 * @csspart summary - The text under a headline, clamped to `summary-lines` lines.
 * @csspart dateline - The dateline, e.g. "DOHA (ANP/AFP)".
 * @csspart text - The item's text after the dateline.
 * @csspart breaking-marker - The localised word before the text of a breaking item ("Net binnen").
 * @csspart pin - The pin before the text of a pinned item, named for assistive technology ("Vastgezet").
 * @csspart time - The `<time>` label under the text ("13 minuten geleden"); its `title` is the full date and time.
 * @csspart updated - The correction label beside it ("bijgewerkt 4 minuten geleden").
 * @csspart image - The item's picture, with `images`: beside the text, cropped to its box.
 * @cssprop --live-ticker-link-color - Colour of linked items (default: the text colour).
 * @cssprop --live-ticker-muted-color - Colour of the time label.
 * @cssprop --live-ticker-time-font-size - Size of the time label (default 0.8125em).
 * @cssprop --live-ticker-dateline-weight - Font weight of the dateline.
 * @cssprop --live-ticker-headline-weight - Font weight of headlines (default 600).
 * @cssprop --live-ticker-headline-lines - Lines a headline may take before it is cut with "…" (default 3).
 * @cssprop --live-ticker-text-lines - Lines the text of an item without a title may take (default 12; `none` for all).
 * @cssprop --live-ticker-breaking-color - Colour of the breaking marker (default: a red for light and for dark).
 * @cssprop --live-ticker-pinned-color - Colour of the pin (default: the text colour).
 * @cssprop --live-ticker-focus-color - Focus ring colour.
 */
export class LiveTickerItem extends LitElement {
  static override styles = itemStyles;
  /** The library version that defined this element; `define` compares it to spot two versions on one page. */
  static readonly version = VERSION;
  static override get properties() {
    return {
      item: { attribute: false },
      itemId: { attribute: 'item-id', reflect: true },
      datetime: {},
      href: {},
      timeZone: { attribute: 'time-zone' },
      layout: { reflect: true },
      breaking: { type: Boolean, reflect: true },
      pinned: { type: Boolean, reflect: true },
      summaryLines: { attribute: 'summary-lines', type: Number },
      images: { type: Boolean },
      clock: { attribute: false },
    };
  }

  /** The item to show, as the store normalised it. Takes precedence over the attributes. */
  item?: TickerItem;

  /** Identity of a server-rendered item, so the live feed can take over from it. */
  itemId?: string;

  /** Publication time of a server-rendered item (ISO 8601). */
  datetime?: string;

  /** Link of a server-rendered item; only http(s) URLs become links. */
  href?: string;

  /** IANA time zone for the label's absolute dates. */
  timeZone?: string;

  /** `marquee` lays text and label out on one line, as the ticker's crawl needs. */
  layout?: 'list' | 'marquee';

  /** Marks the item as breaking news: a localised marker before its text. `<live-ticker>` sets it from `breaking-tags`. */
  breaking = false;

  /** Marks the item as pinned: a pin with a localised name before its text. `<live-ticker>` sets it from `pinned-tags`. */
  pinned = false;

  /** Lines of summary under a headline; `0` shows none. */
  summaryLines = 2;

  /** Shows the item's picture, lazily, in space reserved for it (its size from the feed, else 3:2). */
  images = false;

  /** The clock the label reads and wakes from; provided by an ancestor `<live-ticker>` or set directly. */
  clock?: Clock;

  readonly #lang = new LangController(this);
  /** Whether a server-rendered label (`slot="time"`) replaces the item's own. */
  #hasServerLabel = false;

  constructor() {
    super();
    consumeClock(this);
    // Its labels (the time, and a correction's) are `<time>`s in this shadow root, kept current by one controller.
    new LabelsController(this, () => ({ clock: this.clock, lang: this.#lang.lang, timeZone: this.timeZone }));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#hasServerLabel = this.querySelector(':scope > [slot="time"]') !== null;
  }

  protected override updated(): void {
    // Through CSSOM: a strict CSP forbids style attributes.
    this.renderRoot.querySelector<HTMLElement>('.summary')?.style.setProperty('--lines', String(this.summaryLines));
  }

  #onTimeSlotChange(): void {
    const hasServerLabel = this.querySelector(':scope > [slot="time"]') !== null;
    if (hasServerLabel === this.#hasServerLabel) return;
    this.#hasServerLabel = hasServerLabel;
    this.requestUpdate();
  }

  protected override render() {
    const item = this.item;
    // An undated item has no label: a time is never invented.
    const published = this.#hasServerLabel ? Number.NaN : item ? (item.published ?? Number.NaN) : Date.parse(this.datetime ?? '');
    return itemTemplate({
      item,
      url: item ? item.url : safeHttpUrl(this.href, document.baseURI),
      pinned: this.pinned,
      breaking: this.breaking,
      summaryLines: this.summaryLines,
      images: this.images,
      marquee: this.layout === 'marquee',
      lang: this.#lang.lang,
      published,
      slotted: html`<slot></slot>`,
      timeSlot: (label: TemplateResult | typeof nothing) => html`<slot name="time" @slotchange=${this.#onTimeSlotChange}>${label}</slot>`,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'live-ticker-item': LiveTickerItem;
  }
}
