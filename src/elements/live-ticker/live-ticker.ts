import { ContextProvider } from '@lit/context';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Observable } from 'rxjs';
import { defaultClock, type Clock } from '../../clock/page-clock.js';
import { clockContext } from '../../context/clock-context.js';
import { resolveLang } from '../../i18n/lang.js';
import { messagesFor } from '../../i18n/messages.js';
import type { FeedStatus } from '../../model.js';
import type { TickerUpdateInput } from '../../sources/custom-source.js';
import { LiveTickerStatusEvent } from './events.js';
import { FeedController } from './feed-controller.js';
import { VERSION } from '../../version.js';
import { styles } from './live-ticker.styles.js';

/**
 * @tag live-ticker
 * @summary A live news block: a heading and the newest items of one or more feeds, with labels that stay current.
 *
 * @description Point `feed-url` at a JSON Feed (several URLs separated by spaces are merged), or
 * set `source` to an RxJS Observable. Items are kept newest first, at most `max-items`. A failing
 * feed never clears what is shown: the block says discreetly that it is not current and retries.
 * Server-rendered `<live-ticker-item>` children show until the feed has loaded.
 *
 * @fires live-ticker-status - A `LiveTickerStatusEvent` when the status changes: `connecting`, `live`, `stale` (items shown, feed failing) or `error` (nothing could be loaded).
 *
 * @slot - Server-rendered `<live-ticker-item>`s, shown until the feed has loaded.
 * @slot heading - Replaces the heading text.
 *
 * @csspart base - The block's outer wrapper.
 * @csspart header - The row holding the heading and the status hint.
 * @csspart heading - The heading.
 * @csspart status - The "not up to date" hint beside the heading while a feed fails (a polite live region).
 * @csspart message - The loading, empty or error message shown instead of items.
 * @csspart list - The list of items.
 * @csspart entry - One list entry.
 * @csspart item - The `<live-ticker-item>` inside an entry.
 *
 * @cssprop --live-ticker-color - Text colour (default: inherited).
 * @cssprop --live-ticker-background - Background (default: transparent).
 * @cssprop --live-ticker-font - Font shorthand (default: the page's).
 * @cssprop --live-ticker-line-height - Line height (default 1.45).
 * @cssprop --live-ticker-heading-font-size - Heading size (default 1.25em).
 * @cssprop --live-ticker-heading-weight - Heading weight (default 700).
 * @cssprop --live-ticker-item-spacing - Space above and below each item (default 0.75em).
 * @cssprop --live-ticker-divider - Border between items.
 * @cssprop --live-ticker-muted-color - Colour of time labels and messages.
 */
export class LiveTicker extends LitElement {
  static override styles = styles;
  /** The library version that defined this element; `define` compares it to spot two versions on one page. */
  static readonly version = VERSION;

  /** Feed URL(s), separated by spaces and merged: JSON Feed, RSS or Atom documents (polled), SSE streams, `ws:`/`wss:` WebSockets. */
  @property({ attribute: 'feed-url' }) feedUrl = '';

  /** The heading text; a localised "Latest news" when absent. */
  @property() heading?: string;

  /** The heading's level for assistive technology (1–6). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** Most items shown. */
  @property({ attribute: 'max-items', type: Number }) maxItems = 10;

  /** IANA time zone for absolute dates; the reader's own by default. */
  @property({ attribute: 'time-zone' }) timeZone?: string;

  /** A developer's own Observable of items or updates, merged with any `feed-url`. */
  @property({ attribute: false }) source?: Observable<TickerUpdateInput>;

  /** The clock labels inside read and wake from; the page's clock by default. Tests and stories set a virtual one. */
  @property({ attribute: false }) clock?: Clock;

  /** Current status, reflected for styling: `connecting`, `live`, `stale` or `error`. */
  @property({ reflect: true }) status: FeedStatus = 'connecting';

  private readonly feed = new FeedController(this);
  private readonly clockProvider = new ContextProvider(this, { context: clockContext, initialValue: defaultClock() });
  private hasServerItems = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.hasServerItems = this.querySelector(':scope > live-ticker-item') !== null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('clock')) this.clockProvider.setValue(this.clock ?? defaultClock());
    if (changed.has('feedUrl') || changed.has('source')) {
      this.feed.setSpec({ urls: this.feedUrl.split(/\s+/).filter(Boolean), custom: this.source });
    }
    this.status = this.feed.state.status;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('status')) this.dispatchEvent(new LiveTickerStatusEvent(this.status, this.feed.state.error));
  }

  private onSlotChange(event: Event): void {
    const slot = event.target as HTMLSlotElement;
    this.hasServerItems = slot.assignedElements().some((element) => element.localName === 'live-ticker-item');
    this.requestUpdate();
  }

  protected override render() {
    const { items, status } = this.feed.state;
    const messages = messagesFor(resolveLang(this));
    const shown = items.slice(0, Math.max(0, this.maxItems || 0));
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
    const behind = (status === 'stale' || status === 'error') && (shown.length > 0 || this.hasServerItems);
    const message = status === 'connecting' ? messages.loading : status === 'error' ? messages.error : messages.empty;

    return html`
      <section part="base" aria-labelledby="heading" aria-busy=${status === 'connecting' ? 'true' : 'false'}>
        <div part="header">
          <div part="heading" id="heading" role="heading" aria-level=${level}>
            <slot name="heading">${this.heading ?? messages.heading}</slot>
          </div>
          <!-- Always present, so the hint is announced when it appears; beside the heading, so nothing moves. -->
          <span part="status" role="status" title=${behind ? messages.stale : nothing}>${behind ? messages.stale : ''}</span>
        </div>
        ${shown.length
          ? html`<ol part="list">
              ${repeat(
                shown,
                (item) => item.id,
                (item) =>
                  html`<li part="entry">
                    <live-ticker-item part="item" .item=${item} time-zone=${this.timeZone ?? nothing}></live-ticker-item>
                  </li>`,
              )}
            </ol>`
          : html`<slot @slotchange=${this.onSlotChange}></slot>
              ${this.hasServerItems ? nothing : html`<p part="message" role="status">${message}</p>`}`}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'live-ticker': LiveTicker;
  }
}
