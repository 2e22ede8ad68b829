import type { ReactiveController, ReactiveElement } from 'lit';
import { defaultClock, type Clock, type ClockSubscriber } from '../../clock/page-clock.js';
import { relativeLabel, type RelativeLabel } from '../../clock/relative-label.js';
import { labelTime } from './item-template.js';

/** What the labels of a host count with: its clock (the page's when absent), language and time zone. */
export interface LabelSettings {
  readonly clock?: Clock | undefined;
  readonly lang: string;
  readonly timeZone?: string | undefined;
  /** Age (ms) from which a label shows a date; a week by default. */
  readonly threshold?: number;
}

/**
 * Every relative-time label of a host ("13 minuten geleden"), kept current as text in its own shadow
 * tree: the host renders empty `<time class="time">` / `<time class="correction">` elements (see
 * itemTemplate); after each of its updates this controller fills them, and it asks the clock to wake
 * it once, for the earliest moment any of their words change: one clock entry for a whole block. A
 * wake formats every label (a correction of the clock moves them all) and writes only changed words.
 * No element or shadow root per label. A new language reaches them through the host's update.
 */
export class LabelsController implements ReactiveController, ClockSubscriber {
  readonly #host: ReactiveElement;
  readonly #settings: () => LabelSettings;
  readonly #labels: () => Label[];
  /** The labels rendered last. */
  #times: readonly Label[] = [];
  #scheduledOn?: Clock | undefined;

  constructor(
    host: ReactiveElement,
    settings: () => LabelSettings,
    /** Where the labels are after an update: by default the `<time>`s the host rendered (see itemTemplate). */
    labels = (): Label[] =>
      [...host.renderRoot.querySelectorAll<HTMLTimeElement>('time.time, time.correction')].map((time) => [time, labelTime(time)]),
  ) {
    this.#host = host;
    this.#settings = settings;
    this.#labels = labels;
    host.addController(this);
  }

  hostUpdated(): void {
    this.#times = this.#labels();
    this.#refresh();
  }

  hostDisconnected(): void {
    this.#scheduledOn?.cancel(this);
    this.#scheduledOn = undefined;
  }

  hostConnected(): void {
    if (this.#host.hasUpdated) this.#refresh();
  }

  /** Called by the clock when the earliest label's words change. */
  clockTick(now: number): void {
    this.#refresh(now);
  }

  /** Writes every label's words, then sleeps until the earliest next change. */
  #refresh(now?: number): void {
    const { clock = defaultClock(), lang, timeZone, threshold } = this.#settings();
    if (this.#scheduledOn && this.#scheduledOn !== clock) this.#scheduledOn.cancel(this);
    this.#scheduledOn = undefined;
    const at = now ?? clock.now();
    let next = Infinity;
    for (const [time, published] of this.#times) {
      const label = relativeLabel(published, at, { lang, timeZone, ...(threshold !== undefined && { threshold }) });
      write(time, label);
      next = Math.min(next, label.nextChangeAt);
    }
    // Scheduled again, or (no label's words change again: Infinity) let go, so the clock does not hold the host.
    if (this.#host.isConnected) {
      clock.schedule(this, next);
      this.#scheduledOn = clock;
    }
  }
}

/** A label: the element whose text it is, and the moment it counts from (epoch ms). */
export type Label = readonly [element: HTMLElement, published: number];

/** A label's words and title into its element, keeping the text node (the browser re-lays out less). */
function write(time: HTMLElement, label: RelativeLabel): void {
  const text = time.firstChild;
  if (text instanceof Text && !text.nextSibling) {
    if (text.data !== label.text) text.data = label.text;
  } else time.textContent = label.text;
  if (time.title !== label.title) time.title = label.title;
}
