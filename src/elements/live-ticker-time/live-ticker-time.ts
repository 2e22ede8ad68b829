import { html, LitElement, type PropertyValues } from 'lit';
import type { Clock } from '../../clock/page-clock.js';
import { DEFAULT_THRESHOLD } from '../../clock/relative-label.js';
import { consumeClock } from '../shared/consume-clock.js';
import { parseDuration } from '../shared/duration.js';
import { LabelsController } from '../shared/labels-controller.js';
import { LangController } from '../shared/lang-controller.js';
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

  readonly #lang = new LangController(this);
  /** `threshold` in ms, parsed when it changes rather than on every tick. */
  #threshold = DEFAULT_THRESHOLD;

  constructor() {
    super();
    consumeClock(this);
    // Its label is the text of the `<time>` it renders, written by the same controller as a block's labels.
    new LabelsController(this, () => ({ clock: this.clock, lang: this.#lang.lang, timeZone: this.timeZone, threshold: this.#threshold }));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('threshold')) this.#threshold = parseDuration(this.threshold) ?? DEFAULT_THRESHOLD;
  }

  protected override render() {
    const published = Date.parse(this.datetime);
    // Without a valid time, the text written inside shows: a time is never invented.
    if (!Number.isFinite(published)) return html`<slot></slot>`;
    return html`<time class="time" part="time" datetime=${new Date(published).toISOString()}></time>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'live-ticker-time': LiveTickerTime;
  }
}
