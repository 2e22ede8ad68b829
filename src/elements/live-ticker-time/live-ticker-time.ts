import { consume } from '@lit/context';
import { html, LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { defaultClock, type Clock, type ClockSubscriber } from '../../clock/page-clock.js';
import { DEFAULT_THRESHOLD, relativeLabel, type RelativeLabel } from '../../clock/relative-label.js';
import { clockContext } from '../../context/clock-context.js';
import { resolveLang, watchLang } from '../../i18n/lang.js';
import { parseDuration } from '../shared/duration.js';
import { VERSION } from '../../version.js';
import { styles } from './live-ticker-time.styles.js';

const NO_LABEL: RelativeLabel = { text: '', title: '', nextChangeAt: Infinity };

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
export class LiveTickerTime extends LitElement implements ClockSubscriber {
  static override styles = styles;
  /** The library version that defined this element; `define` compares it to spot two versions on one page. */
  static readonly version = VERSION;

  /** When it happened: an ISO 8601 date-time, e.g. `2026-11-27T12:00:00Z`. */
  @property() datetime = '';

  /** IANA time zone for absolute dates and the title, e.g. `Europe/Amsterdam`; the reader's own by default. */
  @property({ attribute: 'time-zone' }) timeZone?: string;

  /** Age from which an absolute date is shown, as an ISO 8601 duration (`P7D`, `PT12H`). */
  @property() threshold = 'P7D';

  /** The clock to read and wake from; provided by an ancestor `<live-ticker>` or set directly. */
  @consume({ context: clockContext, subscribe: true })
  @property({ attribute: false })
  clock?: Clock;

  /** What the label shows. Not reactive: a tick writes the text straight into the rendered `<time>` (see `show`). */
  private label: RelativeLabel = NO_LABEL;
  private scheduledOn?: Clock;
  private parsed: { datetime: string; time: number } = { datetime: '', time: Number.NaN };
  private parsedThreshold: { value: string; ms: number } = { value: '', ms: DEFAULT_THRESHOLD };
  /** The nearest `lang`, looked up when connected or when a page's `lang` changes, not on every tick. */
  private resolvedLang?: string;

  /** The `datetime` in epoch ms (NaN when unreadable), parsed once per value. */
  private get published(): number {
    if (this.parsed.datetime !== this.datetime) this.parsed = { datetime: this.datetime, time: Date.parse(this.datetime) };
    return this.parsed.time;
  }

  private get activeClock(): Clock {
    return this.clock ?? defaultClock();
  }

  /** The threshold in ms, parsed once per value. */
  private get thresholdMs(): number {
    if (this.parsedThreshold.value !== this.threshold) {
      this.parsedThreshold = { value: this.threshold, ms: parseDuration(this.threshold) ?? DEFAULT_THRESHOLD };
    }
    return this.parsedThreshold.ms;
  }

  private unwatchLang?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    this.resolvedLang = undefined;
    this.refresh();
    this.unwatchLang = watchLang(() => {
      this.resolvedLang = undefined;
      this.refresh();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.scheduledOn?.cancel(this);
    this.scheduledOn = undefined;
    this.unwatchLang?.();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('datetime') || changed.has('timeZone') || changed.has('threshold') || changed.has('clock')) this.refresh();
  }

  /** Called by the clock when the text changes. */
  clockTick(now: number): void {
    this.refresh(now);
  }

  private refresh(now?: number): void {
    const clock = this.activeClock;
    if (this.scheduledOn && this.scheduledOn !== clock) this.scheduledOn.cancel(this);
    this.scheduledOn = undefined;
    const label = relativeLabel(this.published, now ?? clock.now(), {
      lang: (this.resolvedLang ??= resolveLang(this)),
      timeZone: this.timeZone,
      threshold: this.thresholdMs,
    });
    if (label.text !== this.label.text || label.title !== this.label.title) this.show(label);
    if (this.isConnected && label.nextChangeAt < Infinity) {
      clock.schedule(this, label.nextChangeAt);
      this.scheduledOn = clock;
    }
  }

  /**
   * A tick that only changes the words writes them into the rendered `<time>` directly: a page of
   * labels changes hundreds of them each minute, and a full Lit update for each costs more than the
   * text itself. Lit renders the structure (and the text on a structural change); the words and
   * title are always written here, so Lit and the DOM never disagree.
   */
  private show(label: RelativeLabel): void {
    const wasShown = this.label.text !== '';
    this.label = label;
    const time = this.renderRoot?.querySelector?.('time');
    if (wasShown && label.text && time && this.hasUpdated && !this.isUpdatePending) this.write(time);
    else this.requestUpdate();
  }

  private write(time: HTMLTimeElement): void {
    // The text node's data, not textContent: keeping the node lets the browser re-lay out less.
    const text = time.firstChild;
    if (text instanceof Text && !text.nextSibling) {
      if (text.data !== this.label.text) text.data = this.label.text;
    } else time.textContent = this.label.text;
    if (time.title !== this.label.title) time.title = this.label.title;
  }

  protected override render() {
    if (!this.label.text) return html`<slot></slot>`;
    const iso = Number.isFinite(this.published) ? new Date(this.published).toISOString() : '';
    return html`<time part="time" datetime=${iso}></time>`;
  }

  protected override updated(): void {
    const time = this.renderRoot.querySelector('time');
    if (time) this.write(time);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'live-ticker-time': LiveTickerTime;
  }
}
