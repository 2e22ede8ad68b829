import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define.js';
import { defaultClock, type ClockSubscriber } from '../../src/clock/page-clock.js';
import { VirtualClock } from '../../src/clock/virtual-clock.js';
import type { LiveTicker } from '../../src/elements/live-ticker/live-ticker.js';
import type { LiveTickerStatusEvent } from '../../src/elements/live-ticker/events.js';
import type { LiveTickerTime } from '../../src/elements/live-ticker-time/live-ticker-time.js';
import { FEED_DEFAULTS } from '../../src/sources/reconnect.js';
import { serverTimeOf } from '../../src/sources/server-time.js';
import { control, fakeTime, feedUrl, labels, settled, shadowText, uniqueChannel } from '../helpers.js';
import { SEED_LABELS } from '../seed-labels.mjs';

const T = Date.UTC(2026, 10, 27, 12, 0, 20);
const MINUTE = 60_000;
const dateHeader = (time: number, age?: number) =>
  new Headers({ Date: new Date(time).toUTCString(), ...(age ? { Age: String(age) } : {}) });

describe('labels on a wrong reader clock', () => {
  let clock: VirtualClock;
  beforeEach(() => {
    clock = new VirtualClock(T);
  });
  afterEach(() => clock.dispose());
  /** A response with these headers arrives now, by the reader's clock. */
  const reportServerDate = (headers: Headers) => {
    const time = serverTimeOf(headers, clock.now() - clock.correction);
    if (time) clock.reportServerTime(time.at, time.receivedAt);
  };

  it('count from the server when its Date differs from the reader’s clock by more than a minute', () => {
    reportServerDate(dateHeader(T + 10 * MINUTE));
    expect(clock.correction).to.equal(10 * MINUTE + 500);
    expect(clock.now()).to.equal(T + 10 * MINUTE + 500);
  });

  it('stay on the reader’s clock within a minute, either way', () => {
    reportServerDate(dateHeader(T + 59_000));
    expect(clock.correction).to.equal(0);
    clock.advance(MINUTE);
    reportServerDate(dateHeader(T + MINUTE - 60_000));
    expect(clock.correction).to.equal(0);
    expect(clock.now()).to.equal(T + MINUTE);
  });

  it('use the freshest reading: an older one (a cached copy) is ignored, a fresher one that agrees ends the correction', () => {
    reportServerDate(dateHeader(T - 30 * MINUTE));
    expect(clock.correction).to.equal(-30 * MINUTE + 500);
    reportServerDate(dateHeader(T - 45 * MINUTE));
    expect(clock.correction).to.equal(-30 * MINUTE + 500);
    reportServerDate(dateHeader(T));
    expect(clock.correction).to.equal(0);
  });

  it('count the Age a cache added to the Date', () => {
    reportServerDate(dateHeader(T + 5 * MINUTE, 300));
    expect(clock.correction).to.equal(10 * MINUTE + 500);
  });

  it('ignore a missing or unreadable Date', () => {
    reportServerDate(new Headers());
    reportServerDate(new Headers({ Date: 'gisteren' }));
    expect(clock.correction).to.equal(0);
  });

  it('refresh every label at once on a correction, and none for a reading within the noise', async () => {
    const label = await fixture<LiveTickerTime>(
      html`<live-ticker-time lang="nl" datetime=${new Date(T - 3 * MINUTE).toISOString()} .clock=${clock}></live-ticker-time>`,
    );
    expect(shadowText(label)).to.equal('3 minuten geleden');
    const ticks = sinon.spy();
    const other: ClockSubscriber = { clockTick: ticks };
    clock.schedule(other, T + MINUTE);
    reportServerDate(dateHeader(T + 10 * MINUTE));
    await label.updateComplete;
    expect(shadowText(label)).to.equal('13 minuten geleden');
    expect(ticks.callCount).to.equal(1);
    clock.schedule(other, T + 11 * MINUTE);
    reportServerDate(dateHeader(T + 10 * MINUTE + 1000));
    expect(ticks.callCount).to.equal(1);
  });
});

describe('<live-ticker feed-url> whose server clock is 10 minutes ahead of the reader’s', () => {
  let time: sinon.SinonFakeTimers;
  afterEach(() => {
    sinon.restore();
    time.restore();
  });

  async function mountAt(channel: string, clock?: VirtualClock): Promise<LiveTicker> {
    time = await fakeTime(sinon, T);
    sinon.stub(Math, 'random').returns(0.5);
    const ticker = await fixture<LiveTicker>(html`<live-ticker lang="nl" feed-url=${feedUrl(channel)} .clock=${clock}></live-ticker>`);
    const live = (async () => {
      while (((await oneEvent(ticker, 'live-ticker-status')) as LiveTickerStatusEvent).status !== 'live');
    })();
    await time.tickAsync(FEED_DEFAULTS.startJitter);
    await live;
    await settled(ticker);
    return ticker;
  }

  // The server's seed items are 13, 14, 16, 18 and 60+ minutes old by its own clock: 3, 4, 6 and 8
  // minutes by the reader's, which is 10 minutes slow.
  it('reads the reader’s clock when the server sends no Date (or does not expose it)', async () => {
    const channel = uniqueChannel('no-date');
    await control(channel, { reset: { now: T + 10 * MINUTE, publishEvery: 0 } });
    const ticker = await mountAt(channel);
    expect(defaultClock().correction).to.equal(0);
    expect(labels(ticker).slice(0, 4)).to.deep.equal(['3 minuten geleden', '4 minuten geleden', '6 minuten geleden', '8 minuten geleden']);
  });

  it('counts from the server’s Date: every label as the newsroom sees it', async () => {
    const channel = uniqueChannel('skewed');
    await control(channel, { reset: { now: T + 10 * MINUTE, publishEvery: 0, sendDate: true } });
    const ticker = await mountAt(channel);
    expect(defaultClock().correction).to.be.within(10 * MINUTE - 5_000, 10 * MINUTE + 5_000);
    expect(labels(ticker)).to.deep.equal(SEED_LABELS);
  });

  it('corrects the block’s own clock when it has one, and leaves the page’s alone', async () => {
    const channel = uniqueChannel('own-clock');
    await control(channel, { reset: { now: T + 10 * MINUTE, publishEvery: 0, sendDate: true } });
    const clock = new VirtualClock(T);
    const before = defaultClock().correction;
    const ticker = await mountAt(channel, clock);
    // The feed's requests ran on the faked page time; the virtual clock stood at the same T.
    expect(clock.correction).to.be.within(10 * MINUTE - 5_000, 10 * MINUTE + 5_000);
    expect(defaultClock().correction).to.equal(before);
    expect(labels(ticker)).to.deep.equal(SEED_LABELS);
    clock.dispose();
  });
});
