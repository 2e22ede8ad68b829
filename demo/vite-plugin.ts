import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin, PreviewServer, ViteDevServer } from 'vite';
import { relativeLabel } from '../src/clock/relative-label.js';
import { createFeedServer } from './feed-server.mjs';

/** Where `npm run bench` builds its plain-Lit embed baseline (bench/pages/plain-lit-embed.ts). */
export const PLAIN_LIT_EMBED = 'node_modules/.cache/bench/plain-lit-embed.js';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The Content-Security-Policy of the third-party host page: the strict one the README documents. */
export function hostPolicy(embedOrigin: string, feedOrigin: string, extraScriptSource = '', reportUri = ''): string {
  return [
    "default-src 'none'",
    `script-src ${embedOrigin}${extraScriptSource ? ` ${extraScriptSource}` : ''}`,
    "style-src 'self'",
    `connect-src ${feedOrigin}`,
    "require-trusted-types-for 'script'",
    "trusted-types lit-html 'allow-duplicates'",
    ...(reportUri ? [`report-uri ${reportUri}`] : []),
  ].join('; ');
}

/**
 * The demo inside Vite (`npm start`, `vite preview`): `/` opens the seed page; `/feeds/…` is the
 * feed server; `/demo/host.html` is a third-party page that uses only the built embed, loaded from
 * another origin (localhost ↔ 127.0.0.1), under a strict CSP, with its items rendered on the server.
 */
export function demoFeedServer(): Plugin {
  const feeds = createFeedServer({ sections: true, pages: 3 });
  /** CSP violations the host page's browsers reported, per channel: every engine can report, not every driver can listen. */
  const cspReports = new Map<string, string[]>();

  function serveCspReports(req: IncomingMessage, res: ServerResponse): void {
    const channel = new URL(req.url ?? '/', 'http://x').searchParams.get('channel') ?? 'host';
    const reports = cspReports.get(channel) ?? [];
    cspReports.set(channel, reports);
    if (req.method !== 'POST') {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify(reports));
      return;
    }
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk.slice(0, 10_000)));
    req.on('end', () => {
      try {
        const report = JSON.parse(body)['csp-report'] ?? {};
        reports.push(`${report['violated-directive'] ?? report['effective-directive']} ${report['blocked-uri']}`);
      } catch {
        reports.push(`unreadable report: ${body.slice(0, 200)}`);
      }
      res.writeHead(204).end();
    });
  }

  /** A built script, from another origin's point of view: the embed, or the bench's plain-Lit baseline. */
  function serveScript(res: ServerResponse, path: string, missing: string): void {
    const file = new URL(`../${path}`, import.meta.url);
    if (!existsSync(file)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end(`${path} is missing: ${missing}.`);
      return;
    }
    res.writeHead(200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'no-cache',
      'Access-Control-Allow-Origin': '*',
    });
    res.end(readFileSync(file));
  }

  /**
   * A channel's newest items as `<live-ticker-item>` markup, as a publisher's server would write them:
   * readable before and without JavaScript, and holding the block's height so nothing jumps when
   * the live feed takes over.
   */
  function serverItems(channel: string, count = 7): string {
    const now = Date.now();
    return feeds
      .itemsOf(channel)
      .filter((item) => item.tags?.includes('buitenland'))
      .slice(0, count)
      .map((item) => {
        const label = relativeLabel(item.published, now, { lang: 'nl', timeZone: 'Europe/Amsterdam' }).text;
        const datetime = new Date(item.published).toISOString();
        return `      <live-ticker-item item-id="${escapeHtml(item.id)}" datetime="${datetime}"${item.url ? ` href="${escapeHtml(item.url)}"` : ''}>
        ${escapeHtml(item.text)}
        <live-ticker-time slot="time" datetime="${datetime}">${escapeHtml(label)}</live-ticker-time>
      </live-ticker-item>`;
      })
      .join('\n');
  }

  function serveHost(req: IncomingMessage, res: ServerResponse): void {
    const host = req.headers.host ?? '127.0.0.1';
    const [hostname, port] = host.split(':') as [string, string | undefined];
    const pageOrigin = `http://${host}`;
    const embedOrigin = `http://${hostname === 'localhost' ? '127.0.0.1' : 'localhost'}${port ? `:${port}` : ''}`;
    const query = new URL(req.url ?? '/', pageOrigin).searchParams;
    const channel = query.get('channel') ?? 'host';
    // `?embed=plain-lit`: the same page with the bench's plain-Lit baseline, <plain-ticker>, in place of the embed.
    const plainLit = query.get('embed') === 'plain-lit';
    const embed = `${embedOrigin}/embed/${plainLit ? 'plain-lit.js' : 'live-ticker.js'}`;
    const scripts = [`<script src="${embed}" async></script>`];
    if (query.has('twice')) scripts.push(`<script type="module" src="${embed}"></script>`);
    if (query.has('npm')) scripts.push(`<script type="module" src="/src/define.ts"></script>`);
    const html = readFileSync(new URL('./host.html', import.meta.url), 'utf8')
      .replace('<!-- scripts -->', scripts.join('\n    '))
      .replace('{{FEED_URL}}', `${pageOrigin}/feeds/${encodeURIComponent(channel)}/feed.json`)
      .replace('<!-- server-rendered items -->', serverItems(channel))
      .replace(/<(\/?)live-ticker(?=[\s>])/g, (tag, slash: string) => (plainLit ? `<${slash}plain-ticker` : tag));
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': hostPolicy(
        embedOrigin,
        pageOrigin,
        query.has('npm') ? "'self'" : '',
        `${pageOrigin}/demo/csp-reports?channel=${encodeURIComponent(channel)}`,
      ),
    });
    res.end(html);
  }

  /**
   * The embed builder, under the strict CSP a careful publisher's page has (Trusted Types enforced),
   * so nothing it does with typed values can go through HTML parsing unnoticed. It connects to any
   * feed the publisher types.
   */
  function serveBuilder(res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self' http: https: ws: wss:",
        "require-trusted-types-for 'script'",
        "trusted-types lit-html 'allow-duplicates'",
        "base-uri 'none'",
        "form-action 'none'",
      ].join('; '),
    });
    res.end(readFileSync(new URL('./builder.html', import.meta.url)));
  }

  const install = (server: ViteDevServer | PreviewServer) => {
    server.httpServer?.on('upgrade', (req, socket, head) => feeds.upgrade(req, socket, head));
    server.middlewares.use((req, res, next) => {
      const path = (req.url ?? '/').split('?')[0];
      if (path === '/') req.url = `/demo/${(req.url ?? '/').slice(1)}`;
      if (path === '/embed/live-ticker.js') return serveScript(res, 'dist/live-ticker.js', 'run `npm run build`');
      if (path === '/embed/plain-lit.js') return serveScript(res, PLAIN_LIT_EMBED, 'run `npm run bench -- page-load`');
      // Served as written, not through Vite's HTML transform: its client script would break the page's CSP.
      if (path === '/demo/host.html') return serveHost(req, res);
      if (path === '/demo/csp-reports') return serveCspReports(req, res);
      if (path === '/demo/builder.html') return serveBuilder(res);
      if (feeds.handle(req, res) === false) next();
    });
  };
  return {
    name: 'live-ticker-demo',
    configureServer: install,
    configurePreviewServer: install,
    // The seed page's sidebar arrives with the feed's current items in it, as a publisher's page would.
    transformIndexHtml: (html) => html.replace('<!-- server-rendered items -->', () => serverItems('buitenland')),
  };
}
