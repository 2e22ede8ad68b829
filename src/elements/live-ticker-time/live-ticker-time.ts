import { html, LitElement, type PropertyValues } from 'lit';
import type { Clock } from '../../clock/page-clock.js';
import { DEFAULT_THRESHOLD } from '../../clock/relative-label.js';
import { consumeClock } from '../shared/consume-clock.js';
import { parseDuration } from '../shared/duration.js';
import { RelativeTimeController } from '../shared/relative-time-controller.js';
import { VERSION } from '../../version.js';
import { styles } from './live-ticker-time.styles.js';

/**
 * @tag live-ticker-time
 * @summary A relative-time label ("13 minuten geleden") that stays current, usable on its own.
 *
 * @description Reads "now" for a minute, then counts minutes, hours and days in the language of
 * the nearest `lang`, and shows a date past `threshold`. It asks the page clock (from context, or
 * the page's default) to wake it only when its text changes; it runs no timer of its own. Text
 * written inside the element shows until it upgrades.
 *
 * @csspart time - The `<time>` element holding the label; its `title` is the full date and time.
 */
export class LiveTickerTime extends LitElement {
  static override styles = styles;
  /** The library version that defined this element; `define` compares it to spot two versions on one page. */
  static readonly version = VERSION;
  static override get properties() {
    return {
      datetime: {},
      timeZone: { attribute: 'time-zone' },
      threshold: {},
      clock: { attribute: false },
    };
  }

  /** When it happened: an ISO 8601 date-time, e.g. `2026-11-27T12:00:00Z`. */
  datetime = '';

  /** IANA time zone for absolute dates and the title, e.g. `Europe/Amsterdam`; the reader's own by default. */
  timeZone?: string;

  /** Age from which an absolute date is shown, as an ISO 8601 duration (`P7D`, `PT12H`). */
  threshold = 'P7D';

  /** The clock to read and wake from; provided by an ancestor `<live-ticker>` or set directly. */
  clock?: Clock;

  readonly #label = new RelativeTimeController(this);

  constructor() {
    super();
    consumeClock(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Now, not at the first update: the label is scheduled (on the clock the context just gave) the moment it is in the page.
    this.#syncLabel();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('datetime') || changed.has('timeZone') || changed.has('threshold') || changed.has('clock')) this.#syncLabel();
  }

  /** Parsed when the attributes change rather than on every tick. */
  #syncLabel(): void {
    this.#label.set({
      published: Date.parse(this.datetime),
      timeZone: this.timeZone,
      threshold: parseDuration(this.threshold) ?? DEFAULT_THRESHOLD,
      clock: this.clock,
    });
  }

  protected override render() {
    if (!this.#label.label.text) return html`<slot></slot>`;
    return html`<time part="time" datetime=${this.#label.iso}></time>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'live-ticker-time': LiveTickerTime;
  }
}
