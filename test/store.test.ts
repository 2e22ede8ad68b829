import { expect } from '@open-wc/testing';
import { Observable, Subject } from 'rxjs';
import { FeedError, type FeedUpdate, type TickerItem, type TickerUpdateInput } from '../src/model.js';
import { batchUpdates } from '../src/sources/batch-updates.js';
import { combineStatus, foldSource, initialSourceState, mergeSources, type SourceState, type TickerState } from '../src/store/store.js';
import { tickerState } from '../src/store/ticker-state.js';

const T = Date.UTC(2026, 10, 27, 12);
const item = (id: string, minutesAgo: number, extra: Partial<TickerItem> = {}): TickerItem => ({
  id,
  published: T - minutesAgo * 60_000,
  agencies: [],
  text: `text ${id}`,
  ...extra,
});
const ids = (state: { items: readonly TickerItem[] }) => state.items.map((entry) => entry.id);
const fold = (state: SourceState, ...updates: Parameters<typeof foldSource>[1][]) => updates.reduce((s, u) => foldSource(s, u), state);

describe('store', () => {
  const empty = initialSourceState('feed');

  it('keeps items newest first, unique by id', () => {
    const state = fold(empty, { kind: 'upsert', source: 'feed', items: [item('b', 20), item('a', 5), item('c', 60), item('a', 5)] });
    expect(ids(state)).to.deep.equal(['a', 'b', 'c']);
    expect(state.status).to.equal('live');
  });

  it('upserts by id: a newer version replaces the old one, an older one does not', () => {
    const v1 = item('a', 5, { text: 'v1', updated: T - 60_000 });
    const v2 = item('a', 5, { text: 'v2', updated: T });
    const state = fold(empty, { kind: 'upsert', source: 'feed', items: [v1] }, { kind: 'upsert', source: 'feed', items: [v2] });
    expect(state.items[0]!.text).to.equal('v2');
    const stale = foldSource(state, { kind: 'upsert', source: 'feed', items: [v1] });
    expect(stale.items[0]!.text).to.equal('v2');
  });

  it('deletes by id', () => {
    const state = fold(
      empty,
      { kind: 'upsert', source: 'feed', items: [item('a', 1), item('b', 2)] },
      { kind: 'delete', source: 'feed', ids: ['a', 'x'] },
    );
    expect(ids(state)).to.deep.equal(['b']);
  });

  it('trims to the limit, dropping the oldest', () => {
    const many = Array.from({ length: 10 }, (_, i) => item(`i${i}`, i));
    expect(ids(foldSource(empty, { kind: 'upsert', source: 'feed', items: many }, 3))).to.deep.equal(['i0', 'i1', 'i2']);
  });

  it('a snapshot retracts items missing inside its window and keeps older ones', () => {
    const first = foldSource(empty, {
      kind: 'snapshot',
      source: 'feed',
      items: [item('a', 1), item('b', 2), item('c', 3), item('old', 90)],
    });
    const second = foldSource(first, { kind: 'snapshot', source: 'feed', items: [item('new', 0), item('a', 1), item('c', 3)] });
    expect(ids(second)).to.deep.equal(['new', 'a', 'c', 'old']);
  });

  it('an empty snapshot retracts nothing', () => {
    const first = foldSource(empty, { kind: 'snapshot', source: 'feed', items: [item('a', 1)] });
    expect(ids(foldSource(first, { kind: 'snapshot', source: 'feed', items: [] }))).to.deep.equal(['a']);
  });

  it('an error keeps the items and marks the source stale; before any load it is an error', () => {
    const error = new FeedError('http', 'HTTP 500', { status: 500 });
    expect(foldSource(empty, { kind: 'status', source: 'feed', status: 'error', error })).to.include({ status: 'error', error });
    const loaded = foldSource(empty, { kind: 'snapshot', source: 'feed', items: [item('a', 1)] });
    const failing = foldSource(loaded, { kind: 'status', source: 'feed', status: 'error', error });
    expect(failing.status).to.equal('stale');
    expect(ids(failing)).to.deep.equal(['a']);
    const recovered = foldSource(failing, { kind: 'status', source: 'feed', status: 'live' });
    expect(recovered).to.include({ status: 'live', error: undefined });
  });

  it('an unchanged live status keeps the same state object (no re-render)', () => {
    const loaded = foldSource(empty, { kind: 'snapshot', source: 'feed', items: [item('a', 1)] });
    expect(foldSource(loaded, { kind: 'status', source: 'feed', status: 'live' })).to.equal(loaded);
  });

  it('merges several sources, de-duplicating across feeds', () => {
    const one = foldSource(initialSourceState('one'), {
      kind: 'upsert',
      source: 'one',
      items: [item('a', 1), item('shared', 3, { text: 'old', updated: T - 120_000 })],
    });
    const two = foldSource(initialSourceState('two'), {
      kind: 'upsert',
      source: 'two',
      items: [item('b', 2), item('shared', 3, { text: 'new', updated: T })],
    });
    const merged = mergeSources([one, two], 10);
    expect(ids(merged)).to.deep.equal(['a', 'b', 'shared']);
    expect(merged.items[2]!.text).to.equal('new');
    expect(ids(mergeSources([one, two], 2))).to.deep.equal(['a', 'b']);
  });

  it('combines statuses', () => {
    const error = new FeedError('network', 'down');
    const live = foldSource(empty, { kind: 'snapshot', source: 'feed', items: [] });
    const failed = foldSource(empty, { kind: 'status', source: 'feed', status: 'error', error });
    const stale = foldSource(live, { kind: 'status', source: 'feed', status: 'error', error });
    expect(combineStatus([empty])).to.equal('connecting');
    expect(combineStatus([live, empty])).to.equal('live');
    expect(combineStatus([failed])).to.equal('error');
    expect(combineStatus([failed, empty])).to.equal('connecting');
    expect(combineStatus([live, failed])).to.equal('stale');
    expect(combineStatus([stale])).to.equal('stale');
  });
});

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
    expect(states).to.deep.equal([{ items: [], status: 'live' }]);
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

describe('batchUpdates', () => {
  const item = (id: string, published: number, updated?: number): TickerItem =>
    updated === undefined ? { id, published, agencies: [], text: id } : { id, published, updated, agencies: [], text: id };
  const upsert = (...items: TickerItem[]): FeedUpdate => ({ kind: 'upsert', source: 's', items });
  const remove = (...ids: string[]): FeedUpdate => ({ kind: 'delete', source: 's', ids });

  it('joins runs of upserts and of deletions, keeping their order', () => {
    const updates = [upsert(item('a', 1)), upsert(item('b', 2)), remove('a'), remove('b'), upsert(item('a', 3))];
    const given = JSON.stringify(updates);
    expect(batchUpdates(updates)).to.deep.equal([upsert(item('a', 1), item('b', 2)), remove('a', 'b'), upsert(item('a', 3))]);
    expect(JSON.stringify(updates), 'the updates given are left as they were').to.equal(given);
  });

  it('folds to the same state as the updates one by one, on generated sequences', () => {
    let seed = 7;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let run = 0; run < 200; run++) {
      const updates: FeedUpdate[] = Array.from({ length: 1 + random(30) }, () => {
        const id = `i${random(8)}`;
        return random(4) === 0 ? remove(id) : upsert(item(id, random(5), random(2) ? random(9) : undefined));
      });
      const oneByOne = updates.reduce((state, update) => foldSource(state, update), initialSourceState('s'));
      const batched = batchUpdates(updates).reduce((state, update) => foldSource(state, update), initialSourceState('s'));
      expect(batched.items, JSON.stringify(updates)).to.deep.equal(oneByOne.items);
    }
  });
});
