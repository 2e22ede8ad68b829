import { catchError, from, map, Observable, of, type ObservableInput } from 'rxjs';
import { FeedError, type FeedUpdate, type SkippedItem, type TickerItem, type TickerItemInput, type TickerUpdateInput } from '../model.js';
import { toTickerItem } from '../parsers/item.js';

export type { TickerUpdateInput } from '../model.js';

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

function describe(value: unknown): string {
  if (value === null || typeof value !== 'object') return String(value);
  const kind = (value as { kind?: unknown }).kind;
  return kind === undefined ? 'an object without kind' : `kind ${JSON.stringify(kind)}`;
}

/**
 * One value of a developer's source as a feed update. A value of no known shape becomes an error
 * status naming what was expected: it is reported, keeps the items shown, and the source goes on.
 */
export function normalizeUpdate(input: TickerUpdateInput, source: string): FeedUpdate {
  const value: unknown = input;
  if (Array.isArray(value)) return { kind: 'upsert', source, items: normalizeItems(value, source).items };
  const update = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  switch (update['kind']) {
    case 'delete':
      if (Array.isArray(update['ids'])) return { kind: 'delete', source, ids: update['ids'].map(String) };
      break;
    case 'status':
      if (update['status'] === 'connecting' || update['status'] === 'live' || update['status'] === 'error') {
        const error = update['error'];
        return error instanceof FeedError
          ? { kind: 'status', source, status: update['status'], error }
          : { kind: 'status', source, status: update['status'] };
      }
      break;
    case 'upsert':
    case 'snapshot': {
      if (!Array.isArray(update['items'])) break;
      const { items, skipped } = normalizeItems(update['items'], source);
      return update['kind'] === 'snapshot' ? { kind: 'snapshot', source, items, skipped } : { kind: 'upsert', source, items };
    }
  }
  const message = `${source}: expected an array of items or an update {kind: 'upsert' | 'snapshot' | 'delete' | 'status', …}, got ${describe(value)}`;
  return { kind: 'status', source, status: 'error', error: new FeedError('source', message) };
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
      sourceError(
        new FeedError(
          'source',
          `${name}: source must be an Observable, a Promise, an async iterable, an iterable or a ReadableStream, got ${got}`,
        ),
        name,
      ),
    );
  }
  return updates.pipe(
    map((input) => normalizeUpdate(input, name)),
    catchError((error: unknown) => of(sourceError(error, name))),
  );
}
