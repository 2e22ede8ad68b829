import type { ReactiveController, ReactiveElement } from 'lit';
import { defaultClock, type Clock, type ClockSubscriber } from '../../clock/page-clock.js';
import { DEFAULT_THRESHOLD, relativeLabel, type RelativeLabel } from '../../clock/relative-label.js';
import { LangController } from './lang-controller.js';

const NO_LABEL: RelativeLabel = { text: '', title: '', nextChangeAt: Infinity };

export interface RelativeTimeOptions {
  /** When it happened (epoch ms); NaN for no label. */
  published: number;
  /** IANA time zone for absolute dates and the title. */
  timeZone?: string | undefined;
  /** Age (ms) from which the label shows a date. */
  threshold?: number;
  /** The clock to read and wake from; the page's when absent. */
  clock?: Clock | undefined;
}

/**
 * One relative-time label ("13 minuten geleden") kept current for its host: it asks the clock to
 * wake it only when its words change, and then writes them straight into the `<time>` the host
 * rendered — a page of labels changes hundreds of them each minute, and a full Lit update for
 * each costs more than the words themselves. The host renders the `<time>` (empty, the first in its
 * shadow root); the controller fills it after each update and keeps it for the ticks between. The
 * host re-renders only when a label appears or disappears.
 */
export class RelativeTimeController implements ReactiveController, ClockSubscriber {
  /** What the label shows now. */
  label: RelativeLabel = NO_LABEL;
  #options: RelativeTimeOptions = { published: Number.NaN };
  #scheduledOn?: Clock;
  /** The `<time>` the host rendered last, found once per host update rather than on every tick. */
  #time: HTMLTimeElement | null = null;
  /** The nearest `lang`, looked up when connected or when a page's `lang` changes, not on every tick. */
  readonly #lang: LangController;

  readonly #host: ReactiveElement;
  readonly #selector: string;

  constructor(
    host: ReactiveElement,
    /** Where in the host's shadow root the `<time>` it fills is. */
    selector = 'time',
  ) {
    this.#host = host;
    this.#selector = selector;
    // Added before this controller, so it has forgotten an old language when this one refreshes.
    this.#lang = new LangController(host, () => {
      this.#refresh();
      host.requestUpdate(); // what else the host says in its language
    });
    host.addController(this);
  }

  /** The moment as ISO 8601, for the `<time datetime>` (empty without a valid one). */
  get iso(): string {
    const { published } = this.#options;
    return Number.isFinite(published) ? new Date(published).toISOString() : '';
  }

  /** Sets what the label is about; refreshes when anything changed. */
  set(options: RelativeTimeOptions): void {
    const previous = this.#options;
    this.#options = options;
    const changed =
      !Object.is(previous.published, options.published) ||
      previous.timeZone !== options.timeZone ||
      previous.threshold !== options.threshold ||
      previous.clock !== options.clock;
    if (changed && this.#host.isConnected) this.#refresh();
  }

  hostConnected(): void {
    this.#refresh();
  }

  hostUpdated(): void {
    this.#time = this.#host.renderRoot.querySelector(this.#selector);
    this.#write(this.#time);
  }

  hostDisconnected(): void {
    this.#scheduledOn?.cancel(this);
    this.#scheduledOn = undefined;
  }

  /** Called by the clock when the words change. */
  clockTick(now: number): void {
    this.#refresh(now);
  }

  /** Writes the label's words and title into the host's rendered `<time>`, leaving its node in place. */
  #write(time: HTMLTimeElement | null): void {
    if (!time) return;
    const text = time.firstChild;
    // The text node's data rather than textContent: keeping the node lets the browser re-lay out less.
    if (text instanceof Text && !text.nextSibling) {
      if (text.data !== this.label.text) text.data = this.label.text;
    } else time.textContent = this.label.text;
    if (time.title !== this.label.title) time.title = this.label.title;
  }

  #refresh(now?: number): void {
    const clock = this.#options.clock ?? defaultClock();
    if (this.#scheduledOn && this.#scheduledOn !== clock) this.#scheduledOn.cancel(this);
    this.#scheduledOn = undefined;
    const label = relativeLabel(this.#options.published, now ?? clock.now(), {
      lang: this.#lang.lang,
      timeZone: this.#options.timeZone,
      threshold: this.#options.threshold ?? DEFAULT_THRESHOLD,
    });
    if (label.text !== this.label.text || label.title !== this.label.title) {
      const structural = (label.text === '') !== (this.label.text === '');
      this.label = label;
      // Words only: write them now. A label appearing or going: the host renders.
      if (!structural && this.#time && this.#host.hasUpdated && !this.#host.isUpdatePending) this.#write(this.#time);
      else this.#host.requestUpdate();
    }
    // Scheduled again, or (for a label whose words never change again) let go: the clock must not hold it.
    if (this.#host.isConnected) {
      clock.schedule(this, label.nextChangeAt);
      this.#scheduledOn = clock;
    }
  }
}
