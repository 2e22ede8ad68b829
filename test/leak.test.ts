import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { render } from 'lit';
import sinon from 'sinon';
import '../src/define.js';
import { defaultClock } from '../src/clock/page-clock.js';
import { FEED_DEFAULTS } from '../src/sources/reconnect.js';
import { activeFeeds } from '../src/store/ticker-state.js';
import { renderTicker, StoryFeed } from '../stories/harness.js';
import meta from '../stories/live-ticker.stories.js';
import { control, fakeTime, feedUrl, settled, uniqueChannel } from './helpers.js';

const CYCLES = 60;
const T = Date.UTC(2026, 10, 27, 12, 0, 20);

declare global {
  interface Window {
    gc?: () => void;
  }
  interface Performance {
    memory?: { usedJSHeapSize: number };
  }
}

function heap(): number {
  window.gc?.();
  return performance.memory?.usedJSHeapSize ?? 0;
}

describe('mounting and unmounting', () => {
  it(`the seed story ${CYCLES} times leaves no subscription, clock entry or timer, and a bounded heap`, async () => {
    const time = await fakeTime(sinon, T);
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const leftOpen: number[] = [];
    let warmHeap = 0;
    try {
      for (let cycle = 0; cycle < CYCLES; cycle++) {
        const feed = new StoryFeed();
        render(renderTicker(meta.args as Parameters<typeof renderTicker>[0], feed), container);
        const ticker = container.querySelector('live-ticker')!;
        await settled(ticker);
        expect(ticker.shadowRoot!.querySelectorAll('live-ticker-item'), `cycle ${cycle}`).to.have.length(7);
        expect(feed.clock.size, 'labels wait on the story clock').to.equal(7);
        render(html``, container);
        await Promise.resolve(); // a removed block lets go at the end of the task that removed it
        // Only what the cycle left open is kept, so the heap measures the library, not the test.
        if (feed.source.observed || feed.clock.size > 0) leftOpen.push(cycle);
        if (cycle === 9) warmHeap = heap();
      }
      expect(leftOpen, 'cycles that left a subscription or clock entry').to.deep.equal([]);
      expect(defaultClock().size).to.equal(0);
      expect(time.countTimers()).to.equal(0);
      const growth = heap() - warmHeap;
      console.log(`heap after 10 cycles ${(warmHeap / 1e6).toFixed(1)} MB; grew ${(growth / 1e3).toFixed(0)} kB over ${CYCLES - 10} more`);
      // A leaked block holds its DOM, items and subscriptions: 50 of them are megabytes.
      expect(growth).to.be.below(1_000_000);
    } finally {
      time.restore();
    }
  });

  it(`a block on a live feed ${CYCLES / 2} times leaves no request loop, request or timer`, async () => {
    const channel = uniqueChannel('leak');
    await control(channel, { reset: { now: T, publishEvery: 0 } });
    const time = await fakeTime(sinon, T);
    sinon.stub(Math, 'random').returns(0.5);
    const fetchSpy = sinon.spy(window, 'fetch');
    try {
      for (let cycle = 0; cycle < CYCLES / 2; cycle++) {
        const container = await fixture<HTMLDivElement>(html`<div><live-ticker feed-url=${feedUrl(channel)}></live-ticker></div>`);
        const ticker = container.querySelector('live-ticker')!;
        if (cycle % 2 === 0) {
          // Every other block stays until its feed loaded; the rest leave with the first request still waiting.
          const live = oneEvent(ticker, 'live-ticker-status');
          await time.tickAsync(FEED_DEFAULTS.startJitter / 2);
          await live;
        }
        container.remove();
      }
      await Promise.resolve(); // a removed block lets go at the end of the task that removed it
      expect(activeFeeds().filter((url) => url.includes(channel))).to.deep.equal([]);
      expect(time.countTimers()).to.equal(0);
      const signals = fetchSpy.getCalls().map((call) => (call.args[1] as RequestInit | undefined)?.signal);
      expect(signals.length).to.equal(CYCLES / 4 + ((CYCLES / 2) % 2));
      // Every request either finished or was aborted: none is left open.
      const settledRequests = await Promise.all(
        fetchSpy.getCalls().map((call) =>
          (call.returnValue as Promise<Response>).then(
            () => true,
            () => true,
          ),
        ),
      );
      expect(settledRequests.every(Boolean)).to.equal(true);
    } finally {
      sinon.restore();
      time.restore();
    }
  });
});
