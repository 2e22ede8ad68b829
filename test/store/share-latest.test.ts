import { expect } from '@open-wc/testing';
import { Observable, Subject } from 'rxjs';
import { shareLatest } from '../../src/store/share-latest.js';

describe('shareLatest', () => {
  it('subscribes once for many, replays the latest to newcomers, and lets go with the last', () => {
    const source = new Subject<number>();
    let subscriptions = 0;
    let idle = 0;
    const shared = shareLatest(
      new Observable<number>((subscriber) => {
        subscriptions++;
        return source.subscribe(subscriber);
      }),
      () => idle++,
    );
    const first: number[] = [];
    const second: number[] = [];
    const a = shared.subscribe((value) => first.push(value));
    source.next(1);
    const b = shared.subscribe((value) => second.push(value));
    source.next(2);
    expect(subscriptions).to.equal(1);
    expect(first).to.deep.equal([1, 2]);
    expect(second).to.deep.equal([1, 2]);
    a.unsubscribe();
    expect(source.observed).to.equal(true);
    b.unsubscribe();
    expect(source.observed).to.equal(false);
    expect(idle).to.equal(1);
    const late: number[] = [];
    shared.subscribe((value) => late.push(value)).unsubscribe();
    expect(late, 'nothing stale is replayed after a restart').to.deep.equal([]);
    expect(subscriptions).to.equal(2);
  });

  it('delivers values a source emits while it is being subscribed', () => {
    const shared = shareLatest(new Observable<string>((subscriber) => subscriber.next('connecting')));
    const seen: string[] = [];
    shared.subscribe((value) => seen.push(value));
    expect(seen).to.deep.equal(['connecting']);
  });
});
