import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import { itExcept } from '../engines.js';
import '../../src/define.js';
import type { LiveTicker } from '../../src/elements/live-ticker/live-ticker.js';
import type { TickerItem } from '../../src/model.js';
import { forgetItems, keepItems, keptState, RETURN_VISIT_MAX_AGE, sweepKeptItems } from '../../src/store/return-visit.js';
import { control, feedUrl, itemTexts, renderedWith, uniqueChannel } from '../helpers.js';

const T = Date.UTC(2026, 10, 27, 12, 0, 20);
const FEED = 'https://news.example/buitenland/feed.json';
const KEY = `live-ticker:items:${FEED}`;
const item = (n: number, extra: Partial<TickerItem> = {}): TickerItem => ({
  id: `item-${n}`,
  published: T - n * 60_000,
  agencies: ['ANP'],
  place: 'DOHA',
  text: `Bericht ${n}`,
  url: `https://news.example/${n}`,
  source: FEED,
  ...extra,
});

describe('return visits', () => {
  afterEach(() => {
    sinon.restore();
    localStorage.clear();
  });

  it('keeps the items of a feed and gives them back, loaded but not current', () => {
    keepItems(FEED, { items: [item(1), item(2, { tags: ['Sport', 'pinned'] })] }, T);
    expect(keptState(FEED, T + 60_000)).to.deep.equal({
      source: FEED,
      items: [item(1), item(2, { tags: ['Sport', 'pinned'] })],
      status: 'stale',
      loaded: true,
      skipped: [],
      retracted: [],
    });
  });

  it('keeps nothing but the items and the retracted ids: no status, no error, nothing of the page', () => {
    keepItems(FEED, { items: [item(1)], retracted: ['gone'] }, T);
    expect(Object.keys(JSON.parse(localStorage.getItem(KEY)!))).to.deep.equal(['savedAt', 'items', 'retracted']);
  });

  it('gives back the retracted ids, even with no item left, for a day', () => {
    keepItems(FEED, { items: [], retracted: ['gone', 'also-gone'] }, T);
    expect(keptState(FEED, T)).to.deep.include({ items: [], retracted: ['gone', 'also-gone'], status: 'stale' });
    expect(keptState(FEED, T + RETURN_VISIT_MAX_AGE)).to.equal(undefined);
    localStorage.setItem(KEY, JSON.stringify({ savedAt: T, items: [], retracted: ['ok', 7, null, { id: 'x' }] }));
    expect(keptState(FEED, T)?.retracted, 'only strings').to.deep.equal(['ok']);
  });

  it('forgets them after a day', () => {
    keepItems(FEED, { items: [item(1)] }, T);
    expect(keptState(FEED, T + RETURN_VISIT_MAX_AGE - 1)?.items).to.have.length(1);
    expect(keptState(FEED, T + RETURN_VISIT_MAX_AGE)).to.equal(undefined);
    expect(localStorage.getItem(KEY)).to.equal(null);
  });

  it('gives back undated items too, in their place among the dated', () => {
    const undated: TickerItem = { ...item(2, { sortTime: T - 2 * 60_000 + 1 }), published: undefined };
    delete (undated as { published?: number }).published; // as a parser leaves it: no key at all
    keepItems(FEED, { items: [item(1), undated, item(3)] }, T);
    expect(keptState(FEED, T)?.items).to.deep.equal([item(1), undated, item(3)]);
  });

  it('gives back only well-formed items with http(s) links, whatever another script wrote', () => {
    const written = [
      item(1),
      item(2, { url: 'javascript:alert(1)' }),
      { id: 3, text: 'no string id', published: T, agencies: [] },
      { id: 'x', text: 'a time that is no time', published: 'gisteren', agencies: [] },
      { id: 'y', text: 'a sort time that is no time', sortTime: 'eerder', agencies: [] },
      null,
      item(4, { agencies: [{ evil: true }] as unknown as string[] }),
      item(5, { tags: 'sport' as unknown as string[] }),
      item(6, { tags: [1, 2] as unknown as string[] }),
    ];
    localStorage.setItem(KEY, JSON.stringify({ savedAt: T, items: written }));
    expect(keptState(FEED, T)?.items).to.deep.equal([item(1)]);
    localStorage.setItem(KEY, '{not json');
    expect(keptState(FEED, T)).to.equal(undefined);
    localStorage.setItem(KEY, JSON.stringify({ savedAt: T + 2 * RETURN_VISIT_MAX_AGE, items: [item(1)] }));
    expect(keptState(FEED, T), 'saved in the future').to.equal(undefined);
  });

  it('treats full or blocked storage as nothing kept, without throwing', () => {
    sinon.stub(Storage.prototype, 'setItem').throws(new DOMException('full', 'QuotaExceededError'));
    expect(() => keepItems(FEED, { items: [item(1)] }, T)).not.to.throw();
    sinon.restore();
    keepItems(FEED, { items: [item(1)] }, T);
    expect(keptState(FEED, T), 'kept while storage works').to.not.equal(undefined);
    sinon.stub(Storage.prototype, 'getItem').throws(new DOMException('blocked', 'SecurityError'));
    expect(keptState(FEED, T)).to.equal(undefined);
    sinon.stub(Storage.prototype, 'removeItem').throws(new DOMException('blocked', 'SecurityError'));
    expect(() => forgetItems(FEED)).not.to.throw();
    sinon.stub(Storage.prototype, 'key').throws(new DOMException('blocked', 'SecurityError'));
    expect(() => sweepKeptItems(T)).not.to.throw();
  });

  itExcept({
    webkit:
      "after three or more earlier files, WebKitGTK keeps serving the module's read of window.localStorage from a cache when a test redefines the getter (the test's own read throws), so absent storage cannot be staged",
  })('treats absent storage (a getter that throws) as nothing kept, without throwing', async () => {
    keepItems(FEED, { items: [item(1)] }, T);
    sinon.stub(window, 'localStorage').get(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    expect(() => keepItems(FEED, { items: [item(1)] }, T)).not.to.throw();
    expect(keptState(FEED, T)).to.equal(undefined);
    expect(() => forgetItems(FEED)).not.to.throw();
    expect(() => sweepKeptItems(T)).not.to.throw();
  });

  it('sweeps out malformed entries too, and goes on past them to the expired ones', () => {
    localStorage.setItem('live-ticker:items:https://a.example/feed.json', '{not json');
    localStorage.setItem('live-ticker:items:https://b.example/feed.json', JSON.stringify({ items: [] }));
    localStorage.setItem('live-ticker:items:https://c.example/feed.json', 'null');
    keepItems('https://d.example/feed.json', { items: [item(1)] }, T - RETURN_VISIT_MAX_AGE - 1);
    keepItems(FEED, { items: [item(1)] }, T);
    localStorage.setItem('someone-else', '{not json');
    sweepKeptItems(T);
    expect(Object.keys(localStorage).sort()).to.deep.equal([KEY, 'someone-else']);
  });

  it('sweeps out expired entries of every feed, and leaves other keys alone', () => {
    keepItems(FEED, { items: [item(1)] }, T - RETURN_VISIT_MAX_AGE - 1);
    keepItems('https://other.example/feed.json', { items: [item(2)] }, T);
    localStorage.setItem('someone-else', 'x');
    sweepKeptItems(T);
    expect(Object.keys(localStorage).sort()).to.deep.equal(['live-ticker:items:https://other.example/feed.json', 'someone-else']);
  });
});

describe('<live-ticker> keeping what the reader saw', () => {
  afterEach(() => localStorage.clear());

  async function mountLive(template: ReturnType<typeof html>): Promise<LiveTicker> {
    const ticker = await fixture<LiveTicker>(template);
    while (ticker.status !== 'live') await oneEvent(ticker, 'live-ticker-status');
    await ticker.updateComplete;
    return ticker;
  }

  it('keeps the newest max-items items of a loaded feed for the next visit', async () => {
    const channel = uniqueChannel('keep');
    await control(channel, { reset: { publishEvery: 0 } });
    await mountLive(html`<live-ticker max-items="3" feed-url=${feedUrl(channel)}></live-ticker>`);
    const kept = JSON.parse(localStorage.getItem(`live-ticker:items:${new URL(feedUrl(channel), location.href).href}`)!);
    expect(kept.items.map((kept: TickerItem) => kept.text.slice(0, 20))).to.deep.equal([
      'Qatar heeft 313 mens',
      'De directeur van de ',
      'De burgemeester van ',
    ]);
  });

  it('keeps nothing, and forgets what it kept, with cache="off"', async () => {
    const channel = uniqueChannel('off');
    await control(channel, { reset: { publishEvery: 0 } });
    const key = `live-ticker:items:${new URL(feedUrl(channel), location.href).href}`;
    localStorage.setItem(key, JSON.stringify({ savedAt: Date.now(), items: [item(1)] }));
    const ticker = await mountLive(html`<live-ticker cache="off" feed-url=${feedUrl(channel)}></live-ticker>`);
    expect(localStorage.getItem(key)).to.equal(null);
    expect(itemTexts(ticker).join(' ')).not.to.contain('Bericht 1');
  });
});

describe('<live-ticker> on a return visit: kept items and the feed that answers', () => {
  afterEach(() => localStorage.clear());

  /** A kept copy of the feed at `url` that holds one item the feed no longer has. */
  function keepGoneItem(url: string): void {
    const source = new URL(url, location.href).href;
    localStorage.setItem(
      `live-ticker:items:${source}`,
      JSON.stringify({ savedAt: Date.now(), items: [item(1, { source, published: Date.now() })], retracted: [] }),
    );
  }

  async function until(ticker: LiveTicker, status: string): Promise<void> {
    while (ticker.status !== status) await oneEvent(ticker, 'live-ticker-status');
    await ticker.updateComplete;
  }

  it('a polled document replaces what was kept: the item it no longer has goes', async () => {
    const channel = uniqueChannel('kept-doc');
    await control(channel, { reset: { publishEvery: 0 } });
    keepGoneItem(feedUrl(channel));
    const ticker = await fixture<LiveTicker>(html`<live-ticker lang="nl" feed-url=${feedUrl(channel)}></live-ticker>`);
    expect(ticker.status, 'shown at once, not current').to.equal('stale');
    expect(itemTexts(ticker).join(' ')).to.contain('Bericht 1');
    await until(ticker, 'live');
    expect(itemTexts(ticker).join(' ')).not.to.contain('Bericht 1');
    expect(itemTexts(ticker)).to.have.length(7);
  });

  it('a stream makes what was kept current and adds to it: an item deleted meanwhile stays', async () => {
    const channel = uniqueChannel('kept-stream');
    await control(channel, { reset: { publishEvery: 0 } });
    const url = `/feeds/${channel}/events`;
    keepGoneItem(url);
    const ticker = await fixture<LiveTicker>(html`<live-ticker lang="nl" feed-url=${url}></live-ticker>`);
    expect(ticker.status).to.equal('stale');
    await until(ticker, 'live');
    await renderedWith(ticker, () => itemTexts(ticker).length === 8, 'the feed’s 7 items beside the kept one');
    expect(itemTexts(ticker).join(' ')).to.contain('Bericht 1');
  });
});
