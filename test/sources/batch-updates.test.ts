import { expect } from '@open-wc/testing';
import type { FeedUpdate, TickerItem } from '../../src/model.js';
import { batchUpdates } from '../../src/sources/batch-updates.js';
import { foldSource, initialSourceState } from '../../src/store/fold.js';

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
      expect(batched.retracted, JSON.stringify(updates)).to.deep.equal(oneByOne.retracted);
    }
  });
});
