import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Observable, Subscription } from 'rxjs';

/** What an ObservableController follows: the Observable made of the host's inputs, as @lit/task's options say it. */
export interface ObservableOptions<T, Args extends readonly unknown[]> {
  /** The host's inputs the Observable depends on, read before each host update. */
  args: () => Args;
  /** Makes the Observable of those inputs; called again only when one of them changed. */
  observable: (args: Args) => Observable<T>;
}

/**
 * Holds the latest value of an Observable made of its host's inputs: before each host update it
 * reads the inputs (`args`), and when one changed it makes the Observable anew (lazily, as
 * `@lit/task` does). Subscribed only while the host is in the page; asks the host to update on each
 * value.
 */
export class ObservableController<T, Args extends readonly unknown[] = readonly unknown[]> implements ReactiveController {
  #observable?: Observable<T>;
  #args?: Args;
  /** The subscription, and the Observable it is to. */
  #subscription?: Subscription;
  #subscribed?: Observable<T>;
  #connected = false;

  readonly #host: ReactiveControllerHost;
  readonly #options: ObservableOptions<T, Args>;

  constructor(
    host: ReactiveControllerHost,
    /** The latest value; the initial one until the Observable speaks. */
    public value: T,
    options: ObservableOptions<T, Args>,
  ) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    if (this.#subscribed !== this.#observable) this.#subscribe();
  }

  /** Reads the inputs; when one changed, follows the new Observable before the host renders. */
  hostUpdate(): void {
    const args = this.#options.args();
    if (this.#args && args.every((arg, index) => Object.is(arg, this.#args![index]))) return;
    this.#args = args;
    this.#observable = this.#options.observable(args);
    if (this.#connected) this.#subscribe();
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

  /** The new Observable is subscribed before the old one is released, so what both share (a feed's request loop) keeps running. */
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
