import { expect } from '@open-wc/testing';
import { Observable, Subject } from 'rxjs';
import type { TickerItem, TickerUpdateInput } from '../../src/model.js';
import type { TickerState } from '../../src/store/fold.js';
import { tickerState } from '../../src/store/ticker-state.js';

const T = Date.UTC(2026, 10, 27, 12);
const ids = (state: { items: readonly TickerItem[] }) => state.items.map((entry) => entry.id);

describe('tickerState', () => {
  const input = (id: string, minutesAgo: number) => ({ id, published: T - minutesAgo * 60_000, text: `BRUSSEL (ANP) - ${id}` });

  it('folds a source into the state a block shows, trimmed to maxItems', () => {
    const source = new Subject<TickerUpdateInput>();
    const states: TickerState[] = [];
    const subscription = tickerState({ urls: [], source, maxItems: 2 }).subscribe((state) => states.push(state));
    source.next([input('a', 3), input('b', 1), input('c', 2)]);
    source.next({ kind: 'delete', ids: ['b'] });
    subscription.unsubscribe();
    expect(states.map((state) => [state.status, ...ids(state)])).to.deep.equal([['connecting'], ['live', 'b', 'c'], ['live', 'c', 'a']]);
  });

  it('says live with nothing to show when there is no source', () => {
    const states: TickerState[] = [];
    tickerState({ urls: [], maxItems: 10 }).subscribe((state) => states.push(state));
    expect(states).to.deep.equal([{ items: [], status: 'live', retracted: [] }]);
  });

  it('subscribes once to a source however many blocks show it, and replays its state to a newcomer', () => {
    let subscriptions = 0;
    const hot = new Subject<TickerUpdateInput>();
    const source = new Observable<TickerUpdateInput>((subscriber) => {
      subscriptions++;
      return hot.subscribe(subscriber);
    });
    const first = tickerState({ urls: [], source, maxItems: 10 }).subscribe();
    hot.next([input('a', 1)]);
    const seen: string[][] = [];
    const second = tickerState({ urls: [], source, maxItems: 1 }).subscribe((state) => seen.push(ids(state)));
    expect(subscriptions).to.equal(1);
    expect(seen).to.deep.equal([['a']]);
    first.unsubscribe();
    second.unsubscribe();
    expect(hot.observed).to.equal(false);
  });
});
