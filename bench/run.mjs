// @ts-check
/**
 * `npm run bench`: benchmarks, not tests. Prints a table and writes bench/results.json.
 * Today: the size of the one-file embed against its budget. Label refresh, bursts, bandwidth and
 * memory against peers are planned (see the benchmarks issue).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const EMBED = 'dist/live-ticker.js';
const BUDGET_GZIP = 16 * 1024;

if (!existsSync(EMBED) || process.argv.includes('--build')) execFileSync('node_modules/.bin/vite', ['build'], { stdio: 'inherit' });
const bytes = readFileSync(EMBED);
const gzip = gzipSync(bytes, { level: 9 }).length;
const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

const rows = [
  { figure: 'embed size, raw', value: bytes.length, unit: 'B', goal: '' },
  { figure: 'embed size, gzip -9', value: gzip, unit: 'B', goal: `<= ${BUDGET_GZIP}`, met: gzip <= BUDGET_GZIP },
  { figure: 'embed size, brotli 11', value: brotli, unit: 'B', goal: '' },
];
console.table(rows.map(({ figure, value, unit, goal, met }) => ({ figure, value: `${value} ${unit}`, goal, met: met === undefined ? '' : met ? 'yes' : 'NO' })));
writeFileSync('bench/results.json', `${JSON.stringify({ date: new Date().toISOString(), rows }, null, 2)}\n`);
