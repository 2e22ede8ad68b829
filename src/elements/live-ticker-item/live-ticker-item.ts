import { html, LitElement, nothing, type PropertyValues } from 'lit';
import type { Clock } from '../../clock/page-clock.js';
import type { TickerItem } from '../../model.js';
import { formatDateline } from '../../text/dateline.js';
import { safeHttpUrl } from '../../text/safe-url.js';
import { consumeClock } from '../shared/consume-clock.js';
import { RelativeTimeController } from '../shared/relative-time-controller.js';
import { VERSION } from '../../version.js';
import { styles } from './live-ticker-item.styles.js';

/**
 * @tag live-ticker-item
 * @summary One news item: dateline, text, an optional link and a live relative-time label.
 *
 * @description `<live-ticker>` renders these from its feed through the `item` property. A page can
 * also write them itself (server-rendered, readable without JavaScript): then the text is the
 * element's own content and `datetime`, `href` and `item-id` are attributes.
 *
 * @slot - The item's text when it is written in the page rather than set through `item`.
 * @slot time - A server-rendered `<live-ticker-time>` ("13 minuten geleden" before JavaScript runs) to use instead of the one the item renders.
 * @csspart body - The paragraph holding dateline and text.
 * @csspart link - The link around dateline and text, present only for an http(s) `href`/`url`.
 * @csspart dateline - The dateline, e.g. "DOHA (ANP/AFP)".
 * @csspart text - The item's text after the dateline.
 * @csspart time - The `<time>` label under the text ("13 minuten geleden"); its `title` is the full date and time.
 * @cssprop --live-ticker-link-color - Colour of linked items (default: the text colour).
 * @cssprop --live-ticker-muted-color - Colour of the time label.
 * @cssprop --live-ticker-time-font-size - Size of the time label (default 0.8125em).
 * @cssprop --live-ticker-dateline-weight - Font weight of the dateline.
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

  /** The clock the label reads and wakes from; provided by an ancestor `<live-ticker>` or set directly. */
  clock?: Clock;

  /**
   * The label is a plain `<time>` in this shadow root, kept current by a controller: one shadow
   * root per item instead of two, which is most of what a block costs to render and to lay out.
   */
  private readonly label = new RelativeTimeController(this);
  /** Whether a server-rendered label (`slot="time"`) replaces the item's own. */
  private hasServerLabel = false;

  constructor() {
    super();
    consumeClock(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.hasServerLabel = this.querySelector(':scope > [slot="time"]') !== null;
    this.syncLabel();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('item') || changed.has('datetime') || changed.has('timeZone') || changed.has('clock')) this.syncLabel();
  }

  private syncLabel(): void {
    // An undated item has no label: a time is never invented.
    const published = this.hasServerLabel ? Number.NaN : this.item ? (this.item.published ?? Number.NaN) : Date.parse(this.datetime ?? '');
    this.label.set({ published, timeZone: this.timeZone, clock: this.clock });
  }

  private onTimeSlotChange(): void {
    const hasServerLabel = this.querySelector(':scope > [slot="time"]') !== null;
    if (hasServerLabel === this.hasServerLabel) return;
    this.hasServerLabel = hasServerLabel;
    this.syncLabel();
    this.requestUpdate();
  }

  protected override render() {
    const item = this.item;
    const url = item ? item.url : safeHttpUrl(this.href, document.baseURI);
    const dateline = item ? formatDateline(item.place, item.agencies) : '';
    const content = item
      ? html`${dateline ? html`<span class="dateline" part="dateline">${dateline}</span> - ` : nothing}<span class="text" part="text">${item.text}</span>`
      : html`<slot></slot>`;
    return html`
      <p class="body" part="body">${url ? html`<a class="link" part="link" href=${url}>${content}</a>` : content}</p>
      <slot name="time" @slotchange=${this.onTimeSlotChange}>
        ${this.label.label.text ? html`<time class="time" part="time" datetime=${this.label.iso}></time>` : nothing}
      </slot>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'live-ticker-item': LiveTickerItem;
  }
}
