import { ReactiveElement, type PropertyValues } from 'lit';
import type { Clock } from '../../clock/page-clock.js';
import { DEFAULT_THRESHOLD } from '../../clock/relative-label.js';
import { consumeClock } from '../shared/consume-clock.js';
import { parseDuration } from '../shared/duration.js';
import { LabelsController } from '../shared/labels-controller.js';
import { LangController } from '../shared/lang-controller.js';
import { VERSION } from '../../version.js';

/**
 * @tag live-ticker-time
 * @summary A relative-time label ("13 minuten geleden") that stays current, usable on its own.
 *
 * @description Reads "now" for a minute, then counts minutes, hours and days in the language of
 * the nearest `lang`, and shows a date past `threshold`. It asks the page clock (from context, or
 * the page's default) to wake it only when its text changes; it runs no timer of its own. The label
 * is the element's own text, as a `<time>`'s is (no shadow root: a page of labels costs the browser
 * no style or layout of its own per label), and its `title` the full date and time; the page styles
 * it as any inline element. Text written inside it shows until it upgrades, and stays when
 * `datetime` is not a time.
 */
export class LiveTickerTime extends ReactiveElement {
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
    // Its label is its own text, written by the same controller as a block's labels.
    new LabelsController(
      this,
      () => ({ clock: this.clock, lang: this.#lang.lang, timeZone: this.timeZone, threshold: this.#threshold }),
      () => {
        const published = Date.parse(this.datetime);
        // Without a valid time, the text written inside stays: a time is never invented.
        return Number.isFinite(published) ? [[this, published]] : [];
      },
    );
  }

  /** No shadow root and no template: the element's own text is the label. */
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('threshold')) this.#threshold = parseDuration(this.threshold) ?? DEFAULT_THRESHOLD;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'live-ticker-time': LiveTickerTime;
  }
}
