import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Subscription, type Observable } from 'rxjs';
import { customUpdates, type TickerUpdateInput } from '../../sources/custom-source.js';
import { sharedFeed, sourceState } from '../../sources/shared-feed.js';
import { MAX_SOURCE_ITEMS, mergeSources, type SourceState, type TickerState } from '../../store/store.js';

export interface FeedSpec {
  /** Feed URLs, merged into one list. */
  readonly urls: readonly string[];
  /** A developer's own Observable, merged in as one more source. */
  readonly custom?: Observable<TickerUpdateInput> | undefined;
}

const NO_SOURCES: TickerState = { items: [], status: 'live' };

/**
 * Connects a host to its feeds: subscribes while the host is connected, releases every
 * subscription (and so every request and timer behind it) when it is disconnected.
 */
export class FeedController implements ReactiveController {
  state: TickerState = NO_SOURCES;
  private spec: FeedSpec = { urls: [] };
  private subscription?: Subscription;
  private connected = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Points the controller at other sources; resubscribes only when they really changed. */
  setSpec(spec: FeedSpec): void {
    const same = spec.custom === this.spec.custom && spec.urls.join(' ') === this.spec.urls.join(' ');
    this.spec = spec;
    if (!same && this.connected) this.subscribe();
  }

  hostConnected(): void {
    this.connected = true;
    this.subscribe();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.subscription?.unsubscribe();
    this.subscription = undefined;
  }

  private subscribe(): void {
    this.subscription?.unsubscribe();
    const states = this.spec.urls.map((url) => sharedFeed(url));
    if (this.spec.custom) states.push(sourceState('custom', customUpdates(this.spec.custom)));
    if (states.length === 0) {
      this.update(NO_SOURCES);
      return;
    }
    // The latest state of every source, merged once all have spoken (each starts with its initial state).
    const latest: (SourceState | undefined)[] = states.map(() => undefined);
    const subscription = new Subscription();
    states.forEach((state$, index) => {
      subscription.add(
        state$.subscribe({
          next: (state) => {
            latest[index] = state;
            if (latest.every(Boolean)) this.update(mergeSources(latest as SourceState[], MAX_SOURCE_ITEMS));
          },
          // Sources never error by design; should one still, the block keeps what it shows.
          error: (error: unknown) => console.warn('live-ticker: feed stopped', error),
        }),
      );
    });
    this.subscription = subscription;
  }

  private update(state: TickerState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
