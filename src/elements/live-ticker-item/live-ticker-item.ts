import { html, LitElement, nothing, svg, type PropertyValues } from 'lit';
import type { Clock } from '../../clock/page-clock.js';
import { MINUTE } from '../../clock/relative-label.js';
import { resolveLang } from '../../i18n/lang.js';
import { messagesFor } from '../../i18n/messages.js';
import type { TickerItem } from '../../model.js';
import { formatDateline } from '../../text/dateline.js';
import { safeHttpUrl } from '../../text/safe-url.js';
import { consumeClock } from '../shared/consume-clock.js';
import { RelativeTimeController } from '../shared/relative-time-controller.js';
import { VERSION } from '../../version.js';
import { styles } from './live-ticker-item.styles.js';

/** An `updated` this long after `published` is a correction the reader is told about; less is the CMS saving twice. */
const CORRECTION = 2 * MINUTE;

const PIN_ICON = svg`<path d="M15 3l6 6-3 1-4 4 1 5-2 2-4-4-5 5-1-1 5-5-4-4 2-2 5 1 4-4z" />`;

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
  static override styles = styles;
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

  /**
   * The labels are plain `<time>`s in this shadow root, kept current by controllers: one shadow root
   * per item, which is most of what a block costs to render and to lay out.
   */
  readonly #label = new RelativeTimeController(this, '.time');
  /** When a correction was made, on the same clock and minute rule. */
  readonly #correction = new RelativeTimeController(this, '.updated time');
  /** Whether a server-rendered label (`slot="time"`) replaces the item's own. */
  #hasServerLabel = false;

  constructor() {
    super();
    consumeClock(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#hasServerLabel = this.querySelector(':scope > [slot="time"]') !== null;
    this.#syncLabels();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('item') || changed.has('datetime') || changed.has('timeZone') || changed.has('clock')) this.#syncLabels();
  }

  protected override updated(): void {
    // Through CSSOM: a strict CSP forbids style attributes.
    this.renderRoot.querySelector<HTMLElement>('.summary')?.style.setProperty('--lines', String(this.summaryLines));
  }

  #syncLabels(): void {
    // An undated item has no label: a time is never invented.
    const published = this.#hasServerLabel ? Number.NaN : this.item ? (this.item.published ?? Number.NaN) : Date.parse(this.datetime ?? '');
    const { published: since = Number.NaN, updated = Number.NaN } = this.item ?? {};
    this.#label.set({ published, timeZone: this.timeZone, clock: this.clock });
    this.#correction.set({ published: updated - since > CORRECTION ? updated : Number.NaN, timeZone: this.timeZone, clock: this.clock });
  }

  /** A picture that fails (blocked, gone) leaves its space, not a broken icon. */
  #onImageError(event: Event): void {
    (event.target as HTMLElement).style.visibility = 'hidden';
  }

  #onTimeSlotChange(): void {
    const hasServerLabel = this.querySelector(':scope > [slot="time"]') !== null;
    if (hasServerLabel === this.#hasServerLabel) return;
    this.#hasServerLabel = hasServerLabel;
    this.#syncLabels();
    this.requestUpdate();
  }

  protected override render() {
    const item = this.item;
    const url = item ? item.url : safeHttpUrl(this.href, document.baseURI);
    const dateline = item ? formatDateline(item.place, item.agencies) : '';
    const text = item
      ? html`${dateline ? html`<span class="dateline" part="dateline">${dateline}</span> - ` : nothing}<span class="text" part="text">${item.text}</span>`
      : html`<slot></slot>`;
    const title = item?.title;
    const main = title ? html`<span class="headline" part="headline">${title}</span>` : text;
    const messages = this.breaking || this.pinned || this.#correction.label.text ? messagesFor(resolveLang(this)) : undefined;
    const [before, after] = messages?.updated.split('{t}') ?? [];
    const image = this.images && this.layout !== 'marquee' ? item?.image : undefined;
    return html`
      ${
        image
          ? html`<img
              class=${image.width ? 'image' : 'image unsized'}
              part="image"
              src=${image.url}
              alt=${image.alt ?? ''}
              width=${image.width ?? nothing}
              height=${image.height ?? nothing}
              loading="lazy"
              decoding="async"
              @error=${this.#onImageError}
            />`
          : nothing
      }
      <p class=${title ? 'body titled' : 'body'} part="body">
        ${this.pinned ? html`<svg class="marker pin" part="pin" viewBox="0 0 24 24" role="img" aria-label=${messages!.pinned}>${PIN_ICON}</svg> ` : nothing}
        ${this.breaking ? html`<span class="marker breaking" part="breaking-marker">${messages!.breaking}</span> ` : nothing}
        ${url ? html`<a class="link" part="link" href=${url}>${main}</a>` : main}
      </p>
      ${title && this.summaryLines > 0 && this.layout !== 'marquee' ? html`<p class="summary" part="summary">${text}</p>` : nothing}
      <slot name="time" @slotchange=${this.#onTimeSlotChange}>
        ${this.#label.label.text ? html`<time class="time" part="time" datetime=${this.#label.iso}></time>` : nothing}
      </slot>
      ${this.#correction.label.text ? html`<span class="updated" part="updated">${before}<time datetime=${this.#correction.iso}></time>${after}</span>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'live-ticker-item': LiveTickerItem;
  }
}
