// @ts-check
/**
 * nginx (with the nchan and stream modules) and Redis for the end-to-end tests and `npm run bench:scale`:
 * finds them (installing Debian's packages with apt-get where we are root, as for Chromium), and runs
 * them from the committed `deploy/` configurations on free ports in a temporary prefix, without
 * systemd: one hub, or a cluster of hub nodes sharing one Redis behind a balancer. Every process is
 * started here and stopped here, by PID.
 */
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { freePort } from './free-port.mjs';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const NCHAN_MODULE = '/usr/lib/nginx/modules/ngx_nchan_module.so';
/** nginx's TCP proxy, the cluster's balancer (deploy/cluster/balancer.conf). */
export const STREAM_MODULE = '/usr/lib/nginx/modules/ngx_stream_module.so';
const PACKAGES = ['nginx', 'libnginx-mod-nchan', 'libnginx-mod-stream', 'redis-server'];
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'];
const REDIS = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'];
const DEPLOY = resolve(new URL('../deploy/', import.meta.url).pathname);

/** @returns {{ nginx: string, redis: string } | undefined} */
function findEngines() {
  const nginx = NGINX.find((path) => existsSync(path));
  const redis = REDIS.find((path) => existsSync(path));
  return nginx && redis && existsSync(NCHAN_MODULE) && existsSync(STREAM_MODULE) ? { nginx, redis } : undefined;
}

/**
 * nginx (with the nchan and stream modules) and redis-server; on a fresh Debian machine as root,
 * installs `nginx libnginx-mod-nchan libnginx-mod-stream redis-server` first. Undefined, with one line saying what to install, when
 * they are missing and cannot be installed.
 * @returns {{ nginx: string, redis: string } | undefined}
 */
export function ensureEngines() {
  const found = findEngines();
  if (found) return found;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log(`live-ticker: installing ${PACKAGES.join(' ')} with apt-get …`);
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
      execFileSync('apt-get', ['install', '-y', '-qq', ...PACKAGES], {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    } catch {
      // reported below
    }
  }
  const installed = findEngines();
  if (!installed) console.error(`live-ticker: these tests need nginx, nchan and Redis: apt-get install -y ${PACKAGES.join(' ')}`);
  return installed;
}

/**
 * Resolves once something accepts TCP connections on the port (bounded: rejects after `timeout` ms).
 * @param {number} port
 */
export async function waitForPort(port, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const ok = await new Promise((done) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), done(true)));
      socket.once('error', () => done(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeout} ms`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

/**
 * Stops a process by PID and waits for it to exit: SIGTERM, then SIGKILL after `grace` ms.
 * @param {import('node:child_process').ChildProcess | undefined} child
 */
export async function stop(child, grace = 5000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), grace);
  await exited;
  clearTimeout(timer);
}

/**
 * A Redis on a free port, in memory only (nginx keeps its buffer and ids; Redis itself is not restarted).
 * @param {{ redis: string }} engines
 */
export async function startRedis(engines) {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'live-ticker-redis-'));
  const child = spawn(engines.redis, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitForPort(port);
  return {
    port,
    child,
    async close() {
      await stop(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The PIDs of a process and its children (nginx: the master and its workers), from /proc. */
export function processFamily(/** @type {number | undefined} */ pid) {
  if (!pid) return [];
  return readdirSync('/proc')
    .filter((entry) => {
      if (!/^\d+$/.test(entry)) return false;
      if (Number(entry) === pid) return true;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false; // the process ended meanwhile
      }
    })
    .map(Number);
}

/** Whether a PID is a running process (a zombie waiting to be reaped has ended). */
function running(/** @type {number} */ pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/**
 * Runs one committed configuration (`deploy/nginx/<name>`, or `deploy/<dir>/<name>` when `name` has a
 * slash) in nginx from a temporary prefix. The configuration is used as written, except for the values
 * in `replace` (its ports and addresses), each of which must occur in it: a test can never drift from
 * the file a publisher copies. `stream`: the file goes in nginx's `stream { }` block (a TCP balancer)
 * instead of `http { }`.
 * @param {{ nginx: string }} engines
 * @param {string} name file in deploy/nginx/, or a path in deploy/
 * @param {Record<string, string>} replace exact text in the file → its value here (`{prefix}`: the temporary prefix)
 * @param {{ workers?: number, connections?: number, accessLog?: boolean, stream?: boolean }} [options]
 */
export async function startNginx(engines, name, replace, options = {}) {
  const file = name.includes('/') ? name : `nginx/${name}`;
  const prefix = mkdtempSync(join(tmpdir(), 'live-ticker-nginx-'));
  // Workers run as an unprivileged user when nginx starts as root: they must reach the temp and cache directories.
  chmodSync(prefix, 0o755);
  for (const dir of ['logs', 'tmp', 'cache']) mkdirSync(join(prefix, dir), { mode: 0o777 });
  for (const dir of ['tmp', 'cache']) chmodSync(join(prefix, dir), 0o777);
  let config = readFileSync(join(DEPLOY, file), 'utf8');
  for (const [from, to] of Object.entries(replace)) {
    if (!config.includes(from)) throw new Error(`deploy/${file} no longer contains "${from}"`);
    config = config.split(from).join(to.replaceAll('{prefix}', prefix));
  }
  writeFileSync(join(prefix, 'site.conf'), config);
  const connections = options.connections ?? 1024;
  const site = options.stream
    ? `stream {
  ${options.accessLog ? `log_format sessions '$remote_addr $upstream_addr $status $session_time';\n  access_log ${prefix}/logs/access.log sessions;` : 'access_log off;'}
  include ${prefix}/site.conf;
}`
    : `http {
  ${options.accessLog ? `log_format resume '$request_method $uri $arg_last_event_id $status $upstream_cache_status "$http_if_none_match" $http_upgrade $http_user_agent';\n  access_log ${prefix}/logs/access.log resume;` : 'access_log off;'}
  client_body_temp_path ${prefix}/tmp/body;
  proxy_temp_path ${prefix}/tmp/proxy;
  fastcgi_temp_path ${prefix}/tmp/fastcgi;
  uwsgi_temp_path ${prefix}/tmp/uwsgi;
  scgi_temp_path ${prefix}/tmp/scgi;
  include ${prefix}/site.conf;
}`;
  writeFileSync(
    join(prefix, 'nginx.conf'),
    `# Generated by scripts/engines.mjs: what a distribution's nginx.conf provides around deploy/${file}.
load_module ${options.stream ? STREAM_MODULE : NCHAN_MODULE};
worker_processes ${options.workers ?? 1};
worker_rlimit_nofile ${Math.min(connections * 2 + 64, 19_000)};
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log warn;
events { worker_connections ${connections}; }
${site}
`,
  );
  const ports = [...config.matchAll(/^\s*listen\s+127\.0\.0\.1:(\d+)/gm)].map((match) => Number(match[1]));
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let child;
  const nginx = {
    prefix,
    ports,
    get child() {
      return child;
    },
    /** Starts (or starts again, on the same ports) and waits until it listens. */
    async start() {
      child = spawn(engines.nginx, ['-p', `${prefix}/`, '-c', 'nginx.conf', '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
      let errors = '';
      child.stderr?.on('data', (chunk) => (errors += chunk));
      const exited = once(child, 'exit').then(() => {
        throw new Error(`nginx exited: ${errors}${readFileSync(join(prefix, 'logs/error.log'), 'utf8')}`);
      });
      await Promise.race([Promise.all(ports.map((port) => waitForPort(port))), exited]);
      exited.catch(() => undefined);
    },
    /** Stops nginx (SIGTERM: nchan closes its streams) and waits for it to exit. */
    async stop() {
      await stop(child);
    },
    /**
     * Kills nginx as a dying machine would: SIGKILL to the master and every worker at once (the kernel
     * then resets their connections; nchan says goodbye to nobody). Resolves when all have ended.
     */
    async kill() {
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const pids = processFamily(child.pid);
      const exited = once(child, 'exit');
      for (const pid of pids) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      await exited;
      const deadline = Date.now() + 5000;
      while (pids.some(running) && Date.now() < deadline) await new Promise((done) => setTimeout(done, 20));
    },
    /** The access log lines so far (with `accessLog`). */
    accessLog() {
      const file = join(prefix, 'logs/access.log');
      return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
    },
    async close() {
      await stop(child);
      rmSync(prefix, { recursive: true, force: true });
    },
  };
  await nginx.start();
  return nginx;
}

/**
 * A hub cluster as deploy/cluster/ describes it, on free 127.0.0.1 ports: one Redis, two nginx + nchan
 * nodes running deploy/nginx/nchan-hub.conf on it, and deploy/cluster/balancer.conf in front of them.
 * The balancer reaches the nodes from 127.0.0.2, another address than the CMS's 127.0.0.1, as a
 * balancer on its own host does: the nodes' `/pub/` refuses readers who come through it.
 * @param {{ nginx: string, redis: string }} engines
 * @param {{ nodeWorkers?: number, nodeConnections?: number, balancerWorkers?: number, balancerConnections?: number, accessLog?: boolean }} [options]
 */
export async function startCluster(engines, options = {}) {
  const redis = await startRedis(engines);
  /** @type {Awaited<ReturnType<typeof startNginx>>[]} */
  const nodes = [];
  /** @type {Awaited<ReturnType<typeof startNginx>> | undefined} */
  let balancer;
  const close = async () => {
    await balancer?.close();
    for (const node of nodes) await node.close();
    await redis.close();
  };
  try {
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      nodes.push(
        await startNginx(
          engines,
          'nchan-hub.conf',
          { 'listen 8080 ': `listen 127.0.0.1:${port} `, 'redis://127.0.0.1:6379': `redis://127.0.0.1:${redis.port}` },
          { workers: options.nodeWorkers ?? 1, connections: options.nodeConnections ?? 1024, accessLog: options.accessLog },
        ),
      );
    }
    const port = await freePort();
    balancer = await startNginx(
      engines,
      'cluster/balancer.conf',
      {
        'listen 8090 ': `listen 127.0.0.1:${port} `,
        'server 127.0.0.1:8091': `server 127.0.0.1:${nodes[0]?.ports[0]}`,
        'server 127.0.0.1:8092': `server 127.0.0.1:${nodes[1]?.ports[0]}`,
        'proxy_pass live_ticker_hub_nodes;': 'proxy_pass live_ticker_hub_nodes;\n  proxy_bind 127.0.0.2;',
      },
      {
        stream: true,
        workers: options.balancerWorkers ?? 1,
        connections: options.balancerConnections ?? 1024,
        accessLog: options.accessLog,
      },
    );
  } catch (error) {
    await close();
    throw error;
  }
  return {
    redis,
    nodes,
    balancer,
    /** The port readers connect to. */
    port: /** @type {number} */ (balancer.ports[0]),
    /** Each node's port, for publishing (to any of them) and its /nchan-status. */
    nodePorts: nodes.map((node) => /** @type {number} */ (node.ports[0])),
    close,
  };
}

/** Readers connected to a hub node, from its `/nchan-status` (nchan_stub_status). @param {number} port */
export async function nodeSubscribers(port) {
  const status = await (await fetch(`http://127.0.0.1:${port}/nchan-status`)).text();
  return Number(/^subscribers: (\d+)/m.exec(status)?.[1] ?? NaN);
}

export { freePort };
