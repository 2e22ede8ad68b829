import { catchError, from, map, Observable, of, type ObservableInput } from 'rxjs';
import { FeedError, type FeedUpdate, type SkippedItem, type TickerItem, type TickerItemInput, type TickerUpdateInput } from '../model.js';
import { toTickerItem } from '../parsers/item.js';

function normalizeItems(inputs: readonly unknown[], source: string): { items: TickerItem[]; skipped: SkippedItem[] } {
  const items: TickerItem[] = [];
  const skipped: SkippedItem[] = [];
  inputs.forEach((input, index) => {
    const item =
      typeof input === 'object' && input !== null
        ? toTickerItem(input as TickerItemInput, { source, baseUrl: globalThis.document?.baseURI })
        : 'not an object';
    if (typeof item === 'string') skipped.push({ index, reason: item });
    else items.push(item);
  });
  return { items, skipped };
}

function sourceError(error: unknown, name: string): FeedUpdate {
  return {
    kind: 'status',
    source: name,
    status: 'error',
    error:
      error instanceof FeedError
        ? error
        : new FeedError('source', `${name}: ${(error as Error)?.message ?? String(error)}`, { cause: error }),
  };
}

/**
 * One value of a developer's source as a feed update. A value of no known shape becomes an error
 * status saying what was expected: it is reported, keeps the items shown, and the source goes on.
 */
export function normalizeUpdate(input: TickerUpdateInput, source: string): FeedUpdate {
  const value: unknown = input;
  if (Array.isArray(value)) return { kind: 'upsert', source, items: normalizeItems(value, source).items };
  const { kind, ids, items, status, error } = ((typeof value === 'object' && value) || {}) as Record<string, unknown>;
  if (kind === 'delete' && Array.isArray(ids)) return { kind, source, ids: ids.map(String) };
  if (kind === 'status' && (status === 'connecting' || status === 'live' || status === 'error')) {
    return error instanceof FeedError ? { kind, source, status, error } : { kind, source, status };
  }
  if ((kind === 'upsert' || kind === 'snapshot') && Array.isArray(items)) {
    const normalized = normalizeItems(items, source);
    return kind === 'snapshot' ? { kind, source, ...normalized } : { kind, source, items: normalized.items };
  }
  const got =
    kind !== undefined ? `kind ${JSON.stringify(kind)}` : typeof value === 'object' && value ? 'an object without kind' : String(value);
  return sourceError(
    new FeedError('source', `${source}: expected an array of items or {kind: 'upsert' | 'snapshot' | 'delete' | 'status', …}, got ${got}`),
    source,
  );
}

/**
 * A developer's source as feed updates. It may be anything RxJS's `from()` accepts: an Observable
 * (of any library, through `Symbol.observable`), a Promise, an async iterable, an iterable or a
 * ReadableStream — so a page without RxJS (the script-tag embed) can hand in an async generator.
 * Anything else, and the source's own error, become an error status (the items shown stay), never
 * an exception on the page. A failed source is not resubscribed: only its author knows whether that is safe.
 */
export function customUpdates(source: ObservableInput<TickerUpdateInput>, name = 'custom'): Observable<FeedUpdate> {
  let updates: Observable<TickerUpdateInput>;
  try {
    updates = from(source);
  } catch {
    const got = source === null ? 'null' : typeof source;
    return of(
      sourceError(new FeedError('source', `${name}: expected an Observable, a Promise or an (async) iterable as source, got ${got}`), name),
    );
  }
  return updates.pipe(
    map((input) => normalizeUpdate(input, name)),
    catchError((error: unknown) => of(sourceError(error, name))),
  );
}
