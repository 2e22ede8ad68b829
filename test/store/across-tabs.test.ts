import { expect } from '@open-wc/testing';
import { Observable, type Subscription } from 'rxjs';
import sinon from 'sinon';
import { defaultClock } from '../../src/clock/page-clock.js';
import { acrossTabs } from '../../src/store/across-tabs.js';
import { initialSourceState, type SourceState } from '../../src/store/fold.js';
import { uniqueChannel } from '../helpers.js';

const T = Date.UTC(2026, 10, 27, 12, 0, 20);
const MINUTE = 60_000;
const visible$ = new Observable<boolean>((subscriber) => subscriber.next(true));
/** A loop that never delivers: a tab's own, until a leader answers it. */
const quiet = () => new Observable<SourceState>(() => undefined);

/** The first state `states$` emits that `accept` takes, and the subscription (to end when done). */
function firstWhere(states$: Observable<SourceState>, accept: (state: SourceState) => boolean): [Promise<SourceState>, Subscription] {
  let subscription!: Subscription;
  const found = new Promise<SourceState>((resolve) => (subscription = states$.subscribe((state) => accept(state) && resolve(state))));
  return [found, subscription];
}

describe('acrossTabs: what a leader tells its followers', () => {
  afterEach(() => sinon.restore());

  // Two subscriptions in one page stand for two tabs: Web Locks and BroadcastChannel do not tell them apart.
  it('hands on its server’s time as data, and the follower’s page clock is left to its own feeds’ servers', async () => {
    sinon.useFakeTimers({ now: T + 10 * MINUTE, toFake: ['Date'] }); // the reader's clock is 10 minutes fast
    const key = uniqueChannel('server-time');
    const leaderState: SourceState = {
      ...initialSourceState(key),
      status: 'live',
      loaded: true,
      serverTime: { at: T, receivedAt: T + 10 * MINUTE },
    };
    const leader = acrossTabs(key, initialSourceState(key), () => new Observable((s) => s.next(leaderState)), visible$).subscribe();
    const [followed, follower] = firstWhere(acrossTabs(key, initialSourceState(key), quiet, visible$), (state) => state.loaded);
    try {
      expect((await followed).serverTime).to.deep.equal({ at: T, receivedAt: T + 10 * MINUTE });
      expect(defaultClock().correction, 'nothing in the store sets the page clock').to.equal(0);
      // This page's own feed then says what the time is: it still counts.
      defaultClock().reportServerTime(T + 30_000);
      expect(defaultClock().correction).to.equal(-10 * MINUTE + 30_000);
    } finally {
      follower.unsubscribe();
      leader.unsubscribe();
    }
  });

  it('a leader whose feed gives no time hands on none, and does not stop the follower’s clock being corrected', async () => {
    sinon.useFakeTimers({ now: T + 10 * MINUTE, toFake: ['Date'] });
    const key = uniqueChannel('no-server-time');
    const leaderState: SourceState = { ...initialSourceState(key), status: 'live', loaded: true };
    const leader = acrossTabs(key, initialSourceState(key), () => new Observable((s) => s.next(leaderState)), visible$).subscribe();
    const [followed, follower] = firstWhere(acrossTabs(key, initialSourceState(key), quiet, visible$), (state) => state.loaded);
    try {
      expect((await followed).serverTime).to.equal(undefined);
      defaultClock().reportServerTime(T + 90_000);
      expect(defaultClock().correction).to.equal(-10 * MINUTE + 90_000);
    } finally {
      follower.unsubscribe();
      leader.unsubscribe();
    }
  });
});
