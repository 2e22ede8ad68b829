// @ts-check
/**
 * `npm run bench:scale`: many readers through the committed deploy/ configurations on the real engines
 * (nginx + nchan with the Redis store; a cluster of two such nodes behind nginx's stream balancer;
 * nginx as a feed cache), all on 127.0.0.1. Writes bench/scale-results.json; `--readme` also writes
 * the tables into docs/scale.md.
 *
 *   1. fan-out, library readers: for SSE and WebSocket, N readers (default 10,000) running the
 *      library's own stream code, spread over worker processes; 20 messages; delivered %, latency
 *      p50/p99 (publish → reader). These readers are for correctness: on two cores their own CPU
 *      (fetch, web streams, RxJS, the store's fold) is most of the latency.
 *   2. fan-out, light readers: raw TCP sockets (bench/scale-light-worker.mjs) at 10,000 and 30,000
 *      readers (--light), for the latency of the hub itself.
 *   3. restart: the library readers with an nginx restart after 10 of the 20 messages: lost, shown
 *      twice, delivered twice, how long readers took to reconnect once nginx was back; for WebSocket
 *      also with nchan's ws+meta.nchan subprotocol (the `#ws+meta.nchan` URL), which resumes; for SSE
 *      also with light readers that reconnect as the library does (the hub's own recovery).
 *   4. failover: N library SSE readers through deploy/cluster/balancer.conf over two nodes; one node
 *      is killed (SIGKILL, master and workers) after 10 of the 20 messages while the CMS publishes to
 *      the node that is alive: lost, shown twice, how long the killed node's readers took to be back.
 *   5. cache: 1,000 pollers revalidating every second through the feed cache for 30 s: origin
 *      requests per 5-s cache interval, share of 304s
 *   plus nginx and Redis CPU time per delivery and per revalidation, for the capacity model.
 *
 * Options: --subscribers N, --messages N, --workers N, --pollers N, --arrival S (seconds over which
 * library readers connect; default 300 a second), --light 10000,30000 (light reader counts),
 * --only sse,websocket,light-sse,light-websocket,sse-restart,websocket-restart,websocket-resume-restart,light-sse-restart,failover,cache
 * (a partial run keeps the other rows of bench/scale-results.json), --readme.
 * Bounded: every phase has a deadline, the whole run stops after 30 minutes, and every process it
 * started (workers, nginx, Redis) is stopped by PID on the way out.
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { createFeedServer } from '../demo/feed-server.mjs';
import {
  ensureEngines,
  freePort,
  nodeSubscribers,
  processFamily,
  startCluster,
  startNginx,
  startRedis,
  stop,
} from '../scripts/engines.mjs';

const arg = (/** @type {string} */ name, /** @type {string} */ fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? (process.argv[index + 1] ?? fallback) : fallback;
};
const SUBSCRIBERS = Number(arg('subscribers', '10000'));
const MESSAGES = Number(arg('messages', '20'));
const WORKERS = Number(arg('workers', String(Math.max(1, Math.ceil(SUBSCRIBERS / 1250)))));
const PHASES = [
  'sse',
  'websocket',
  'light-sse',
  'light-websocket',
  'sse-restart',
  'websocket-restart',
  'websocket-resume-restart',
  'light-sse-restart',
  'failover',
  'cache',
];
const ONLY = arg('only', PHASES.join(',')).split(',');
const LIGHT = arg('light', '10000,30000').split(',').map(Number);
/** Light readers per process (each process opens one descriptor per reader; `ulimit -n` is 20,000 here). */
const LIGHT_PER_PROCESS = 7500;
/** The goals each row is held to (`met`). */
const GOALS = { delivered_pct: 100, p99_ms: 1000, reconnected_p99_ms: 10_000 };
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
/** The machine's 1-minute load average as a phase starts: on a shared machine, what the other figures were measured under. */
const load = () => round(loadavg()[0] ?? NaN, 2);

/** Sums `read` over a process and its children; a process that ended meanwhile counts 0. */
function sumOverFamily(/** @type {number | undefined} */ pid, /** @type {(entry: string) => number} */ read) {
  return processFamily(pid).reduce((total, entry) => {
    try {
      return total + read(String(entry));
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
  console.error('bench:scale: stopped after 30 minutes');
  void cleanup().then(() => process.exit(1));
}, 30 * 60_000);
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

/**
 * `count` readers over `processes` worker processes running `script` (scale-worker.mjs: the library;
 * scale-light-worker.mjs: raw sockets); `start(index, share)` is each one's start message.
 */
async function startWorkers(
  /** @type {string} */ script,
  /** @type {number} */ count,
  /** @type {number} */ processes,
  /** @type {(index: number, share: number) => Record<string, unknown>} */ start,
) {
  /** @type {{ child: import('node:child_process').ChildProcess, live: number, report?: any }[]} */
  const workers = [];
  for (let w = 0; w < processes; w++) {
    const share = Math.floor(count / processes) + (w < count % processes ? 1 : 0);
    const child = fork(new URL(script, import.meta.url), [], {
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
    child.send({ start: start(w, share) });
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
        duplicates: reports.reduce((sum, report) => sum + (report.duplicates ?? 0), 0),
        shownTwice: reports.reduce((sum, report) => sum + (report.shownTwice ?? 0), 0),
        /** @type {number[]} */
        reconnectedAt: reports.flatMap((report) => report.reconnectedAt ?? []),
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

/** N library readers (the library's stream code and fold) over W processes. */
const startReaders = (/** @type {string} */ module, /** @type {string} */ url, /** @type {string} */ transport) =>
  // Readers arrive over ARRIVAL_S seconds (the library's start jitter): a whole audience opening the
  // page in the same instant would measure the connection storm, not the fan-out.
  startWorkers('./scale-worker.mjs', SUBSCRIBERS, WORKERS, (_, count) => ({
    module,
    url,
    transport,
    count,
    startJitter: ARRIVAL_S * 1000,
  }));

/** `count` light readers (raw sockets) of 127.0.0.1:port/path, each process from its own loopback address (ports run out past ~28,000 from one). */
const startLightReaders = (
  /** @type {number} */ port,
  /** @type {string} */ path,
  /** @type {string} */ transport,
  /** @type {number} */ count,
  reconnect = false,
) =>
  startWorkers('./scale-light-worker.mjs', count, Math.ceil(count / LIGHT_PER_PROCESS), (index, share) => ({
    port,
    path,
    transport,
    count: share,
    localAddress: `127.0.1.${index + 1}`,
    // 2,000 new connections a second in all.
    arrival: count / 2,
    reconnect,
  }));

/**
 * What went wrong inside nginx so far (its error log in the prefix): alerts, critical errors and workers that
 * died (nchan 1.3.6 can crash workers after a restart under many resuming readers), so a row says so.
 */
const nginxTrouble = (/** @type {{ prefix: string }} */ nginx) => {
  try {
    return readFileSync(join(nginx.prefix, 'logs/error.log'), 'utf8')
      .split('\n')
      .filter((line) => /\[(alert|crit|emerg)\]|exited on signal|redis.*(fail|timed? ?out|disconnect)/i.test(line));
  } catch {
    return [];
  }
};

/** The kernel's count of connections dropped because a listen queue was full (all sockets, since boot). */
const listenOverflows = () => {
  const lines = readFileSync('/proc/net/netstat', 'utf8').split('\n');
  const names = lines.find((line) => line.startsWith('TcpExt:'))?.split(' ') ?? [];
  const values = lines.filter((line) => line.startsWith('TcpExt:'))[1]?.split(' ') ?? [];
  return Number(values[names.indexOf('ListenOverflows')] ?? NaN);
};

/** A percentile, rounded to 0.1 ms. */
const percentileOf = (/** @type {number[]} */ values, /** @type {number} */ p) => round(percentile(values, p));

/** Publishes one message to the first of `ports` that takes it (the CMS tries the next node when one is down); retries while nchan answers 503 (right after a start). */
async function publish(/** @type {number[]} */ ports, /** @type {string} */ channel, /** @type {string} */ id) {
  const body = JSON.stringify({ id, content_text: `ROME (ANP) - Bericht ${id}`, date_published: new Date().toISOString() });
  for (let attempt = 0; attempt < 100; attempt++) {
    for (const port of ports) {
      const response = await fetch(`http://127.0.0.1:${port}/pub/${channel}`, { method: 'POST', body }).catch(() => undefined);
      await response?.arrayBuffer();
      if (response && response.status < 300) return;
    }
    await sleep(100);
  }
  throw new Error(`could not publish ${id}`);
}

/**
 * Publishes MESSAGES messages 200 ms apart to `channel` on the hub at `port`. With `restart`, once
 * the first half has reached all `count` readers, nginx goes down and comes back (Redis stays), and
 * the rest is published once nchan has reached Redis again (it answers 503 until then). Returns when
 * the hub came back (`restartedAt`), how long it was down (from SIGTERM to the new nginx listening:
 * readers who try meanwhile fail and back off) and how long nchan then took to be ready.
 */
async function publishAll(
  /** @type {{ stop(): Promise<unknown>, start(): Promise<unknown>, child?: { pid?: number } }} */ hub,
  /** @type {number} */ port,
  /** @type {string} */ channel,
  /** @type {{ report(): Promise<{ received: number }> }} */ readers,
  /** @type {number} */ count,
  /** @type {boolean} */ restart,
) {
  let restartedAt = 0;
  let hubDownMs = 0;
  let hubReadyMs = 0;
  for (let i = 1; i <= MESSAGES; i++) {
    if (restart && i === Math.floor(MESSAGES / 2) + 1) {
      await until(async () => (await readers.report()).received >= count * (i - 1), 30_000, 500);
      const stoppedAt = Date.now();
      await hub.stop();
      await hub.start();
      restartedAt = Date.now();
      hubDownMs = restartedAt - stoppedAt;
      await until(
        async () => {
          const response = await fetch(`http://127.0.0.1:${port}/pub/${channel}`).catch(() => undefined);
          await response?.arrayBuffer();
          return response !== undefined && response.status !== 503;
        },
        60_000,
        50,
      );
      hubReadyMs = Date.now() - restartedAt;
      if (hub.child?.pid) console.log(`  nginx restarted (pid ${hub.child.pid})`);
    }
    await publish([port], channel, `m-${i}`);
    await sleep(200);
  }
  return { restartedAt, hubDownMs, hubReadyMs };
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
    goals: {
      fanout: `delivered ${GOALS.delivered_pct} %; p99 ≤ ${GOALS.p99_ms} ms measured by the light readers (the library readers' p99 is their own CPU on this machine)`,
      restart: `lost 0, shown twice 0, reconnected p99 ≤ ${GOALS.reconnected_p99_ms} ms; WebSocket with ws+meta.nchan also delivered twice 0`,
      failover: `lost 0, shown twice 0, the killed node's readers back within ${GOALS.reconnected_p99_ms} ms p99`,
      cache: 'the origin at most one request per cache interval',
    },
  };
  // A partial run (--only) replaces its own rows in the previous results and keeps the others.
  /** @type {any} */
  let previous = {};
  try {
    previous = JSON.parse(readFileSync('bench/scale-results.json', 'utf8'));
  } catch {
    // first run
  }
  /** Which phase wrote a row. */
  const phaseOf = (/** @type {any} */ row) =>
    `${row.reader === 'light' ? 'light-' : ''}${row.transport}${row.resume ? '-resume' : ''}${row.restart ? '-restart' : ''}`;
  /** @type {any[]} */
  const fanout = (previous.fanout ?? [])
    .map((/** @type {any} */ row) => ({ reader: 'library', ...row }))
    .filter((/** @type {any} */ row) => !ONLY.includes(phaseOf(row)));

  const libraryPhases = ['sse', 'websocket', 'sse-restart', 'websocket-restart', 'websocket-resume-restart'].filter((phase) =>
    ONLY.includes(phase),
  );
  const lightPhases = ['light-sse', 'light-websocket', 'light-sse-restart'].filter((phase) => ONLY.includes(phase));
  if (libraryPhases.length + lightPhases.length > 0) {
    const redis = await startRedis(engines);
    cleanups.push(() => redis.close());
    /** A hub (deploy/nginx/nchan-hub.conf) on this Redis for `readers`: nginx's workers hold at most 9,000 connections each here. */
    const startHub = async (/** @type {number} */ readers) => {
      const port = await freePort();
      const hub = await startNginx(
        engines,
        'nchan-hub.conf',
        { 'listen 8080 ': `listen 127.0.0.1:${port} `, 'redis://127.0.0.1:6379': `redis://127.0.0.1:${redis.port}` },
        { workers: Math.max(2, Math.ceil(readers / 8000)), connections: Math.min(9000, readers + 500) },
      );
      cleanups.push(() => hub.close());
      return { hub, port };
    };

    if (libraryPhases.length > 0) {
      const { hub, port: hubPort } = await startHub(SUBSCRIBERS);

      /** One run: connect everyone, publish, optionally restart nginx halfway. */
      const fanOut = async (/** @type {string} */ transport, /** @type {boolean} */ restart, resume = false) => {
        const channel = `scale-${transport}-${restart ? 'restart' : 'run'}-${Date.now().toString(36)}`;
        // The ws+meta.nchan subprotocol, which the library asks for when the URL says so (see src/sources/websocket-feed.ts).
        const url = `${transport === 'websocket' ? 'ws' : 'http'}://127.0.0.1:${hubPort}/sub/${channel}${resume ? '#ws+meta.nchan' : ''}`;
        const started = Date.now();
        const loadBefore = load();
        const memoryBefore = residentKb(hub.child?.pid);
        const readers = await startReaders(module, url, transport);
        await until(() => readers.live() >= SUBSCRIBERS, 180_000);
        const connected = readers.live();
        const connectS = (Date.now() - started) / 1000;
        const nginxKbPerReader = (residentKb(hub.child?.pid) - memoryBefore) / Math.max(1, readers.live());
        console.log(
          `  ${transport}${resume ? ' resume' : ''}${restart ? ' restart' : ''}: ${readers.live()} of ${SUBSCRIBERS} library readers live after ${round(connectS)} s`,
        );
        const cpuBefore = {
          nginx: cpuSeconds(hub.child?.pid),
          redis: cpuSeconds(redis.child.pid),
          readers: (await readers.report()).cpuUs,
        };
        const publishStart = Date.now();
        const { restartedAt, hubDownMs, hubReadyMs } = await publishAll(hub, hubPort, channel, readers, SUBSCRIBERS, restart);
        const publishS = (Date.now() - publishStart) / 1000;
        const expected = SUBSCRIBERS * MESSAGES;
        await until(async () => (await readers.report()).received >= expected, restart ? 120_000 : 60_000, 500);
        const report = await readers.report();
        const cpu = { nginx: cpuSeconds(hub.child?.pid) - cpuBefore.nginx, redis: cpuSeconds(redis.child.pid) - cpuBefore.redis };
        await readers.stop();
        const row = {
          reader: 'library',
          transport,
          ...(resume && { resume: 'ws+meta.nchan' }),
          subscribers: SUBSCRIBERS,
          messages: MESSAGES,
          connected,
          delivered_pct: round((100 * report.received) / expected, 2),
          p50_ms: round(percentile(report.latencies, 50)),
          p99_ms: round(percentile(report.latencies, 99)),
          load_average: loadBefore,
        };
        if (!restart) {
          return {
            ...row,
            met: row.delivered_pct >= GOALS.delivered_pct,
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
        const back = report.reconnectedAt.map((at) => at - restartedAt);
        const trouble = nginxTrouble(hub);
        if (trouble.length) console.log(`  nginx error log:\n    ${trouble.slice(-5).join('\n    ')}`);
        const restartRow = {
          lost: expected - report.received,
          duplicates_shown: report.shownTwice,
          duplicates_delivered: report.duplicates,
          reconnected_p50_ms: percentileOf(back, 50),
          reconnected_p99_ms: percentileOf(back, 99),
          reconnected: back.length,
          hub_down_ms: hubDownMs,
          hub_ready_after_start_ms: hubReadyMs,
          // Alerts and crashed workers in nginx's error log so far (on this hub, over the runs before too).
          nginx_errors: trouble.length,
        };
        return {
          ...row,
          met:
            restartRow.lost === 0 &&
            restartRow.duplicates_shown === 0 &&
            restartRow.reconnected_p99_ms <= GOALS.reconnected_p99_ms &&
            (!resume || restartRow.duplicates_delivered === 0),
          restart: restartRow,
        };
      };

      for (const phase of libraryPhases) {
        const [transport = 'sse'] = phase.split('-');
        fanout.push(await fanOut(transport, phase.endsWith('-restart'), phase.includes('-resume')));
      }
      await hub.close();
    }

    for (const phase of lightPhases) {
      const [, transport = 'sse', restart] = phase.split('-');
      // The restart with light readers (SSE, reconnecting as the library does) once, at SUBSCRIBERS: the hub's own recovery.
      for (const count of restart ? [SUBSCRIBERS] : LIGHT) {
        const { hub, port } = await startHub(count);
        const channel = `scale-light-${transport}-${count}-${Date.now().toString(36)}`;
        const started = Date.now();
        const loadBefore = load();
        const readers = await startLightReaders(port, `/sub/${channel}`, transport, count, Boolean(restart));
        await until(() => readers.live() >= count, 120_000);
        const connected = readers.live();
        console.log(
          `  light ${transport}${restart ? ' restart' : ''}: ${connected} of ${count} readers live after ${round((Date.now() - started) / 1000)} s`,
        );
        const cpuBefore = { nginx: cpuSeconds(hub.child?.pid), readers: (await readers.report()).cpuUs };
        const { restartedAt, hubDownMs } = await publishAll(hub, port, channel, readers, count, Boolean(restart));
        const expected = count * MESSAGES;
        await until(async () => (await readers.report()).received >= expected, restart ? 120_000 : 60_000, 500);
        const report = await readers.report();
        const nginxCpu = cpuSeconds(hub.child?.pid) - cpuBefore.nginx;
        await readers.stop();
        await hub.close();
        const row = {
          reader: 'light',
          transport,
          subscribers: count,
          messages: MESSAGES,
          connected,
          delivered_pct: round((100 * report.received) / expected, 2),
          p50_ms: round(percentile(report.latencies, 50)),
          p99_ms: round(percentile(report.latencies, 99)),
          load_average: loadBefore,
        };
        if (restart) {
          const back = report.reconnectedAt.map((at) => at - restartedAt);
          const restartRow = {
            lost: expected - report.received,
            reconnected_p50_ms: percentileOf(back, 50),
            reconnected_p99_ms: percentileOf(back, 99),
            reconnected: back.length,
            hub_down_ms: hubDownMs,
          };
          fanout.push({
            ...row,
            met: restartRow.lost === 0 && restartRow.reconnected_p99_ms <= GOALS.reconnected_p99_ms,
            restart: restartRow,
          });
          continue;
        }
        fanout.push({
          ...row,
          nginx_cpu_us_per_delivery: round((nginxCpu * 1e6) / Math.max(1, report.received), 2),
          reader_cpu_us_per_delivery: round((report.cpuUs - cpuBefore.readers) / Math.max(1, report.received), 1),
          met: row.delivered_pct >= GOALS.delivered_pct && row.p99_ms <= GOALS.p99_ms,
        });
      }
    }
    await redis.close();
  }
  const order = (/** @type {any} */ row) => PHASES.indexOf(phaseOf(row)) * 1e6 + row.subscribers;
  results.fanout = fanout.sort((a, b) => order(a) - order(b));

  // The library readers' row is the failover; the light readers' (the hub's own time) goes inside it.
  results.failover = ONLY.includes('failover')
    ? { ...(await failoverRun(engines, module, 'library')), light: await failoverRun(engines, module, 'light') }
    : previous.failover;
  results.cache = ONLY.includes('cache') ? await cacheRun(engines) : previous.cache;
  writeFileSync('bench/scale-results.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log(JSON.stringify(results, null, 2));
  if (process.argv.includes('--readme')) writeReadme(results);
}

/**
 * SUBSCRIBERS SSE readers through deploy/cluster/balancer.conf over two nodes on one Redis; after half
 * the messages node 0 is killed (SIGKILL, master and workers) and the CMS publishes to the node that
 * is alive. Library readers for what is lost and shown twice; light ones (raw sockets that reconnect
 * as the library does) for how long the hub takes to have them back.
 */
async function failoverRun(
  /** @type {{ nginx: string, redis: string }} */ engines,
  /** @type {string} */ module,
  /** @type {'library' | 'light'} */ reader,
) {
  const transport = 'sse';
  const cluster = await startCluster(engines, {
    nodeWorkers: 2,
    nodeConnections: 9000,
    // Two descriptors per proxied reader, and reuseport spreads readers evenly over these workers.
    balancerWorkers: Math.max(2, Math.ceil(SUBSCRIBERS / 2500)),
    balancerConnections: 8000,
  });
  cleanups.push(() => cluster.close());
  const [portA, portB] = /** @type {[number, number]} */ (cluster.nodePorts);
  const channel = `scale-failover-${Date.now().toString(36)}`;
  const started = Date.now();
  const loadBefore = load();
  const readers =
    reader === 'light'
      ? await startLightReaders(cluster.port, `/sub/${channel}`, transport, SUBSCRIBERS, true)
      : await startReaders(module, `http://127.0.0.1:${cluster.port}/sub/${channel}`, transport);
  await until(() => readers.live() >= SUBSCRIBERS, 180_000);
  const connected = readers.live();
  const spread = await Promise.all([portA, portB].map(nodeSubscribers));
  console.log(
    `  failover: ${connected} of ${SUBSCRIBERS} ${reader} readers live after ${round((Date.now() - started) / 1000)} s, per node ${spread}`,
  );
  // The balancer's CPU per delivery (it copies every byte twice), and the nodes', over the publishing window.
  const cpuOf = () => ({
    balancer: cpuSeconds(cluster.balancer.child?.pid),
    nodes: cluster.nodes.reduce((sum, node) => sum + cpuSeconds(node.child?.pid), 0),
    redis: cpuSeconds(cluster.redis.child.pid),
  });
  const cpuBefore = cpuOf();
  const overflowsBefore = listenOverflows();
  const receivedBefore = (await readers.report()).received;
  let killedAt = 0;
  let alive = [portA, portB];
  for (let i = 1; i <= MESSAGES; i++) {
    if (i === Math.floor(MESSAGES / 2) + 1) {
      await until(async () => (await readers.report()).received >= SUBSCRIBERS * (i - 1), 30_000, 500);
      // Node 0's CPU so far counts; a killed process has none to read.
      cpuBefore.nodes -= cpuSeconds(cluster.nodes[0]?.child?.pid);
      await cluster.nodes[0]?.kill();
      killedAt = Date.now();
      alive = [portB];
      console.log('  node 0 killed (SIGKILL)');
    }
    // Publishing goes to either node: alternately, the next one when a node is down.
    await publish(i % 2 ? alive : [...alive].reverse(), channel, `m-${i}`);
    await sleep(200);
  }
  const expected = SUBSCRIBERS * MESSAGES;
  await until(async () => (await readers.report()).received >= expected, 120_000, 500);
  const report = await readers.report();
  const cpuAfter = cpuOf();
  const deliveries = Math.max(1, report.received - receivedBefore);
  await readers.stop();
  await cluster.close();
  const back = report.reconnectedAt.map((at) => at - killedAt);
  const failover = {
    reader,
    transport,
    nodes: 2,
    readers: SUBSCRIBERS,
    connected,
    on_killed_node: spread[0],
    messages: MESSAGES,
    delivered_pct: round((100 * report.received) / expected, 2),
    lost: expected - report.received,
    // The light readers count each id once and show nothing.
    ...(reader === 'library' && { duplicates_shown: report.shownTwice, duplicates_delivered: report.duplicates }),
    reconnected: back.length,
    reconnected_p50_ms: percentileOf(back, 50),
    reconnected_p99_ms: percentileOf(back, 99),
    reconnected_max_ms: back.length ? Math.max(...back) : NaN,
    // Over the publishing window, kill and reconnections included.
    balancer_cpu_us_per_delivery: round(((cpuAfter.balancer - cpuBefore.balancer) * 1e6) / deliveries, 2),
    nodes_cpu_us_per_delivery: round(((cpuAfter.nodes - cpuBefore.nodes) * 1e6) / deliveries, 2),
    // Redis over the same window: the messages, and one buffer fetch per resuming reader.
    redis_cpu_ms: round((cpuAfter.redis - cpuBefore.redis) * 1e3, 0),
    // Connections whose SYN the kernel dropped because an accept queue was full (the machine's, over the window).
    listen_overflows: listenOverflows() - overflowsBefore,
    load_average: loadBefore,
  };
  return {
    ...failover,
    met: failover.lost === 0 && !failover.duplicates_shown && failover.reconnected_p99_ms <= GOALS.reconnected_p99_ms,
  };
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

/** The tables of docs/scale.md, between its scale markers, from the results. */
function writeReadme(/** @type {any} */ results) {
  const name = (/** @type {any} */ row) => (row.transport === 'sse' ? 'SSE' : row.resume ? `WebSocket, ${row.resume}` : 'WebSocket');
  const n = (/** @type {number} */ value) => value.toLocaleString('en');
  const met = (/** @type {any} */ row) => (row.met ? 'yes' : '**no**');
  const lines = [
    `Measured ${results.date} on this ${results.machine.cores}-core machine, readers, nginx ${results.engines.nginx} + nchan ${results.engines.nchan} and Redis ${results.engines.redis} all on it, with other test suites running on it at times (the load average as each phase started is in the tables; \`npm run bench:scale -- --readme\`).`,
    '',
    `**Fan-out** (${results.fanout[0]?.messages ?? 20} messages 200 ms apart; goal: ${results.goals?.fanout ?? ''}):`,
    '',
    "| readers | transport | count | delivered | p50 | p99 | nginx CPU per delivery | readers' CPU per delivery | load | goal met |",
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const row of results.fanout.filter((/** @type {any} */ row) => !row.restart)) {
    lines.push(
      `| ${row.reader ?? 'library'} | ${name(row)} | ${n(row.subscribers)} | ${row.delivered_pct} % | ${row.p50_ms} ms | ${row.p99_ms} ms | ${row.nginx_cpu_us_per_delivery} µs | ${row.reader_cpu_us_per_delivery} µs | ${row.load_average ?? '–'} | ${met(row)} |`,
    );
  }
  lines.push(
    '',
    `**nginx restart** after half the messages, library readers and (for SSE) light readers that reconnect as the library does (goal: ${results.goals?.restart ?? ''}):`,
    '',
    '| transport | readers | lost | shown twice | delivered twice | reconnected p50 | p99 | nginx down | nchan ready after start | load | goal met |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  );
  for (const row of results.fanout.filter((/** @type {any} */ row) => row.restart)) {
    const r = row.restart;
    lines.push(
      `| ${row.reader === 'light' ? 'light ' : ''}${name(row)} | ${n(row.subscribers)} | ${r.lost} | ${r.duplicates_shown ?? '–'} | ${r.duplicates_delivered === undefined ? '–' : n(r.duplicates_delivered)} | ${r.reconnected_p50_ms} ms | ${r.reconnected_p99_ms} ms | ${r.hub_down_ms === undefined ? '–' : `${r.hub_down_ms} ms`} | ${r.hub_ready_after_start_ms === undefined ? '–' : `${r.hub_ready_after_start_ms} ms`} | ${row.load_average ?? '–'} | ${met(row)} |`,
    );
  }
  const f = results.failover;
  if (f) {
    lines.push(
      '',
      `**Failover** (goal: ${results.goals?.failover ?? ''}): ${n(f.readers)} library ${f.transport === 'sse' ? 'SSE' : 'WebSocket'} readers through deploy/cluster/balancer.conf, ${n(f.on_killed_node)} of them on the node killed with SIGKILL after ${f.messages / 2} of ${f.messages} messages: ${f.delivered_pct} % delivered, **${f.lost} lost, ${f.duplicates_shown} shown twice** (${f.duplicates_delivered} delivered twice), the killed node's readers back **p50 ${f.reconnected_p50_ms} ms, p99 ${f.reconnected_p99_ms} ms** (last ${f.reconnected_max_ms} ms), load average ${f.load_average}; goal met: ${met(f)}.${
        f.light
          ? ` The same with light readers that reconnect as the library does (the hub's own time): ${f.light.lost} lost, back p50 ${f.light.reconnected_p50_ms} ms, **p99 ${f.light.reconnected_p99_ms} ms**, load average ${f.light.load_average}; goal met: ${met(f.light)}.`
          : ''
      } Over the window, per delivery: the balancer ${f.balancer_cpu_us_per_delivery} µs of CPU, the nodes ${f.nodes_cpu_us_per_delivery} µs; Redis ${f.redis_cpu_ms} ms in all; ${f.listen_overflows} connections dropped by a full accept queue.`,
    );
  }
  if (results.cache) {
    const cache = results.cache;
    lines.push(
      '',
      `**Cache**: ${n(cache.pollers)} pollers revalidating every second for ${cache.seconds} s (${n(cache.requests)} requests, ${cache.not_modified_pct} % answered 304 by nginx): the origin saw ${cache.origin_requests} requests, **${cache.origin_requests_per_interval} per ${cache.interval_s}-s interval**; nginx spent ${cache.nginx_cpu_us_per_revalidation} µs of CPU per revalidation.`,
    );
  }
  const doc = readFileSync('docs/scale.md', 'utf8');
  const start = '<!-- scale:start -->';
  const end = '<!-- scale:end -->';
  if (!doc.includes(start)) return console.error('docs/scale.md has no scale table markers');
  writeFileSync('docs/scale.md', `${doc.slice(0, doc.indexOf(start) + start.length)}\n${lines.join('\n')}\n${doc.slice(doc.indexOf(end))}`);
}

try {
  // --readme-only: the docs/scale.md tables from the last bench/scale-results.json, without running anything.
  if (process.argv.includes('--readme-only')) writeReadme(JSON.parse(readFileSync('bench/scale-results.json', 'utf8')));
  else await main();
} finally {
  clearTimeout(deadline);
  await cleanup();
}
