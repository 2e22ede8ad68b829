import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { PageClock, type ClockSubscriber } from '../../src/clock/page-clock.js';
import { fakeTime, restoreVisibility, setHidden } from '../helpers.js';

const T = Date.UTC(2026, 10, 27, 12);

function recorder(): ClockSubscriber & { ticks: number[] } {
  const ticks: number[] = [];
  return { ticks, clockTick: (now) => ticks.push(now) };
}

describe('PageClock', () => {
  let time: sinon.SinonFakeTimers;
  let clock: PageClock;

  beforeEach(async () => {
    time = await fakeTime(sinon, T);
    clock = new PageClock({ document });
  });
  afterEach(() => {
    clock.dispose();
    time.restore();
    restoreVisibility();
  });

  it('keeps one timer for any number of subscribers and wakes each at its moment, within a second', async () => {
    const subscribers = Array.from({ length: 100 }, recorder);
    subscribers.forEach((subscriber, i) => clock.schedule(subscriber, T + 60_000 + (i % 3) * 60_000));
    expect(time.countTimers()).to.equal(1);
    await time.tickAsync(60_000 - 1);
    expect(subscribers.every((s) => s.ticks.length === 0)).to.equal(true);
    await time.tickAsync(1000);
    const firstWave = subscribers.filter((s) => s.ticks.length === 1);
    expect(firstWave).to.have.length(34);
    expect(firstWave.every((s) => s.ticks[0]! >= T + 60_000 && s.ticks[0]! < T + 61_000)).to.equal(true);
    expect(clock.wakeups).to.equal(1);
    await time.tickAsync(120_000);
    expect(subscribers.every((s) => s.ticks.length === 1)).to.equal(true);
    expect(clock.wakeups).to.equal(3);
    expect(time.countTimers()).to.equal(0);
  });

  it('moves its one timer earlier when an earlier moment is asked for, and drops it when nothing waits', () => {
    const late = recorder();
    const early = recorder();
    clock.schedule(late, T + 3_600_000);
    clock.schedule(early, T + 1000);
    expect(time.countTimers()).to.equal(1);
    clock.cancel(early);
    clock.cancel(late);
    expect(time.countTimers()).to.equal(0);
  });

  it('runs no timer while the page is hidden and catches up at once when shown', async () => {
    const subscriber = recorder();
    clock.schedule(subscriber, T + 60_000);
    setHidden(true);
    expect(time.countTimers()).to.equal(0);
    await time.tickAsync(10 * 60_000);
    expect(subscriber.ticks).to.deep.equal([]);
    expect(clock.wakeups).to.equal(0);
    setHidden(false);
    expect(subscriber.ticks).to.deep.equal([T + 10 * 60_000]);
  });

  it('keeps waking the others when one subscriber throws', async () => {
    const error = sinon.stub(console, 'error');
    const good = recorder();
    try {
      clock.schedule(
        {
          clockTick: () => {
            throw new Error('broken label');
          },
        },
        T + 1000,
      );
      clock.schedule(good, T + 1000);
      await time.tickAsync(2000);
    } finally {
      error.restore();
    }
    expect(good.ticks).to.have.length(1);
    expect(error.calledOnce).to.equal(true);
    expect(String(error.firstCall.args.join(' '))).to.contain('broken label');
  });

  it('never sleeps longer than its cap, so a suspended machine catches up', async () => {
    const subscriber = recorder();
    clock.schedule(subscriber, T + 3 * 3_600_000);
    await time.tickAsync(5 * 60_000 + 100);
    expect(clock.wakeups).to.equal(1);
    expect(subscriber.ticks).to.deep.equal([]);
    expect(time.countTimers()).to.equal(1);
  });
});

describe('VirtualClock', () => {
  it('stands still until advanced, then wakes each subscriber at its moment', async () => {
    const { VirtualClock } = await import('../../src/clock/virtual-clock.js');
    const clock = new VirtualClock(T);
    const first = recorder();
    const second = recorder();
    clock.schedule(first, T + 60_000);
    clock.schedule(second, T + 120_000);
    clock.schedule({ clockTick: (now) => clock.schedule(first, now + 60_000) }, T + 90_000);
    clock.advance(59_999);
    expect(first.ticks).to.deep.equal([]);
    clock.advance(100_000);
    expect(first.ticks.map((at) => at - T)).to.deep.equal([60_020, 150_040]);
    expect(second.ticks.map((at) => at - T)).to.deep.equal([120_020]);
    expect(clock.now()).to.equal(T + 159_999);
    clock.dispose();
  });
});
