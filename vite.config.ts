import { defineConfig } from 'vite';
import { demoFeedServer } from './demo/feed-server.mjs';

// `npm start` serves the demo with its feed server; `npm run build` writes the one-file embed.
export default defineConfig({
  plugins: [demoFeedServer()],
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
