import { ContextConsumer } from '@lit/context';
import type { ReactiveElement } from 'lit';
import type { Clock } from '../../clock/page-clock.js';
import { clockContext } from '../../context/clock-context.js';

/** Keeps the host's `clock` property set to the clock its nearest provider (a `<live-ticker>`) gives. */
export function consumeClock(host: ReactiveElement & { clock?: Clock | undefined }): void {
  new ContextConsumer(host, { context: clockContext, subscribe: true, callback: (clock) => (host.clock = clock) });
}
