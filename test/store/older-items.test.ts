import { expect } from '@open-wc/testing';
import { BehaviorSubject, Observable, Subject } from 'rxjs';
import { FeedError, type TickerItem } from '../../src/model.js';
import { parseFilter } from '../../src/store/filter.js';
import { MAX_OLDER_ITEMS, withOlderPages, type PageReader } from '../../src/store/older-items.js';
import type { TickerState } from '../../src/store/fold.js';

const T = Date.UTC(2026, 10, 27, 12);
const item = (id: string, minutesAgo: number, tags?: string[]): TickerItem => ({
  id,
  published: T - minutesAgo * 60_000,
  agencies: [],
  text: id,
  ...(tags && { tags }),
});
const page = (prefix: string, from: number, count = 10) => Array.from({ length: count }, (_, i) => item(`${prefix}${i + 1}`, from + i));
const ids = (items: readonly TickerItem[] = []) => items.map((entry) => entry.id);

/** Pages by URL, answered at once; `fail` makes a URL fail, `hang` leaves it unanswered. */
function pages(book: Record<string, { items: TickerItem[]; next?: string } | 'fail' | 'hang'>): PageReader & { asked: string[] } {
  const asked: string[] = [];
  const read = (url: string) =>
    new Observable<{ items: TickerItem[]; next?: string }>((subscriber) => {
      asked.push(url);
      const answer = book[url];
      if (answer === 'hang') return;
      if (!answer || answer === 'fail') return subscriber.error(new FeedError('http', `${url}: HTTP 404`, { status: 404 }));
      subscriber.next(answer);
      subscriber.complete();
    });
  return Object.assign(read, { asked });
}

function run(live: TickerState, reader: PageReader, filter?: string) {
  const live$ = new BehaviorSubject(live);
  const more$ = new Subject<void>();
  const states: TickerState[] = [];
  const subscription = withOlderPages(live$, more$, { maxItems: live.items.length, filter: parseFilter(filter).filter }, reader, [
    'https://feed.example/feed.json',
  ]).subscribe((state) => states.push(state));
  return { live$, more: () => more$.next(), last: () => states.at(-1)!, states, subscription };
}

const LIVE: TickerState = { items: [item('a', 1), item('b', 2)], status: 'live', retracted: [], next: 'https://feed.example/page2' };

describe('older items on request', () => {
  it('adds the next page on each request, each item once, and ends where the feed ends', () => {
    const reader = pages({
      'https://feed.example/page2': { items: [item('b', 2), ...page('p2-', 10)], next: 'https://feed.example/page3' },
      'https://feed.example/page3': { items: page('p3-', 30) },
    });
    const block = run(LIVE, reader);
    expect(block.last().older).to.deep.include({ items: [], more: 'ready' });
    block.more();
    expect(ids(block.last().older!.items)).to.deep.equal(ids(page('p2-', 10)));
    expect(block.last().older!.added).to.deep.equal({ count: 10, first: 'p2-1' });
    block.more();
    expect(block.last().older!.items).to.have.length(20);
    expect(block.last().older!.added).to.deep.equal({ count: 10, first: 'p3-1' });
    expect(block.last().older!.more).to.equal('end');
    block.more();
    expect(reader.asked).to.deep.equal(['https://feed.example/page2', 'https://feed.example/page3']);
  });

  it('first shows what the filter matched beyond max-items, then reads pages', () => {
    const reader = pages({ 'https://feed.example/page2': { items: page('p2-', 10) } });
    const block = run({ ...LIVE, beyond: [item('c', 3), item('d', 4)] }, reader);
    block.more();
    expect(ids(block.last().older!.items)).to.deep.equal(['c', 'd']);
    expect(reader.asked).to.deep.equal([]);
    block.more();
    expect(block.last().older!.items).to.have.length(12);
  });

  it('reads a page only for the items its filter shows', () => {
    const reader = pages({ 'https://feed.example/page2': { items: [item('s', 10, ['sport']), item('w', 11, ['weer'])] } });
    const block = run(LIVE, reader, 'tag:sport');
    block.more();
    expect(ids(block.last().older!.items)).to.deep.equal(['s']);
  });

  it('ends when a next page loops back to itself or to the feed', () => {
    for (const loop of ['https://feed.example/page2', 'https://feed.example/feed.json']) {
      const reader = pages({ 'https://feed.example/page2': { items: page('p2-', 10), next: loop } });
      const block = run(LIVE, reader);
      block.more();
      expect(block.last().older!.more, loop).to.equal('end');
      block.more();
      expect(reader.asked, loop).to.deep.equal(['https://feed.example/page2']);
    }
  });

  it('keeps what is shown when a page fails, says so, and reads it again when asked', () => {
    const book: Record<string, { items: TickerItem[] } | 'fail'> = { 'https://feed.example/page2': 'fail' };
    const reader = pages(book);
    const block = run(LIVE, reader);
    block.more();
    expect(block.last().older).to.deep.include({ more: 'error', items: [] });
    expect(block.last().older!.error?.message).to.contain('HTTP 404');
    expect(ids(block.last().items)).to.deep.equal(['a', 'b']);
    book['https://feed.example/page2'] = { items: page('p2-', 10) };
    block.more();
    expect(block.last().older).to.deep.include({ more: 'end' });
    expect(block.last().older!.items).to.have.length(10);
  });

  it('asks once while a page loads', () => {
    const reader = pages({ 'https://feed.example/page2': 'hang' });
    const block = run(LIVE, reader);
    block.more();
    block.more();
    expect(block.last().older!.more).to.equal('loading');
    expect(reader.asked).to.have.length(1);
    block.subscription.unsubscribe();
  });

  it('appends at most MAX_OLDER_ITEMS, however large a page', () => {
    const reader = pages({ 'https://feed.example/page2': { items: page('p2-', 10, 10_000), next: 'https://feed.example/page3' } });
    const block = run(LIVE, reader);
    block.more();
    expect(block.last().older!.items).to.have.length(MAX_OLDER_ITEMS);
    expect(block.last().older!.more).to.equal('end');
  });

  it('goes on showing live arrivals; what they push out of the live list stays below, and a retraction removes it', () => {
    const reader = pages({ 'https://feed.example/page2': { items: page('p2-', 10) } });
    const block = run(LIVE, reader);
    block.more();
    block.live$.next({ ...LIVE, items: [item('new', 0), item('a', 1)] });
    expect(ids(block.last().items)).to.deep.equal(['new', 'a']);
    expect(ids(block.last().older!.items).slice(0, 2)).to.deep.equal(['b', 'p2-1']);
    block.live$.next({ ...LIVE, items: [item('new', 0), item('a', 1)], retracted: ['p2-1'] });
    expect(ids(block.last().older!.items)).not.to.include('p2-1');
    expect(block.last().older!.items).to.have.length(10);
  });
});
