import type { ReactiveController, ReactiveElement } from 'lit';
import { defaultClock, type Clock, type ClockSubscriber } from '../../clock/page-clock.js';
import { fullDate, relativeLabel } from '../../clock/relative-label.js';
import { labelTime } from './item-template.js';
import { nextTask } from './next-task.js';

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
 * wake formats every label (a correction of the clock moves them all) and writes only changed words,
 * compared with the words it wrote last rather than read back from the page. Their titles (the full
 * date) are written in a task after the next frame: the first paint does not need them, and the
 * first full-date format loads the browser's calendar data. No element or shadow root per label. A
 * new language reaches them through the host's update.
 */
export class LabelsController implements ReactiveController, ClockSubscriber {
  readonly #host: ReactiveElement;
  readonly #settings: () => LabelSettings;
  readonly #labels: () => Label[];
  /** The labels rendered last. */
  #times: readonly Label[] = [];
  /** The words last written into each of them. */
  #words: string[] = [];
  /** The frame callback that will write the titles, while one is waiting. */
  #titles?: number | undefined;
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
    this.#words = [];
    this.#show();
  }

  hostDisconnected(): void {
    // A removed host is let go at once: no clock entry, and no frame callback holding it.
    cancelAnimationFrame(this.#titles!);
    this.#titles = undefined;
    this.#scheduledOn?.cancel(this);
    this.#scheduledOn = undefined;
  }

  hostConnected(): void {
    if (this.#host.hasUpdated) this.#show();
  }

  /** The labels' words now, their titles in a task after the next frame. */
  #show(): void {
    this.#refresh();
    // Only while in the page: an update of a host already removed must not leave a callback holding it.
    if (this.#host.isConnected)
      this.#titles ??= requestAnimationFrame(() =>
        nextTask(() => {
          this.#titles = undefined;
          const settings = this.#settings();
          for (const [time, published] of this.#times) {
            const title = fullDate(published, settings);
            if (time.title !== title) time.title = title;
          }
        }),
      );
  }

  /** Called by the clock when the earliest label's words change. */
  clockTick(now: number): void {
    this.#refresh(now);
  }

  /** Writes every label's words, then sleeps until the earliest next change. */
  #refresh(now?: number): void {
    const settings = this.#settings();
    const clock = settings.clock ?? defaultClock();
    if (this.#scheduledOn && this.#scheduledOn !== clock) this.#scheduledOn.cancel(this);
    this.#scheduledOn = undefined;
    const at = now ?? clock.now();
    let next = Infinity;
    this.#times.forEach(([time, published], i) => {
      const { text, nextChangeAt } = relativeLabel(published, at, settings);
      if (this.#words[i] !== text) write(time, (this.#words[i] = text));
      next = Math.min(next, nextChangeAt);
    });
    // Scheduled again, or (no label's words change again: Infinity) let go, so the clock does not hold the host.
    if (this.#host.isConnected) {
      clock.schedule(this, next);
      this.#scheduledOn = clock;
    }
  }
}

/** A label: the element whose text it is, and the moment it counts from (epoch ms). */
export type Label = readonly [element: HTMLElement, published: number];

/** A label's words into its element, keeping the text node (the browser re-lays out less). */
function write(time: HTMLElement, words: string): void {
  const text = time.firstChild;
  if (text instanceof Text && !text.nextSibling) {
    if (text.data !== words) text.data = words;
  } else time.textContent = words;
}
