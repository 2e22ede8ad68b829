import { ContextProvider, ContextRoot } from '@lit/context';
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define.js';
import { VirtualClock } from '../../../src/clock/virtual-clock.js';
import { clockContext } from '../../../src/context/clock-context.js';
import type { LiveTickerTime } from '../../../src/elements/live-ticker-time/live-ticker-time.js';

const T = Date.UTC(2026, 10, 27, 12, 0, 20);

/** A provider that tells how many consumers it has. */
class CountingProvider extends ContextProvider<typeof clockContext> {
  get subscribers(): number {
    return this.subscriptions.size;
  }
}

/** A `<div>` that provides a clock, as a `<live-ticker>` does for the items inside it. */
function provider(element: HTMLElement, clock: VirtualClock) {
  return new CountingProvider(element, { context: clockContext, initialValue: clock });
}

describe('consumeClock', () => {
  let clocks: VirtualClock[];
  beforeEach(() => {
    clocks = [new VirtualClock(T), new VirtualClock(T), new VirtualClock(T)];
  });
  afterEach(() => clocks.forEach((clock) => clock.dispose()));

  it('takes the nearest provider’s clock and follows its changes, once subscribed', async () => {
    const [outerClock, innerClock, nextClock] = clocks as [VirtualClock, VirtualClock, VirtualClock];
    const outer = await fixture<HTMLDivElement>(html`<div><div></div></div>`);
    const inner = outer.firstElementChild as HTMLDivElement;
    const outerProvider = provider(outer, outerClock);
    const innerProvider = provider(inner, innerClock);
    const label = document.createElement('live-ticker-time') as LiveTickerTime;
    inner.append(label);
    expect(label.clock).to.equal(innerClock);
    expect(innerProvider.subscribers).to.equal(1);
    expect(outerProvider.subscribers).to.equal(0);
    innerProvider.setValue(nextClock);
    expect(label.clock).to.equal(nextClock);
    await label.updateComplete;
  });

  it('lets go of a provider when it moves to another and when it is removed', async () => {
    const [firstClock, secondClock, laterClock] = clocks as [VirtualClock, VirtualClock, VirtualClock];
    const container = await fixture<HTMLDivElement>(html`<div><div></div><div></div></div>`);
    const [first, second] = [...container.children] as [HTMLDivElement, HTMLDivElement];
    const firstProvider = provider(first, firstClock);
    const secondProvider = provider(second, secondClock);
    const label = document.createElement('live-ticker-time') as LiveTickerTime;
    first.append(label);
    second.append(label);
    expect(label.clock).to.equal(secondClock);
    expect(firstProvider.subscribers, 'the first provider let go').to.equal(0);
    expect(secondProvider.subscribers).to.equal(1);
    firstProvider.setValue(laterClock);
    expect(label.clock, 'no longer told of the first provider’s changes').to.equal(secondClock);
    label.remove();
    expect(secondProvider.subscribers, 'removed: no subscription left').to.equal(0);
    secondProvider.setValue(laterClock);
    expect(label.clock).to.equal(secondClock);
  });

  it('is answered by a provider that comes later through a page’s ContextRoot (which keeps only subscribing requests), with one subscription though it asked twice', async () => {
    const [clock] = clocks as [VirtualClock];
    const container = await fixture<HTMLDivElement>(html`<div><div></div></div>`);
    const inner = container.firstElementChild as HTMLDivElement;
    const root = new ContextRoot();
    root.attach(container);
    try {
      const label = document.createElement('live-ticker-time') as LiveTickerTime;
      inner.append(label); // no provider yet: the root keeps the request
      label.remove();
      inner.append(label); // asked again, with the same callback
      expect(label.clock).to.equal(undefined);
      const late = provider(inner, clock);
      late.hostConnected(); // it announces itself, and the root asks again for the waiting label
      expect(label.clock).to.equal(clock);
      expect(late.subscribers, 'one subscription').to.equal(1);
    } finally {
      root.detach(container);
    }
  });

  it('moves to a provider that appears between it and the one it has, and lets go of the old one', async () => {
    const [outerClock, innerClock] = clocks as [VirtualClock, VirtualClock];
    const outer = await fixture<HTMLDivElement>(html`<div><div></div></div>`);
    const inner = outer.firstElementChild as HTMLDivElement;
    const outerProvider = provider(outer, outerClock);
    const label = document.createElement('live-ticker-time') as LiveTickerTime;
    inner.append(label);
    expect(label.clock).to.equal(outerClock);
    // A provider announces itself when it connects (a ReactiveElement host does so by itself).
    provider(inner, innerClock).hostConnected();
    expect(label.clock).to.equal(innerClock);
    expect(outerProvider.subscribers, 'the outer provider let go').to.equal(0);
  });
});
