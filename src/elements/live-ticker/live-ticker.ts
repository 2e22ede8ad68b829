import { ContextProvider } from '@lit/context';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { Observable, type ObservableInput } from 'rxjs';
import { defaultClock, type Clock } from '../../clock/page-clock.js';
import { clockContext } from '../../context/clock-context.js';
import { messagesFor, newItemsText } from '../../i18n/messages.js';
import type { FeedStatus, TickerItem, TickerUpdateInput } from '../../model.js';
import { hasTag, words } from '../../store/filter.js';
import type { TickerState } from '../../store/fold.js';
import { tickerState } from '../../store/ticker-state.js';
import { VERSION } from '../../version.js';
import { LangController } from '../shared/lang-controller.js';
import { ObservableController } from '../shared/observable-controller.js';
import type { LiveTickerItem } from '../live-ticker-item/live-ticker-item.js';
import { ArrivalsController, type ArrivalBatch } from './arrivals-controller.js';
import { CrawlController } from './crawl-controller.js';
import { LiveTickerMoreEvent, LiveTickerOpenEvent, LiveTickerPauseEvent, LiveTickerRevealEvent, LiveTickerStatusEvent } from './events.js';
import { ImpressionController } from './impressions.js';
import { styles } from './live-ticker.styles.js';
import { itemStyles } from '../shared/item.styles.js';
import { itemTemplate } from '../shared/item-template.js';
import { LabelsController } from '../shared/labels-controller.js';

/** The pause button's icons: its path while updates run (pause), and while they are paused (play). */
const PAUSE_ICON = 'M6 4h4v16H6zM14 4h4v16h-4z';
const PLAY_ICON = 'M7 4l13 8-13 8z';

/**
 * @tag live-ticker
 * @summary A live news block: a heading and the newest items of one or more feeds, with labels that stay current.
 *
 * @description Point `feed-url` at a feed (several URLs separated by spaces are merged), or set
 * `source` to an Observable, a Promise or an async iterable of items. Items are kept newest first, at most `max-items`. A failing feed
 * never clears what is shown: the block says discreetly that it is not current and retries.
 * Server-rendered `<live-ticker-item>` children show until the feed has loaded. New items never
 * move text under the reader: while the pointer or focus is inside (or the list is scrolled, or
 * updates are paused) they wait behind a "N new items" button; otherwise they enter at the top with
 * a short highlight. Screen readers hear arrivals in batches, politely, never clock ticks.
 *
 * @fires live-ticker-status - A `LiveTickerStatusEvent` when the status changes: `connecting`, `live`, `stale` (items shown that are not current: the feed is failing, or they are kept from the reader's last visit and the feed has not answered yet) or `error` (nothing could be loaded).
 * @fires live-ticker-pause - A `LiveTickerPauseEvent` when the reader pauses or resumes the updates (`paused`).
 * @fires live-ticker-impression - A `LiveTickerImpressionEvent`, `detail: {id, position}`, once per item per page view when at least half of it has been in view for a second while the page was visible.
 * @fires live-ticker-open - A `LiveTickerOpenEvent`, `detail: {id, url, position}`, when the reader follows an item's link (click, Enter, middle click), before the browser navigates.
 * @fires live-ticker-reveal - A `LiveTickerRevealEvent`, `detail: {count}`, when the reader shows the arrivals waiting behind "N new items".
 * @fires live-ticker-more - A `LiveTickerMoreEvent`, `detail: {count}`, when older items the reader asked for were added below the list.
 *
 * @slot - Server-rendered `<live-ticker-item>`s, shown until the feed has loaded.
 * @slot heading - Replaces the heading text.
 *
 * @csspart base - The block's outer wrapper.
 * @csspart header - The row holding the heading, the status hint and the pause button.
 * @csspart heading - The heading.
 * @csspart status - The "not up to date" hint beside the heading while a feed fails.
 * @csspart pause - The button that pauses and resumes updates (`aria-pressed` while paused).
 * @csspart content - The area under the header: the "N new items" button and the viewport.
 * @csspart new-items - The "N new items" button over the list while arrivals wait.
 * @csspart viewport - The area around the list; it scrolls when `--live-ticker-max-height` is set, and crawls in the marquee.
 * @csspart message - The loading, empty or error message shown instead of items.
 * @csspart more - The control under the list that adds older items, when the feed names an older page (`aria-busy` while it loads).
 * @csspart more-error - What the block says under it when an older page could not be loaded.
 * @csspart image - An item's picture, with `images`.
 * @csspart list - The list of items; in the marquee a second copy follows it for a seamless loop, `list clone`, hidden from assistive technology.
 * @csspart entry - One list entry; `entry fresh` while it is newly arrived, `entry revised` while a newer version (a correction) is highlighted, `entry pinned` for the pinned item, `entry breaking` for breaking news.
 * @csspart item - An item inside its entry: plain elements in the block's own shadow root, with the parts below (as a `<live-ticker-item>` has them), so a page styles them with `live-ticker::part(…)` directly.
 * @csspart body - The paragraph holding an item's headline, or its dateline and text when it has no title.
 * @csspart headline - An item's title.
 * @csspart summary - The text under an item's headline.
 * @csspart breaking-marker - The localised word before the text of a breaking item.
 * @csspart pin - The pin before the text of the pinned item.
 * @csspart dateline - An item's dateline, e.g. "DOHA (ANP/AFP)".
 * @csspart text - An item's text after the dateline.
 * @csspart link - The link around an item's headline or text.
 * @csspart time - An item's relative-time label, a `<time>` whose text the block keeps current (one clock entry for all its labels); `updated` its correction label.
 *
 * @cssprop --live-ticker-color - Text colour (default: inherited, or by `theme`).
 * @cssprop --live-ticker-background - Background (default: transparent, or by `theme`).
 * @cssprop --live-ticker-font - Font shorthand (default: the page's).
 * @cssprop --live-ticker-line-height - Line height (default 1.45).
 * @cssprop --live-ticker-heading-font-size - Heading size (default 1.25em).
 * @cssprop --live-ticker-heading-weight - Heading weight (default 700).
 * @cssprop --live-ticker-item-spacing - Space above and below each item (default 0.75em; by `density`).
 * @cssprop --live-ticker-divider - Border between items.
 * @cssprop --live-ticker-muted-color - Colour of time labels, hints and messages.
 * @cssprop --live-ticker-highlight - Background a new item starts with before it fades.
 * @cssprop --live-ticker-accent - Colour of the buttons (default: the text colour).
 * @cssprop --live-ticker-max-height - Height from which the list scrolls (default: none).
 * @cssprop --live-ticker-marquee-gap - Space between items in the marquee (default 2.5em).
 * @cssprop --live-ticker-breaking-color - Colour of the breaking marker (default: a red for light and for dark).
 * @cssprop --live-ticker-pinned-color - Colour of the pin (default: the text colour).
 * @cssprop --live-ticker-headline-lines - Lines a headline may take before it is cut with "…" (default 3).
 * @cssprop --live-ticker-text-lines - Lines the text of an item without a title may take (default 12; `none` for all).
 */
export class LiveTicker extends LitElement {
  static override styles = [styles, itemStyles];
  /** The library version that defined this element; `define` compares it to spot two versions on one page. */
  static readonly version = VERSION;
  static override get properties() {
    return {
      feedUrl: { attribute: 'feed-url' },
      heading: {},
      headingLevel: { attribute: 'heading-level', type: Number },
      maxItems: { attribute: 'max-items', type: Number },
      timeZone: { attribute: 'time-zone' },
      layout: { reflect: true },
      speed: { type: Number },
      paused: { type: Boolean, reflect: true },
      theme: { reflect: true },
      density: { reflect: true },
      cache: {},
      filter: {},
      pinnedTags: { attribute: 'pinned-tags' },
      breakingTags: { attribute: 'breaking-tags' },
      summaryLines: { attribute: 'summary-lines', type: Number },
      images: { type: Boolean },
      source: { attribute: false },
      clock: { attribute: false },
      status: { reflect: true },
    };
  }

  /** Feed URL(s), separated by spaces and merged: JSON Feed, RSS or Atom documents (polled), SSE streams, `ws:`/`wss:` WebSockets. */
  feedUrl = '';

  /** The heading text; a localised "Latest news" when absent. */
  heading?: string;

  /** The heading's level for assistive technology (1–6). */
  headingLevel = 2;

  /** Most items shown. */
  maxItems = 10;

  /** IANA time zone for absolute dates; the reader's own by default. */
  timeZone?: string;

  /** `list` (default) or `marquee`: a horizontal crawl that pauses on hover and focus, and stands still under reduced motion. */
  layout: 'list' | 'marquee' = 'list';

  /** Marquee speed in pixels per second. */
  speed = 60;

  /** Whether updates are paused: no arrivals and no crawl until resumed (WCAG 2.2.2). The reader toggles it with the pause button. */
  paused = false;

  /** Colours: unset follows the page; `light` or `dark` sets them; `auto` follows the reader's `prefers-color-scheme`. */
  theme?: 'light' | 'dark' | 'auto';

  /** Spacing: `compact` or `comfortable`; unset is in between. */
  density?: 'compact' | 'comfortable';

  /** `off` keeps nothing in the browser. Otherwise a feed's newest `max-items` items are kept (localStorage, for a day) and shown at once on the reader's next visit, marked not current until the feed answers. */
  cache: 'on' | 'off' = 'on';

  /**
   * Which items the block shows: `tag:sport`, `agency:BELGA`, `place:DOHA` (a value with spaces in
   * double quotes); an item shows when it matches any term, case-insensitively. Blocks of one feed
   * with different filters share its one request loop or connection. A term of another kind shows
   * nothing, with a console warning.
   */
  filter = '';

  /** Tags that pin an item, separated by spaces: the newest item with one stays first, whatever its date. */
  pinnedTags = 'pinned';

  /** Tags that mark an item as breaking news, separated by spaces: a localised marker before its text, and its announcement starts with that word. */
  breakingTags = 'breaking urgent';

  /** Lines of summary under an item's headline (items with a title); `0` shows headlines only. */
  summaryLines = 2;

  /** Shows each item's picture (JSON Feed `image`, `media:thumbnail`, an image enclosure), http(s) only, loaded lazily in space reserved for it. */
  images = false;

  /** A developer's own source of items or updates, merged with any `feed-url`: an Observable (RxJS or any with `Symbol.observable`), a Promise, an async iterable or a ReadableStream — whatever RxJS's `from()` accepts. Anything else sets the `error` status. */
  source?: ObservableInput<TickerUpdateInput>;

  /** The clock labels inside read and wake from; the page's clock by default. Tests and stories set a virtual one. */
  clock?: Clock;

  /** Current status, reflected for styling: `connecting`, `live`, `stale` or `error`. */
  status: FeedStatus = 'connecting';

  /** What the polite live region says: arrivals in batches and loss of connection, never clock ticks. Set only while updating. */
  #announcement = '';

  /** What the store makes of the block's attributes: read before each update, followed anew when one changed. */
  readonly #feed = new ObservableController(this, NOTHING_YET, {
    args: () => [this.feedUrl, this.source, this.maxItems, this.cache, this.filter, this.pinnedTags] as const,
    observable: ([feedUrl, source, , cache, filter, pinnedTags]) =>
      tickerState(
        { urls: feedUrl.split(/\s+/).filter(Boolean), source, maxItems: this.#maxItems(), keep: cache !== 'off', filter, pinnedTags },
        this.#more$,
      ),
  });
  readonly #arrivals = new ArrivalsController(this);
  /** The entries of the list (not the marquee's loop copy), with their items' ids, in order. */
  readonly #entries = () =>
    [...this.renderRoot.querySelectorAll<HTMLElement>('.list:not(.clone) > .entry')].map((entry) => [entry, entry.dataset.id!] as const);
  /** The reader's requests for older items, which the store answers: one callback per subscription. */
  readonly #moreRequests = new Set<() => void>();
  readonly #more$ = new Observable<void>((subscriber) => {
    const ask = () => subscriber.next();
    this.#moreRequests.add(ask);
    return () => this.#moreRequests.delete(ask);
  });
  /** The older page whose arrival was last told (event and focus). */
  #addedOlder?: object;
  readonly #clockProvider = new ContextProvider(this, { context: clockContext, initialValue: defaultClock() });
  #hasServerItems = false;
  #announcedBatch?: ArrivalBatch;
  /** The retracted ids the server-rendered items were last checked against. */
  #retracted?: readonly string[];
  /** `breaking-tags`, parsed when it changes. */
  #breaking: ReadonlySet<string> = new Set();

  readonly #lang = new LangController(this);

  constructor() {
    super();
    // After the feed's own hostUpdate has pulled the attributes, the block takes the state it holds.
    this.addController({ hostUpdate: () => this.#receive(this.#feed.value) });
    // Each registers itself with this element.
    // The items' labels are text in this shadow root, on one clock entry for the block.
    new LabelsController(this, () => ({ clock: this.clock, lang: this.#lang.lang, timeZone: this.timeZone }));
    new CrawlController(this);
    new ImpressionController(this, this.#entries, () => this.clock ?? defaultClock());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#hasServerItems = this.#showServerItems();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#clockProvider.setValue(this.clock ?? defaultClock()); // pulled on each update; notifies only on a change
    if (changed.has('breakingTags')) this.#breaking = new Set(words(this.breakingTags));
    if (changed.has('paused')) this.#arrivals.setPaused(this.paused);
  }

  /** The store's latest state, before each render: arrivals, announcements, retractions, status and server time. */
  #receive(state: TickerState): void {
    // Server time is data: the block's own clock counts from what its feed's server says.
    if (state.serverTime) (this.clock ?? defaultClock()).reportServerTime?.(state.serverTime.at, state.serverTime.receivedAt);
    this.#arrivals.receive(state);
    if (this.#arrivals.batch !== this.#announcedBatch) {
      this.#announcedBatch = this.#arrivals.batch;
      if (this.#announcedBatch) this.#announce(this.#arrivalsText(this.#announcedBatch));
    }
    if (state.retracted !== this.#retracted) {
      this.#retracted = state.retracted;
      this.#hasServerItems = this.#showServerItems();
    }
    if (state.status !== this.status && (state.status === 'stale' || state.status === 'error')) {
      const messages = messagesFor(this.#lang.lang);
      this.#announce(state.status === 'stale' ? messages.stale : messages.error);
    } else if (state.status === 'live' && this.status !== 'live' && this.status !== 'connecting') {
      this.#announcement = ''; // recovered: the warning is no longer true (clearing is not announced)
    }
    this.status = state.status;
  }

  protected override updated(changed: PropertyValues<this>): void {
    // Through CSSOM: a strict CSP forbids style attributes. The summaries' clamp inherits it.
    if (changed.has('summaryLines'))
      this.renderRoot.querySelector<HTMLElement>('.viewport')?.style.setProperty('--lines', String(this.summaryLines));
    if (changed.has('status')) this.dispatchEvent(new LiveTickerStatusEvent(this.status, this.#feed.value.error));
    const added = this.#feed.value.older?.added;
    if (added && added !== this.#addedOlder) {
      this.#addedOlder = added;
      // Focus goes to the first item added, so the keyboard reader goes on reading where the list grew.
      if (added.first)
        this.#entries()
          .find(([, id]) => id === added.first)?.[0]
          .focus();
      this.dispatchEvent(new LiveTickerMoreEvent({ count: added.count }));
    }
  }

  /** `max-items`, or its default of 10 (with a console warning) when it is not a number of items. */
  #maxItems(): number {
    if (this.maxItems >= 0) return this.maxItems;
    console.warn(`live-ticker: max-items "${this.getAttribute('max-items') ?? this.maxItems}" is not a number of items; showing 10.`);
    return 10;
  }

  /** A link in an item was followed: which item, where to, at which position; before the browser navigates. */
  #onOpen(event: MouseEvent): void {
    if (event.type === 'auxclick' && event.button !== 1) return;
    const path = event.composedPath();
    const link = path.find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement && node.part.contains('link'));
    const entries = this.#entries();
    const position = entries.findIndex(([entry]) => path.includes(entry));
    if (link && position >= 0)
      this.dispatchEvent(new LiveTickerOpenEvent({ id: entries[position]![1], url: link.href, position: position + 1 }));
  }

  /** The "more" control: asks the store for the next older items. */
  #askMore(): void {
    this.#moreRequests.forEach((ask) => ask());
  }

  /**
   * What a batch of arrivals sounds like: "3 new items", starting with the breaking marker and the
   * newest breaking headline when one is breaking; corrections as updated, not as new.
   */
  #arrivalsText(batch: ArrivalBatch): string {
    const lang = this.#lang.lang;
    const messages = messagesFor(lang);
    const phrases: string[] = [];
    if (batch.count > 0) {
      const breaking = batch.items.find((item) => hasTag(item, this.#breaking));
      const count = newItemsText(lang, batch.count);
      phrases.push(breaking ? `${messages.breaking}: ${headline(breaking)}. ${count}` : count);
    }
    const revised = batch.revised[0];
    if (revised) {
      const word = messages.updated.replace('{t}', '').trim();
      phrases.push(`${word.charAt(0).toLocaleUpperCase(lang)}${word.slice(1)}: ${headline(revised)}`);
    }
    return phrases.join('. ');
  }

  /**
   * Whether server-rendered items are shown: those the feed retracted (seen now, or kept from an
   * earlier visit) are hidden — a cached page must not bring a retracted item back.
   */
  #showServerItems(): boolean {
    const retracted = new Set(this.#feed.value.retracted);
    let shown = false;
    for (const child of this.querySelectorAll<LiveTickerItem>(':scope > live-ticker-item')) {
      if (retracted.has(child.getAttribute('item-id') ?? '')) child.hidden = true;
      shown ||= !child.hidden;
    }
    return shown;
  }

  #announce(text: string): void {
    // The same words twice in a row would not be read again: vary an invisible character.
    this.#announcement = this.#announcement === text ? `${text}\u200b` : text;
  }

  #togglePause(): void {
    this.paused = !this.paused;
    this.dispatchEvent(new LiveTickerPauseEvent(this.paused));
  }

  /** The "N new items" button: shows them, and takes keyboard focus to the first. */
  async #showWaiting(): Promise<void> {
    this.dispatchEvent(new LiveTickerRevealEvent({ count: this.#arrivals.pending }));
    this.#arrivals.release();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="fresh"]')?.focus();
  }

  #onScroll(event: Event): void {
    this.#arrivals.setScrolled((event.target as HTMLElement).scrollTop > 0);
  }

  #onSlotChange(): void {
    this.#hasServerItems = this.#showServerItems();
    this.requestUpdate();
  }

  /** An entry's part: `entry`, with `fresh` or `revised` while highlighted, `pinned`, `breaking`. */
  #entryPart(item: TickerItem, pinned: boolean, breaking: boolean): string {
    const { fresh, revised } = this.#arrivals;
    return `entry${fresh.has(item.id) ? ' fresh' : revised.has(item.id) ? ' revised' : ''}${pinned ? ' pinned' : ''}${breaking ? ' breaking' : ''}`;
  }

  #renderItems(items: readonly TickerItem[], clone = false) {
    const fresh = this.#arrivals.fresh;
    const pinnedId = this.#feed.value.pinned;
    const lang = this.#lang.lang;
    // Older items the reader asked for follow the live ones (not in the crawl), each once: while the
    // reader holds the list, an item the store moved below may still be among those shown.
    const shownIds = new Set(items.map((item) => item.id));
    const olderItems =
      clone || this.layout === 'marquee' ? [] : (this.#feed.value.older?.items.filter((item) => !shownIds.has(item.id)) ?? []);
    const older = new Set(olderItems.map((item) => item.id));
    items = [...items, ...olderItems];
    // eslint-disable-next-line lit-a11y/no-redundant-role -- Safari drops list semantics from an <ol> styled list-style: none.
    return html`<ol
      class=${clone ? 'list clone' : 'list'}
      part=${clone ? 'list clone' : 'list'}
      role="list"
      aria-hidden=${clone ? 'true' : nothing}
      ?inert=${clone}
      @click=${this.#onOpen}
      @auxclick=${this.#onOpen}
    >
      ${items.map((item) => {
        const pinned = item.id === pinnedId;
        const breaking = hasTag(item, this.#breaking);
        const part = this.#entryPart(item, pinned, breaking);
        return html`<li class=${part} part=${part} data-id=${item.id} tabindex=${(fresh.has(item.id) || older.has(item.id)) && !clone ? '-1' : nothing}>
            <div class="item" part="item">${itemTemplate({
              item,
              url: item.url,
              pinned,
              breaking,
              summaryLines: this.summaryLines,
              images: this.images,
              marquee: this.layout === 'marquee',
              lang,
              published: item.published ?? Number.NaN,
            })}</div>
          </li>`;
      })}
    </ol>`;
  }

  /** What the viewport holds: the items (twice in the marquee, for a seamless loop), else the server's items or a message. */
  #renderViewport(status: FeedStatus, shown: readonly TickerItem[]) {
    if (shown.length > 0) {
      if (this.layout !== 'marquee') return html`${this.#renderItems(shown)}${this.#renderMore()}`;
      return html`<div class="track">${this.#renderItems(shown)}${this.#renderItems(shown, true)}</div>`;
    }
    const messages = messagesFor(this.#lang.lang);
    const message = status === 'connecting' ? messages.loading : status === 'error' ? messages.error : messages.empty;
    return html`<slot @slotchange=${this.#onSlotChange}></slot>
      ${this.#hasServerItems ? nothing : html`<p class="message" part="message">${message}</p>`}`;
  }

  /** The control that adds older items, while there are any to ask for; a failed page says so beside it. */
  #renderMore() {
    const older = this.#feed.value.older;
    if (!older || older.more === 'end') return nothing;
    const messages = messagesFor(this.#lang.lang);
    return html`<button class="more" part="more" type="button" aria-busy=${older.more === 'loading' ? 'true' : 'false'} @click=${this.#askMore}>
        ${messages.more}
      </button>
      ${older.more === 'error' ? html`<p class="message" part="more-error">${messages.error.split(/(?<=[.。])\s/)[0]}</p>` : nothing}`;
  }

  protected override render() {
    const { status } = this.#feed.value;
    const lang = this.#lang.lang;
    const messages = messagesFor(lang);
    const shown = this.#arrivals.shown;
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
    const notCurrent = (status === 'stale' || status === 'error') && (shown.length > 0 || this.#hasServerItems);

    return html`
      <section class="base" part="base" aria-labelledby="heading" aria-busy=${status === 'connecting' ? 'true' : 'false'}>
        <div class="header" part="header">
          <div class="heading" part="heading" id="heading" role="heading" aria-level=${level}>
            <slot name="heading">${this.heading ?? messages.heading}</slot>
          </div>
          <span class="status" part="status" title=${notCurrent ? messages.stale : nothing}>${notCurrent ? messages.stale : ''}</span>
          ${
            shown.length
              ? html`<button class="pause" part="pause" type="button" aria-pressed=${this.paused ? 'true' : 'false'} aria-label=${messages.pause} title=${messages.pause} @click=${this.#togglePause}>
                <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d=${this.paused ? PLAY_ICON : PAUSE_ICON} /></svg>
              </button>`
              : nothing
          }
        </div>
        <div class="content" part="content">
          ${
            this.#arrivals.pending > 0
              ? html`<button class="new-items" part="new-items" type="button" @click=${this.#showWaiting}>${newItemsText(lang, this.#arrivals.pending)}</button>`
              : nothing
          }
          <div class="viewport" part="viewport" @scroll=${this.#onScroll}>${this.#renderViewport(status, shown)}</div>
        </div>
        <div class="announcer" role="status" aria-live="polite">${this.#announcement}</div>
      </section>
    `;
  }
}

/** A block's state before its store has said anything. */
const NOTHING_YET: TickerState = { items: [], status: 'connecting', retracted: [] };

/** An item's headline, as an announcement reads it: its title, else the start of its text. */
const headline = (item: TickerItem) => (item.title ?? item.text).slice(0, 160);

declare global {
  interface HTMLElementTagNameMap {
    'live-ticker': LiveTicker;
  }
}
