// Label refresh: 1000 <live-ticker-time>, 1000 <relative-time>, a naive baseline (1000 <time>
// elements and one 60-second interval, one cached Intl formatter, textContent written only where the words changed),
// or the floor (1000 <time> elements given our words, computed before the hour starts, each written when it changes:
// what writing the same changes costs the browser with no formatting or scheduling at all),
// timestamps over the last two hours, driven through virtual time by the runner. Records every text change with its virtual
// time, every timer callback (a "wakeup"), and computes each change's lag against the library's
// own idea of when its text should have changed.
import '../../src/define.js';
import { relativeLabel } from '../../src/clock/relative-label.js';
import '@github/relative-time-element';
import { elapsedTime, getRelativeTimeUnit } from '@github/relative-time-element/duration';

declare global {
  interface Window {
    bench: typeof api;
  }
}

let wakeups = 0;
let counting = false;
for (const name of ['setTimeout', 'setInterval'] as const) {
  const original = window[name] as (handler: () => void, delay?: number) => number;
  (window as unknown as Record<string, unknown>)[name] = (handler: () => void, delay?: number) =>
    original((...args: []) => {
      if (counting) wakeups++;
      return (handler as (...a: []) => void)(...args);
    }, delay);
}

type Kind = 'ours' | 'peer' | 'naive' | 'floor';
interface Change {
  index: number;
  at: number;
  text: string;
}

const LANG = 'en';
const rtf = new Intl.RelativeTimeFormat(LANG, { numeric: 'auto' });
/** relative-time-element's text at `now`, as its default (relative, 'second' precision) format computes it. */
function peerIdeal(date: number, now: number): string {
  const duration = elapsedTime(new Date(date), 'second', now);
  const [value, unit] = getRelativeTimeUnit(duration, { relativeTo: now });
  return unit === 'second' && value < 10 ? rtf.format(0, 'second') : rtf.format(value, unit as Intl.RelativeTimeFormatUnit);
}
const oursIdeal = (date: number, now: number) => relativeLabel(date, now, { lang: LANG }).text;
const rtfAlways = new Intl.RelativeTimeFormat(LANG, { numeric: 'always' });
/** The naive loop's text: whole minutes (or hours) elapsed, formatted with Intl. */
function naiveIdeal(date: number, now: number): string {
  const minutes = Math.floor((now - date) / 60_000);
  return minutes < 60 ? rtfAlways.format(-minutes, 'minute') : rtfAlways.format(-Math.floor(minutes / 60), 'hour');
}
const idealOf = (which: Kind) => (which === 'ours' || which === 'floor' ? oursIdeal : which === 'peer' ? peerIdeal : naiveIdeal);

let kind: Kind = 'ours';
let dates: number[] = [];
let elements: HTMLElement[] = [];
let changes: Change[] = [];
let initial: string[] = [];
let shownText: string[] = [];
let domWrites = 0;
const textOf = (element: HTMLElement) => ((element.shadowRoot ?? element).textContent ?? '').trim();

/** A label's text node, kept so that a write changes its data (as our labels do) rather than replacing it. */
function writeText(element: HTMLElement, text: string): void {
  if (element.firstChild instanceof Text) element.firstChild.data = text;
  else element.textContent = text;
}

/** How far ahead the floor computes its labels' words: longer than the two hours a run lasts. */
const FLOOR_HORIZON = 200 * 60_000;

/**
 * The floor: every change of every label's words in the next FLOOR_HORIZON, computed now (outside
 * the measured hour) from the library's own rule, then one timer per moment of change writes that
 * moment's new words, 20 ms after it as the page clock does. Each timer is set from the absolute
 * moment, so when the runner's clock jumps ahead each one still runs once, in order.
 */
function writeAtChanges(now: number): void {
  const changes = new Map<number, [index: number, words: string][]>();
  dates.forEach((date, index) => {
    let label = relativeLabel(date, now, { lang: LANG });
    writeText(elements[index]!, label.text);
    for (let at = label.nextChangeAt; at < now + FLOOR_HORIZON; at = label.nextChangeAt) {
      label = relativeLabel(date, at, { lang: LANG });
      const due = changes.get(at);
      if (due) due.push([index, label.text]);
      else changes.set(at, [[index, label.text]]);
    }
  });
  for (const [at, words] of changes) setTimeout(() => words.forEach(([index, text]) => writeText(elements[index]!, text)), at + 20 - now);
}

const api = {
  async setup(which: Kind, count: number): Promise<{ mismatches: number }> {
    kind = which;
    const now = Date.now();
    dates = Array.from({ length: count }, (_, i) => now - Math.round(((i + 0.5) / count) * 2 * 3_600_000));
    const container = document.createElement('div');
    container.lang = LANG;
    elements = dates.map((date) => {
      const element = document.createElement(which === 'ours' ? 'live-ticker-time' : which === 'peer' ? 'relative-time' : 'time');
      element.setAttribute('datetime', new Date(date).toISOString());
      return element;
    });
    if (which === 'naive') {
      // The cheapest honest loop: one interval, one cached formatter, and a write only where the words changed.
      const written: string[] = [];
      const refresh = () => {
        const now = Date.now();
        elements.forEach((element, i) => {
          const text = naiveIdeal(dates[i]!, now);
          if (text !== written[i]) element.textContent = written[i] = text;
        });
      };
      refresh();
      setInterval(refresh, 60_000);
    }
    if (which === 'floor') writeAtChanges(now);
    container.append(...elements);
    document.body.append(container);
    await Promise.all(elements.map((element) => (element as unknown as { updateComplete?: Promise<unknown> }).updateComplete));
    await new Promise((resolve) => setTimeout(resolve, 0));
    initial = elements.map(textOf);
    shownText = [...initial];
    elements.forEach((element, index) => {
      new MutationObserver((records) => {
        domWrites += records.length;
        // A write of the same text (the naive loop rewrites every label) is a DOM write, not a change.
        const text = textOf(element);
        if (text !== shownText[index]) changes.push({ index, at: Date.now(), text });
        shownText[index] = text;
      }).observe(element.shadowRoot ?? element, { subtree: true, childList: true, characterData: true });
    });
    const ideal = idealOf(which);
    return { mismatches: elements.filter((_, i) => initial[i] !== ideal(dates[i]!, now)).length };
  },

  startCounting(): void {
    wakeups = 0;
    domWrites = 0;
    changes = [];
    counting = true;
  },

  setHidden(hidden: boolean): void {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
    document.dispatchEvent(new Event('visibilitychange'));
  },

  /** Wakeups, DOM writes and the largest lag (s) since startCounting, `from` being when it started. */
  report(from: number): { wakeups: number; domWrites: number; textChanges: number; maxLagSeconds: number; missed: number } {
    counting = false;
    const ideal = idealOf(kind);
    const end = Date.now();
    let maxLag = 0;
    let missed = 0;
    const last = new Map<number, Change>();
    /** The first moment in (after, until] at which the ideal text is `text`, to 10 ms. */
    const became = (index: number, text: string, after: number, until: number): number => {
      let low = after;
      let high = until;
      while (high - low > 10) {
        const middle = Math.floor((low + high) / 2);
        if (ideal(dates[index]!, middle) === text) high = middle;
        else low = middle;
      }
      return high;
    };
    for (const change of changes) {
      const previous = last.get(change.index)?.at ?? from;
      maxLag = Math.max(maxLag, (change.at - became(change.index, change.text, previous, change.at)) / 1000);
      last.set(change.index, change);
    }
    // A label that should have changed and did not, lags until the end.
    elements.forEach((element, index) => {
      const shown = textOf(element);
      const due = ideal(dates[index]!, end);
      if (shown !== due) {
        missed++;
        const previous = last.get(index)?.at ?? from;
        maxLag = Math.max(maxLag, (end - became(index, due, previous, end)) / 1000);
      }
    });
    return { wakeups, domWrites, textChanges: changes.length, maxLagSeconds: maxLag, missed };
  },
};
window.bench = api;
