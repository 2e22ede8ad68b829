import { Observable, type ObservableInput, type Observer } from 'rxjs';
import { FeedError, type FeedUpdate, type SkippedItem, type TickerItem, type TickerItemInput, type TickerUpdateInput } from '../model.js';
import { toTickerItem } from '../parsers/item.js';
import { safeHttpUrl } from '../text/safe-url.js';

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
  const { kind, ids, items, status, error, next } = ((typeof value === 'object' && value) || {}) as Record<string, unknown>;
  if (kind === 'delete' && Array.isArray(ids)) return { kind, source, ids: ids.map(String) };
  if (kind === 'status' && (status === 'connecting' || status === 'live' || status === 'error')) {
    return error instanceof FeedError ? { kind, source, status, error } : { kind, source, status };
  }
  if ((kind === 'upsert' || kind === 'snapshot') && Array.isArray(items)) {
    const normalized = normalizeItems(items, source);
    // `next`: an older page the block fetches when the reader asks for more (a feed document's URL).
    const page = safeHttpUrl(next, globalThis.document?.baseURI);
    return { kind, source, ...(kind === 'snapshot' ? normalized : { items: normalized.items }), ...(page && { next: page }) };
  }
  const got =
    kind !== undefined ? `kind ${JSON.stringify(kind)}` : typeof value === 'object' && value ? 'an object without kind' : String(value);
  return sourceError(
    new FeedError('source', `${source}: expected an array of items or {kind: 'upsert' | 'snapshot' | 'delete' | 'status', …}, got ${got}`),
    source,
  );
}

type Source<T> = {
  subscribe?: (observer: Partial<Observer<T>>) => { unsubscribe(): void } | (() => void);
  then?: (onValue: (value: T) => void, onError: (error: unknown) => void) => unknown;
  getReader?: () => ReadableStreamDefaultReader<T>;
  [Symbol.asyncIterator]?: () => AsyncIterator<T>;
  [Symbol.iterator]?: () => Iterator<T>;
};

/** Reads an async iterator (or a stream's reader) into `observer` until it ends or `stopped()`. */
async function drain<T>(next: () => Promise<IteratorResult<T>>, observer: Observer<T>, stopped: () => boolean): Promise<void> {
  for (let result = await next(); !stopped(); result = await next()) {
    if (result.done) return observer.complete();
    observer.next(result.value);
  }
}

/**
 * What RxJS's `from()` accepts, as an Observable, in a few lines rather than `from()`'s scheduling
 * machinery: an Observable (any library's, through `Symbol.observable` or `subscribe`), a Promise, an
 * async iterable, an iterable or a ReadableStream. Throws for anything else.
 */
export function toObservable<T>(input: ObservableInput<T>): Observable<T> {
  const source = input as Source<T> & { [key: symbol]: unknown };
  const interop = (typeof Symbol.observable === 'symbol' && source?.[Symbol.observable]) || source?.['@@observable' as unknown as symbol];
  const observable = typeof interop === 'function' ? (interop.call(source) as Source<T>) : source;
  if (typeof observable?.subscribe === 'function') {
    return new Observable<T>((subscriber) => {
      const subscription = observable.subscribe!(subscriber);
      return typeof subscription === 'function' ? subscription : () => subscription?.unsubscribe();
    });
  }
  if (typeof source?.then === 'function') {
    return new Observable<T>((subscriber) => {
      source.then!(
        (value) => {
          subscriber.next(value);
          subscriber.complete();
        },
        (error) => subscriber.error(error),
      );
    });
  }
  const iterate = source?.[Symbol.asyncIterator] ?? source?.getReader;
  if (typeof iterate === 'function') {
    return new Observable<T>((subscriber) => {
      const iterator = (iterate as () => AsyncIterator<T> | ReadableStreamDefaultReader<T>).call(source);
      const next = 'read' in iterator ? () => iterator.read() as Promise<IteratorResult<T>> : () => iterator.next();
      drain(next, subscriber, () => subscriber.closed).catch((error: unknown) => subscriber.error(error));
      return () => void ('cancel' in iterator ? iterator.cancel() : iterator.return?.())?.catch(() => undefined);
    });
  }
  if (typeof source?.[Symbol.iterator] === 'function' && typeof source !== 'string') {
    return new Observable<T>((subscriber) => {
      for (const value of source as Iterable<T>) {
        if (subscriber.closed) return;
        subscriber.next(value);
      }
      subscriber.complete();
    });
  }
  throw new TypeError(
    `expected an Observable, a Promise or an (async) iterable as source, got ${source === null ? 'null' : typeof source}`,
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
  return new Observable<FeedUpdate>((subscriber) => {
    let updates: Observable<TickerUpdateInput>;
    try {
      updates = toObservable(source);
    } catch (error) {
      subscriber.next(sourceError(error, name));
      return subscriber.complete();
    }
    return updates.subscribe({
      next: (input) => subscriber.next(normalizeUpdate(input, name)),
      error: (error: unknown) => {
        subscriber.next(sourceError(error, name));
        subscriber.complete();
      },
      complete: () => subscriber.complete(),
    });
  });
}
