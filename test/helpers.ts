import { fixture, html } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import { filter, firstValueFrom, type Observable, Subject, tap } from 'rxjs';
import type { SinonFakeTimers, SinonStatic } from 'sinon';
import { VirtualClock } from '../src/clock/virtual-clock.js';
import type { LiveTicker } from '../src/elements/live-ticker/live-ticker.js';
import type { FeedUpdate, TickerItemInput, TickerUpdateInput } from '../src/model.js';
import { sourceState } from '../src/store/ticker-state.js';
import type { SourceState } from '../src/store/fold.js';
import { nextTask } from '../src/elements/shared/next-task.js';

/** Each test gets its own channel on the demo feed server, so tests never share state. */
let channels = 0;
export function uniqueChannel(prefix = 't'): string {
  channels++;
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}-${channels}`;
}

export const feedUrl = (channel: string) => `/feeds/${channel}/feed.json`;

/** Sends a command to the demo feed server (reset, publish, delete, fail). */
export async function control(channel: string, command: Record<string, unknown>): Promise<{ now: number; items: number }> {
  const response = await fetch(`/feeds/${channel}/control`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(command),
  });
  if (!response.ok) throw new Error(`control failed: ${response.status} ${await response.text()}`);
  return response.json();
}

export interface FeedStats {
  requests: number;
  ok: number;
  notModified: number;
  failed: number;
  /** Stream connections opened (SSE and WebSocket). */
  streams: number;
  /** Stream connections open now. */
  open: number;
  /** Bytes sent for documents (headers and bodies). */
  bytes: number;
  /** The last event id each SSE connection resumed from, by query parameter or header ('' for none). */
  lastEventIds: string[];
  /** The Last-Event-ID header each SSE connection sent ('' for none). */
  lastEventIdHeaders: string[];
  /** CORS preflight (OPTIONS) requests. */
  preflights: number;
}

export async function stats(channel: string): Promise<FeedStats> {
  return (await fetch(`/feeds/${channel}/stats`, { cache: 'no-store' })).json();
}

/** Pretends the tab is hidden or shown, as the browser does: `document.hidden` plus a `visibilitychange` event. */
export function setHidden(hidden: boolean): void {
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
  document.dispatchEvent(new Event('visibilitychange'));
}

export function restoreVisibility(): void {
  delete (document as { hidden?: boolean }).hidden;
  delete (document as { visibilityState?: string }).visibilityState;
}

/** Fake timers for what the library schedules (Date, setTimeout, setInterval); promises and the network stay real. */
/**
 * After the next frame and the task a LabelsController posts from it (tasks posted alike run in
 * order): when labels' titles have been written.
 */
export async function afterNextPaint(): Promise<void> {
  await new Promise((resolve) => requestAnimationFrame(resolve));
  await new Promise<void>((resolve) => nextTask(resolve));
}

export async function fakeTime(sinon: SinonStatic, now: number): Promise<SinonFakeTimers> {
  return sinon.useFakeTimers({ now, toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
}

/**
 * Registers the suite's hooks for tests against the demo feed server: before each test a channel of its
 * own reset to `now` (publishing nothing by itself), fake time at `now` and Math.random at 0.5 (every
 * jitter at its middle); after each, all of that undone and the tab visible again. Read `channel` and
 * `time` inside the tests.
 */
export function useDemoChannel(sinon: SinonStatic, prefix: string, now: number): { channel: string; time: SinonFakeTimers } {
  const current = { channel: '', time: undefined as unknown as SinonFakeTimers };
  beforeEach(async () => {
    current.channel = uniqueChannel(prefix);
    await control(current.channel, { reset: { now, publishEvery: 0 } });
    current.time = await fakeTime(sinon, now);
    sinon.stub(Math, 'random').returns(0.5);
  });
  afterEach(() => {
    sinon.restore();
    (current.time as SinonFakeTimers | undefined)?.restore(); // unset when the hook before failed
    restoreVisibility();
  });
  return current;
}

/** The visible text of an element's shadow root (its own text when it has none, as a <live-ticker-time>), white space folded. */
export function shadowText(element: Element): string {
  return ((element.shadowRoot ?? element).textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The items a ticker shows (each an element with `part="item"` in its shadow root), in order. */
export function itemsIn(ticker: Element): HTMLElement[] {
  return [...(ticker.shadowRoot?.querySelectorAll<HTMLElement>('[part~="item"]') ?? [])];
}

/** The element of one of an item's parts (`body`, `time`, …): in a ticker's item, or in a `<live-ticker-item>`'s shadow root. */
export function inItem(item: Element, part: string): HTMLElement | null {
  return (item.shadowRoot ?? item).querySelector<HTMLElement>(`[part~="${part}"]`);
}

const folded = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The label texts of every item in a ticker, in order. */
export function labels(ticker: Element): string[] {
  return itemsIn(ticker).map((item) => folded(inItem(item, 'time')));
}

/** The item texts (dateline and text) of every item in a ticker, in order. */
export function itemTexts(ticker: Element): string[] {
  return itemsIn(ticker).map((item) => folded(inItem(item, 'body')));
}

/** Waits until a ticker (its items and labels are in its own shadow root) has rendered. */
export async function settled(ticker: Element & { updateComplete: Promise<unknown> }): Promise<void> {
  await ticker.updateComplete;
}

/**
 * Waits until `condition` holds of a ticker that has settled, checking each time its shadow tree
 * changes (no polling); fails after `ms` of real time with `what` in the message.
 */
export async function renderedWith(
  ticker: Element & { updateComplete: Promise<unknown> },
  condition: () => boolean,
  what: string,
  ms = 5000,
): Promise<void> {
  await settled(ticker);
  if (condition()) return;
  await new Promise<void>((resolve, reject) => {
    const observer = new MutationObserver(() => {
      void settled(ticker).then(() => {
        if (!condition()) return;
        observer.disconnect();
        clearTimeout(timer);
        resolve();
      });
    });
    observer.observe(ticker.shadowRoot!, { childList: true, subtree: true, characterData: true });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`not within ${ms} ms: ${what}`));
    }, ms);
  });
}

/** Runs a feed Observable, recording its updates and the states the store folds from them. */
export function recordFeed(source: Observable<FeedUpdate>, name: string) {
  const updates = new Subject<FeedUpdate>();
  const states: SourceState[] = [];
  const subscription = sourceState(name, source.pipe(tap((update) => updates.next(update)))).subscribe((state) => states.push(state));
  /** The next update that matches (subscribe before triggering it). */
  const next = (predicate: (update: FeedUpdate) => boolean) => firstValueFrom(updates.pipe(filter(predicate)));
  return {
    states,
    subscription,
    next,
    upsert: (id?: string) =>
      next((update) => update.kind === 'upsert' && (id === undefined || update.items.some((item) => item.id === id))),
    snapshot: () => next((update) => update.kind === 'snapshot'),
    status: (value: string) => next((update) => update.kind === 'status' && update.status === value),
    last: () => states.at(-1)!,
  };
}

/**
 * Registers the suite's hooks for tests of a block fed by a developer's source: before each test a
 * fresh Subject, a VirtualClock at `now` and the mouse away from every fixture; after each, all of it
 * undone and the tab visible again. `mount` puts a Dutch "Meer uit Buitenland" block on them, with
 * `items` sent once it is on the page. Read `source` and `clock` inside the tests.
 */
export function useSourceBlock(sinon: SinonStatic, now: number) {
  const current = {
    source: new Subject<TickerUpdateInput>(),
    clock: new VirtualClock(now),
    async mount(items: TickerItemInput[] = [], attributes: Record<string, unknown> = {}, style = 'max-width: 20rem'): Promise<LiveTicker> {
      const ticker = await fixture<LiveTicker>(
        html`<live-ticker lang="nl" heading="Meer uit Buitenland" style=${style} .source=${current.source} .clock=${current.clock}></live-ticker>`,
      );
      Object.assign(ticker, attributes);
      if (items.length) current.source.next(items);
      await settled(ticker);
      return ticker;
    },
  };
  beforeEach(async () => {
    current.source = new Subject();
    current.clock = new VirtualClock(now);
    await sendMouse({ type: 'move', position: [window.innerWidth - 2, window.innerHeight - 2] });
  });
  afterEach(async () => {
    current.clock.dispose();
    sinon.restore();
    restoreVisibility();
    await resetMouse();
  });
  return current;
}
