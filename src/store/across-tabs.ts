import { Observable, type Subscription } from 'rxjs';
import { FeedError } from '../model.js';
import type { SourceState } from './fold.js';

/** What tabs say to each other about one feed: a newcomer's hello, a visible tab waiting to lead, the leader's state. */
type TabMessage =
  | { readonly hello: true }
  | { readonly waiting: true }
  /** The state carries its server's time, which only the leader's requests see. */
  | { readonly state: SourceState };

type PlainError = { readonly kind: FeedError['kind']; readonly message: string; readonly details: FeedError['details'] };

/** A state as it crosses to another tab: its error as plain data (an Error's class and fields do not survive cloning). */
function portable(state: SourceState): SourceState {
  const error = state.error;
  if (!error) return state;
  const { status, retryAfterMs } = error.details;
  return { ...state, error: { kind: error.kind, message: error.message, details: { status, retryAfterMs } } as PlainError as FeedError };
}

function revived(state: SourceState): SourceState {
  const error = state.error as PlainError | undefined;
  return error ? { ...state, error: new FeedError(error.kind, error.message, error.details) } : state;
}

/** One tab's part in sharing a feed, as `tabRole` makes it. */
interface TabRole {
  /** Shows `initial`, runs its own loop until a leader answers, and takes the lock if it is free. */
  join(initial: SourceState): void;
  setVisible(shown: boolean): void;
  leave(): void;
}

/**
 * One request loop per browser for a feed, not one per tab. Tabs (of one origin) that show the same
 * feed elect a leader with a Web Lock: the leader runs `run` and tells the others each state over a
 * BroadcastChannel; they show what it tells, and a newcomer gets the current state at once (see
 * `tabRole`). Without Web Locks or BroadcastChannel each tab runs its own loop.
 */
export function acrossTabs(
  key: string,
  initial: SourceState,
  run: (from: SourceState) => Observable<SourceState>,
  visible$: Observable<boolean>,
): Observable<SourceState> {
  const locks = globalThis.navigator?.locks;
  if (!locks || typeof BroadcastChannel === 'undefined') return run(initial);
  return new Observable<SourceState>((subscriber) => {
    const role = tabRole(`live-ticker:${key}`, locks, run, (state) => subscriber.next(state));
    role.join(initial);
    const visibility = visible$.subscribe(role.setVisible);
    return () => {
      visibility.unsubscribe();
      role.leave();
    };
  });
}

/**
 * One tab's part in sharing the feed of lock `name`. It starts its own loop at once and stops it only
 * when a leader answers its hello (its first request waits for the start jitter, so it normally never
 * goes out). A lock that is merely taken is no reason to stop: it may be this page's own block that
 * just left, whose lock is released a moment later; the tab then queues, keeps its loop, and leads
 * when the lock comes. A tab that takes the lock tells its state at once, answering a hello that came
 * before it led. Visible followers queue for the lock; a leader that is hidden while one waits lets
 * go, so a visible tab takes over — from the state it already shows, losing nothing — and when the
 * leader's tab closes the browser hands the lock on by itself. A hidden leader with no visible tab
 * waiting keeps the lock and, hidden, requests nothing: with every tab hidden nothing is requested.
 */
function tabRole(
  name: string,
  locks: LockManager,
  run: (from: SourceState) => Observable<SourceState>,
  show: (state: SourceState) => void,
): TabRole {
  const channel = new BroadcastChannel(name);
  const post = (message: TabMessage) => channel.postMessage(message);
  let latest: SourceState;
  let visible = true;
  let left = false;
  let running: Subscription | undefined;
  /** Resolving it releases the lock this tab holds: set while it leads. */
  let release: (() => void) | undefined;
  /** Aborts this tab's place in the queue for the lock. */
  let queued: AbortController | undefined;

  const display = (state: SourceState) => show((latest = state));
  const start = () => {
    running ??= run(latest).subscribe((state) => {
      display(state);
      // Only the leader speaks: a tab still finding out must not overwrite what the others show.
      if (release) post({ state: portable(state) });
    });
  };
  const stop = () => {
    running?.unsubscribe();
    running = undefined;
  };
  /** Holds the lock until released: this tab leads meanwhile. */
  const lead = () => {
    unqueue(); // its own place in the queue would take the lock back when it steps down
    start();
    post({ state: portable(latest) });
    return new Promise<void>((resolve) => (release = resolve)).finally(stop);
  };
  const stepDown = () => {
    release?.();
    release = undefined;
  };
  const queue = () => {
    if (queued || release) return;
    queued = new AbortController();
    locks
      .request(name, { signal: queued.signal }, () => {
        queued = undefined;
        return left ? undefined : lead();
      })
      .catch(() => undefined); // aborted: hidden again, or gone
    post({ waiting: true });
  };
  const unqueue = () => {
    queued?.abort();
    queued = undefined;
  };

  channel.onmessage = ({ data }: MessageEvent<TabMessage>) => {
    if ('state' in data) {
      if (release) return;
      stop(); // another tab leads: follow it
      display(revived(data.state));
    } else if ('hello' in data) {
      if (release) post({ state: portable(latest) });
    } else if (release && !visible) {
      stepDown(); // hidden, and a visible tab is waiting: it takes over
    }
  };

  return {
    join(initial) {
      display(initial);
      start();
      post({ hello: true });
      locks
        .request(name, { ifAvailable: true }, (lock) => {
          if (left) return undefined;
          if (lock) return lead();
          if (visible) queue();
          return undefined;
        })
        .catch(() => undefined);
    },
    setVisible(shown) {
      visible = shown;
      if (release) {
        // Hidden while a visible tab waits for the lock: hand over. (One that starts waiting later says so.)
        if (!shown) void locks.query().then(({ pending }) => !visible && pending?.some((lock) => lock.name === name) && stepDown());
      } else if (shown) queue();
      else unqueue();
    },
    leave() {
      left = true;
      unqueue();
      stepDown();
      stop();
      channel.close();
    },
  };
}
