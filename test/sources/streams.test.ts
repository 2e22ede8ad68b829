import { expect } from '@open-wc/testing';
import type { Observable } from 'rxjs';
import sinon from 'sinon';
import type { FeedUpdate } from '../../src/model.js';
import { httpFeed } from '../../src/sources/http-feed.js';
import { FEED_DEFAULTS, type FeedOptions } from '../../src/sources/reconnect.js';
import { websocketFeed } from '../../src/sources/websocket-feed.js';
import { engine } from '../engines.js';
import { control, recordFeed, stats, useDemoChannel } from '../helpers.js';

const T = Date.UTC(2026, 10, 27, 12, 0, 20);

/** A stream transport as a source reads it from the demo feed server. */
interface Transport {
  readonly name: string;
  readonly url: (channel: string) => string;
  readonly open: (url: string, options: FeedOptions) => Observable<FeedUpdate>;
  /** How long after a drop it reconnects: SSE after the server's `retry: 1000`, WebSocket after its own delay. */
  readonly reconnectAfter: number;
}

const TRANSPORTS: readonly Transport[] = [
  { name: 'Server-Sent Events (httpFeed)', url: (channel) => `/feeds/${channel}/events`, open: httpFeed, reconnectAfter: 1000 },
  {
    name: 'WebSocket (websocketFeed)',
    url: (channel) => `ws://${location.host}/feeds/${channel}/ws`,
    open: websocketFeed,
    reconnectAfter: FEED_DEFAULTS.reconnect,
  },
  {
    name: 'WebSocket resuming with ws+meta.nchan (websocketFeed)',
    url: (channel) => `ws://${location.host}/feeds/${channel}/ws#ws+meta.nchan`,
    open: websocketFeed,
    reconnectAfter: FEED_DEFAULTS.reconnect,
  },
];

/** Opens `source` at virtual time's current moment and waits for its first list of items. */
async function openLive(source: Observable<FeedUpdate>, channel: string, time: sinon.SinonFakeTimers) {
  const feed = recordFeed(source, channel);
  const first = feed.upsert();
  await time.tickAsync(0);
  await first;
  return feed;
}

for (const transport of TRANSPORTS) {
  describe(`${transport.name} from the demo feed server`, () => {
    const current = useDemoChannel(sinon, 'stream', T);
    beforeEach(() => sinon.stub(console, 'warn'));
    const source = () => transport.open(transport.url(current.channel), { random: () => 0.5, startJitter: 0 });

    it('opens, receives the feed, then new items and deletions as they happen', async () => {
      const { channel, time } = current;
      const feed = await openLive(source(), channel, time);
      expect(feed.last()).to.include({ status: 'live' });
      expect(feed.last().items).to.have.length(7);

      const published = feed.upsert('breaking');
      await control(channel, { publish: { id: 'breaking', text: 'GENÈVE (ANP/AFP) - Net binnen' } });
      await published;
      expect(feed.last().items[0]).to.include({ id: 'breaking', place: 'GENÈVE' });

      const deleted = feed.next((u) => u.kind === 'delete');
      await control(channel, { delete: 'breaking' });
      await deleted;
      expect(feed.last().items.map((item) => item.id)).to.not.include('breaking');
      feed.subscription.unsubscribe();
    });

    it('keeps what it shows through a dropped connection, reconnects, and gets what was published meanwhile', async () => {
      const { channel, time } = current;
      const feed = await openLive(source(), channel, time);
      const dropped = feed.status('connecting');
      await control(channel, { drop: true });
      await dropped;
      expect(feed.last()).to.include({ status: 'live' }); // only a failed reconnection makes it stale
      expect(feed.last().items).to.have.length(7);

      await control(channel, { publish: { id: 'meanwhile', text: 'OSLO (ANP) - Intussen' } });
      const missed = feed.upsert('meanwhile');
      await time.tickAsync(transport.reconnectAfter);
      await missed;
      expect(feed.last()).to.include({ status: 'live' });
      expect(feed.last().items.map((item) => item.id)).to.include('meanwhile');
      expect(feed.last().items).to.have.length(8);
      expect((await stats(channel)).streams).to.equal(2);
      feed.subscription.unsubscribe();
    });

    it('backs off when the server refuses the connection, then connects', async () => {
      const { channel, time } = current;
      await control(channel, { fail: { status: 503 } });
      const feed = recordFeed(source(), channel);
      const failed = feed.status('error');
      await time.tickAsync(0);
      await failed;
      expect(feed.last()).to.include({ status: 'error' });
      // Full jitter within 1–2 s, at its middle.
      await time.tickAsync(1499);
      expect((await stats(channel)).streams, 'no retry within the first 1.5 s').to.equal(0);
      const live = feed.upsert();
      await time.tickAsync(1);
      await live;
      expect(feed.last()).to.include({ status: 'live' });
      feed.subscription.unsubscribe();
    });
  });
}

describe('websocketFeed where a failed open fires only `error`', () => {
  const current = useDemoChannel(sinon, 'wserror', T);

  it('ends the attempt at once, not at the connection timeout (Node 20’s WebSocket fires no `close` then: nodejs/undici#3546)', async () => {
    const { channel, time } = current;
    let errored!: () => void;
    const error = new Promise<void>((resolve) => (errored = resolve));
    // A browser's socket whose `close` handler is never called, as in that runtime.
    class ErrorOnlyWebSocket extends WebSocket {
      constructor(...args: ConstructorParameters<typeof WebSocket>) {
        super(...args);
        this.addEventListener('error', () => errored());
      }
      override set onclose(_handler: unknown) {}
      override get onclose(): null {
        return null;
      }
    }
    sinon.replace(globalThis, 'WebSocket', ErrorOnlyWebSocket);
    await control(channel, { fail: { status: 503 } }); // the handshake is answered 503: it fails in every engine
    const feed = recordFeed(websocketFeed(`ws://${location.host}/feeds/${channel}/ws`, { random: () => 0.5, startJitter: 0 }), channel);
    try {
      await time.tickAsync(0);
      await error;
      await time.tickAsync(0); // no virtual time passes: nowhere near the 15-s timeout
      expect(feed.last()).to.include({ status: 'error' });
      expect(feed.last().error?.message).to.match(/connection failed/);
    } finally {
      feed.subscription.unsubscribe();
    }
  });

  it('reports a connection timeout as one, where closing a socket still opening fires `error` at once (as Node’s does)', async () => {
    const { channel, time } = current;
    class SyncErrorOnCloseWebSocket extends WebSocket {
      override close(...args: Parameters<WebSocket['close']>): void {
        if (this.readyState === 0) this.dispatchEvent(new Event('error'));
        super.close(...args);
      }
    }
    sinon.replace(globalThis, 'WebSocket', SyncErrorOnCloseWebSocket);
    await control(channel, { fail: { hang: true } }); // the handshake is never answered
    const feed = recordFeed(websocketFeed(`ws://${location.host}/feeds/${channel}/ws`, { random: () => 0.5, startJitter: 0 }), channel);
    try {
      const failed = feed.status('error');
      await time.tickAsync(FEED_DEFAULTS.timeout);
      await failed;
      expect(feed.last().error).to.include({ kind: 'timeout' });
    } finally {
      feed.subscription.unsubscribe();
    }
  });
});

describe('websocketFeed with ws+meta.nchan, asked for by the URL, from the demo feed server', () => {
  const current = useDemoChannel(sinon, 'wsmeta', T);
  beforeEach(() => sinon.stub(console, 'warn'));
  const url = (fragment = '#ws+meta.nchan') => `ws://${location.host}/feeds/${current.channel}/ws${fragment}`;

  for (const [name, fragment, resumes] of [
    ['with the subprotocol it resumes after the last id: only what was missed arrives', '#ws+meta.nchan', true],
    ['without it (the default) the server sends everything again, nothing said about where the reader was', '', false],
  ] as const) {
    it(`keeps everything through a dropped connection; ${name}`, async () => {
      const { channel, time } = current;
      const feed = await openLive(websocketFeed(url(fragment), { random: () => 0.5, startJitter: 0 }), channel, time);
      const seen = feed.upsert('one');
      await control(channel, { publish: { id: 'one', text: 'ROME (ANP) - Een' } });
      await seen;
      expect(feed.last().items.find((item) => item.id === 'one')).to.include({ place: 'ROME' }); // the frame's head is not the message

      const dropped = feed.status('connecting');
      await control(channel, { drop: true });
      await dropped;
      await control(channel, { publish: { id: 'two', text: 'OSLO (ANP) - Twee' } });
      const missed = feed.upsert('two');
      await time.tickAsync(FEED_DEFAULTS.reconnect);
      const update = await missed;
      expect(update.kind === 'upsert' && update.items.map((item) => item.id).sort()).to.deep.equal(
        resumes ? ['two'] : [...feed.last().items.map((item) => item.id)].sort(),
      );
      expect(feed.last()).to.include({ status: 'live' });
      expect(feed.last().items).to.have.length(9);
      // The first connection has nothing to resume from; the second names the last id it got (the
      // demo server numbers changes: 'one' was 1). The fragment never reaches the server.
      expect((await stats(channel)).lastEventIds).to.deep.equal(resumes ? ['', '1'] : ['', '']);
      feed.subscription.unsubscribe();
    });
  }

  it('when the server does not agree to the subprotocol: Chromium fails the handshake (why it is never asked by default), Firefox and WebKit read plain frames', async () => {
    const { channel, time } = current;
    const feed = recordFeed(websocketFeed(url('#ws+other'), { random: () => 0.5, startJitter: 0 }), channel);
    if (engine === 'chromium') {
      const failed = feed.status('error');
      await time.tickAsync(0);
      await failed;
      expect(feed.last().error?.message).to.match(/connection failed/);
      expect(feed.last().items).to.have.length(0);
    } else {
      const first = feed.upsert();
      await time.tickAsync(0);
      await first;
      expect(feed.last()).to.include({ status: 'live' });
      expect(feed.last().items).to.have.length(7); // the frames are the messages themselves, read whole
    }
    feed.subscription.unsubscribe();
  });
});

describe('httpFeed from the demo feed server: bursts, resuming, pacing and failing', () => {
  const current = useDemoChannel(sinon, 'sse', T);
  beforeEach(() => sinon.stub(console, 'warn'));
  const url = () => `/feeds/${current.channel}/events`;

  it('hands a burst on in a few batches, not one update per message, and loses none of it', async () => {
    const { channel, time } = current;
    const feed = await openLive(httpFeed(url(), { random: () => 0.5, startJitter: 0 }), channel, time);
    const statesBefore = feed.states.length;
    const last = feed.upsert('burst-300');
    await control(channel, { burst: 300 });
    await last;
    const burstIds = feed
      .last()
      .items.filter((item) => item.id.startsWith('burst-'))
      .map((item) => item.id);
    expect(burstIds).to.have.length(200); // the store keeps the newest 200 of a source
    expect(burstIds[0]).to.equal('burst-300');
    expect(feed.states.length - statesBefore).to.be.below(30);
    feed.subscription.unsubscribe();
  });

  it('keeps everything through a dropped connection and resumes after Last-Event-ID, without repeats', async () => {
    const { channel, time } = current;
    const feed = await openLive(httpFeed(url(), { random: () => 0.5, startJitter: 0 }), channel, time);
    const seen = feed.upsert('one');
    await control(channel, { publish: { id: 'one', text: 'ROME (ANP) - Een' } });
    await seen;

    // A cut is a close, in every engine (WebKit cannot tell them apart): what is shown stays, and
    // only a failed reconnection would make it stale.
    const dropped = feed.status('connecting');
    await control(channel, { drop: true });
    await dropped;
    expect(feed.last()).to.include({ status: 'live' });
    expect(feed.last().items).to.have.length(8);

    await control(channel, { publish: { id: 'two', text: 'OSLO (ANP) - Twee' } });
    const resumed = feed.next(() => true);
    const missed = feed.upsert('two');
    await time.tickAsync(1000); // first retry: full jitter at its middle, floored at 1 s
    await resumed;
    const update = await missed;
    expect(update.kind === 'upsert' && update.items.map((item) => item.id)).to.deep.equal(['two']);
    expect(feed.last()).to.include({ status: 'live' });
    expect(feed.last().items).to.have.length(9);
    expect((await stats(channel)).lastEventIds).to.deep.equal(['', '1']);
    feed.subscription.unsubscribe();
  });

  it('reopens a stream the server closed, after its retry time', async () => {
    const { channel, time } = current;
    const feed = await openLive(httpFeed(url(), { random: () => 0.5, startJitter: 0 }), channel, time);
    const closed = feed.status('connecting');
    await control(channel, { end: true });
    await closed;
    expect(feed.last()).to.include({ status: 'live' }); // what is shown stays current while it reconnects
    await time.tickAsync(999);
    expect((await stats(channel)).streams).to.equal(1);
    const live = feed.status('live');
    await time.tickAsync(1); // full jitter at its middle, within the server's "retry: 1000" widened to 2 s
    await live;
    // Resumed after event 0, so nothing is sent again; what is published next arrives.
    expect((await stats(channel)).lastEventIds).to.deep.equal(['', '0']);
    const later = feed.upsert('later');
    await control(channel, { publish: { id: 'later', text: 'MADRID (ANP/EFE) - Daarna' } });
    await later;
    feed.subscription.unsubscribe();
  });

  it('stops for good on a 204', async () => {
    const { channel, time } = current;
    await control(channel, { fail: { status: 204 } });
    const fetchSpy = sinon.spy(window, 'fetch');
    let completed = false;
    const subscription = httpFeed(url(), { startJitter: 0 }).subscribe({ complete: () => (completed = true) });
    await time.tickAsync(0);
    await new Promise<void>((resolve) => {
      const check = () => (completed ? resolve() : queueMicrotask(check));
      fetchSpy.lastCall.returnValue.then(() => Promise.resolve()).then(check);
    });
    await time.tickAsync(10 * 60_000);
    expect(completed).to.equal(true);
    expect(fetchSpy.getCalls().filter((call) => String(call.args[0]).endsWith('/events'))).to.have.length(1);
    subscription.unsubscribe();
  });

  it('never loops hot on errors: each retry waits at least a second, growing', async () => {
    const { channel, time } = current;
    await control(channel, { fail: { status: 503, times: 5 } });
    const fetchSpy = sinon.spy(window, 'fetch');
    const feed = recordFeed(httpFeed(url(), { random: () => 0, startJitter: 0 }), channel);
    const requests = () => fetchSpy.getCalls().filter((call) => String(call.args[0]).endsWith('/events')).length;
    let failed = feed.status('error');
    await time.tickAsync(0);
    await failed;
    for (let attempt = 2; attempt <= 4; attempt++) {
      failed = feed.status('error');
      await time.tickAsync(999);
      expect(requests(), `no retry before 1 s (attempt ${attempt})`).to.equal(attempt - 1);
      await time.tickAsync(1);
      expect(requests()).to.equal(attempt);
      await failed;
    }
    feed.subscription.unsubscribe();
  });

  it('times out a request that hangs, and keeps the items', async () => {
    const { channel, time } = current;
    const feed = recordFeed(httpFeed(`/feeds/${channel}/feed.json`, { random: () => 0.5, startJitter: 0 }), channel);
    const loaded = feed.next((u) => u.kind === 'snapshot');
    await time.tickAsync(0);
    await loaded;
    await control(channel, { fail: { hang: true } });
    const timedOut = feed.status('error');
    await time.tickAsync(30_000 + FEED_DEFAULTS.timeout);
    const error = await timedOut;
    expect(error.kind === 'status' && error.error?.kind).to.equal('timeout');
    expect(feed.last()).to.include({ status: 'stale' });
    expect(feed.last().items).to.have.length(7);
    feed.subscription.unsubscribe();
  });

  it('refuses a document over the size limit with a clear error', async () => {
    const { channel, time } = current;
    await control(channel, { fail: { status: 200, body: `{"items": [], "pad": "${'x'.repeat(2048)}"}` } });
    const feed = recordFeed(httpFeed(`/feeds/${channel}/feed.json`, { startJitter: 0, maxBytes: 1024 }), channel);
    const failed = feed.status('error');
    await time.tickAsync(0);
    const error = await failed;
    expect(error.kind === 'status' && error.error?.message).to.match(/larger than/);
    feed.subscription.unsubscribe();
  });
});
