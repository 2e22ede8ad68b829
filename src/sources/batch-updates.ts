import type { FeedUpdate, TickerItem } from '../model.js';

/**
 * Consecutive upserts of one source become one upsert, consecutive deletions one deletion: the
 * store folds them exactly as it would one by one (a later version of an id wins as before), but
 * once, and a burst of a thousand stream messages is folded and rendered once, not a thousand times.
 */
export function batchUpdates(updates: readonly FeedUpdate[]): FeedUpdate[] {
  const batched: FeedUpdate[] = [];
  for (const update of updates) {
    const last = batched[batched.length - 1];
    // `last` holds copies made below, so a run grows in place: a thousand messages cost a thousand
    // pushes, not a thousand ever longer copies.
    if (last?.kind === 'upsert' && update.kind === 'upsert' && last.source === update.source) {
      (last.items as TickerItem[]).push(...update.items);
    } else if (last?.kind === 'delete' && update.kind === 'delete' && last.source === update.source) {
      (last.ids as string[]).push(...update.ids);
    } else if (update.kind === 'upsert') batched.push({ ...update, items: [...update.items] });
    else if (update.kind === 'delete') batched.push({ ...update, ids: [...update.ids] });
    else batched.push(update);
  }
  return batched;
}

const WAITING = Symbol('waiting');

/**
 * Whether a read has already settled, or would wait for the network: a stream's buffered bytes
 * settle a read within a few microtasks; bytes still on the wire do not. No timer is involved,
 * so fake clocks in tests do not hold it back.
 */
export async function settledNow<T>(read: Promise<T>): Promise<T | typeof WAITING> {
  let hops: Promise<typeof WAITING> = Promise.resolve(WAITING);
  for (let i = 0; i < 4; i++) hops = hops.then((value) => value);
  return Promise.race([read, hops]);
}

export { WAITING };
