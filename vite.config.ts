import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { demoFeedServer } from './demo/vite-plugin.js';
import { compileHint } from './scripts/compile-hint-plugin.mjs';
import { minifyLitCss, minifyLitHtml } from './scripts/minify-templates-plugin.mjs';

/** The one-file embed that `npm run build` writes into dist/. */
const EMBED = 'live-ticker.js';

// `npm start` serves the demo with its feed server; `npm run build` writes the one-file embed.
export default defineConfig({
  plugins: [demoFeedServer(), minifyLitCss(), minifyLitHtml(), compileHint(EMBED)],
  // RxJS's ES2015 build: the default ES5 one brings tslib helpers and down-levelled classes.
  resolve: {
    conditions: ['es2015', 'module', 'browser', 'production', 'default'],
    // The framework examples import the package by name, as users do; in this repository that is the source.
    alias: [
      { find: /^live-ticker\/define$/, replacement: fileURLToPath(new URL('./src/define.ts', import.meta.url)) },
      { find: /^live-ticker$/, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
    ],
  },
  // Vue's compile-time flags, for the Vue example page.
  define: { __VUE_OPTIONS_API__: 'true', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: {
    target: 'es2022',
    sourcemap: true,
    lib: {
      entry: 'src/embed.ts',
      formats: ['iife'],
      name: 'liveTicker',
      fileName: () => EMBED,
    },
    // Terser, three passes, ES2022 output: 285 B of gzip less than Rolldown's own minifier on this
    // bundle (measured 2026-12-06; its unsafe options saved 28 B more and were left off).
    // keep_fargs: false drops unused parameters (-25 B): nothing in the bundle reads a function's `length`.
    // Properties named _letter are RxJS's internals (_subscribe, _parentage, _finalizers, _next, ...),
    // read only on RxJS's own objects, and renamed consistently in the one bundle (-33 B). Another
    // library's Observables meet ours through public names only (subscribe, next, add, unsubscribe,
    // closed, Symbol.observable); Lit's cross-version names all start with _$ and are left alone, and
    // our own code has no such property.
    minify: 'terser',
    rolldownOptions: { output: { minify: true } },
    terserOptions: {
      ecma: 2022,
      compress: { ecma: 2022, passes: 3, keep_fargs: false, inline: 1 },
      mangle: { properties: { regex: /^_[a-zA-Z]/ } },
      format: { ecma: 2022 },
    },
  },
});
