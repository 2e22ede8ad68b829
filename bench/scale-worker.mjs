// @ts-check
/**
 * One process of `npm run bench:scale`: `count` readers of one hub URL, each running the library's
 * own stream code (httpFeed for SSE, websocketFeed for WebSocket, bundled for Node by bench/scale.mjs)
 * and folding what it gets by item id, as a block does. Talks to its parent over IPC:
 *   in:  { start: { module, url, transport, count, startJitter } } | { report: true } | { stop: true }
 *   out: { live: n } (readers connected, on change) | { report: { latencies, received, duplicates, shownTwice, reconnects } }
 * The published items carry their send time as `date_published` (ms precision), so a reader's latency
 * is its receive time minus that.
 */
const send = (/** @type {unknown} */ message) => process.send?.(message);

/** @type {{ unsubscribe(): void }[]} */
const subscriptions = [];
/** Per reader: item id → how often it arrived; and whether it is live now. */
/** @type {{ seen: Map<string, number>, live: boolean, lastLiveAt: number, state: any }[]} */
const readers = [];
/** @type {number[]} */
const latencies = [];
/** When each reader came back live after having been cut, as epoch ms. */
/** @type {number[]} */
const reconnectedAt = [];
let liveCount = 0;
let reported = 0;

process.on('message', async (/** @type {any} */ message) => {
  if (message.start) {
    const { module, url, transport, count, startJitter } = message.start;
    const library = await import(module);
    for (let i = 0; i < count; i++) {
      const reader = { seen: new Map(), live: false, lastLiveAt: 0, state: library.initialSourceState(url) };
      readers.push(reader);
      const source = transport === 'websocket' ? library.websocketFeed(url, { startJitter }) : library.httpFeed(url, { startJitter });
      subscriptions.push(
        source.subscribe((/** @type {any} */ update) => {
          const now = Date.now();
          // What a block would show: the library's own fold (upsert by id, newest first).
          reader.state = library.foldSource(reader.state, update);
          if (update.kind === 'status') {
            const live = update.status === 'live';
            if (live && !reader.live) {
              liveCount++;
              if (reader.lastLiveAt) reconnectedAt.push(now);
              reader.lastLiveAt = now;
            } else if (!live && reader.live) liveCount--;
            reader.live = live;
          } else if (update.kind === 'upsert') {
            for (const item of update.items) {
              const times = reader.seen.get(item.id) ?? 0;
              reader.seen.set(item.id, times + 1);
              if (times === 0 && item.id.startsWith('m-')) latencies.push(now - item.published);
            }
          }
        }),
      );
    }
  } else if (message.report) {
    let received = 0;
    let duplicates = 0;
    let shownTwice = 0;
    for (const reader of readers) {
      const shown = reader.state.items.map((/** @type {{ id: string }} */ item) => item.id);
      shownTwice += shown.length - new Set(shown).size;
      for (const [id, times] of reader.seen) {
        if (!id.startsWith('m-')) continue;
        received++;
        duplicates += times - 1;
      }
    }
    const cpu = process.cpuUsage();
    send({ report: { latencies, received, duplicates, shownTwice, reconnectedAt, live: liveCount, cpuUs: cpu.user + cpu.system } });
  } else if (message.stop) {
    for (const subscription of subscriptions) subscription.unsubscribe();
    process.exit(0);
  }
});

// Tell the parent how many readers are live, at most every 200 ms.
setInterval(() => {
  if (liveCount !== reported) {
    reported = liveCount;
    send({ live: liveCount });
  }
}, 200).unref();
process.on('disconnect', () => process.exit(0));
