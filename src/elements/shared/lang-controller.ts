import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { resolveLang, watchLang } from '../../i18n/lang.js';

/**
 * The language a host speaks (`lang` on it or the nearest ancestor, see resolveLang), looked up once
 * per connection and again when any `lang` in the page changes, when it calls `changed` (by default:
 * the host updates). One MutationObserver serves every host on the page.
 */
export class LangController implements ReactiveController {
  #lang?: string | undefined;
  #unwatch?: (() => void) | undefined;
  readonly #host: ReactiveControllerHost & Element;
  readonly #changed: () => void;

  constructor(host: ReactiveControllerHost & Element, changed = () => host.requestUpdate()) {
    this.#host = host;
    this.#changed = changed;
    host.addController(this);
  }

  get lang(): string {
    return (this.#lang ??= resolveLang(this.#host));
  }

  hostConnected(): void {
    this.#lang = undefined;
    this.#unwatch = watchLang(() => {
      this.#lang = undefined;
      this.#changed();
    });
  }

  hostDisconnected(): void {
    this.#unwatch?.();
    this.#unwatch = undefined;
  }
}
