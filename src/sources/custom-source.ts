import { catchError, map, Observable, of } from 'rxjs';
import { FeedError, type FeedUpdate, type SkippedItem, type TickerItem, type TickerItemInput } from '../model.js';
import { toTickerItem } from '../parsers/item.js';

/** What a developer's Observable may emit: a list of items (upserted) or an explicit update. */
export type TickerUpdateInput =
  | readonly TickerItemInput[]
  | { readonly kind: 'upsert' | 'snapshot'; readonly items: readonly TickerItemInput[] }
  | { readonly kind: 'delete'; readonly ids: readonly (string | number)[] }
  | { readonly kind: 'status'; readonly status: 'connecting' | 'live' | 'error'; readonly error?: FeedError };

function normalizeItems(inputs: readonly TickerItemInput[], source: string): { items: TickerItem[]; skipped: SkippedItem[] } {
  const items: TickerItem[] = [];
  const skipped: SkippedItem[] = [];
  inputs.forEach((input, index) => {
    const item = toTickerItem(input, { source, baseUrl: globalThis.document?.baseURI });
    if (typeof item === 'string') skipped.push({ index, reason: item });
    else items.push(item);
  });
  return { items, skipped };
}

export function normalizeUpdate(input: TickerUpdateInput, source: string): FeedUpdate {
  if (Array.isArray(input)) return { kind: 'upsert', source, items: normalizeItems(input as readonly TickerItemInput[], source).items };
  const update = input as Exclude<TickerUpdateInput, readonly TickerItemInput[]>;
  switch (update.kind) {
    case 'delete':
      return { kind: 'delete', source, ids: update.ids.map(String) };
    case 'status':
      return update.error
        ? { kind: 'status', source, status: update.status, error: update.error }
        : { kind: 'status', source, status: update.status };
    default: {
      const { items, skipped } = normalizeItems(Array.isArray(update.items) ? update.items : [], source);
      return update.kind === 'snapshot' ? { kind: 'snapshot', source, items, skipped } : { kind: 'upsert', source, items };
    }
  }
}

/**
 * A developer's Observable as feed updates. Its error becomes an error status (the items shown
 * stay); it is not resubscribed, since only its author knows whether that is safe.
 */
export function customUpdates(source$: Observable<TickerUpdateInput>, name = 'custom'): Observable<FeedUpdate> {
  return source$.pipe(
    map((input) => normalizeUpdate(input, name)),
    catchError((error: unknown) =>
      of<FeedUpdate>({
        kind: 'status',
        source: name,
        status: 'error',
        error:
          error instanceof FeedError
            ? error
            : new FeedError('source', `${name}: ${(error as Error)?.message ?? String(error)}`, { cause: error }),
      }),
    ),
  );
}
