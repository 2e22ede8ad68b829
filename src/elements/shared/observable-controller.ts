import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Observable, Subscription } from 'rxjs';

/**
 * Holds the latest value of an Observable for a host, subscribed only while the host is in the
 * page, and asks the host to update on each value.
 */
export class ObservableController<T> implements ReactiveController {
  #observable?: Observable<T>;
  /** The subscription, and the Observable it is to. */
  #subscription?: Subscription;
  #subscribed?: Observable<T>;
  #connected = false;

  readonly #host: ReactiveControllerHost;

  constructor(
    host: ReactiveControllerHost,
    /** The latest value; the initial one until the Observable speaks. */
    public value: T,
  ) {
    this.#host = host;
    host.addController(this);
  }

  /**
   * Follows another Observable. The new one is subscribed before the old one is released, so what
   * both share (a feed's request loop) keeps running.
   */
  observe(observable: Observable<T>): void {
    this.#observable = observable;
    if (this.#connected) this.#subscribe();
  }

  hostConnected(): void {
    this.#connected = true;
    if (this.#subscribed !== this.#observable) this.#subscribe();
  }

  hostDisconnected(): void {
    this.#connected = false;
    // Let go once the current script is done: a host moved in the page (taken out and put back at
    // once) keeps its subscription, so its feed neither restarts nor forgets what it showed.
    queueMicrotask(() => {
      if (this.#connected) return;
      this.#subscription?.unsubscribe();
      this.#subscription = undefined;
      this.#subscribed = undefined;
    });
  }

  #subscribe(): void {
    const previous = this.#subscription;
    this.#subscribed = this.#observable;
    this.#subscription = this.#observable?.subscribe({
      next: (value) => {
        this.value = value;
        this.#host.requestUpdate();
      },
      // The store's Observables carry failures as values; should one still fail, the host keeps what it shows.
      error: (error: unknown) => console.warn('live-ticker: stopped updating', error),
    });
    previous?.unsubscribe();
  }
}
