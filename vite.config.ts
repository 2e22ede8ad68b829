import { defineConfig } from 'vite';
import { demoFeedServer } from './demo/vite-plugin.js';

// `npm start` serves the demo with its feed server; `npm run build` writes the one-file embed.
export default defineConfig({
  plugins: [demoFeedServer()],
  // RxJS's ES2015 build: the default ES5 one brings tslib helpers and down-levelled classes.
  resolve: { conditions: ['es2015', 'module', 'browser', 'production', 'default'] },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: {
    target: 'es2022',
    sourcemap: true,
    lib: {
      entry: 'src/embed.ts',
      formats: ['iife'],
      name: 'liveTicker',
      fileName: () => 'live-ticker.js',
    },
    rolldownOptions: { output: { minify: true } },
  },
});
