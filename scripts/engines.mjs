// @ts-check
/**
 * nginx, nchan and Redis for the end-to-end tests and `npm run bench:scale`: finds them (installing
 * Debian's packages with apt-get where we are root, as for Chromium), and runs them from the committed
 * `deploy/nginx/` configurations on free ports in a temporary prefix, without systemd. Every process
 * is started here and stopped here, by PID.
 */
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { freePort } from './free-port.mjs';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const NCHAN_MODULE = '/usr/lib/nginx/modules/ngx_nchan_module.so';
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'];
const REDIS = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'];
const DEPLOY = resolve(new URL('../deploy/nginx/', import.meta.url).pathname);

/** @returns {{ nginx: string, redis: string } | undefined} */
function findEngines() {
  const nginx = NGINX.find((path) => existsSync(path));
  const redis = REDIS.find((path) => existsSync(path));
  return nginx && redis && existsSync(NCHAN_MODULE) ? { nginx, redis } : undefined;
}

/**
 * nginx (with the nchan module) and redis-server; on a fresh Debian machine as root, installs
 * `nginx libnginx-mod-nchan redis-server` first. Undefined, with one line saying what to install, when
 * they are missing and cannot be installed.
 * @returns {{ nginx: string, redis: string } | undefined}
 */
export function ensureEngines() {
  const found = findEngines();
  if (found) return found;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log('live-ticker: installing nginx, nchan and Redis with apt-get …');
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
      execFileSync('apt-get', ['install', '-y', '-qq', 'nginx', 'libnginx-mod-nchan', 'redis-server'], {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    } catch {
      // reported below
    }
  }
  const installed = findEngines();
  if (!installed)
    console.error('live-ticker: these tests need nginx, nchan and Redis: apt-get install -y nginx libnginx-mod-nchan redis-server');
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

/**
 * Runs one committed configuration (`deploy/nginx/<name>`) in nginx from a temporary prefix. The
 * configuration is used as written, except for the values in `replace` (its ports and addresses),
 * each of which must occur in it: a test can never drift from the file a publisher copies.
 * @param {{ nginx: string }} engines
 * @param {string} name file in deploy/nginx/
 * @param {Record<string, string>} replace exact text in the file → its value here (`{prefix}`: the temporary prefix)
 * @param {{ workers?: number, connections?: number, accessLog?: boolean }} [options]
 */
export async function startNginx(engines, name, replace, options = {}) {
  const prefix = mkdtempSync(join(tmpdir(), 'live-ticker-nginx-'));
  // Workers run as an unprivileged user when nginx starts as root: they must reach the temp and cache directories.
  chmodSync(prefix, 0o755);
  for (const dir of ['logs', 'tmp', 'cache']) mkdirSync(join(prefix, dir), { mode: 0o777 });
  for (const dir of ['tmp', 'cache']) chmodSync(join(prefix, dir), 0o777);
  let config = readFileSync(join(DEPLOY, name), 'utf8');
  for (const [from, to] of Object.entries(replace)) {
    if (!config.includes(from)) throw new Error(`deploy/nginx/${name} no longer contains "${from}"`);
    config = config.split(from).join(to.replaceAll('{prefix}', prefix));
  }
  writeFileSync(join(prefix, 'site.conf'), config);
  const connections = options.connections ?? 1024;
  writeFileSync(
    join(prefix, 'nginx.conf'),
    `# Generated by scripts/engines.mjs: what a distribution's nginx.conf provides around deploy/nginx/${name}.
load_module ${NCHAN_MODULE};
worker_processes ${options.workers ?? 1};
worker_rlimit_nofile ${Math.min(connections * 2 + 64, 19_000)};
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log warn;
events { worker_connections ${connections}; }
http {
  ${options.accessLog ? `log_format resume '$request_method $uri $arg_last_event_id $status $upstream_cache_status "$http_if_none_match" $http_user_agent';\n  access_log ${prefix}/logs/access.log resume;` : 'access_log off;'}
  client_body_temp_path ${prefix}/tmp/body;
  proxy_temp_path ${prefix}/tmp/proxy;
  fastcgi_temp_path ${prefix}/tmp/fastcgi;
  uwsgi_temp_path ${prefix}/tmp/uwsgi;
  scgi_temp_path ${prefix}/tmp/scgi;
  include ${prefix}/site.conf;
}
`,
  );
  const ports = [...config.matchAll(/^\s*listen\s+127\.0\.0\.1:(\d+)/gm)].map((match) => Number(match[1]));
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let child;
  const nginx = {
    prefix,
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

export { freePort };
