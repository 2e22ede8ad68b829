import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import '../src/define.js';
import type { LiveTicker } from '../src/elements/live-ticker/live-ticker.js';
import type { LiveTickerStatusEvent } from '../src/elements/live-ticker/events.js';
import { SseParser } from '../src/parsers/sse.js';
import { parseStreamMessage } from '../src/parsers/stream-message.js';
import { httpFeed } from '../src/sources/http-feed.js';
import { FEED_DEFAULTS } from '../src/sources/reconnect.js';
import { websocketFeed } from '../src/sources/websocket-feed.js';
import { control, fakeTime, itemTexts, recordFeed, settled, shadowText, stats, uniqueChannel } from './helpers.js';

const T = Date.UTC(2026, 10, 27, 12, 0, 20);

describe('SseParser', () => {
  const stream =
    'retry: 1500\n: comment\n\nid: 1\ndata: {"a":1}\n\nevent: note\ndata: line one\r\ndata: line two\r\nid: 2\r\n\r\ndata\nid: 3\rdata: last\r\r';
  const expected = [
    { type: 'message', data: '{"a":1}', lastEventId: '1' },
    { type: 'note', data: 'line one\nline two', lastEventId: '2' },
    { type: 'message', data: '\nlast', lastEventId: '3' },
  ];

  it('parses fields, comments, multi-line data and all three line endings', () => {
    const parser = new SseParser();
    expect(parser.push(stream)).to.deep.equal(expected);
    expect(parser.retry).to.equal(1500);
    expect(parser.lastEventId).to.equal('3');
  });

  it('gives the same events however the stream is split into chunks', () => {
    for (let cut = 0; cut <= stream.length; cut++) {
      for (const size of [1, 2, 3, 7]) {
        const parser = new SseParser();
        const events = [...parser.push(stream.slice(0, cut))];
        for (let i = cut; i < stream.length; i += size) events.push(...parser.push(stream.slice(i, i + size)));
        expect(events, `cut at ${cut}, then chunks of ${size}`).to.deep.equal(expected);
      }
    }
  });

  it('drops a leading BOM, ignores ids with NUL and bad retry values, and holds an unfinished event', () => {
    const parser = new SseParser();
    expect(parser.push('\uFEFFid: a\u0000b\nretry: soon\ndata: x\n\ndata: unfinished\n')).to.deep.equal([
      { type: 'message', data: 'x', lastEventId: '' },
    ]);
    expect(parser.retry).to.equal(undefined);
  });
});

describe('parseStreamMessage', () => {
  it('reads a document, one item and a deletion; refuses the rest with a reason', () => {
    const doc = parseStreamMessage('{"items":[{"id":"a","content_text":"DOHA (ANP) - x","date_published":"2026-11-27T12:00:00Z"}]}', 's');
    expect(doc).to.deep.include({ kind: 'upsert', source: 's' });
    expect(typeof doc !== 'string' && doc.kind === 'upsert' && doc.items[0]!.place).to.equal('DOHA');
    const one = parseStreamMessage('{"id":"b","content_text":"y","date_published":"2026-11-27T12:00:00Z"}', 's');
    expect(typeof one !== 'string' && one.kind === 'upsert' && one.items[0]!.id).to.equal('b');
    expect(parseStreamMessage('{"id":"b","deleted":true}', 's')).to.deep.equal({ kind: 'delete', source: 's', ids: ['b'] });
    expect(parseStreamMessage('not json', 's')).to.match(/not JSON/);
    expect(parseStreamMessage('[1]', 's')).to.match(/not a JSON object/);
    expect(parseStreamMessage('{"deleted":true}', 's')).to.match(/without an id/);
    expect(parseStreamMessage('{"id":"c"}', 's')).to.match(/skipped/);
  });
});

describe('SSE stream from the demo feed server', () => {
  let time: sinon.SinonFakeTimers;
  let channel: string;
  let warn: sinon.SinonStub;

  beforeEach(async () => {
    channel = uniqueChannel('sse');
    await control(channel, { reset: { now: T, publishEvery: 0 } });
    time = await fakeTime(sinon, T);
    warn = sinon.stub(console, 'warn');
  });
  afterEach(() => sinon.restore());

  const url = () => `/feeds/${channel}/events`;

  it('opens, receives the feed, then new items and deletions as they happen', async () => {
    const feed = recordFeed(httpFeed(url(), { random: () => 0.5, startJitter: 0 }), channel);
    const first = feed.upsert();
    await time.tickAsync(0);
    await first;
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

  it('hands a burst on in a few batches, not one update per message, and loses none of it', async () => {
    const feed = recordFeed(httpFeed(url(), { random: () => 0.5, startJitter: 0 }), channel);
    const first = feed.upsert();
    await time.tickAsync(0);
    await first;
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
    const feed = recordFeed(httpFeed(url(), { random: () => 0.5, startJitter: 0 }), channel);
    const first = feed.upsert();
    await time.tickAsync(0);
    await first;
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
    const feed = recordFeed(httpFeed(url(), { random: () => 0.5, startJitter: 0 }), channel);
    const first = feed.upsert();
    await time.tickAsync(0);
    await first;
    const closed = feed.status('connecting');
    await control(channel, { end: true });
    await closed;
    expect(feed.last()).to.include({ status: 'live' }); // what is shown stays current while it reconnects
    await time.tickAsync(999);
    expect((await stats(channel)).streams).to.equal(1);
    const live = feed.status('live');
    await time.tickAsync(1); // the server's "retry: 1000", jitter at its middle
    await live;
    // Resumed after event 0, so nothing is sent again; what is published next arrives.
    expect((await stats(channel)).lastEventIds).to.deep.equal(['', '0']);
    const later = feed.upsert('later');
    await control(channel, { publish: { id: 'later', text: 'MADRID (ANP/EFE) - Daarna' } });
    await later;
    feed.subscription.unsubscribe();
  });

  it('stops for good on a 204', async () => {
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
    await control(channel, { fail: { status: 200, body: `{"items": [], "pad": "${'x'.repeat(2048)}"}` } });
    const feed = recordFeed(httpFeed(`/feeds/${channel}/feed.json`, { startJitter: 0, maxBytes: 1024 }), channel);
    const failed = feed.status('error');
    await time.tickAsync(0);
    const error = await failed;
    expect(error.kind === 'status' && error.error?.message).to.match(/larger than/);
    feed.subscription.unsubscribe();
  });

  it('shows a stream in a block, stays through a drop, and says so when it cannot reconnect', async () => {
    sinon.stub(Math, 'random').returns(0.5);
    const ticker = await fixture<LiveTicker>(html`<live-ticker lang="nl" feed-url=${url()}></live-ticker>`);
    let event = oneEvent(ticker, 'live-ticker-status') as unknown as Promise<LiveTickerStatusEvent>;
    await time.tickAsync(FEED_DEFAULTS.startJitter / 2);
    while ((await event).status !== 'live') event = oneEvent(ticker, 'live-ticker-status') as unknown as Promise<LiveTickerStatusEvent>;
    await settled(ticker);
    expect(itemTexts(ticker)).to.have.length(7);
    await control(channel, { fail: { status: 503 } });
    const stale = oneEvent(ticker, 'live-ticker-status');
    const timers = time.countTimers();
    await control(channel, { drop: true });
    // The page notices the cut when the network tells it; then it sets its reconnection timer.
    while (time.countTimers() <= timers) await new Promise(requestAnimationFrame);
    await time.tickAsync(1000); // the server's "retry: 1000", jitter at its middle; the reconnection gets the 503
    expect(((await stale) as unknown as LiveTickerStatusEvent).status).to.equal('stale');
    await settled(ticker);
    expect(itemTexts(ticker)).to.have.length(7);
    expect(shadowText(ticker)).to.contain('Niet actueel');
    expect(warn.callCount).to.equal(1);
  });
});

describe('WebSocket stream from the demo feed server', () => {
  let time: sinon.SinonFakeTimers;
  let channel: string;

  beforeEach(async () => {
    channel = uniqueChannel('ws');
    await control(channel, { reset: { now: T, publishEvery: 0 } });
    time = await fakeTime(sinon, T);
    sinon.stub(console, 'warn');
  });
  afterEach(() => sinon.restore());

  const url = () => `ws://${location.host}/feeds/${channel}/ws`;

  it('receives the feed and live changes, survives a drop and reconnects', async () => {
    const feed = recordFeed(websocketFeed(url(), { random: () => 0.5, startJitter: 0 }), channel);
    const first = feed.upsert();
    await time.tickAsync(0);
    await first;
    expect(feed.last()).to.include({ status: 'live' });
    expect(feed.last().items).to.have.length(7);

    const published = feed.upsert('ws-new');
    await control(channel, { publish: { id: 'ws-new', text: 'ATHENE (ANP/AFP) - Via WebSocket' } });
    await published;
    expect(feed.last().items[0]).to.include({ id: 'ws-new', place: 'ATHENE' });

    const deleted = feed.next((u) => u.kind === 'delete');
    await control(channel, { delete: 'anp-qatar-arrestaties' });
    await deleted;
    expect(feed.last().items).to.have.length(7);

    const closed = feed.status('connecting');
    await control(channel, { drop: true });
    await closed;
    const again = feed.upsert();
    // It delivered messages, so it reopens after the reconnect delay (2 s, jitter at its middle).
    await time.tickAsync(FEED_DEFAULTS.reconnect);
    await again;
    expect(feed.last()).to.include({ status: 'live' });
    expect((await stats(channel)).streams).to.equal(2);
    feed.subscription.unsubscribe();
  });

  it('backs off when the server refuses the connection', async () => {
    await control(channel, { fail: { status: 503 } });
    const feed = recordFeed(websocketFeed(url(), { random: () => 0.5, startJitter: 0 }), channel);
    const failed = feed.status('error');
    await time.tickAsync(0);
    await failed;
    expect(feed.last()).to.include({ status: 'error' });
    const live = feed.upsert();
    await time.tickAsync(1000);
    await live;
    expect(feed.last()).to.include({ status: 'live' });
    feed.subscription.unsubscribe();
  });
});
