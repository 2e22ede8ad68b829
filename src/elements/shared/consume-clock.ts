import { ContextEvent } from '@lit/context';
import type { ReactiveElement } from 'lit';
import type { Clock } from '../../clock/page-clock.js';
import { clockContext } from '../../context/clock-context.js';

/**
 * Keeps the host's `clock` property set to the clock its nearest provider (a `<live-ticker>`) gives:
 * what @lit/context's ContextConsumer does with `subscribe: true`, without the options and state a
 * consumer of any context needs. Each time the host connects it asks for the clock; a provider
 * answers now and on every change, with a function that ends the subscription, called when the host
 * disconnects or when another provider answers.
 */
export function consumeClock(host: ReactiveElement & { clock?: Clock | undefined }): void {
  let unsubscribe: (() => void) | undefined;
  // One function for the host's lifetime: a provider (or a ContextRoot) knows its subscribers by it.
  const receive = (clock: Clock, stop?: () => void) => {
    if (unsubscribe !== stop) unsubscribe?.();
    unsubscribe = stop;
    host.clock = clock; // a reactive property of both hosts: a new clock updates the host
  };
  host.addController({
    hostConnected: () => host.dispatchEvent(new ContextEvent(clockContext, host, receive, true)),
    hostDisconnected: () => {
      unsubscribe?.();
      unsubscribe = undefined;
    },
  });
}
