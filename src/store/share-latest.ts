import { Observable, type Subscriber, type Subscription } from 'rxjs';

/**
 * Shares one subscription to `source` among all subscribers, replaying the latest value to each
 * newcomer, and unsubscribes (then calls `onIdle`) when the last one leaves: RxJS's
 * shareReplay({ bufferSize: 1, refCount: true }) in a few lines, sparing the embed Subject,
 * ReplaySubject and share.
 */
export function shareLatest<T>(source: Observable<T>, onIdle: () => void = () => undefined): Observable<T> {
  const subscribers = new Set<Subscriber<T>>();
  let connection: Subscription | undefined;
  let latest: { value: T } | undefined;
  return new Observable<T>((subscriber) => {
    subscribers.add(subscriber);
    if (latest) subscriber.next(latest.value);
    connection ??= source.subscribe({
      next: (value) => {
        latest = { value };
        for (const each of [...subscribers]) each.next(value);
      },
      error: (error: unknown) => [...subscribers].forEach((each) => each.error(error)),
      complete: () => [...subscribers].forEach((each) => each.complete()),
    });
    return () => {
      subscribers.delete(subscriber);
      if (subscribers.size > 0) return;
      connection?.unsubscribe();
      connection = undefined;
      latest = undefined;
      onIdle();
    };
  });
}
