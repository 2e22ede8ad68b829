// @ts-check
/**
 * `npm run bench:scale`: many readers through the committed deploy/nginx/ configurations on the real
 * engines (nginx + nchan with the Redis store; nginx as a feed cache), all on 127.0.0.1. Writes
 * bench/scale-results.json; `--readme` also writes the table into docs/operations.md.
 *
 *   1. fan-out: for SSE and WebSocket, N readers (default 10,000) running the library's own stream
 *      code, spread over worker processes; 20 messages; delivered %, latency p50/p99 (publish → reader)
 *   2. restart: the same with an nginx restart after 10 of the 20 messages: lost, shown twice,
 *      delivered twice, how long readers took to reconnect once nginx was back
 *   3. cache: 1,000 pollers revalidating every second through the feed cache for 30 s: origin
 *      requests per 5-s cache interval, share of 304s
 *   plus nginx and Redis CPU time per delivery and per revalidation, for the capacity model.
 *
 * Options: --subscribers N, --messages N, --workers N, --pollers N, --arrival S (seconds over which readers
 * connect; default 300 a second), --only sse,websocket,sse-restart,websocket-restart,cache (a partial run
 * keeps the other rows of bench/scale-results.json), --readme.
 * Bounded: every phase has a deadline, the whole run stops after 20 minutes, and every process it
 * started (workers, nginx, Redis) is stopped by PID on the way out.
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { createFeedServer } from '../demo/feed-server.mjs';
import { ensureEngines, freePort, startNginx, startRedis, stop } from '../scripts/engines.mjs';

const arg = (/** @type {string} */ name, /** @type {string} */ fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? (process.argv[index + 1] ?? fallback) : fallback;
};
const SUBSCRIBERS = Number(arg('subscribers', '10000'));
const MESSAGES = Number(arg('messages', '20'));
const WORKERS = Number(arg('workers', String(Math.max(1, Math.ceil(SUBSCRIBERS / 1250)))));
const ONLY = arg('only', 'sse,websocket,sse-restart,websocket-restart,cache').split(',');
const POLLERS = Number(arg('pollers', '1000'));
const ARRIVAL_S = Number(arg('arrival', String(Math.max(1, Math.round(SUBSCRIBERS / 300)))));
const CACHE_INTERVAL_S = 5; // proxy_cache_valid in deploy/nginx/feed-cache.conf
const OUT = resolve('node_modules/.cache/bench');
const TICKS = 100; // USER_HZ: /proc times are in 1/100 s on Linux

const sleep = (/** @type {number} */ ms) => new Promise((done) => setTimeout(done, ms));
const percentile = (/** @type {number[]} */ values, /** @type {number} */ p) => {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const round = (/** @type {number} */ value, digits = 1) => Number(value.toFixed(digits));

/** A process and its children (nginx: the master and its workers), as /proc entry names. */
function family(/** @type {number | undefined} */ pid) {
  if (!pid) return [];
  return readdirSync('/proc').filter((entry) => {
    if (!/^\d+$/.test(entry)) return false;
    if (Number(entry) === pid) return true;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
    } catch {
      return false; // the process ended meanwhile
    }
  });
}

/** Sums `read` over a process and its children; a process that ended meanwhile counts 0. */
function sumOverFamily(/** @type {number | undefined} */ pid, /** @type {(entry: string) => number} */ read) {
  return family(pid).reduce((total, entry) => {
    try {
      return total + read(entry);
    } catch {
      return total;
    }
  }, 0);
}

/** CPU seconds used so far by a process and its children. */
const cpuSeconds = (/** @type {number | undefined} */ pid) =>
  sumOverFamily(pid, (entry) => {
    const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  });

/** Resident memory (KB) of a process and its children. */
const residentKb = (/** @type {number | undefined} */ pid) =>
  sumOverFamily(pid, (entry) => Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1] ?? 0));

/** The library's stream code and store, bundled for Node. */
async function bundleLibrary() {
  mkdirSync(OUT, { recursive: true });
  const outfile = join(OUT, 'scale-library.mjs');
  await build({
    stdin: {
      contents: `export { httpFeed } from './src/sources/http-feed.ts';
export { websocketFeed } from './src/sources/websocket-feed.ts';
export { foldSource, initialSourceState } from './src/store/fold.ts';`,
      resolveDir: resolve('.'),
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    tsconfig: 'tsconfig.json',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

/** @type {Set<import('node:child_process').ChildProcess>} */
const children = new Set();
/** @type {(() => Promise<void>)[]} */
const cleanups = [];
async function cleanup() {
  await Promise.all([...children].map((child) => stop(child, 2000)));
  for (const close of cleanups.reverse()) await close().catch(() => undefined);
}
const deadline = setTimeout(() => {
  console.error('bench:scale: stopped after 20 minutes');
  void cleanup().then(() => process.exit(1));
}, 20 * 60_000);
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.once(signal, () => void cleanup().then(() => process.exit(130)));

/** Waits for `check` to hold, polling every `every` ms; false after `timeout` ms. */
async function until(/** @type {() => boolean | Promise<boolean>} */ check, /** @type {number} */ timeout, every = 250) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (await check()) return true;
    await sleep(every);
  }
  return check();
}

/** N readers over W processes. */
async function startReaders(/** @type {string} */ module, /** @type {string} */ url, /** @type {string} */ transport) {
  /** @type {{ child: import('node:child_process').ChildProcess, live: number, report?: any }[]} */
  const workers = [];
  for (let w = 0; w < WORKERS; w++) {
    const count = Math.floor(SUBSCRIBERS / WORKERS) + (w < SUBSCRIBERS % WORKERS ? 1 : 0);
    const child = fork(new URL('./scale-worker.mjs', import.meta.url), [], {
      execArgv: ['--experimental-websocket', '--no-warnings', '--max-old-space-size=1024'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    children.add(child);
    child.once('exit', () => children.delete(child));
    const worker = { child, live: 0, report: undefined };
    child.on('message', (/** @type {any} */ message) => {
      if (typeof message.live === 'number') worker.live = message.live;
      if (message.report) worker.report = message.report;
    });
    // Readers arrive over ARRIVAL_S seconds (the library's start jitter): a whole audience opening the
    // page in the same instant would measure the connection storm, not the fan-out.
    child.send({ start: { module, url, transport, count, startJitter: ARRIVAL_S * 1000 } });
    workers.push(worker);
  }
  const live = () => workers.reduce((sum, worker) => sum + worker.live, 0);
  return {
    live,
    async report() {
      for (const worker of workers) {
        worker.report = undefined;
        worker.child.send({ report: true });
      }
      await until(() => workers.every((worker) => worker.report), 30_000, 50);
      const reports = workers.map((worker) => worker.report).filter(Boolean);
      return {
        latencies: reports.flatMap((report) => report.latencies),
        received: reports.reduce((sum, report) => sum + report.received, 0),
        duplicates: reports.reduce((sum, report) => sum + report.duplicates, 0),
        shownTwice: reports.reduce((sum, report) => sum + report.shownTwice, 0),
        reconnectedAt: reports.flatMap((report) => report.reconnectedAt),
        cpuUs: reports.reduce((sum, report) => sum + report.cpuUs, 0),
      };
    },
    async stop() {
      await Promise.all(
        workers.map(async ({ child }) => {
          if (child.connected) child.send({ stop: true });
          await Promise.race([once(child, 'exit'), sleep(3000)]);
          await stop(child, 2000);
        }),
      );
    },
  };
}

async function main() {
  const engines = ensureEngines();
  if (!engines) process.exit(1);
  const module = await bundleLibrary();
  /** @type {Record<string, unknown>} */
  const results = {
    date: new Date().toISOString().slice(0, 10),
    engines: { nginx: '1.22.1', nchan: '1.3.6', redis: '7.0.15' },
    machine: { cores: (await import('node:os')).cpus().length, note: 'readers, nginx and Redis share this machine' },
  };

  const redis = await startRedis(engines);
  cleanups.push(() => redis.close());
  const hubPort = await freePort();
  const hub = await startNginx(
    engines,
    'nchan-hub.conf',
    { 'listen 8080;': `listen 127.0.0.1:${hubPort};`, 'redis://127.0.0.1:6379': `redis://127.0.0.1:${redis.port}` },
    { workers: 2, connections: Math.min(9000, SUBSCRIBERS + 500) },
  );
  cleanups.push(() => hub.close());

  /** Publishes one message; retries while nchan answers 503 (right after a start). */
  async function publish(/** @type {string} */ channel, /** @type {string} */ id) {
    const body = JSON.stringify({ id, content_text: `ROME (ANP) - Bericht ${id}`, date_published: new Date().toISOString() });
    for (let attempt = 0; attempt < 100; attempt++) {
      const response = await fetch(`http://127.0.0.1:${hubPort}/pub/${channel}`, { method: 'POST', body }).catch(() => undefined);
      await response?.arrayBuffer();
      if (response && response.status < 300) return;
      await sleep(100);
    }
    throw new Error(`could not publish ${id}`);
  }

  /** One run: connect everyone, publish, optionally restart nginx halfway. */
  async function fanOut(/** @type {string} */ transport, /** @type {boolean} */ restart) {
    const channel = `scale-${transport}-${restart ? 'restart' : 'run'}-${Date.now().toString(36)}`;
    const url = `${transport === 'websocket' ? 'ws' : 'http'}://127.0.0.1:${hubPort}/sub/${channel}`;
    const started = Date.now();
    const memoryBefore = residentKb(hub.child?.pid);
    const readers = await startReaders(module, url, transport);
    await until(() => readers.live() >= SUBSCRIBERS, 180_000);
    const connected = readers.live();
    const connectS = (Date.now() - started) / 1000;
    const nginxKbPerReader = (residentKb(hub.child?.pid) - memoryBefore) / Math.max(1, readers.live());
    console.log(`  ${transport}${restart ? ' restart' : ''}: ${readers.live()} of ${SUBSCRIBERS} readers live after ${round(connectS)} s`);
    const cpuBefore = { nginx: cpuSeconds(hub.child?.pid), redis: cpuSeconds(redis.child.pid), readers: (await readers.report()).cpuUs };
    const publishStart = Date.now();
    let restartedAt = 0;
    let hubReadyMs = 0;
    for (let i = 1; i <= MESSAGES; i++) {
      if (restart && i === Math.floor(MESSAGES / 2) + 1) {
        // Everything so far delivered, then nginx goes down and comes back; Redis stays.
        await until(async () => (await readers.report()).received >= SUBSCRIBERS * (i - 1), 30_000, 500);
        await hub.stop();
        await hub.start();
        restartedAt = Date.now();
        // nchan answers 503 until it has reached Redis: how long that takes explains the readers' reconnect times.
        await until(
          async () => {
            const response = await fetch(`http://127.0.0.1:${hubPort}/pub/${channel}`).catch(() => undefined);
            await response?.arrayBuffer();
            return response !== undefined && response.status !== 503;
          },
          60_000,
          50,
        );
        hubReadyMs = Date.now() - restartedAt;
        if (hub.child?.pid) console.log(`  nginx restarted (pid ${hub.child.pid})`);
      }
      await publish(channel, `m-${i}`);
      await sleep(200);
    }
    const publishS = (Date.now() - publishStart) / 1000;
    const expected = SUBSCRIBERS * MESSAGES;
    await until(async () => (await readers.report()).received >= expected, restart ? 120_000 : 60_000, 500);
    const report = await readers.report();
    const cpu = { nginx: cpuSeconds(hub.child?.pid) - cpuBefore.nginx, redis: cpuSeconds(redis.child.pid) - cpuBefore.redis };
    await readers.stop();
    const row = {
      transport,
      subscribers: SUBSCRIBERS,
      messages: MESSAGES,
      connected,
      delivered_pct: round((100 * report.received) / expected, 2),
      p50_ms: round(percentile(report.latencies, 50)),
      p99_ms: round(percentile(report.latencies, 99)),
    };
    if (!restart) {
      return {
        ...row,
        connect_s: round(connectS),
        nginx_kb_per_reader: round(nginxKbPerReader, 1),
        // nginx counted over the publishing window (the same process throughout).
        nginx_cpu_us_per_delivery: round((cpu.nginx * 1e6) / Math.max(1, report.received), 2),
        redis_cpu_us_per_message: round((cpu.redis * 1e6) / MESSAGES, 0),
        // The readers' own CPU (the library parsing and folding), which on one machine competes with nginx.
        reader_cpu_us_per_delivery: round((report.cpuUs - cpuBefore.readers) / Math.max(1, report.received), 1),
        publish_s: round(publishS),
      };
    }
    return {
      ...row,
      restart: {
        lost: expected - report.received,
        duplicates_shown: report.shownTwice,
        duplicates_delivered: report.duplicates,
        reconnected_p50_ms: round(
          percentile(
            report.reconnectedAt.map((at) => at - restartedAt),
            50,
          ),
        ),
        reconnected_p99_ms: round(
          percentile(
            report.reconnectedAt.map((at) => at - restartedAt),
            99,
          ),
        ),
        reconnected: report.reconnectedAt.length,
        hub_ready_after_start_ms: hubReadyMs,
      },
    };
  }

  // A partial run (--only) replaces its own rows in the previous results and keeps the others.
  /** @type {any} */
  let previous = {};
  try {
    previous = JSON.parse(readFileSync('bench/scale-results.json', 'utf8'));
  } catch {
    // first run
  }
  /** @type {any[]} */
  const fanout = [];
  for (const transport of ['sse', 'websocket']) {
    for (const restart of [false, true]) {
      const key = restart ? `${transport}-restart` : transport;
      const kept = (previous.fanout ?? []).find(
        (/** @type {any} */ row) => row.transport === transport && Boolean(row.restart) === restart,
      );
      if (ONLY.includes(key)) fanout.push(await fanOut(transport, restart));
      else if (kept) fanout.push(kept);
    }
  }
  results.fanout = fanout;
  await hub.close();
  await redis.close();

  results.cache = ONLY.includes('cache') ? await cacheRun(engines) : previous.cache;
  writeFileSync('bench/scale-results.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log(JSON.stringify(results, null, 2));
  if (process.argv.includes('--readme')) writeReadme(results);
}

/** Pollers revalidating every second through deploy/nginx/feed-cache.conf in front of the demo feed server. */
async function cacheRun(/** @type {{ nginx: string, redis: string }} */ engines) {
  const feeds = createFeedServer({ publishEvery: 0 });
  const origin = createServer((req, res) => void (feeds.handle(req, res) === false && res.writeHead(404).end()));
  origin.listen(0, '127.0.0.1');
  await once(origin, 'listening');
  const originPort = /** @type {import('node:net').AddressInfo} */ (origin.address()).port;
  const cachePort = await freePort();
  const cache = await startNginx(
    engines,
    'feed-cache.conf',
    {
      'listen 8081;': `listen 127.0.0.1:${cachePort};`,
      'server 127.0.0.1:3000;': `server 127.0.0.1:${originPort};`,
      '/var/cache/nginx/live-ticker': '{prefix}/cache',
    },
    { workers: 1, connections: POLLERS + 200 },
  );
  cleanups.push(async () => {
    await cache.close();
    origin.close();
    feeds.close();
  });
  const channel = 'scale-cache';
  const url = `http://127.0.0.1:${cachePort}/feeds/${channel}/feed.json`;
  const seconds = 30;
  // The feed changes once mid-run, as a feed does: the cache must pick it up within an interval.
  setTimeout(
    () =>
      void fetch(`http://127.0.0.1:${originPort}/feeds/${channel}/control`, {
        method: 'POST',
        body: '{"publish":{"text":"OSLO (ANP) - Nieuw"}}',
      }),
    (seconds / 2) * 1000,
  );
  let requests = 0;
  let notModified = 0;
  const cpuBefore = cpuSeconds(cache.child?.pid);
  const started = Date.now();
  await Promise.all(
    Array.from({ length: POLLERS }, async (_, index) => {
      let etag = '';
      await sleep((index / POLLERS) * 1000); // spread over the first second, as jittered readers are
      while (Date.now() - started < seconds * 1000) {
        const response = await fetch(url, { headers: etag ? { 'If-None-Match': etag } : {} });
        await response.arrayBuffer();
        requests++;
        if (response.status === 304) notModified++;
        else etag = response.headers.get('etag') ?? etag;
        await sleep(1000);
      }
    }),
  );
  const elapsed = (Date.now() - started) / 1000;
  const cpu = cpuSeconds(cache.child?.pid) - cpuBefore;
  const originRequests = (await (await fetch(`http://127.0.0.1:${originPort}/feeds/${channel}/stats`)).json()).requests;
  return {
    pollers: POLLERS,
    interval_s: CACHE_INTERVAL_S,
    seconds: round(elapsed),
    requests,
    not_modified_pct: round((100 * notModified) / requests, 1),
    origin_requests: originRequests,
    origin_requests_per_interval: round(originRequests / (elapsed / CACHE_INTERVAL_S), 2),
    nginx_cpu_us_per_revalidation: round((cpu * 1e6) / requests, 1),
  };
}

function writeReadme(/** @type {any} */ results) {
  const lines = [
    `Measured ${results.date} on this ${results.machine.cores}-core machine, readers, nginx ${results.engines.nginx} + nchan ${results.engines.nchan} and Redis ${results.engines.redis} all on it (\`npm run bench:scale -- --readme\`):`,
    '',
    '| transport | readers | messages | delivered | p50 | p99 | nginx CPU per delivery | after an nginx restart: lost | shown twice | delivered twice | reconnected p99 |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const transport of ['sse', 'websocket']) {
    const run = results.fanout.find((/** @type {any} */ row) => row.transport === transport && !row.restart);
    const restart = results.fanout.find((/** @type {any} */ row) => row.transport === transport && row.restart);
    if (!run) continue;
    lines.push(
      `| ${transport === 'sse' ? 'SSE' : 'WebSocket'} | ${run.subscribers.toLocaleString('en')} | ${run.messages} | ${run.delivered_pct} % | ${run.p50_ms} ms | ${run.p99_ms} ms | ${run.nginx_cpu_us_per_delivery} µs | ${restart ? restart.restart.lost : '–'} | ${restart ? restart.restart.duplicates_shown : '–'} | ${restart ? restart.restart.duplicates_delivered : '–'} | ${restart ? `${restart.restart.reconnected_p99_ms} ms` : '–'} |`,
    );
  }
  const detail = results.fanout.map(
    (/** @type {any} */ row) =>
      `${row.transport === 'sse' ? 'SSE' : 'WebSocket'}${row.restart ? ' with the restart' : ''}: ${row.connected.toLocaleString('en')} connected within 3 min${
        row.restart
          ? `, nchan reached Redis ${row.restart.hub_ready_after_start_ms} ms after nginx started, readers reconnected p50 ${row.restart.reconnected_p50_ms} ms`
          : `, readers' own CPU ${row.reader_cpu_us_per_delivery} µs per delivery, nginx ${row.nginx_kb_per_reader} KB per reader`
      }`,
  );
  lines.push('', `${detail.join('; ')}.`);
  if (results.cache) {
    const cache = results.cache;
    lines.push(
      '',
      `Cache: ${cache.pollers.toLocaleString('en')} pollers revalidating every second for ${cache.seconds} s (${cache.requests.toLocaleString('en')} requests, ${cache.not_modified_pct} % answered 304 by nginx): the origin saw ${cache.origin_requests} requests, **${cache.origin_requests_per_interval} per ${cache.interval_s}-s interval**; nginx spent ${cache.nginx_cpu_us_per_revalidation} µs of CPU per revalidation.`,
    );
  }
  const readme = readFileSync('docs/operations.md', 'utf8');
  const start = '<!-- scale:start -->';
  const end = '<!-- scale:end -->';
  if (!readme.includes(start)) return console.error('docs/operations.md has no scale table markers');
  writeFileSync(
    'docs/operations.md',
    `${readme.slice(0, readme.indexOf(start) + start.length)}\n${lines.join('\n')}\n${readme.slice(readme.indexOf(end))}`,
  );
}

try {
  // --readme-only: the docs/operations.md table from the last bench/scale-results.json, without running anything.
  if (process.argv.includes('--readme-only')) writeReadme(JSON.parse(readFileSync('bench/scale-results.json', 'utf8')));
  else await main();
} finally {
  clearTimeout(deadline);
  await cleanup();
}
