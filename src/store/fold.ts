import type { FeedError, FeedStatus, FeedUpdate, ServerTime, SkippedItem, TickerItem } from '../model.js';
import { hasTag, type ItemFilter } from './filter.js';

/**
 * The pure store. Each source's updates fold into a SourceState; the states of all sources a
 * block shows merge into the visible list. No I/O, no time: everything here is a plain function.
 */

/** Items remembered per source besides those a block shows; a block shows at most its `max-items` of them. */
export const MAX_SOURCE_ITEMS = 200;
/** Retracted ids remembered per source (the newest): enough for a day of a busy newsroom's take-downs. */
export const MAX_RETRACTED = 200;

export interface SourceState {
  readonly source: string;
  /** Newest first, unique by id. */
  readonly items: readonly TickerItem[];
  readonly status: FeedStatus;
  /** Whether the source has ever delivered a (possibly empty) list. */
  readonly loaded: boolean;
  readonly error?: FeedError;
  /** Items of the last document that were left out, with reasons. */
  readonly skipped: readonly SkippedItem[];
  /**
   * Ids the source retracted — deleted by a stream, or gone from a fresh document — oldest first, at
   * most MAX_RETRACTED: never shown again, in any block or tab, unless the source sends them again.
   */
  readonly retracted: readonly string[];
  /** The source's older page, as its latest document names it. */
  readonly next?: string;
  /** Its server's latest reading of the time that differs from the one before: what the block's clock counts from. */
  readonly serverTime?: ServerTime;
}

/** What one block shows of its sources. */
export interface BlockView {
  /** Most items shown, the pinned one included; trimming never removes the pinned one. */
  readonly maxItems: number;
  /** Which items the block shows; every item when absent. */
  readonly filter?: ItemFilter | undefined;
  /** Tags that pin an item (lower-cased): the newest such item stays first. */
  readonly pinnedTags?: ReadonlySet<string> | undefined;
}

export interface TickerState {
  /** What the block shows: its pinned item first, then the others newest first. */
  readonly items: readonly TickerItem[];
  readonly status: FeedStatus;
  readonly error?: FeedError;
  /** The id of the item shown pinned, first in `items`. */
  readonly pinned?: string;
  /** Ids its sources retracted: server-rendered copies of them are hidden too. */
  readonly retracted: readonly string[];
  /** Items the block's filter matched that did not fit in `max-items`: the first older items the reader can ask for. */
  readonly beyond?: readonly TickerItem[];
  /** The older page of the first of its sources that names one. */
  readonly next?: string;
  /** The server time of the first of its sources that has one. */
  readonly serverTime?: ServerTime;
  /** Older items the reader asked for, shown below; see `withOlderPages`. */
  readonly older?: OlderItems;
}

/** Older items a reader asked for ("more"), shown below a block's live items. */
export interface OlderItems {
  /** Newest first, each once (none of them among the live items), at most MAX_OLDER_ITEMS. */
  readonly items: readonly TickerItem[];
  /** `ready`: more can be asked for; `loading`; `error`: the last page failed (asking again retries); `end`: there is no more. */
  readonly more: 'ready' | 'loading' | 'error' | 'end';
  readonly error?: FeedError;
  /** What the last page added; a new object per page. */
  readonly added?: { readonly count: number; readonly first?: string };
}

export function initialSourceState(source: string): SourceState {
  return { source, items: [], status: 'connecting', loaded: false, skipped: [], retracted: [] };
}

/** Where an item sorts: its publication time, or for an undated one the place its feed gave it. */
const sortTime = (item: TickerItem) => item.published ?? item.sortTime ?? -Infinity;

/** Newest first; equal times in a stable order by id. */
export function compareItems(a: TickerItem, b: TickerItem): number {
  return sortTime(b) - sortTime(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The version to keep when two carry the same id: the later `updated` wins, ties go to the incoming one. */
function newer(current: TickerItem | undefined, incoming: TickerItem): TickerItem {
  if (!current) return incoming;
  return (current.updated ?? sortTime(current)) > (incoming.updated ?? sortTime(incoming)) ? current : incoming;
}

function upsert(items: readonly TickerItem[], incoming: readonly TickerItem[], gone?: ReadonlySet<TickerItem>): Map<string, TickerItem> {
  const byId = new Map(items.filter((item) => !gone?.has(item)).map((item) => [item.id, item]));
  for (const item of incoming) byId.set(item.id, newer(byId.get(item.id), item));
  return byId;
}

/** Which of a source's items (newest first) it remembers: by default the newest MAX_SOURCE_ITEMS. */
export type Retain = (items: TickerItem[]) => TickerItem[];

const newest: Retain = (items) => items.slice(0, MAX_SOURCE_ITEMS);

/**
 * What `view` shows of `items` (newest first): the items its filter lets through, trimmed to its
 * size, the newest pinned one first whatever its date.
 */
export function viewItems(
  items: readonly TickerItem[],
  view: BlockView,
): { items: TickerItem[]; pinned?: TickerItem; beyond: TickerItem[] } {
  const matching = view.filter ? items.filter(view.filter) : items;
  const pinned = view.maxItems > 0 && view.pinnedTags && matching.find((item) => hasTag(item, view.pinnedTags!));
  if (!pinned) return { items: matching.slice(0, view.maxItems), beyond: matching.slice(view.maxItems) };
  const others = matching.filter((item) => item !== pinned);
  return { items: [pinned, ...others.slice(0, view.maxItems - 1)], pinned, beyond: others.slice(view.maxItems - 1) };
}

/** The items any of `views` shows. */
export function shownByViews(items: readonly TickerItem[], views: Iterable<BlockView>): Set<TickerItem> {
  const shown = new Set<TickerItem>();
  for (const view of views) for (const item of viewItems(items, view).items) shown.add(item);
  return shown;
}

/**
 * Keeps the newest MAX_SOURCE_ITEMS and whatever the blocks showing the source show, so that a block
 * whose filter matches rarely still fills its `max-items` and a pinned item stays however many newer
 * ones arrive: bounded by MAX_SOURCE_ITEMS plus the blocks' `max-items`.
 */
export function retainFor(views: () => Iterable<BlockView>): Retain {
  return (items) => {
    const shown = shownByViews(items, views());
    return items.filter((item, index) => index < MAX_SOURCE_ITEMS || shown.has(item));
  };
}

/** `retracted` with `gone` added (an id once) and `back` removed: the newest MAX_RETRACTED. */
function retract(retracted: readonly string[], gone: Iterable<string>, back: readonly TickerItem[]): readonly string[] {
  const ids = new Set(retracted);
  for (const id of gone) {
    ids.delete(id);
    ids.add(id);
  }
  for (const item of back) ids.delete(item.id);
  return ids.size === retracted.length && [...gone].length === 0 ? retracted : [...ids].slice(-MAX_RETRACTED);
}

export function foldSource(state: SourceState, update: FeedUpdate, retain: Retain = newest): SourceState {
  const next = (items: Map<string, TickerItem>) => retain([...items.values()].sort(compareItems));
  switch (update.kind) {
    case 'snapshot': {
      // A document is the publisher's current window of items. Items missing from it but newer
      // than its oldest item were retracted; older ones merely scrolled out and stay until trimmed.
      // An empty document retracts nothing: a glitching CMS must not blank every reader's block.
      const oldest = update.items.reduce((min, item) => Math.min(min, sortTime(item)), Infinity);
      const present = new Set(update.items.map((item) => item.id));
      const gone = state.items.filter((item) => !present.has(item.id) && sortTime(item) >= oldest);
      return {
        ...state,
        items: next(upsert(state.items, update.items, new Set(gone))),
        status: 'live',
        loaded: true,
        error: undefined,
        skipped: update.skipped ?? [],
        next: update.next,
        retracted: retract(
          state.retracted,
          gone.map((item) => item.id),
          update.items,
        ),
      };
    }
    // A message with items or deletions proves the source is live again.
    case 'upsert':
      return {
        ...state,
        items: next(upsert(state.items, update.items)),
        status: 'live',
        loaded: true,
        error: undefined,
        retracted: retract(state.retracted, [], update.items),
        next: update.next ?? state.next,
      };
    case 'delete': {
      const gone = new Set(update.ids);
      return {
        ...state,
        items: state.items.filter((item) => !gone.has(item.id)),
        status: 'live',
        loaded: true,
        error: undefined,
        retracted: retract(state.retracted, update.ids, []),
      };
    }
    case 'status':
      if (update.status === 'error') {
        return { ...state, status: state.loaded ? 'stale' : 'error', error: update.error };
      }
      if (update.status === 'live') {
        // A healthy connection is not yet a list: until data comes the block still says it is loading.
        // Unchanged state keeps its identity, so an unchanged feed causes no re-render.
        return state.status === 'live' && !state.error ? state : { ...state, status: 'live', error: undefined };
      }
      return { ...state, status: state.loaded ? state.status : 'connecting' };
    case 'time': {
      // Every response has a Date: one that says what the last one said is no news (and no re-render).
      const { at, receivedAt } = update.serverTime;
      const last = state.serverTime;
      return last && Math.abs(at - receivedAt - last.at + last.receivedAt) < SAME_TIME
        ? state
        : { ...state, serverTime: update.serverTime };
    }
  }
}

/** Readings whose offsets from the reader's clock differ by less than this say the same (the Date header counts whole seconds). */
const SAME_TIME = 2_000;

/**
 * The block's status over all its sources: 'error' only when no source can show anything,
 * 'connecting' while nothing has loaded yet, 'stale' when any loaded source is behind.
 */
export function combineStatus(states: readonly SourceState[]): FeedStatus {
  if (states.length === 0) return 'connecting';
  if (states.every((state) => state.status === 'error')) return 'error';
  if (!states.some((state) => state.loaded)) return 'connecting';
  return states.every((state) => state.status === 'live' || (!state.loaded && state.status === 'connecting')) ? 'live' : 'stale';
}

/**
 * Merges the sources of one block into what it shows: de-duplicated by id, without what any of them
 * retracted, newest first, through the block's view (filter, pin, size).
 */
export function mergeSources(states: readonly SourceState[], view: BlockView): TickerState {
  const single = states.length === 1 ? states[0]! : undefined;
  const retracted = single ? single.retracted : [...new Set(states.flatMap((state) => state.retracted))];
  let all = single?.items;
  if (!all) {
    const gone = new Set(retracted);
    const byId = new Map<string, TickerItem>();
    for (const state of states) for (const item of state.items) if (!gone.has(item.id)) byId.set(item.id, newer(byId.get(item.id), item));
    all = [...byId.values()].sort(compareItems);
  }
  const { items, pinned, beyond } = viewItems(all, view);
  const error = states.find((state) => state.error)?.error;
  const next = states.find((state) => state.next)?.next;
  const serverTime = states.find((state) => state.serverTime)?.serverTime;
  return {
    items,
    status: combineStatus(states),
    retracted,
    beyond,
    ...(error && { error }),
    ...(pinned && { pinned: pinned.id }),
    ...(next && { next }),
    ...(serverTime && { serverTime }),
  };
}
