import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { httpFeed, readDocument } from '../../src/sources/http-feed.js';
import { FEED_DEFAULTS, parseRetryAfter, retryDelay } from '../../src/sources/reconnect.js';
import { seededRandom } from '../random.js';
import { itExcept } from '../engines.js';
import { control, fakeTime, feedUrl, recordFeed, restoreVisibility, setHidden, stats, uniqueChannel } from '../helpers.js';

const T = Date.UTC(2026, 10, 27, 12, 0, 20);

describe('httpFeed polling a document on the demo feed server', () => {
  let time: sinon.SinonFakeTimers;
  let channel: string;
  let fetchSpy: sinon.SinonSpy;
  let feed: ReturnType<typeof recordFeed>;

  beforeEach(async () => {
    channel = uniqueChannel('poll');
    await control(channel, { reset: { now: T, publishEvery: 0 } });
    time = await fakeTime(sinon, T);
    fetchSpy = sinon.spy(window, 'fetch'); // observes the real fetch; nothing is stubbed
    // Jitter fixed at its middle: intervals of exactly 30 s, first retry after 1 s.
    feed = recordFeed(httpFeed(feedUrl(channel), { random: () => 0.5, startJitter: 0 }), channel);
  });
  afterEach(() => {
    feed.subscription.unsubscribe();
    sinon.restore();
    restoreVisibility();
  });

  /** Requests for the feed itself (the spy also sees the test's control and stats calls). */
  const feedRequests = () => fetchSpy.getCalls().filter((call) => String(call.args[0]).endsWith('/feed.json')).length;

  async function firstLoad(): Promise<void> {
    const snapshot = feed.snapshot();
    await time.tickAsync(0);
    await snapshot;
  }

  it('loads the feed into a snapshot', async () => {
    const snapshot = feed.snapshot();
    await time.tickAsync(0);
    const update = await snapshot;
    expect(update.kind === 'snapshot' && update.items.map((item) => item.place)).to.deep.equal([
      'DOHA',
      'WENEN',
      'LUIK',
      'BRUSSEL',
      'CRANS-MONTANA',
      'ISTANBUL',
      'BRUSSEL',
    ]);
    expect(feed.last()).to.include({ status: 'live', loaded: true });
  });

  it('changes nothing when the feed is unchanged', async () => {
    await firstLoad();
    const statesBefore = feed.states.length;
    const live = feed.status('live');
    await time.tickAsync(30_000);
    await live;
    expect(feedRequests()).to.equal(2);
    expect(feed.states.length).to.equal(statesBefore); // no new state, so no re-render
  });

  itExcept({ webkit: 'an automation session has no HTTP cache, so there is nothing to revalidate' })(
    'revalidates: an unchanged feed is answered 304',
    async () => {
      await firstLoad();
      const live = feed.status('live');
      await time.tickAsync(30_000);
      await live;
      expect(await stats(channel)).to.include({ ok: 1, notModified: 1 });
    },
  );

  it('picks up a new item on the next poll', async () => {
    await firstLoad();
    await control(channel, { publish: { id: 'new', text: 'GENÈVE (ANP/AFP) - Nieuw bericht' } });
    const snapshot = feed.snapshot();
    await time.tickAsync(30_000);
    const update = await snapshot;
    expect(update.kind === 'snapshot' && update.items[0]).to.include({ id: 'new', place: 'GENÈVE', text: 'Nieuw bericht' });
    expect(feed.last()!.items).to.have.length(8);
  });

  it('keeps the items through a 500, backs off, and recovers', async () => {
    await firstLoad();
    await control(channel, { fail: { status: 500 } });
    const failed = feed.status('error');
    await time.tickAsync(30_000);
    const error = await failed;
    expect(error.kind === 'status' && error.error?.details.status).to.equal(500);
    expect(feed.last()).to.include({ status: 'stale' });
    expect(feed.last()!.items).to.have.length(7);

    // Full jitter within 1–2 s, at its middle.
    await time.tickAsync(1499);
    expect(feedRequests()).to.equal(2);
    const live = feed.status('live');
    await time.tickAsync(1);
    expect(feedRequests()).to.equal(3);
    await live;
    expect(feed.last()).to.include({ status: 'live' });
    expect(feed.last()!.items).to.have.length(7);
  });

  it('reports a 2xx without a body (205) as an empty response, not a network error, and keeps the items', async () => {
    await firstLoad();
    await control(channel, { fail: { status: 205 } });
    const failed = feed.status('error');
    await time.tickAsync(30_000);
    const error = await failed;
    expect(error.kind === 'status' && error.error?.kind).to.equal('parse');
    expect(error.kind === 'status' && error.error?.message).to.contain('empty response');
    expect(feed.last()!.items).to.have.length(7);
  });

  it('keeps the items through a malformed body', async () => {
    await firstLoad();
    await control(channel, { fail: { status: 200, body: '{"items": [' } });
    const failed = feed.status('error');
    await time.tickAsync(30_000);
    const error = await failed;
    expect(error.kind === 'status' && error.error?.kind).to.equal('parse');
    expect(feed.last()).to.include({ status: 'stale' });
    expect(feed.last()!.items).to.have.length(7);
  });

  it('backs off within 1–2 s, 1–4 s, 1–8 s over consecutive failures, and polls at the interval again after a success', async () => {
    await firstLoad();
    await control(channel, { fail: { status: 502, times: 3 } });
    let requests = 1;
    // Each backoff at its window's middle.
    for (const wait of [30_000, 1_500, 2_500, 4_500]) {
      const answered = feed.status(requests === 4 ? 'live' : 'error');
      await time.tickAsync(wait - 1);
      expect(feedRequests(), `still waiting ${wait} ms`).to.equal(requests);
      await time.tickAsync(1);
      expect(feedRequests(), `request after ${wait} ms`).to.equal(++requests);
      await answered;
    }
    await time.tickAsync(30_000 - 1);
    expect(feedRequests()).to.equal(5);
    await time.tickAsync(1);
    expect(feedRequests()).to.equal(6);
  });

  it('retries at once when the browser comes back online after a network error', async () => {
    // Nothing listens on port 9: every request fails as a network error.
    const offline = recordFeed(httpFeed('http://127.0.0.1:9/feed.json', { random: () => 0.99, startJitter: 0 }), 'offline');
    const unreachable = () => fetchSpy.getCalls().filter((call) => String(call.args[0]).startsWith('http://127.0.0.1:9/')).length;
    try {
      let failed = offline.status('error');
      await time.tickAsync(0);
      const first = await failed;
      expect(first.kind === 'status' && first.error?.kind).to.equal('network');
      failed = offline.status('error');
      await time.tickAsync(1000); // the backoff (0.99 × 2 s) is not over
      expect(unreachable()).to.equal(1);
      window.dispatchEvent(new Event('online'));
      await time.tickAsync(0);
      expect(unreachable(), 'retried without waiting out the backoff').to.equal(2);
      await failed;
    } finally {
      offline.subscription.unsubscribe();
    }
  });

  it('does not cut a server-requested Retry-After short when the browser comes online', async () => {
    await firstLoad();
    await control(channel, { fail: { status: 503, retryAfter: '120' } });
    const failed = feed.status('error');
    await time.tickAsync(30_000);
    await failed;
    window.dispatchEvent(new Event('online'));
    await time.tickAsync(60_000);
    expect(feedRequests()).to.equal(2);
  });

  it('honours Retry-After', async () => {
    await firstLoad();
    await control(channel, { fail: { status: 503, retryAfter: '120' } });
    const failed = feed.status('error');
    await time.tickAsync(30_000);
    await failed;
    // Not before 120 s: the middle of a 1-s window that starts there.
    await time.tickAsync(120_500 - 1);
    expect(feedRequests()).to.equal(2);
    const live = feed.status('live');
    await time.tickAsync(1);
    expect(feedRequests()).to.equal(3);
    await live;
  });

  it('sends no request and keeps no timer while hidden, and catches up at once when shown', async () => {
    await firstLoad();
    setHidden(true);
    expect(time.countTimers()).to.equal(0);
    await time.tickAsync(10 * 60_000);
    expect(feedRequests()).to.equal(1);
    const live = feed.status('live');
    setHidden(false);
    await time.tickAsync(0);
    expect(feedRequests()).to.equal(2);
    await live;
  });

  it('makes its first request only once the page is visible', async () => {
    feed.subscription.unsubscribe();
    setHidden(true);
    const fresh = httpFeed(feedUrl(channel), { startJitter: 0 }).subscribe();
    await time.tickAsync(60_000);
    expect(feedRequests()).to.equal(0);
    setHidden(false);
    await time.tickAsync(0);
    expect(feedRequests()).to.equal(1);
    fresh.unsubscribe();
  });
});

describe('reading a document', () => {
  it('reads a response without a body (a 205, or what a service worker makes) as empty, not as a network error', async () => {
    expect(await readDocument(new Response(null, { status: 205 }), 'https://feed.example/', 1024)).to.equal('');
    expect(await readDocument(new Response(null, { status: 200 }), 'https://feed.example/', 1024)).to.equal('');
  });
});

describe('backoff', () => {
  const options = { retryBase: FEED_DEFAULTS.retryBase, retryMax: FEED_DEFAULTS.retryMax };

  it('grows exponentially under a cap, with full jitter, never under a second', () => {
    const caps = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((failures) => retryDelay(failures, options, 0.999_999));
    expect(caps.map((ms) => Math.round(ms / 1000))).to.deep.equal([2, 4, 8, 16, 32, 64, 128, 256, 300, 300]);
    expect(retryDelay(5, options, 0)).to.equal(1000);
    expect(retryDelay(50, options, 0.5)).to.equal(150_500);
  });

  // With a floor the draws pile up on (max(1 s, random · 2 s)), half the readers that failed together
  // came back in the same millisecond.
  it('spreads readers that failed together over the whole window, none piled up on its floor', () => {
    const random = seededRandom(23);
    for (const failures of [1, 2, 3]) {
      const delays = Array.from({ length: 1000 }, () => Math.round(retryDelay(failures, options, random())));
      const counts = new Map<number, number>();
      for (const delay of delays) counts.set(delay, (counts.get(delay) ?? 0) + 1);
      expect(Math.max(...counts.values()), `readers in one millisecond after ${failures} failures`).to.be.below(10);
      expect(Math.min(...delays)).to.be.at.least(1000);
    }
  });

  it('never retries sooner than Retry-After, and spreads those that are told the same', () => {
    expect(retryDelay(1, options, 0, 90_000)).to.equal(90_000);
    expect(retryDelay(1, options, 0.5, 90_000)).to.equal(90_500);
  });

  it('reads Retry-After as seconds or an HTTP date, capped at an hour', () => {
    const now = Date.UTC(2026, 10, 27, 12);
    expect(parseRetryAfter('120', now)).to.equal(120_000);
    expect(parseRetryAfter('Fri, 27 Nov 2026 12:02:00 GMT', now)).to.equal(120_000);
    expect(parseRetryAfter('Fri, 27 Nov 2026 11:00:00 GMT', now)).to.equal(0);
    expect(parseRetryAfter('999999', now)).to.equal(3_600_000);
    expect(parseRetryAfter('soon', now)).to.equal(undefined);
    expect(parseRetryAfter(null, now)).to.equal(undefined);
  });
});
