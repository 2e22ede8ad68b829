// @ts-check
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { createFeedServer } from './demo/feed-server.mjs';
import { CHROME_ARGS, ensureChrome } from './scripts/chrome.mjs';
import { countReporter } from './scripts/count-reporter.mjs';

// The demo feed server backs the polling tests: real HTTP on 127.0.0.1, no mocked fetch.
const feeds = createFeedServer({ publishEvery: 0 });

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  hostname: '127.0.0.1',
  concurrency: 4,
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
      },
    },
  ],
  middleware: [
    async (ctx, next) => {
      const handled = feeds.handle(ctx.req, ctx.res);
      if (handled === false) return next();
      ctx.respond = false;
      await handled;
      ctx.status = ctx.res.statusCode;
      return undefined;
    },
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: ensureChrome(),
        headless: true,
        // gc() and exact heap figures for the mount/unmount leak test.
        args: [...CHROME_ARGS, '--js-flags=--expose-gc', '--enable-precise-memory-info'],
      },
      // Each test file in a window of its own: a background tab is `document.hidden`, and hidden
      // pages rightly stop polling and label updates, which the tests would mistake for hangs.
      createPage: async ({ browser }) => {
        const context = await browser.createBrowserContext();
        const page = await context.newPage();
        page.once('close', () => void context.close().catch(() => undefined));
        return page;
      },
    }),
  ],
  reporters: [defaultReporter(), ...(process.env.WTR_COUNTS ? [countReporter({ file: process.env.WTR_COUNTS })] : [])],
};
