import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { Observable, startWith, Subject } from 'rxjs';
import sinon from 'sinon';
import '../../../src/define.js';
import { PageClock } from '../../../src/clock/page-clock.js';
import { VirtualClock } from '../../../src/clock/virtual-clock.js';
import type { LiveTicker } from '../../../src/elements/live-ticker/live-ticker.js';
import { LiveTickerStatusEvent } from '../../../src/elements/live-ticker/events.js';
import type { TickerItemInput, TickerUpdateInput } from '../../../src/model.js';
import { FEED_DEFAULTS } from '../../../src/sources/reconnect.js';
import { activeFeeds } from '../../../src/store/ticker-state.js';
import {
  afterNextPaint,
  control,
  feedUrl,
  itemsIn,
  itemTexts,
  labels,
  setHidden,
  settled,
  shadowText,
  stats,
  uniqueChannel,
  useDemoChannel,
} from '../../helpers.js';
import { SEED_LABELS, SEED_LABELS_A_MINUTE_LATER } from '../../seed-labels.mjs';

const T = Date.UTC(2026, 10, 27, 12, 0, 20);
const minutesAgo = (minutes: number) => new Date(T - minutes * 60_000).toISOString();
/** The first request waits half the start jitter (Math.random is fixed at 0.5 in these tests). */
const START = FEED_DEFAULTS.startJitter / 2;

async function nextStatus(ticker: LiveTicker, status: string): Promise<LiveTickerStatusEvent> {
  for (;;) {
    const event = (await oneEvent(ticker, 'live-ticker-status')) as LiveTickerStatusEvent;
    if (event.status === status) return event;
  }
}

describe('<live-ticker> with a developer Observable', () => {
  let source: Subject<TickerUpdateInput>;
  let clock: PageClock;

  beforeEach(() => {
    source = new Subject();
    clock = new PageClock({ now: () => T });
  });
  afterEach(() => {
    clock.dispose();
    sinon.restore();
  });

  const mount = (attributes = html``) =>
    fixture<LiveTicker>(
      html`<live-ticker lang="nl" heading="Meer uit Buitenland" .source=${source} .clock=${clock}>${attributes}</live-ticker>`,
    );

  const items: TickerItemInput[] = [
    { id: 'b', published: minutesAgo(14), text: 'WENEN (ANP) - De directeur', url: 'https://example.org/b' },
    { id: 'a', published: minutesAgo(13), text: 'DOHA (ANP/AFP) - Qatar heeft', url: 'javascript:alert(1)' },
    { id: 'c', published: minutesAgo(64), text: 'CRANS-MONTANA (ANP/AFP) - De burgemeester' },
  ];

  it('says it is loading until the source speaks, in the page language', async () => {
    const ticker = await mount();
    expect(ticker.status).to.equal('connecting');
    expect(shadowText(ticker)).to.contain('Meer uit Buitenland').and.contain('Het laatste nieuws wordt geladen');
  });

  it('renders items newest first with dateline, text, link and label', async () => {
    const ticker = await mount();
    source.next(items);
    await settled(ticker);
    expect(itemTexts(ticker)).to.deep.equal([
      'DOHA (ANP/AFP) - Qatar heeft',
      'WENEN (ANP) - De directeur',
      'CRANS-MONTANA (ANP/AFP) - De burgemeester',
    ]);
    expect(labels(ticker)).to.deep.equal(['13 minuten geleden', '14 minuten geleden', '1 uur geleden']);
    const links = itemsIn(ticker).map((item) => item.querySelector('a')?.href ?? null);
    expect(links).to.deep.equal([null, 'https://example.org/b', null]);
    expect(ticker.status).to.equal('live');
  });

  it('shows its default of 10 items, with a warning, for a max-items that is not a number', async () => {
    const warn = sinon.stub(console, 'warn');
    const ticker = await fixture<LiveTicker>(html`<live-ticker lang="nl" .source=${source} .clock=${clock}></live-ticker>`);
    ticker.setAttribute('max-items', 'ten'); // as a publisher might write it
    source.next(Array.from({ length: 12 }, (_, i) => ({ id: `n${i}`, published: minutesAgo(i + 1), text: `Bericht ${i}` })));
    await settled(ticker);
    expect(itemTexts(ticker)).to.have.length(10);
    expect(warn.calledWithMatch(/max-items "ten" is not a number of items; showing 10/)).to.equal(true);
  });

  it('reaches a final state when its source ends without data', async () => {
    const ticker = await fixture<LiveTicker>(
      html`<live-ticker lang="nl" .source=${new Observable((subscriber) => subscriber.complete())} .clock=${clock}></live-ticker>`,
    );
    await settled(ticker);
    expect(ticker.status).to.equal('live');
    expect(ticker.shadowRoot!.querySelector('section')!.getAttribute('aria-busy')).to.equal('false');
    expect(shadowText(ticker)).to.contain('Nog geen berichten.');
  });

  it('shows at most max-items', async () => {
    const ticker = await mount();
    ticker.maxItems = 2;
    source.next(items);
    await ticker.updateComplete;
    expect(itemTexts(ticker)).to.have.length(2);
  });

  it('upserts, deletes and keeps order as updates arrive', async () => {
    const ticker = await mount();
    source.next(items);
    source.next({ kind: 'upsert', items: [{ id: 'c', published: minutesAgo(1), text: 'LUIK (ANP/BELGA) - Bijgewerkt' }] });
    source.next({ kind: 'delete', ids: ['b'] });
    await ticker.updateComplete;
    expect(itemTexts(ticker)).to.deep.equal(['LUIK (ANP/BELGA) - Bijgewerkt', 'DOHA (ANP/AFP) - Qatar heeft']);
  });

  it('renders hostile text as text', async () => {
    const ticker = await mount();
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    source.next([{ id: 'x', published: minutesAgo(1), text: hostile }]);
    await ticker.updateComplete;
    const [item] = itemsIn(ticker);
    expect(ticker.shadowRoot!.querySelector('img, script')).to.equal(null);
    expect(item!.querySelector('[part="text"]')!.textContent).to.equal(hostile);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('says so when there is nothing yet', async () => {
    const ticker = await mount();
    source.next([]);
    await ticker.updateComplete;
    expect(shadowText(ticker)).to.contain('Nog geen berichten');
  });

  it('shows a clear message when the source fails before anything loaded', async () => {
    const warn = sinon.stub(console, 'warn');
    const ticker = await mount();
    const event = nextStatus(ticker, 'error');
    source.error(new Error('boom'));
    expect((await event).error?.message).to.contain('boom');
    await ticker.updateComplete;
    expect(shadowText(ticker)).to.contain('Het nieuws kon niet worden geladen');
    expect(warn.callCount).to.equal(1);
  });

  it('keeps every item and says it is not current when the source fails later', async () => {
    const warn = sinon.stub(console, 'warn');
    const ticker = await mount();
    source.next(items);
    await ticker.updateComplete;
    source.error(new Error('connection lost'));
    await ticker.updateComplete;
    expect(warn.callCount).to.equal(1);
    expect(ticker.status).to.equal('stale');
    expect(ticker.getAttribute('status')).to.equal('stale');
    expect(itemTexts(ticker)).to.have.length(3);
    expect(shadowText(ticker)).to.contain('Niet actueel');
  });

  it('speaks English on an English page', async () => {
    const ticker = await fixture<LiveTicker>(html`<div lang="en"><live-ticker .source=${source}></live-ticker></div>`).then((div) =>
      div.querySelector('live-ticker')!,
    );
    expect(shadowText(ticker)).to.contain('Latest news').and.contain('Loading the latest news');
  });

  it('runs its items’ labels on its clock, one clock entry for the whole block, and provides it to server-rendered items', async () => {
    const virtual = new VirtualClock(T);
    const ticker = await fixture<LiveTicker>(html`<live-ticker lang="nl" .source=${source} .clock=${virtual}>
      <live-ticker-item item-id="s" datetime=${minutesAgo(20)}>DOHA (ANP/AFP) - Server</live-ticker-item>
    </live-ticker>`);
    const serverItem = ticker.querySelector('live-ticker-item')!;
    expect(serverItem.clock, 'through context').to.equal(virtual);
    source.next(items);
    await settled(ticker);
    expect(virtual.size, 'one entry for the block’s three labels, one for the server-rendered item').to.equal(2);
    expect(labels(ticker)[0]).to.equal('13 minuten geleden');
    virtual.advance(60_000);
    expect(labels(ticker)[0]).to.equal('14 minuten geleden');
    virtual.dispose();
  });

  it('leaves no frame callback holding it once removed, also when it updates after its removal', async () => {
    const ticker = await mount();
    source.next(items);
    await settled(ticker);
    const frames = sinon.spy(window, 'requestAnimationFrame');
    const cancelled = sinon.spy(window, 'cancelAnimationFrame');
    ticker.remove();
    source.next([{ id: 'd', published: minutesAgo(1), text: 'LUIK (ANP/BELGA) - Na de verwijdering' }]);
    ticker.requestUpdate();
    await ticker.updateComplete;
    // The titles' callback of its last update was cancelled, and none was asked for by the update after.
    expect(frames.callCount, 'frame callbacks asked for after the removal').to.equal(0);
    expect(cancelled.callCount).to.be.greaterThan(0);
  });

  it('shows server-rendered items until the source delivers, then takes over', async () => {
    const ticker = await fixture<LiveTicker>(html`<live-ticker lang="nl" .source=${source} .clock=${clock}>
      <live-ticker-item item-id="a" datetime=${minutesAgo(13)} href="https://example.org/a">DOHA (ANP/AFP) - Server</live-ticker-item>
    </live-ticker>`);
    const slot = ticker.shadowRoot!.querySelector<HTMLSlotElement>('slot:not([name])')!;
    expect(slot.assignedElements()).to.have.length(1);
    expect(shadowText(ticker)).to.not.contain('geladen');
    const serverItem = ticker.querySelector('live-ticker-item')!;
    expect(serverItem.shadowRoot!.querySelector('a')!.href).to.equal('https://example.org/a');
    source.next(items);
    await ticker.updateComplete;
    expect(ticker.shadowRoot!.querySelector('slot:not([name])')).to.equal(null);
    expect(itemTexts(ticker)).to.have.length(3);
  });
});

describe('<live-ticker> with a source that is not an RxJS Observable', () => {
  let clock: PageClock;
  const uncaught: unknown[] = [];
  const onError = (event: ErrorEvent) => uncaught.push(event.error);
  const onRejection = (event: PromiseRejectionEvent) => uncaught.push(event.reason);

  beforeEach(() => {
    clock = new PageClock({ now: () => T });
    uncaught.length = 0;
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  afterEach(() => {
    clock.dispose();
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    sinon.restore();
  });

  const seed: TickerItemInput[] = [
    { id: 'a', published: minutesAgo(13), text: 'DOHA (ANP/AFP) - Qatar heeft' },
    { id: 'b', published: minutesAgo(14), text: 'WENEN (ANP) - De directeur' },
  ];
  const mount = (source: unknown) =>
    fixture<LiveTicker>(html`<live-ticker lang="nl" .source=${source as TickerUpdateInput[]} .clock=${clock}></live-ticker>`);
  it('takes an async generator: plain JavaScript, no RxJS', async () => {
    let release!: () => void;
    const later = new Promise<void>((resolve) => (release = resolve));
    const ticker = await mount(
      (async function* () {
        yield seed;
        await later;
        yield { kind: 'delete', ids: ['a'] };
      })(),
    );
    await settled(ticker);
    expect(itemTexts(ticker)).to.deep.equal(['DOHA (ANP/AFP) - Qatar heeft', 'WENEN (ANP) - De directeur']);
    expect(ticker.status).to.equal('live');
    release();
    await new Promise((resolve) => setTimeout(resolve)); // the generator's next value, a few promise jobs away
    await settled(ticker);
    expect(itemTexts(ticker)).to.deep.equal(['WENEN (ANP) - De directeur']);
    expect(uncaught).to.deep.equal([]);
  });

  it("takes another library's Observable through Symbol.observable, and unsubscribes from it", async () => {
    const key = (Symbol as { observable?: symbol }).observable ?? '@@observable';
    let unsubscribed = 0;
    const foreign = {
      [key]() {
        return this;
      },
      subscribe(observer: { next: (value: unknown) => void }) {
        observer.next(seed);
        return { unsubscribe: () => void unsubscribed++ };
      },
    };
    const ticker = await mount(foreign);
    await settled(ticker);
    expect(itemTexts(ticker)).to.deep.equal(['DOHA (ANP/AFP) - Qatar heeft', 'WENEN (ANP) - De directeur']);
    ticker.remove();
    await Promise.resolve();
    expect(unsubscribed).to.equal(1);
    expect(uncaught).to.deep.equal([]);
  });

  it('takes a Promise and a ReadableStream', async () => {
    const fromPromise = await mount(Promise.resolve(seed));
    await new Promise((resolve) => setTimeout(resolve));
    await settled(fromPromise);
    expect(itemTexts(fromPromise)).to.have.length(2);
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue([seed[1]]);
        controller.close();
      },
    });
    const fromStream = await mount(stream);
    await new Promise((resolve) => setTimeout(resolve));
    await settled(fromStream);
    expect(itemTexts(fromStream)).to.deep.equal(['WENEN (ANP) - De directeur']);
    expect(uncaught).to.deep.equal([]);
  });

  for (const [name, value] of [
    ['a number', 42],
    ['a plain object', { next: () => undefined }],
    ['a function', () => seed],
  ] as const) {
    it(`turns ${name} into a clear error status, never an exception on the page`, async () => {
      const warn = sinon.stub(console, 'warn');
      const ticker = await fixture<LiveTicker>(html`<live-ticker lang="nl" .clock=${clock}></live-ticker>`);
      const status = nextStatus(ticker, 'error');
      ticker.source = value as unknown as TickerUpdateInput[];
      const event = await status;
      await settled(ticker);
      expect(event.error?.message).to.contain('expected an Observable, a Promise or an (async) iterable as source, got');
      expect(shadowText(ticker)).to.contain('Het nieuws kon niet worden geladen');
      expect(warn.callCount).to.equal(1);
      expect(uncaught).to.deep.equal([]);
    });
  }

  it('reports a value of unknown shape as an error status and goes on with the next', async () => {
    const warn = sinon.stub(console, 'warn');
    const source = new Subject<unknown>();
    const ticker = await mount(source);
    source.next(seed);
    await settled(ticker);
    const stale = nextStatus(ticker, 'stale');
    source.next({ items: seed });
    expect((await stale).error?.message)
      .to.contain('expected an array of items or {kind: ')
      .and.contain('an object without kind');
    await settled(ticker);
    expect(itemTexts(ticker), 'the items shown stay').to.have.length(2);
    const live = nextStatus(ticker, 'live');
    source.next({ kind: 'delete', ids: ['b'] });
    await live;
    await settled(ticker);
    expect(itemTexts(ticker)).to.deep.equal(['DOHA (ANP/AFP) - Qatar heeft']);
    expect(warn.callCount).to.equal(1);
    expect(uncaught).to.deep.equal([]);
  });
});

describe('<live-ticker feed-url> against the demo feed server', () => {
  const feed = useDemoChannel(sinon, 'ticker', T);

  async function mountLoaded(): Promise<LiveTicker> {
    const ticker = await fixture<LiveTicker>(
      html`<live-ticker lang="nl" heading="Meer uit Buitenland" feed-url=${feedUrl(feed.channel)}></live-ticker>`,
    );
    const live = nextStatus(ticker, 'live');
    await feed.time.tickAsync(START);
    await live;
    await ticker.updateComplete;
    return ticker;
  }

  it('shows the seed items with the seed labels', async () => {
    const ticker = await mountLoaded();
    expect(labels(ticker)).to.deep.equal(SEED_LABELS);
    expect(itemTexts(ticker)[0]).to.match(/^DOHA \(ANP\/AFP\) - Qatar heeft 313 mensen/);
    expect(itemTexts(ticker)[4]).to.match(/^CRANS-MONTANA \(ANP\/AFP\) - De burgemeester/);
  });

  it('moves every label on at the minute boundary', async () => {
    const ticker = await mountLoaded();
    await feed.time.tickAsync(40_000 - START - 1); // 12:00:59.999
    await settled(ticker);
    expect(labels(ticker)[0]).to.equal('13 minuten geleden');
    await feed.time.tickAsync(1000);
    await settled(ticker);
    expect(labels(ticker)).to.deep.equal(SEED_LABELS_A_MINUTE_LATER);
  });

  it('reaches a final state when the feed answers 204 at once: no "loading" for ever', async () => {
    await control(feed.channel, { fail: { status: 204 } });
    const ticker = await fixture<LiveTicker>(html`<live-ticker lang="nl" feed-url=${feedUrl(feed.channel)}></live-ticker>`);
    const live = nextStatus(ticker, 'live');
    await feed.time.tickAsync(START);
    await live;
    await ticker.updateComplete;
    expect(ticker.shadowRoot!.querySelector('section')!.getAttribute('aria-busy')).to.equal('false');
    expect(shadowText(ticker)).to.contain('Nog geen berichten.');
  });

  it('starts one request loop for a block taken out and put back later and another block of its feed', async () => {
    const first = await mountLoaded();
    const parent = first.parentElement!;
    first.remove();
    await Promise.resolve(); // the block lets go at the end of the task: its feed stops
    expect(activeFeeds()).to.deep.equal([]);
    const fetchSpy = sinon.spy(window, 'fetch');
    parent.append(first);
    const second = await fixture<LiveTicker>(html`<live-ticker feed-url=${feedUrl(feed.channel)}></live-ticker>`);
    const live = nextStatus(second, 'live');
    await feed.time.tickAsync(START);
    await live;
    expect(fetchSpy.callCount, 'one loop for both blocks').to.equal(1);
    expect(activeFeeds()).to.have.length(1);
  });

  it('shares one request loop between blocks showing the same feed', async () => {
    const fetchSpy = sinon.spy(window, 'fetch');
    try {
      const [first, second] = await Promise.all([
        fixture<LiveTicker>(html`<live-ticker feed-url=${feedUrl(feed.channel)}></live-ticker>`),
        fixture<LiveTicker>(html`<live-ticker feed-url=${feedUrl(feed.channel)}></live-ticker>`),
      ]);
      const live = Promise.all([nextStatus(first!, 'live'), nextStatus(second!, 'live')]);
      await feed.time.tickAsync(START);
      await live;
      expect(fetchSpy.callCount).to.equal(1);
      expect(activeFeeds().filter((url) => url.includes(feed.channel))).to.have.length(1);
    } finally {
      fetchSpy.restore();
    }
  });

  it('releases requests and timers when removed, by the end of the task that removed it', async () => {
    const ticker = await mountLoaded();
    expect(feed.time.countTimers()).to.be.greaterThan(0);
    ticker.remove();
    await Promise.resolve();
    expect(activeFeeds().filter((url) => url.includes(feed.channel))).to.deep.equal([]);
    expect(feed.time.countTimers()).to.equal(0);
  });

  it('keeps its feed, items and request loop when moved in the page', async () => {
    const ticker = await mountLoaded();
    const fetchSpy = sinon.spy(window, 'fetch');
    const elsewhere = await fixture<HTMLDivElement>(html`<div></div>`);
    elsewhere.append(ticker);
    await Promise.resolve();
    await settled(ticker);
    expect(activeFeeds().filter((url) => url.includes(feed.channel))).to.have.length(1);
    expect(labels(ticker)).to.deep.equal(SEED_LABELS);
    expect(ticker.status).to.equal('live');
    expect(fetchSpy.callCount, 'no request to start over').to.equal(0);
  });

  it('changing max-items or adding a second feed keeps the running request loop', async () => {
    const ticker = await mountLoaded();
    const other = uniqueChannel('ticker-other');
    await control(other, { reset: { now: T, publishEvery: 0 } });
    const fetchSpy = sinon.spy(window, 'fetch');
    ticker.maxItems = 3;
    await settled(ticker);
    expect(labels(ticker)).to.deep.equal(SEED_LABELS.slice(0, 3));
    ticker.maxItems = 10;
    await settled(ticker);
    expect(labels(ticker)).to.deep.equal(SEED_LABELS);
    ticker.feedUrl = `${feedUrl(feed.channel)} ${feedUrl(other)}`;
    await settled(ticker);
    expect(labels(ticker), 'the first feed is shown at once while the second loads').to.deep.equal(SEED_LABELS);
    await feed.time.tickAsync(START);
    expect(fetchSpy.getCalls().map((call) => new URL(String(call.args[0]), location.href).pathname)).to.deep.equal([feedUrl(other)]);
  });

  it('runs no timer while the tab is hidden', async () => {
    const ticker = await mountLoaded();
    setHidden(true);
    expect(feed.time.countTimers()).to.equal(0);
    const before = await stats(feed.channel);
    await feed.time.tickAsync(30 * 60_000);
    expect((await stats(feed.channel)).requests).to.equal(before.requests);
    setHidden(false);
    await settled(ticker);
    expect(labels(ticker)[0]).to.equal('43 minuten geleden');
  });

  it('keeps the items and says it is not current when the feed fails, then recovers', async () => {
    const warn = sinon.stub(console, 'warn');
    try {
      const ticker = await mountLoaded();
      const listTop = () => ticker.shadowRoot!.querySelector('[part="list"]')!.getBoundingClientRect().top;
      const topBefore = listTop();
      await control(feed.channel, { fail: { status: 500 } });
      const stale = nextStatus(ticker, 'stale');
      await feed.time.tickAsync(30_000); // the poll interval (jitter fixed at its middle)
      expect((await stale).error?.details.status).to.equal(500);
      await ticker.updateComplete;
      expect(labels(ticker)).to.have.length(7);
      expect(shadowText(ticker)).to.contain('Niet actueel');
      expect(listTop(), 'the hint moves no text').to.equal(topBefore);
      expect(warn.callCount).to.equal(1);
      const live = nextStatus(ticker, 'live');
      await feed.time.tickAsync(1_500); // the first retry: full jitter within 1–2 s, at its middle
      await live;
      await ticker.updateComplete;
      expect(shadowText(ticker)).to.not.contain('Niet actueel');
    } finally {
      warn.restore();
    }
  });
});

describe('<live-ticker-item> written in the page', () => {
  it('uses a server-rendered label instead of its own, and its text as content', async () => {
    const item =
      await fixture<HTMLElement>(html`<live-ticker-item lang="nl" item-id="a" datetime="2026-11-27T11:47:20Z" href="javascript:alert(1)">
      DOHA (ANP/AFP) - Tekst
      <live-ticker-time slot="time" datetime="2026-11-27T11:47:20Z">13 minuten geleden</live-ticker-time>
    </live-ticker-item>`);
    expect(item.shadowRoot!.querySelector('time')).to.equal(null);
    expect(item.shadowRoot!.querySelector('a')).to.equal(null);
    expect(item.querySelectorAll('live-ticker-time')).to.have.length(1);
    const bare = await fixture<HTMLElement>(html`<live-ticker-item datetime="2026-11-27T11:47:20Z">Tekst</live-ticker-item>`);
    expect(bare.shadowRoot!.querySelector('time')!.getAttribute('datetime')).to.equal('2026-11-27T11:47:20.000Z');
  });
});

describe('a page that switches language', () => {
  it('re-labels blocks and labels at once, and their titles after the next paint', async () => {
    const clock = new PageClock({ now: () => T });
    const wrapper = await fixture<HTMLElement>(html`<div lang="nl">
      <live-ticker time-zone="Europe/Amsterdam" .source=${new Subject<TickerUpdateInput>().pipe(startWith([{ id: 'a', published: T - 13 * 60_000, text: 'DOHA (ANP) - x' }] as TickerUpdateInput))} .clock=${clock}></live-ticker>
    </div>`);
    try {
      const ticker = wrapper.querySelector('live-ticker')!;
      await settled(ticker);
      const title = () => ticker.shadowRoot!.querySelector('time')!.title;
      expect(labels(ticker)).to.deep.equal(['13 minuten geleden']);
      expect(title(), 'the full date is not needed for the first paint').to.equal('');
      await afterNextPaint();
      expect(title()).to.contain('vrijdag 27 november 2026').and.contain('12:47');
      wrapper.lang = 'en';
      await new Promise((resolve) => setTimeout(resolve)); // the MutationObserver's callback
      await settled(ticker);
      expect(labels(ticker)).to.deep.equal(['13 minutes ago']);
      expect(shadowText(ticker)).to.contain('Latest news');
      await afterNextPaint();
      expect(title()).to.contain('Friday, November 27, 2026').and.contain('12:47');
    } finally {
      clock.dispose();
    }
  });
});

describe('<live-ticker> fed by a stream from the demo feed server', () => {
  const current = useDemoChannel(sinon, 'block-stream', T);

  it('shows a stream in a block, stays through a drop, and says so when it cannot reconnect', async () => {
    const { channel, time } = current;
    const warn = sinon.stub(console, 'warn');
    const ticker = await fixture<LiveTicker>(html`<live-ticker lang="nl" feed-url=${`/feeds/${channel}/events`}></live-ticker>`);
    let event = oneEvent(ticker, 'live-ticker-status') as unknown as Promise<LiveTickerStatusEvent>;
    await time.tickAsync(FEED_DEFAULTS.startJitter / 2);
    while ((await event).status !== 'live') event = oneEvent(ticker, 'live-ticker-status') as unknown as Promise<LiveTickerStatusEvent>;
    await settled(ticker);
    expect(itemTexts(ticker)).to.have.length(7);
    await control(channel, { fail: { status: 503 } });
    const stale = oneEvent(ticker, 'live-ticker-status');
    const timers = time.countTimers();
    await control(channel, { drop: true });
    // The page notices the cut when the network tells it; then it sets its reconnection timer.
    while (time.countTimers() <= timers) await new Promise(requestAnimationFrame);
    await time.tickAsync(1000); // the server's "retry: 1000", jitter at its middle; the reconnection gets the 503
    expect(((await stale) as unknown as LiveTickerStatusEvent).status).to.equal('stale');
    await settled(ticker);
    expect(itemTexts(ticker)).to.have.length(7);
    expect(shadowText(ticker)).to.contain('Niet actueel');
    expect(warn.callCount).to.equal(1);
  });
});
