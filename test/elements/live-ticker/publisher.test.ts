import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { Subject } from 'rxjs';
import sinon from 'sinon';
import '../../../src/define.js';
import type { LiveTicker } from '../../../src/elements/live-ticker/live-ticker.js';
import type {
  LiveTickerImpressionEvent,
  LiveTickerMoreEvent,
  LiveTickerOpenEvent,
  LiveTickerRevealEvent,
} from '../../../src/elements/live-ticker/events.js';
import { IMPRESSION_DWELL } from '../../../src/elements/live-ticker/impressions.js';
import type { TickerItemInput, TickerUpdateInput } from '../../../src/model.js';
import { FEED_DEFAULTS } from '../../../src/sources/reconnect.js';
import { control, feedUrl, itemTexts, setHidden, settled, uniqueChannel, useDemoChannel, useSourceBlock } from '../../helpers.js';

const T = Date.UTC(2026, 10, 27, 12, 0, 20);
const item = (n: number, extra: Partial<TickerItemInput> = {}): TickerItemInput => ({
  id: `i${n}`,
  published: T - n * 60_000,
  text: `BRUSSEL (ANP) - Bericht ${n}`,
  url: `https://example.org/${n}`,
  ...extra,
});
/** How late the page clock may wake (it never wakes early). */
const SLACK = 20;
const frames = async (count = 3) => {
  for (let i = 0; i < count; i++) await new Promise(requestAnimationFrame);
};
const entries = (ticker: LiveTicker) => [...ticker.shadowRoot!.querySelectorAll<HTMLElement>('.list:not(.clone) > .entry')];
const itemsOf = (ticker: LiveTicker) => [...ticker.shadowRoot!.querySelectorAll<HTMLElement>('.list:not(.clone) [part~="item"]')];

/** Records the block's publisher events as they come. */
function recordEvents(ticker: LiveTicker) {
  const seen: { type: string; detail: unknown }[] = [];
  for (const type of ['live-ticker-impression', 'live-ticker-open', 'live-ticker-reveal', 'live-ticker-more'])
    ticker.addEventListener(type, (event) => seen.push({ type, detail: (event as CustomEvent).detail }));
  const of = (type: string) => seen.filter((event) => event.type === type).map((event) => event.detail);
  return { seen, of };
}

describe('the publisher’s loop', () => {
  const block = useSourceBlock(sinon, T);
  const mount = block.mount;

  describe('impressions', () => {
    /** The entries at least half in view of the scrolling list now. */
    const halfInView = (ticker: LiveTicker) => {
      const view = ticker.shadowRoot!.querySelector('.viewport')!.getBoundingClientRect();
      return entries(ticker)
        .filter((entry) => {
          const box = entry.getBoundingClientRect();
          const visible = Math.min(box.bottom, view.bottom, window.innerHeight) - Math.max(box.top, view.top, 0);
          return visible >= box.height / 2;
        })
        .map((entry) => entry.dataset.id!);
    };

    it('counts each item once, when half of it has been in view for a second, never while hidden', async () => {
      const ticker = await mount(
        Array.from({ length: 30 }, (_, n) => item(n + 1)),
        { maxItems: 30 },
        'max-width: 20rem; --live-ticker-max-height: 16rem',
      );
      const events = recordEvents(ticker);
      const viewport = ticker.shadowRoot!.querySelector<HTMLElement>('.viewport')!;
      const expected = new Set<string>();
      const dwell = async () => {
        await frames();
        block.clock.advance(IMPRESSION_DWELL + SLACK);
      };

      await frames();
      block.clock.advance(IMPRESSION_DWELL - 10);
      expect(events.of('live-ticker-impression'), 'not before a second').to.deep.equal([]);
      block.clock.advance(10 + SLACK);
      halfInView(ticker).forEach((id) => expected.add(id));
      expect(expected.size).to.be.greaterThan(0);
      expect(events.of('live-ticker-impression').map((detail) => (detail as { id: string }).id)).to.deep.equal([...expected]);
      expect(events.of('live-ticker-impression')[0]).to.deep.equal({ id: 'i1', position: 1 });

      // Scroll down an entry at a time until ten items have been half in view for a second.
      while (expected.size < 10) {
        viewport.scrollTop += entries(ticker)[0]!.getBoundingClientRect().height;
        await dwell();
        halfInView(ticker).forEach((id) => expected.add(id));
      }
      const counted = events.of('live-ticker-impression').map((detail) => (detail as { id: string }).id);
      expect(counted).to.have.length(expected.size);
      expect(new Set(counted)).to.deep.equal(expected);

      // Back to the top: nothing is counted twice.
      viewport.scrollTop = 0;
      await dwell();
      expect(events.of('live-ticker-impression')).to.have.length(expected.size);

      // Hidden, the page counts nothing, whatever comes into view; shown again, what is in view counts after a second.
      setHidden(true);
      viewport.scrollTop = viewport.scrollHeight;
      await dwell();
      block.clock.advance(5 * IMPRESSION_DWELL);
      expect(events.of('live-ticker-impression')).to.have.length(expected.size);
      setHidden(false);
      block.clock.advance(IMPRESSION_DWELL + SLACK);
      const atTheEnd = halfInView(ticker).filter((id) => !expected.has(id));
      expect(atTheEnd.length).to.be.greaterThan(0);
      expect(events.of('live-ticker-impression')).to.have.length(expected.size + atTheEnd.length);
      expect(events.of('live-ticker-impression').at(-1)).to.deep.include({ position: 30 });
    });

    it('counts nothing for items out of view, or for the crawl’s loop copy', async () => {
      const ticker = await mount(
        [item(1), item(2), item(3)],
        { layout: 'marquee', paused: true, heading: 'Net' },
        'width: 26rem; display: block',
      );
      const events = recordEvents(ticker);
      await frames();
      block.clock.advance(IMPRESSION_DWELL + SLACK);
      const counted = events.of('live-ticker-impression') as { id: string; position: number }[];
      expect(counted.length).to.be.greaterThan(0);
      expect(counted.length, 'only what the row shows, once each').to.be.lessThan(3);
      expect(new Set(counted.map((detail) => detail.id)).size).to.equal(counted.length);
    });
  });

  describe('links, arrivals and older items', () => {
    it('says which item the reader opened, with its link and position, before the browser navigates', async () => {
      const ticker = await mount([item(1), item(2), item(3, { url: undefined })]);
      const events = recordEvents(ticker);
      const before: unknown[] = [];
      // The page's own handler runs after the block's, before the navigation: it stops that here.
      const stop = (event: Event) => {
        before.push(...events.of('live-ticker-open'));
        event.preventDefault();
      };
      window.addEventListener('click', stop);
      window.addEventListener('auxclick', stop);
      try {
        const link = (n: number) => itemsOf(ticker)[n]!.querySelector<HTMLAnchorElement>('[part="link"]');
        link(1)!.click();
        expect(before).to.deep.equal([{ id: 'i2', url: 'https://example.org/2', position: 2 }]);
        link(0)!.dispatchEvent(new MouseEvent('auxclick', { button: 1, bubbles: true, composed: true, cancelable: true }));
        link(0)!.dispatchEvent(new MouseEvent('auxclick', { button: 2, bubbles: true, composed: true, cancelable: true }));
        link(0)!.focus();
        await sendKeys({ press: 'Enter' });
        expect(events.of('live-ticker-open')).to.deep.equal([
          { id: 'i2', url: 'https://example.org/2', position: 2 },
          { id: 'i1', url: 'https://example.org/1', position: 1 },
          { id: 'i1', url: 'https://example.org/1', position: 1 },
        ]);
        itemsOf(ticker)[2]!.querySelector<HTMLElement>('[part="body"]')!.click();
        expect(events.of('live-ticker-open'), 'an item without a link opens nothing').to.have.length(3);
      } finally {
        window.removeEventListener('click', stop);
        window.removeEventListener('auxclick', stop);
      }
    });

    it('says how many waiting arrivals the reader revealed', async () => {
      const ticker = await mount([item(5), item(6)], { paused: true });
      const events = recordEvents(ticker);
      block.source.next([item(1), item(2)]);
      await settled(ticker);
      ticker.shadowRoot!.querySelector<HTMLElement>('[part="new-items"]')!.click();
      await settled(ticker);
      expect(events.of('live-ticker-reveal')).to.deep.equal([{ count: 2 }]);
      expect(itemTexts(ticker)).to.have.length(4);
    });
  });

  describe('thumbnails', () => {
    const picture = (name: string) => new URL(`/test/fixtures/${name}`, location.href).href;

    it('reserve their space before they load, so nothing moves when they do', async () => {
      const ticker = await mount(
        [
          item(1, { image: { url: picture('thumbnail.svg'), width: 120, height: 80 } }),
          item(2, { image: picture('thumbnail.svg?unsized') }),
          item(3),
        ],
        { images: true },
      );
      const images = itemsOf(ticker).map((element) => element.querySelector<HTMLImageElement>('[part="image"]'));
      expect(images[2], 'no picture, no box').to.equal(null);
      const heights = () => itemsOf(ticker).map((element) => element.getBoundingClientRect().height);
      const before = heights();
      const boxes = images.slice(0, 2).map((image) => image!.getBoundingClientRect());
      expect(boxes.map((box) => Math.round((box.width / box.height) * 100) / 100)).to.deep.equal([1.5, 1.5]);
      expect(images[0]!.loading).to.equal('lazy');
      expect(images[0]!.decoding).to.equal('async');
      expect(images[0]!.alt).to.equal('');
      await Promise.all(images.slice(0, 2).map((image) => (image!.complete ? undefined : oneEvent(image!, 'load'))));
      expect(
        images.slice(0, 2).every((image) => image!.naturalWidth > 0),
        'both loaded',
      ).to.equal(true);
      expect(heights()).to.deep.equal(before);
    });

    it('show only http(s) pictures, and none without `images`', async () => {
      const ticker = await mount([
        item(1, { image: 'javascript:alert(1)' }),
        item(2, { image: 'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg"/>' }),
        item(3, { image: `https://example.org/${'x'.repeat(100_000)}.png` }),
        item(4, { image: picture('thumbnail.svg') }),
      ]);
      expect(itemsOf(ticker).map((element) => element.querySelector('img'))).to.deep.equal([null, null, null, null]);
      ticker.images = true;
      await settled(ticker);
      const sources = itemsOf(ticker).map((element) => element.querySelector('img')?.getAttribute('src') ?? null);
      expect(sources).to.deep.equal([null, null, null, picture('thumbnail.svg')]);
    });

    it('leave no broken picture when one fails', async () => {
      const ticker = await mount([item(1, { image: picture('missing.png') })], { images: true });
      const image = itemsOf(ticker)[0]!.querySelector<HTMLImageElement>('img')!;
      if (!image.complete) await oneEvent(image, 'error');
      expect(getComputedStyle(image).visibility).to.equal('hidden');
    });
  });
});

describe('older items from the demo feed server', () => {
  afterEach(() => sinon.restore());

  async function mountFeed(channel: string) {
    sinon.stub(Math, 'random').returns(0);
    const ticker = await fixture<LiveTicker>(html`<live-ticker lang="nl" max-items="7" feed-url=${feedUrl(channel)}></live-ticker>`);
    while (ticker.status !== 'live') await oneEvent(ticker, 'live-ticker-status');
    await settled(ticker);
    return ticker;
  }
  const more = (ticker: LiveTicker) => ticker.shadowRoot!.querySelector<HTMLButtonElement>('[part="more"]');
  const moreAdded = (ticker: LiveTicker) => oneEvent(ticker, 'live-ticker-more') as unknown as Promise<LiveTickerMoreEvent>;

  describe('in virtual time', () => {
    const feed = useDemoChannel(sinon, 'more', T);

    it('appends three older pages on three requests, each item once, focus on the first of each, while live items still arrive', async () => {
      await control(feed.channel, { reset: { now: T, publishEvery: 0, pages: 3 } });
      const ticker = await fixture<LiveTicker>(html`<live-ticker lang="nl" max-items="7" feed-url=${feedUrl(feed.channel)}></live-ticker>`);
      const live = oneEvent(ticker, 'live-ticker-status');
      await feed.time.tickAsync(FEED_DEFAULTS.startJitter / 2);
      await live;
      await settled(ticker);
      expect(itemTexts(ticker)).to.have.length(7);
      for (let press = 1; press <= 3; press++) {
        const added = moreAdded(ticker);
        more(ticker)!.click();
        await feed.time.tickAsync(1); // the page's request starts on the next task
        expect((await added).detail.count).to.equal(10);
        await settled(ticker);
        const focused = ticker.shadowRoot!.activeElement as HTMLElement;
        expect(focused.dataset.id, `page ${press + 1}`).to.equal(`archive-${press + 1}-1`);
      }
      const texts = itemTexts(ticker);
      expect(texts).to.have.length(37);
      expect(new Set(texts).size).to.equal(37);
      expect(more(ticker), 'the feed names no fourth older page').to.equal(null);

      // A live item published meanwhile comes with the next poll; the reader, in the block, gets the button for it.
      await control(feed.channel, {
        publish: { id: 'live-now', text: 'GENÈVE (ANP) - Een nieuw bericht', published: new Date(T).toISOString() },
      });
      await feed.time.tickAsync(FEED_DEFAULTS.interval);
      while (!ticker.shadowRoot!.querySelector('[part="new-items"]')) await feed.time.tickAsync(100);
      expect(ticker.shadowRoot!.querySelector('[part="new-items"]')!.textContent).to.equal('1 nieuw bericht');
      expect(itemTexts(ticker)).to.deep.equal(texts);
    });
  });

  for (const [fault, expectation] of [
    ['self', 'end'],
    ['first', 'end'],
    ['html', 'error'],
    [404, 'error'],
  ] as const) {
    it(`keeps what it shows when page 2 ${fault === 'self' || fault === 'first' ? `loops back to ${fault === 'self' ? 'itself' : 'the feed'}` : `is ${fault === 404 ? 'a 404' : 'not a feed'}`}`, async () => {
      const warn = sinon.stub(console, 'warn');
      const channel = uniqueChannel('more-fault');
      await control(channel, { reset: { publishEvery: 0, pages: 3, pageFault: fault } });
      const ticker = await mountFeed(channel);
      const shown = itemTexts(ticker);
      if (expectation === 'end') {
        const added = moreAdded(ticker);
        more(ticker)!.click();
        expect((await added).detail.count).to.equal(10);
        await settled(ticker);
        expect(more(ticker), 'no page is read twice').to.equal(null);
        expect(itemTexts(ticker)).to.have.length(17);
      } else {
        more(ticker)!.click();
        while (ticker.shadowRoot!.querySelector('[part="more-error"]') === null) await new Promise((resolve) => setTimeout(resolve, 20));
        expect(ticker.shadowRoot!.querySelector('[part="more-error"]')!.textContent).to.equal('Het nieuws kon niet worden geladen.');
        expect(itemTexts(ticker)).to.deep.equal(shown);
        expect(more(ticker), 'the reader can try again').to.not.equal(null);
        expect(ticker.status).to.equal('live');
      }
      warn.restore();
    });
  }

  it("reads the older page a developer's source names with `next`", async () => {
    const channel = uniqueChannel('more-custom');
    await control(channel, { reset: { publishEvery: 0, pages: 1 } });
    const source = new Subject<TickerUpdateInput>();
    const ticker = await fixture<LiveTicker>(html`<live-ticker lang="nl" .source=${source}></live-ticker>`);
    source.next({ kind: 'snapshot', items: [item(1), item(2)], next: `/feeds/${channel}/feed.json?page=2` });
    await settled(ticker);
    const added = moreAdded(ticker);
    more(ticker)!.click();
    expect((await added).detail.count).to.equal(10);
    await settled(ticker);
    expect(itemTexts(ticker)).to.have.length(12);
    expect(more(ticker)).to.equal(null);
  });

  it('appends at most 200 items from a page of 10,000', async () => {
    const channel = uniqueChannel('more-huge');
    await control(channel, { reset: { publishEvery: 0, pages: 3, pageFault: 10_000 } });
    const ticker = await mountFeed(channel);
    const added = moreAdded(ticker);
    sinon.stub(console, 'warn');
    more(ticker)!.click();
    expect((await added).detail.count).to.equal(200);
    await settled(ticker);
    expect(itemTexts(ticker)).to.have.length(207);
    expect(more(ticker)).to.equal(null);
  });
});

export type { LiveTickerImpressionEvent, LiveTickerOpenEvent, LiveTickerRevealEvent };
