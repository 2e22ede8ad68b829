/**
 * How the HTTP source wraps the SSE parser on real networks: resuming without a CORS preflight,
 * connections cut in the middle of an event, ids no header can carry, reconnect pacing, hostile
 * `retry:` values, byte-order marks, status and content-type checks, and unbounded lines and events.
 * Every case is a byte stream served by the demo feed server (`script`), read by the browser's fetch.
 */
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { httpFeed, resumeRequest } from '../../src/sources/http-feed.js';
import type { FeedOptions } from '../../src/sources/reconnect.js';
import { tap } from 'rxjs';
import type { FeedUpdate } from '../../src/model.js';
import { engine, itExcept } from '../engines.js';
import { control, fakeTime, recordFeed, stats, uniqueChannel } from '../helpers.js';

const T = Date.UTC(2026, 10, 27, 12, 0, 20);
/** The real setTimeout, taken before sinon fakes it. */
const setTimeoutReal = window.setTimeout.bind(window);

/** One SSE event carrying a JSON Feed item. */
const event = (id: string, itemId: string) =>
  `id: ${id}\ndata: ${JSON.stringify({ id: itemId, content_text: `ROME (ANP) - ${itemId}`, date_published: '2026-11-27T12:00:00Z' })}\n\n`;

interface Script {
  status?: number;
  contentType?: string;
  chunks: readonly string[];
  latin1?: boolean;
  then?: 'end' | 'drop' | 'hold';
}

/**
 * A stream that opens and waits, sending what a hub sends first (nchan: `: hi`). Not headers alone:
 * Firefox hands a response to the page only with its first body byte (see the test below).
 */
const hub: Script = { chunks: [': hi\n\n'], then: 'hold' };

describe('SSE over real connections', () => {
  let time: sinon.SinonFakeTimers;
  let channel: string;
  let warn: sinon.SinonStub;

  beforeEach(async () => {
    channel = uniqueChannel('wire');
    await control(channel, { reset: { now: T, publishEvery: 0 } });
    time = await fakeTime(sinon, T);
    warn = sinon.stub(console, 'warn');
  });
  afterEach(() => sinon.restore());

  const url = () => `/feeds/${channel}/events`;
  const script = (...scripts: Script[]) => control(channel, { script: scripts });
  const open = (options: FeedOptions = {}, feedUrl = url()) => {
    const updates: FeedUpdate[] = [];
    const feed = recordFeed(
      httpFeed(feedUrl, { random: () => 0.5, startJitter: 0, ...options }).pipe(tap((u) => updates.push(u))),
      channel,
    );
    return { ...feed, updates };
  };
  type Feed = ReturnType<typeof open>;
  /** How many connections have ended (closed, cut or failed) so far. */
  const ended = (feed: Feed) => feed.updates.filter((u) => u.kind === 'status' && u.status !== 'live').length - 1;
  const errors = (feed: Feed) => feed.updates.filter((u) => u.kind === 'status' && u.status === 'error').length;
  /** Waits (on real events, not the faked timers) until `done` holds. */
  async function until(done: () => boolean | Promise<boolean>) {
    for (let i = 0; i < 5000 && !(await done()); i++) await new Promise((resolve) => setTimeoutReal(resolve, 2));
    expect(await done(), 'condition reached').to.equal(true);
  }
  const opened = async () => (await stats(channel)).streams;
  const ids = (feed: Feed) => feed.last().items.map((item) => item.id);
  /** Waits until the first connection delivered item `id`. */
  async function readFirst(feed: Feed, id: string) {
    const arrived = feed.upsert(id);
    await time.tickAsync(0);
    await arrived;
  }
  /**
   * Waits until `connections` connections ended, lets the reconnect delay pass (at most 1.5 s here: a
   * first backoff's middle, or less), and waits for item `id` on the next one.
   */
  async function readAfterReconnect(feed: Feed, id: string, connections = 1) {
    const arrived = feed.upsert(id);
    await until(() => ended(feed) >= connections);
    await time.tickAsync(1500);
    await arrived;
  }

  /** Once `before` connections have ended: no new one `delay` - 1 ms later, one at `delay`. */
  async function expectReconnectAfter(feed: Feed, delay: number, before: number) {
    await until(() => ended(feed) >= before);
    await time.tickAsync(delay - 1);
    expect(await opened(), `no reconnect before ${delay} ms`).to.equal(before);
    const next = feed.next((update) => update.kind === 'status' && update.status === 'live');
    await time.tickAsync(1);
    await next;
    expect(await opened()).to.equal(before + 1);
  }

  it('resumes from another origin with the query parameter, without a CORS preflight', async () => {
    await script({ chunks: ['retry: 1000\n\n', event('7', 'a')], then: 'end' }, { chunks: [event('8', 'b')], then: 'hold' });
    const crossOrigin = `http://localhost:${location.port}${url()}`;
    expect(new URL(crossOrigin).origin).to.not.equal(location.origin);
    const feed = open({}, crossOrigin);
    await readFirst(feed, 'a');
    await readAfterReconnect(feed, 'b');
    const seen = await stats(channel);
    expect(seen.lastEventIds).to.deep.equal(['', '7']);
    expect(seen.lastEventIdHeaders, 'no header to another origin').to.deep.equal(['', '']);
    expect(seen.preflights).to.equal(0);
    feed.subscription.unsubscribe();
  });

  itExcept({
    webkit: 'WebKit sends a header value as UTF-8 (é as two bytes), not Latin-1; the query parameter carries the id alike in every engine',
  })('also sends the Last-Event-ID header to its own origin, as a Latin-1 byte for é', async () => {
    await script({ chunks: [event('café', 'a')], then: 'end' }, { chunks: [event('2', 'b')], then: 'hold' });
    const feed = open({ reconnect: 1000 });
    await readFirst(feed, 'a');
    await readAfterReconnect(feed, 'b');
    const seen = await stats(channel);
    expect(seen.lastEventIds).to.deep.equal(['', 'café']);
    expect(seen.lastEventIdHeaders).to.deep.equal(['', 'café']);
    feed.subscription.unsubscribe();
  });

  it('puts the id in the parameter a hub names (Mercure: lastEventID), percent-encoded', () => {
    const resume = resumeRequest('https://hub.example/.well-known/mercure?topic=news', 'urn:€/1', 'lastEventID');
    expect(resume.url).to.equal('https://hub.example/.well-known/mercure?topic=news&lastEventID=urn%3A%E2%82%AC%2F1');
    expect(resume.headers).to.not.have.property('Last-Event-ID');
    expect(resumeRequest('https://hub.example/sub?last_event_id=old', '5', 'last_event_id').url).to.equal(
      'https://hub.example/sub?last_event_id=5',
    );
    expect(resumeRequest('/feeds/x/events', '', 'last_event_id').url, 'nothing to resume from').to.equal('/feeds/x/events');
  });

  it('drops half an event cut off by a dropped connection and resumes after the last whole one', async () => {
    // Three items; the connection breaks inside the second, which the reconnect must ask for again.
    const second = event('2', 'b');
    // One write, so the half event is read with the first: a reset discards bytes not yet read.
    await script(
      { chunks: [`retry: 1000\n\n${event('1', 'a')}${second.slice(0, second.length - 12)}`], then: 'hold' },
      { chunks: [second, event('3', 'c')], then: 'hold' },
    );
    const feed = open();
    await readFirst(feed, 'a');
    await control(channel, { drop: true });
    // However the browser reports the cut (a network error, or the end of the body), the reconnect
    // comes after the server's retry: 1000.
    await readAfterReconnect(feed, 'c');
    expect(ids(feed)).to.have.members(['a', 'b', 'c']);
    expect((await stats(channel)).lastEventIds).to.deep.equal(['', '1']);
    expect(
      warn
        .getCalls()
        .map((call) => String(call.args[0]))
        .join('\n'),
    ).to.not.contain('ignored a stream message');
    feed.subscription.unsubscribe();
  });

  it('survives an id no header can carry: it goes percent-encoded in the query', async () => {
    await script({ chunks: [event('42€', 'a')], then: 'end' }, { chunks: [event('43€', 'b')], then: 'end' }, hub);
    const feed = open({ reconnect: 1000 });
    await readFirst(feed, 'a');
    await readAfterReconnect(feed, 'b');
    // Full jitter at its middle, of a window never narrower than 2 s.
    await expectReconnectAfter(feed, 1000, 2);
    const seen = await stats(channel);
    expect(seen.lastEventIds).to.deep.equal(['', '42€', '43€']);
    expect(seen.lastEventIdHeaders).to.deep.equal(['', '', '']);
    expect(feed.states.some((state) => state.status === 'error')).to.equal(false);
    feed.subscription.unsubscribe();
  });

  it("paces reconnects of a stream that delivered and was then cut by the server's retry, every time", async () => {
    const delivering = (n: number): Script => ({ chunks: ['retry: 3000\n\n', event(String(n), `item-${n}`)], then: 'hold' });
    await script(delivering(1), delivering(2), delivering(3), delivering(4), delivering(5));
    const feed = open();
    await time.tickAsync(0);
    for (let n = 1; n <= 4; n++) {
      await until(() => ids(feed).includes(`item-${n}`));
      await control(channel, { drop: true });
      await until(() => ended(feed) >= n);
      // A cut after a good run is a close, as for EventSource: no 1, 2, 4, 8 s backoff, full jitter
      // within the server's 3 s each time (its middle here), and no error unless reconnecting fails
      // (WebKit cannot tell a cut from a close).
      expect(errors(feed)).to.equal(0);
      await expectReconnectAfter(feed, 1500, n);
    }
    // The fifth connection is open; its event arrives over the real network after that.
    await until(() => ids(feed).includes('item-5'));
    expect(ids(feed)).to.have.members(['item-1', 'item-2', 'item-3', 'item-4', 'item-5']);
    feed.subscription.unsubscribe();
  });

  it('reopens a quiet stream that a proxy cuts every minute after its retry, without drifting', async () => {
    const quiet: Script = { chunks: [': hi\n\nretry: 2000\n\n'], then: 'hold' };
    await script(quiet, quiet, quiet, quiet);
    const feed = open();
    const live = feed.status('live');
    await time.tickAsync(0);
    await live;
    for (let n = 1; n <= 3; n++) {
      await time.tickAsync(60_000);
      await control(channel, { drop: true });
      await expectReconnectAfter(feed, 1000, n);
    }
    feed.subscription.unsubscribe();
  });

  it('backs off from a stream that closes at once with nothing, never sooner than its retry', async () => {
    const empty: Script = { chunks: [': hi\n\nretry: 1500\n\n'], then: 'end' };
    await script(empty, empty, empty, empty);
    const feed = open();
    const closed = feed.status('connecting');
    await time.tickAsync(0);
    await closed;
    // Full jitter at its middle, of windows 1, 3 and 7 s wide that start at the server's 1.5 s.
    for (const [n, delay] of [
      [1, 2000],
      [2, 3000],
      [3, 5000],
    ] as const) {
      await expectReconnectAfter(feed, delay, n);
    }
    feed.subscription.unsubscribe();
  });

  it('caps a retry: that would overflow the timer', async () => {
    await script({ chunks: ['retry: 3000000000\n\n', event('1', 'a')], then: 'end' }, hub);
    const feed = open();
    await readFirst(feed, 'a');
    await until(() => ended(feed) >= 1);
    await time.tickAsync(60_000);
    expect(await opened(), 'no hot loop').to.equal(1);
    await expectReconnectAfter(feed, 2.5 * 60_000 - 60_000, 1); // within retryMax, 5 min, at its middle
    feed.subscription.unsubscribe();
  });

  it('opens a stream that sent only its headers at once, except in Firefox, which waits for a first byte: a request timeout there', async () => {
    await script({ chunks: [], then: 'hold' });
    const feed = open();
    const live = feed.status('live');
    await time.tickAsync(0);
    // The server writes the headers as it counts the stream: once a stats answer counts it, they are on the wire.
    await until(async () => (await opened()) === 1);
    const statuses = () => feed.updates.flatMap((update) => (update.kind === 'status' ? [update.status] : []));
    if (engine === 'firefox') {
      // The page is not handed the response, so the request timeout (15 s) takes it for a server that never answered.
      const failed = feed.status('error');
      await time.tickAsync(15_000);
      await until(() => statuses().length >= 2);
      expect(statuses(), 'Firefox opened a stream on its headers: update README, Browser support').to.deep.equal(['connecting', 'error']);
      const error = await failed;
      expect(error.kind === 'status' && error.error?.kind).to.equal('timeout');
    } else {
      await live;
      // An open stream has no request timeout: it may stay quiet for long.
      await time.tickAsync(15_000);
      expect(statuses()).to.deep.equal(['connecting', 'live']);
    }
    feed.subscription.unsubscribe();
  });

  it('strips one byte-order mark, not two', async () => {
    await script(
      { chunks: [`\uFEFF${event('1', 'a')}`], then: 'end' },
      { chunks: [`\uFEFF\uFEFF${event('2', 'b').replace('id: 2\n', '')}${event('3', 'c')}`], then: 'hold' },
    );
    const feed = open({ reconnect: 1000 });
    await readFirst(feed, 'a');
    await readAfterReconnect(feed, 'c');
    // After the one BOM a stream may start with, a second is content: the field is "\uFEFFdata", so b has no data.
    expect(ids(feed)).to.have.members(['a', 'c']);
    feed.subscription.unsubscribe();
  });

  for (const [name, answer] of [
    ['a 206 is not a stream', { status: 206, chunks: [event('1', 'a')], then: 'end' }],
    ['text/event-streamx is not a stream', { contentType: 'text/event-streamx', chunks: [event('1', 'a')], then: 'end' }],
  ] as const) {
    it(`reads only a 200 text/event-stream as a stream: ${name}`, async () => {
      await script(answer);
      const feed = open();
      const failed = feed.status('error');
      await time.tickAsync(0);
      await failed;
      expect(feed.states.some((state) => state.status === 'live')).to.equal(false);
      expect(ids(feed)).to.deep.equal([]);
      feed.subscription.unsubscribe();
    });
  }

  for (const [name, chunks, message] of [
    ['a line that never ends', ['retry: 1000\n\n', `data: ${'x'.repeat(2000)}`, 'x'.repeat(3000)], /line longer than 4096/],
    [
      'an event that never ends',
      ['retry: 1000\n\n', ...Array.from({ length: 10 }, () => `data: ${'y'.repeat(600)}\n`)],
      /event larger than 4096/,
    ],
  ] as const) {
    it(`drops ${name} with a clear error and reconnects`, async () => {
      await script({ chunks: [...chunks], then: 'hold' }, { chunks: [event('1', 'after')], then: 'hold' });
      const feed = open({ maxBytes: 4096 });
      const failed = feed.status('error');
      await time.tickAsync(0);
      const error = await failed;
      expect(error.kind === 'status' && error.error?.message).to.match(message);
      await readAfterReconnect(feed, 'after');
      expect((await stats(channel)).streams).to.equal(2);
      feed.subscription.unsubscribe();
    });
  }

  it("ignores nchan's pings and other event types without a warning", async () => {
    await script({
      chunks: [': hi\n\n', 'event: ping\n\n', 'event: ping\ndata: \n\n', 'event: note\ndata: {"id":"x"}\n\n', event('1', 'a')],
      then: 'hold',
    });
    const feed = open();
    await readFirst(feed, 'a');
    expect(ids(feed)).to.deep.equal(['a']);
    expect(warn.callCount).to.equal(0);
    feed.subscription.unsubscribe();
  });

  it("reconnects after nchan's 410 Gone, as a status or as a comment before the close", async () => {
    await control(channel, { fail: { status: 410 } });
    await script({ chunks: [': hi\n\n', event('1', 'a'), ':410: 410 Gone\n\n'], then: 'end' }, { chunks: [event('2', 'b')], then: 'hold' });
    const feed = open({ reconnect: 1000 });
    const gone = feed.status('error');
    await time.tickAsync(0);
    await gone;
    await readAfterReconnect(feed, 'a', 1);
    await readAfterReconnect(feed, 'b', 2);
    expect((await stats(channel)).lastEventIds.slice(-1)).to.deep.equal(['1']);
    feed.subscription.unsubscribe();
  });
});
