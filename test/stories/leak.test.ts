import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { render } from 'lit';
import sinon from 'sinon';
import '../../src/define.js';
import { defaultClock } from '../../src/clock/page-clock.js';
import { FEED_DEFAULTS } from '../../src/sources/reconnect.js';
import { activeFeeds } from '../../src/store/ticker-state.js';
import { renderTicker, StoryFeed } from '../../stories/harness.js';
import meta from '../../stories/live-ticker.stories.js';
import { itExcept } from '../engines.js';
import { control, fakeTime, feedUrl, settled, uniqueChannel } from '../helpers.js';

const CYCLES = 60;
const T = Date.UTC(2026, 10, 27, 12, 0, 20);
/** The first request waits half the start jitter (Math.random is fixed at 0.5). */
const START = FEED_DEFAULTS.startJitter / 2;

declare global {
  interface Window {
    gc?: () => void;
  }
  interface Performance {
    memory?: { usedJSHeapSize: number };
  }
}

/** The JS heap after a full collection: only Chromium exposes both (`gc()` by flag, `performance.memory`). */
function heap(): number {
  window.gc!();
  return performance.memory!.usedJSHeapSize;
}

/** Mounts and unmounts the seed story `CYCLES` times; `after` is called once the 10th has gone. */
async function seedCycles(after: (cycle: number) => void = () => undefined): Promise<number[]> {
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  const leftOpen: number[] = [];
  for (let cycle = 0; cycle < CYCLES; cycle++) {
    const feed = new StoryFeed();
    render(renderTicker(meta.args as Parameters<typeof renderTicker>[0], feed), container);
    const ticker = container.querySelector('live-ticker')!;
    await settled(ticker);
    expect(ticker.shadowRoot!.querySelectorAll('[part~="item"]'), `cycle ${cycle}`).to.have.length(7);
    expect(feed.clock.size, 'the block’s labels wait on the story clock, as one entry').to.equal(1);
    render(html``, container);
    await Promise.resolve(); // a removed block lets go at the end of the task that removed it
    // Only what the cycle left open is kept, so the heap measures the library, not the test.
    if (feed.source.observed || feed.clock.size > 0) leftOpen.push(cycle);
    after(cycle);
  }
  return leftOpen;
}

describe('mounting and unmounting', () => {
  it(`the seed story ${CYCLES} times leaves no subscription, clock entry or timer`, async () => {
    const time = await fakeTime(sinon, T);
    try {
      const leftOpen = await seedCycles();
      expect(leftOpen, 'cycles that left a subscription or clock entry').to.deep.equal([]);
      expect(defaultClock().size).to.equal(0);
      expect(time.countTimers()).to.equal(0);
    } finally {
      time.restore();
    }
  });

  itExcept({
    firefox: 'a page cannot force a collection or read its heap (no gc(), no performance.memory)',
    webkit: 'a page cannot force a collection or read its heap (no gc(), no performance.memory)',
  })(`the seed story ${CYCLES} times leaves a bounded heap`, async () => {
    const time = await fakeTime(sinon, T);
    try {
      let warmHeap = 0;
      await seedCycles((cycle) => {
        if (cycle === 9) warmHeap = heap();
      });
      const growth = heap() - warmHeap;
      console.log(`heap after 10 cycles ${(warmHeap / 1e6).toFixed(1)} MB; grew ${(growth / 1e3).toFixed(0)} kB over ${CYCLES - 10} more`);
      expect(warmHeap, 'a heap figure to compare').to.be.above(0);
      // A leaked block holds its DOM, items and subscriptions: 50 of them are megabytes.
      expect(growth).to.be.below(1_000_000);
    } finally {
      time.restore();
    }
  });

  it(`a block on a live feed ${CYCLES / 2} times leaves no request loop, open request or timer`, async () => {
    const channel = uniqueChannel('leak');
    const hanging = uniqueChannel('leak-hang');
    await control(channel, { reset: { now: T, publishEvery: 0 } });
    await control(hanging, { reset: { now: T, publishEvery: 0 } });
    await control(hanging, { fail: { hang: true, times: CYCLES } }); // requests there stay in flight until aborted
    const time = await fakeTime(sinon, T);
    sinon.stub(Math, 'random').returns(0.5);
    const fetchSpy = sinon.spy(window, 'fetch');
    // Blocks leave at three moments: while the first request still waits its start jitter, after the
    // feed loaded, and with a request in flight.
    const moments = ['waiting', 'loaded', 'in flight'] as const;
    const expected: (typeof moments)[number][] = [];
    try {
      for (let cycle = 0; cycle < CYCLES / 2; cycle++) {
        const moment = moments[cycle % moments.length]!;
        const url = feedUrl(moment === 'in flight' ? hanging : channel);
        const container = await fixture<HTMLDivElement>(html`<div><live-ticker feed-url=${url}></live-ticker></div>`);
        const ticker = container.querySelector('live-ticker')!;
        const requests = fetchSpy.callCount;
        if (moment === 'loaded') {
          const live = oneEvent(ticker, 'live-ticker-status');
          await time.tickAsync(START);
          await live;
        } else if (moment === 'in flight') {
          await time.tickAsync(START);
        }
        expect(fetchSpy.callCount - requests, `cycle ${cycle} (${moment}): requests made`).to.equal(moment === 'waiting' ? 0 : 1);
        if (moment !== 'waiting') expected.push(moment);
        container.remove();
      }
      await Promise.resolve(); // a removed block lets go at the end of the task that removed it
      expect(activeFeeds().filter((url) => url.includes(channel) || url.includes(hanging))).to.deep.equal([]);
      expect(time.countTimers()).to.equal(0);
      // No tab-sharing lock left held or queued: a released lock goes a moment after its block (the
      // browser's lock manager answers in order), so ask until it is gone, a bounded number of times.
      const ours = async () => {
        const { held = [], pending = [] } = await navigator.locks.query();
        return [...held, ...pending].filter((lock) => lock.name?.includes(channel) || lock.name?.includes(hanging)).length;
      };
      let left = await ours();
      for (let asked = 0; left > 0 && asked < 100; asked++) left = await ours();
      expect(left, 'tab-sharing locks held or pending after every block left').to.equal(0);

      const calls = fetchSpy.getCalls();
      const signals = calls.map((call) => (call.args[1] as RequestInit | undefined)?.signal);
      expect(signals.every((signal) => signal instanceof AbortSignal)).to.equal(true);
      expect(
        signals.map((signal) => signal!.aborted),
        'every request let go: the loaded one and the one in flight',
      ).to.deep.equal(calls.map(() => true));
      const outcomes = await Promise.all(
        calls.map((call) =>
          (call.returnValue as Promise<Response>).then(
            (response) => `answered ${response.status}`,
            (error: unknown) => `failed ${(error as Error).name}`,
          ),
        ),
      );
      // Loaded requests were answered before their block left; the ones in flight ended by abort, not by their timeout.
      expect(outcomes).to.deep.equal(expected.map((moment) => (moment === 'loaded' ? 'answered 200' : 'failed AbortError')));
    } finally {
      sinon.restore();
      time.restore();
    }
  });
});
