import { expect } from '@open-wc/testing';
import { BehaviorSubject, Observable, type Subscription } from 'rxjs';
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

/**
 * A browser's lock manager and broadcast channels, by hand, for tabs that are subscriptions in this
 * page: lock grants wait for `grantLocks()` and messages for `deliver()`, so a test puts the events of
 * a start-up in the order it wants — the order a real browser may choose.
 */
class FakeBrowser {
  readonly #grants: (() => void)[] = [];
  readonly #messages: (() => void)[] = [];
  readonly #held = new Set<string>();
  readonly #queued: { name: string; grant: () => void; signal?: AbortSignal | undefined }[] = [];
  readonly #channels = new Set<FakeChannel>();

  readonly locks = {
    request: (name: string, options: LockOptions, callback: (lock: Lock | null) => unknown): Promise<unknown> =>
      new Promise((resolve, reject) => {
        const grant = () => {
          this.#held.add(name);
          void Promise.resolve(callback({ name, mode: 'exclusive' })).then((value) => {
            this.#held.delete(name);
            resolve(value);
            this.#grants.push(() => this.#next(name));
          });
        };
        if (options.ifAvailable) {
          this.#grants.push(() => (this.#held.has(name) ? resolve(callback(null)) : grant()));
          return;
        }
        const entry = { name, grant, signal: options.signal };
        this.#queued.push(entry);
        options.signal?.addEventListener('abort', () => {
          const index = this.#queued.indexOf(entry);
          if (index < 0) return;
          this.#queued.splice(index, 1);
          reject(new DOMException('aborted', 'AbortError'));
        });
        this.#grants.push(() => this.#next(name));
      }),
    query: async () => ({ held: [...this.#held].map((name) => ({ name })), pending: this.#queued.map(({ name }) => ({ name })) }),
  };

  readonly Channel = channelClass(this.#channels, this.#messages);

  #next(name: string): void {
    if (this.#held.has(name)) return;
    const index = this.#queued.findIndex((entry) => entry.name === name);
    if (index >= 0) this.#queued.splice(index, 1)[0]!.grant();
  }

  /** Grants what can be granted, each in a task of its own, until nothing is left to grant. */
  async grantLocks(): Promise<void> {
    await settle(); // a lock released just now is free once the promise its holder returned settles
    while (this.#grants.length) {
      this.#grants.shift()!();
      await settle();
    }
  }

  /** Hands every message posted so far to its channels, each in a task of its own. */
  async deliver(): Promise<void> {
    while (this.#messages.length) {
      this.#messages.shift()!();
      await settle();
    }
  }

  /** Installs itself as the page's navigator.locks and BroadcastChannel until `restore()`. */
  install(): this {
    Object.defineProperty(navigator, 'locks', { value: this.locks, configurable: true });
    sinon.replace(globalThis, 'BroadcastChannel', this.Channel as unknown as typeof BroadcastChannel);
    return this;
  }

  static restore(): void {
    delete (navigator as { locks?: unknown }).locks;
  }
}
type FakeChannel = { name: string; onmessage: ((event: MessageEvent) => void) | null };

/** A BroadcastChannel among `channels`, whose messages wait in `messages` for the test to deliver them. */
function channelClass(channels: Set<FakeChannel>, messages: (() => void)[]) {
  return class implements FakeChannel {
    onmessage: ((event: MessageEvent) => void) | null = null;
    constructor(readonly name: string) {
      channels.add(this);
    }
    postMessage(data: unknown): void {
      for (const other of channels) {
        if (other === this || other.name !== this.name) continue;
        const copy: unknown = structuredClone(data);
        messages.push(() => other.onmessage?.(new MessageEvent('message', { data: copy })));
      }
    }
    close(): void {
      channels.delete(this);
    }
  };
}

/** Lets promise callbacks run: what happens between two tasks of a browser. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve));

/** One tab showing the feed: its loop (started by acrossTabs when it runs its own), what it shows, and its visibility. */
function tab(key: string, name: string) {
  const shown: SourceState[] = [];
  const visible$ = new BehaviorSubject(true);
  const loop = {
    runs: 0,
    active: false,
    from: undefined as SourceState | undefined,
    emit: undefined as ((state: SourceState) => void) | undefined,
  };
  const run = (from: SourceState) =>
    new Observable<SourceState>((subscriber) => {
      loop.runs++;
      loop.active = true;
      loop.from = from;
      loop.emit = (state) => subscriber.next(state);
      return () => (loop.active = false);
    });
  const subscription = acrossTabs(key, initialSourceState(key), run, visible$).subscribe((state) => shown.push(state));
  return { name, shown, visible$, loop, subscription, last: () => shown.at(-1)! };
}

describe('acrossTabs with a fake lock manager and channel: who leads, and when', () => {
  let browser: FakeBrowser;
  beforeEach(() => {
    browser = new FakeBrowser().install();
  });
  /** Every tab a test opened: closed after it, whether it passed or not (closing twice is harmless). */
  let opened: ReturnType<typeof tab>[] = [];
  afterEach(() => {
    opened.forEach((each) => each.subscription.unsubscribe());
    opened = [];
    sinon.restore();
    FakeBrowser.restore();
  });

  const state = (key: string, id: string): SourceState => ({
    ...initialSourceState(key),
    status: 'live',
    loaded: true,
    items: [{ id, agencies: [], text: id, published: T }],
  });

  /** A leads and B follows, started in the order of a real start-up's race: B's hello reaches A before A holds the lock. */
  async function startRace(key: string) {
    const a = tab(key, 'A');
    a.loop.emit!(state(key, 'from-a'));
    const b = tab(key, 'B');
    opened.push(a, b);
    await browser.deliver(); // B's hello reaches A, which does not lead yet
    await browser.grantLocks(); // A takes the lock; B finds it taken and queues
    await browser.deliver();
    return { a, b };
  }

  it('answers a hello that came before the lock: the newcomer stops its own loop (one loop for two tabs)', async () => {
    const key = uniqueChannel('race');
    const { a, b } = await startRace(key);
    expect(a.loop.active).to.equal(true);
    expect(b.loop.runs, 'B ran its own loop until answered').to.equal(1);
    expect(b.loop.active, 'then stopped it').to.equal(false);
    expect(b.last().items.map((item) => item.id)).to.deep.equal(['from-a']);
  });

  it('shows every state of the leader’s loop in the follower', async () => {
    const key = uniqueChannel('follow');
    const { a, b } = await startRace(key);
    a.loop.emit!(state(key, 'second'));
    await browser.deliver();
    expect(b.last().items.map((item) => item.id)).to.deep.equal(['second']);
  });

  it('a hidden leader hands over to a visible tab waiting, which goes on from what it shows', async () => {
    const key = uniqueChannel('handover');
    const { a, b } = await startRace(key);
    a.visible$.next(false);
    await settle(); // A asks which tabs wait
    await browser.grantLocks();
    expect(a.loop.active, 'the hidden tab stops').to.equal(false);
    expect(b.loop.active, 'the visible one leads').to.equal(true);
    expect(
      b.loop.from?.items.map((item) => item.id),
      'from what it showed',
    ).to.deep.equal(['from-a']);
  });

  it('when the leading tab closes, a waiting tab leads', async () => {
    const key = uniqueChannel('close');
    const { a, b } = await startRace(key);
    a.subscription.unsubscribe();
    await browser.grantLocks();
    expect(b.loop.active).to.equal(true);
    expect(b.loop.runs).to.equal(2);
  });

  it('a hidden follower does not queue: with every tab hidden, the leader alone holds the feed', async () => {
    const key = uniqueChannel('hidden');
    const { a, b } = await startRace(key);
    b.visible$.next(false);
    a.visible$.next(false);
    await settle();
    await browser.grantLocks();
    await browser.deliver();
    expect(a.loop.active, 'a hidden leader with nobody visible waiting keeps the lock').to.equal(true);
    expect(b.loop.active).to.equal(false);
  });
});
