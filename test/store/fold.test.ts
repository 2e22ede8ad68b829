import { expect } from '@open-wc/testing';
import { FeedError, type FeedUpdate, type TickerItem } from '../../src/model.js';
import { hasTag, parseFilter } from '../../src/store/filter.js';
import { randomInt, seededRandom } from '../random.js';
import {
  combineStatus,
  foldSource,
  initialSourceState,
  MAX_RETRACTED,
  MAX_SOURCE_ITEMS,
  mergeSources,
  retainFor,
  viewItems,
  type BlockView,
  type SourceState,
} from '../../src/store/fold.js';

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
  it('keeps a server’s reading of the time with the source, and ignores one that says what the last one said', () => {
    const time = (at: number, receivedAt: number): FeedUpdate => ({ kind: 'time', source: 's', serverTime: { at, receivedAt } });
    const first = foldSource(initialSourceState('s'), time(T + 600_000, T));
    expect(first.serverTime).to.deep.equal({ at: T + 600_000, receivedAt: T });
    const polledAgain = foldSource(first, time(T + 660_900, T + 60_000));
    expect(polledAgain, 'the same offset within 2 s: the same state, so nothing re-renders').to.equal(first);
    const corrected = foldSource(first, time(T + 120_000, T + 120_000));
    expect(corrected.serverTime).to.deep.equal({ at: T + 120_000, receivedAt: T + 120_000 });
    expect(mergeSources([initialSourceState('a'), corrected], { maxItems: 10 }).serverTime).to.equal(corrected.serverTime);
  });

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
    expect(ids(foldSource(empty, { kind: 'upsert', source: 'feed', items: many }, (items) => items.slice(0, 3)))).to.deep.equal([
      'i0',
      'i1',
      'i2',
    ]);
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
    const merged = mergeSources([one, two], { maxItems: 10 });
    expect(ids(merged)).to.deep.equal(['a', 'b', 'shared']);
    expect(merged.items[2]!.text).to.equal('new');
    expect(ids(mergeSources([one, two], { maxItems: 2 }))).to.deep.equal(['a', 'b']);
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

describe('retractions', () => {
  const empty = initialSourceState('feed');

  it('a deletion retracts the id, also one never seen (a server-rendered copy may carry it)', () => {
    const state = fold(
      empty,
      { kind: 'upsert', source: 'feed', items: [item('a', 1), item('b', 2)] },
      { kind: 'delete', source: 'feed', ids: ['a', 'unseen'] },
    );
    expect(ids(state)).to.deep.equal(['b']);
    expect(state.retracted).to.deep.equal(['a', 'unseen']);
  });

  it('an item gone from a fresh document is retracted; one that scrolled out is not', () => {
    const first = foldSource(empty, { kind: 'snapshot', source: 'feed', items: [item('a', 1), item('b', 2), item('old', 90)] });
    const second = foldSource(first, { kind: 'snapshot', source: 'feed', items: [item('a', 1), item('c', 30)] });
    expect(second.retracted).to.deep.equal(['b']);
    expect(ids(second)).to.deep.equal(['a', 'c', 'old']);
  });

  it('the feed sending an item again brings it back', () => {
    const deleted = fold(empty, { kind: 'upsert', source: 'feed', items: [item('a', 1)] }, { kind: 'delete', source: 'feed', ids: ['a'] });
    const back = foldSource(deleted, { kind: 'upsert', source: 'feed', items: [item('a', 1, { text: 'rectified' })] });
    expect(back.retracted).to.deep.equal([]);
    expect(ids(back)).to.deep.equal(['a']);
    const again = foldSource(deleted, { kind: 'snapshot', source: 'feed', items: [item('a', 1)] });
    expect(again.retracted).to.deep.equal([]);
  });

  it('remembers the newest MAX_RETRACTED ids', () => {
    const many = Array.from({ length: MAX_RETRACTED + 5 }, (_, i) => `gone-${i}`);
    const state = foldSource(empty, { kind: 'delete', source: 'feed', ids: many });
    expect(state.retracted).to.have.length(MAX_RETRACTED);
    expect(state.retracted.at(-1)).to.equal(`gone-${MAX_RETRACTED + 4}`);
    expect(state.retracted[0]).to.equal('gone-5');
  });

  it('an item one source retracted is hidden in a block that merges another source carrying it', () => {
    const one = fold(initialSourceState('one'), { kind: 'delete', source: 'one', ids: ['shared'] });
    const two = foldSource(initialSourceState('two'), { kind: 'upsert', source: 'two', items: [item('shared', 1), item('b', 2)] });
    const merged = mergeSources([one, two], { maxItems: 10 });
    expect(ids(merged)).to.deep.equal(['b']);
    expect(merged.retracted).to.deep.equal(['shared']);
  });
});

describe('block views: filter, pin, size', () => {
  const tagged = (id: string, minutesAgo: number, ...tags: string[]) => item(id, minutesAgo, { tags });
  const items = [tagged('a', 1, 'sport'), tagged('b', 2, 'Buitenland'), tagged('c', 3, 'sport'), tagged('pin', 90, 'Pinned', 'sport')];
  const pinned = new Set(['pinned']);

  it('shows the newest pinned item first whatever its date, and counts it in max-items', () => {
    const view = viewItems(items, { maxItems: 3, pinnedTags: pinned });
    expect(view.items.map((entry) => entry.id)).to.deep.equal(['pin', 'a', 'b']);
    expect(view.pinned?.id).to.equal('pin');
    expect(viewItems(items, { maxItems: 1, pinnedTags: pinned }).items.map((entry) => entry.id)).to.deep.equal(['pin']);
    expect(viewItems(items, { maxItems: 0, pinnedTags: pinned }).items, 'max-items="0" shows nothing').to.deep.equal([]);
  });

  it('pins one item: a second pinned one falls back to its date', () => {
    const two = [...items, tagged('older-pin', 200, 'pinned')];
    expect(viewItems(two, { maxItems: 10, pinnedTags: pinned }).items.map((entry) => entry.id)).to.deep.equal([
      'pin',
      'a',
      'b',
      'c',
      'older-pin',
    ]);
  });

  it('filters before it pins: a pinned item the filter leaves out is not shown', () => {
    const { filter } = parseFilter('tag:buitenland');
    expect(viewItems(items, { maxItems: 10, filter, pinnedTags: pinned }).items.map((entry) => entry.id)).to.deep.equal(['b']);
  });

  it('remembers what each block shows beyond the newest MAX_SOURCE_ITEMS: a rare filter and a pin stay', () => {
    const views: BlockView[] = [
      { maxItems: 2, filter: parseFilter('tag:rare').filter },
      { maxItems: 5, pinnedTags: pinned },
    ];
    const retain = retainFor(() => views);
    let state = foldSource(
      initialSourceState('s'),
      { kind: 'upsert', source: 's', items: [tagged('rare', 500, 'rare'), tagged('pin', 600, 'pinned')] },
      retain,
    );
    const newer = Array.from({ length: MAX_SOURCE_ITEMS + 50 }, (_, i) => item(`n${i}`, i / 10));
    state = foldSource(state, { kind: 'upsert', source: 's', items: newer }, retain);
    expect(state.items).to.have.length(MAX_SOURCE_ITEMS + 2);
    expect(ids(state).slice(-2)).to.deep.equal(['rare', 'pin']);
    expect(viewItems(state.items, views[1]!).items[0]!.id).to.equal('pin');
  });

  it('keeps its invariants on generated sequences of upserts, deletions, pins and filters', () => {
    const next = seededRandom(11);
    const random = (n: number) => randomInt(next, n);
    const TAGS = ['sport', 'buitenland', 'pinned', 'PINNED', 'breaking'];
    for (let run = 0; run < 300; run++) {
      const views: BlockView[] = Array.from({ length: 1 + random(3) }, () => ({
        maxItems: random(6),
        filter: random(2) ? parseFilter(`tag:${TAGS[random(TAGS.length)]} agency:${random(2) ? 'anp' : 'belga'}`).filter : undefined,
        pinnedTags: random(3) ? pinned : undefined,
      }));
      const retain = retainFor(() => views);
      let state = initialSourceState('s');
      const deleted = new Set<string>();
      for (let step = 0; step < 1 + random(25); step++) {
        const id = `i${random(12)}`;
        if (random(4) === 0) {
          state = foldSource(state, { kind: 'delete', source: 's', ids: [id] }, retain);
          deleted.add(id);
        } else {
          const tags = TAGS.filter(() => random(3) === 0);
          const agencies = random(2) ? ['ANP'] : ['BELGA'];
          const published = random(5) ? T - random(100) * 60_000 : undefined;
          state = foldSource(state, { kind: 'upsert', source: 's', items: [{ id, published, agencies, text: id, tags }] }, retain);
          deleted.delete(id);
        }
        for (const view of views) {
          const shown = mergeSources([state], view);
          const shownIds = ids(shown);
          const context = JSON.stringify({ run, step, shownIds, view: { ...view, filter: Boolean(view.filter) } });
          expect(new Set(shownIds).size, `no duplicates ${context}`).to.equal(shownIds.length);
          expect(
            shownIds.filter((shownId) => deleted.has(shownId)),
            `nothing deleted ${context}`,
          ).to.deep.equal([]);
          expect(
            shown.items.every((entry) => !view.filter || view.filter(entry)),
            `only matches ${context}`,
          ).to.equal(true);
          expect(shown.items.length, `at most max-items ${context}`).to.be.at.most(Math.max(view.maxItems, shown.pinned ? 1 : 0));
          const pins = state.items.filter(
            (entry) => (!view.filter || view.filter(entry)) && view.pinnedTags && hasTag(entry, view.pinnedTags),
          );
          if (pins.length && view.maxItems > 0) {
            expect(shown.pinned, `pinned first ${context}`).to.equal(shownIds[0]);
            expect(shown.pinned, `the newest pin ${context}`).to.equal(pins[0]!.id);
          } else expect(shown.pinned, `no pin ${context}`).to.equal(undefined);
          const matching = state.items.filter((entry) => !view.filter || view.filter(entry));
          expect(shown.items.length, `fills max-items ${context}`).to.equal(Math.min(view.maxItems, matching.length));
        }
      }
    }
  });
});
