// @ts-check
/** Starts the demo as `npm start` does (Vite with the feed server) on a free port, for end-to-end tests. */
import { spawn } from 'node:child_process';
import { freePort } from '../../scripts/free-port.mjs';

/** @returns {Promise<{ vite: import('node:child_process').ChildProcess, origin: string, port: number }>} */
export async function startVite() {
  const port = await freePort();
  const vite = spawn('node_modules/.bin/vite', ['--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  let output = '';
  await new Promise((resolve, reject) => {
    vite.stdout?.on('data', (chunk) => {
      output += chunk;
      if (output.includes(`127.0.0.1:${port}`)) resolve(undefined);
    });
    vite.stderr?.on('data', (chunk) => (output += chunk));
    vite.once('exit', (code) => reject(new Error(`vite exited (${code}): ${output}`)));
  });
  return { vite, origin: `http://127.0.0.1:${port}`, port };
}
