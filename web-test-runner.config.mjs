// @ts-check
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { defaultReporter } from '@web/test-runner';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { createFeedServer } from './demo/feed-server.mjs';
import { CHROME_ARGS, ensureChrome } from './scripts/chrome.mjs';
import { countReporter } from './scripts/count-reporter.mjs';
import { ENGINES, firefoxLaunchOptions, startWebKitDriver } from './scripts/browsers.mjs';

// One engine per run (scripts/test.mjs runs each in turn): Firefox and WebKit take one test file at a time.
const engine = /** @type {import('./scripts/browsers.mjs').Engine} */ (process.env.LIVE_TICKER_ENGINE ?? 'chromium');
if (!ENGINES.includes(engine)) throw new Error(`LIVE_TICKER_ENGINE: unknown engine ${engine}`);
const webkit = engine === 'webkit' ? await startWebKitDriver() : undefined;

// The demo feed server backs the polling tests: real HTTP on 127.0.0.1, no mocked fetch.
const feeds = createFeedServer({ publishEvery: 0 });

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  hostname: '127.0.0.1',
  // Firefox: one window has the focus, and the keyboard tests need it. WebKit: above 1 the WebDriver
  // launcher runs files in iframes, where the driver refuses mouse actions.
  concurrency: engine === 'chromium' ? 4 : 1,
  testFramework: { config: { timeout: 10_000 } },
  plugins: [
    esbuildPlugin({ ts: true, json: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    {
      name: 'demo-feed-websockets',
      serverStart({ server }) {
        server?.on('upgrade', (/** @type {any} */ req, /** @type {any} */ socket, /** @type {any} */ head) =>
          feeds.upgrade(req, socket, head),
        );
      },
      serverStop() {
        feeds.close();
        webkit?.stop();
      },
    },
  ],
  middleware: [
    // Feed documents as publishers' servers send them: their own bytes, the Content-Type given in
    // `?type=` (none of the static server's own charset), gzip-encoded on the wire with `?gzip`.
    async (ctx, next) => {
      // Also one level down in publishers/, the documents written in real CMSs' shapes.
      const file = /^\/test\/fixtures\/feeds\/((?:publishers\/)?[\w.-]+)$/.exec(ctx.path)?.[1];
      if (!file) return next();
      const body = await readFile(new URL(`test/fixtures/feeds/${file}`, import.meta.url));
      ctx.set('Content-Type', String(ctx.query.type ?? 'application/xml'));
      ctx.set('Cache-Control', 'no-store');
      if ('gzip' in ctx.query) ctx.set('Content-Encoding', 'gzip');
      ctx.body = 'gzip' in ctx.query ? gzipSync(body) : body;
      return undefined;
    },
    async (ctx, next) => {
      const handled = feeds.handle(ctx.req, ctx.res);
      if (handled === false) return next();
      ctx.respond = false;
      await handled;
      ctx.status = ctx.res.statusCode;
      return undefined;
    },
  ],
  browsers: [launcher()],
  reporters: [defaultReporter(), ...(process.env.WTR_COUNTS ? [countReporter({ file: process.env.WTR_COUNTS })] : [])],
};

function launcher() {
  // Each test file in a window of its own: a background tab is `document.hidden`, and hidden pages
  // rightly stop polling and label updates, which the tests would mistake for hangs.
  if (engine === 'firefox') {
    return chromeLauncher({
      puppeteer: puppeteerCore, // names the browser "Firefox" in the output
      launchOptions: firefoxLaunchOptions(),
      createPage: ({ browser }) => browser.newPage({ type: 'window' }),
    });
  }
  if (webkit) {
    return webdriverLauncher({ hostname: '127.0.0.1', port: webkit.port, logLevel: 'error', capabilities: webkit.capabilities });
  }
  return chromeLauncher({
    launchOptions: {
      executablePath: ensureChrome(),
      headless: true,
      // gc() and exact heap figures for the mount/unmount leak test.
      args: [...CHROME_ARGS, '--js-flags=--expose-gc', '--enable-precise-memory-info'],
    },
    createPage: async ({ browser }) => {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      page.once('close', () => void context.close().catch(() => undefined));
      return page;
    },
  });
}
