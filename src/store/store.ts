import type { FeedError, FeedStatus, FeedUpdate, SkippedItem, TickerItem } from '../model.js';

/**
 * The pure store. Each source's updates fold into a SourceState; the states of all sources a
 * block shows merge into the visible list. No I/O, no time: everything here is a plain function.
 */

/** Most items remembered per source; a block shows at most its `max-items` of them. */
export const MAX_SOURCE_ITEMS = 200;

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
}

export interface TickerState {
  readonly items: readonly TickerItem[];
  readonly status: FeedStatus;
  readonly error?: FeedError;
}

export function initialSourceState(source: string): SourceState {
  return { source, items: [], status: 'connecting', loaded: false, skipped: [] };
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

function upsert(items: readonly TickerItem[], incoming: readonly TickerItem[]): Map<string, TickerItem> {
  const byId = new Map(items.map((item) => [item.id, item]));
  for (const item of incoming) byId.set(item.id, newer(byId.get(item.id), item));
  return byId;
}

function sorted(byId: Map<string, TickerItem>, limit: number): TickerItem[] {
  return [...byId.values()].sort(compareItems).slice(0, limit);
}

export function foldSource(state: SourceState, update: FeedUpdate, limit = MAX_SOURCE_ITEMS): SourceState {
  switch (update.kind) {
    case 'snapshot': {
      // A document is the publisher's current window of items. Items missing from it but newer
      // than its oldest item were retracted; older ones merely scrolled out and stay until trimmed.
      // An empty document retracts nothing: a glitching CMS must not blank every reader's block.
      const oldest = update.items.reduce((min, item) => Math.min(min, sortTime(item)), Infinity);
      const present = new Set(update.items.map((item) => item.id));
      const kept = state.items.filter((item) => present.has(item.id) || sortTime(item) < oldest);
      return {
        ...state,
        items: sorted(upsert(kept, update.items), limit),
        status: 'live',
        loaded: true,
        error: undefined,
        skipped: update.skipped ?? [],
      };
    }
    // A message with items or deletions proves the source is live again.
    case 'upsert':
      return { ...state, items: sorted(upsert(state.items, update.items), limit), status: 'live', loaded: true, error: undefined };
    case 'delete': {
      const gone = new Set(update.ids);
      return { ...state, items: state.items.filter((item) => !gone.has(item.id)), status: 'live', loaded: true, error: undefined };
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
  }
}

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

/** Merges the sources of one block into its visible list: de-duplicated by id, newest first, trimmed. */
export function mergeSources(states: readonly SourceState[], maxItems: number): TickerState {
  const byId = new Map<string, TickerItem>();
  for (const state of states) for (const item of state.items) byId.set(item.id, newer(byId.get(item.id), item));
  const items = states.length === 1 ? states[0]!.items.slice(0, maxItems) : sorted(byId, maxItems);
  const error = states.find((state) => state.error)?.error;
  const status = combineStatus(states);
  return error ? { items, status, error } : { items, status };
}
