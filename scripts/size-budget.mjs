// @ts-check
/**
 * `npm run size`: each built file against its gzip -9 budget in size-budget.json (or the file given as
 * the first argument). Prints one line per file; exits 1 when a file is missing or over its budget.
 * Lower a budget when you cut bytes, so the cut stays cut. Then, for each file with a source map, what
 * its largest modules cost (scripts/size-report.mjs; `node scripts/size-report.mjs` lists them all).
 */
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { sizeByModule } from './size-report.mjs';

const budgetFile = process.argv[2] ?? 'size-budget.json';
/** @type {Record<string, { gzipBytes: number }>} */
const budgets = JSON.parse(readFileSync(budgetFile, 'utf8'));
let over = false;
for (const [file, { gzipBytes }] of Object.entries(budgets)) {
  let bytes;
  try {
    bytes = readFileSync(file);
  } catch {
    console.error(`size: ${file} is missing; run npm run build first`);
    over = true;
    continue;
  }
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const verdict = gzip <= gzipBytes ? 'within' : 'OVER';
  console.log(`size: ${file} ${bytes.length} B raw, ${gzip} B gzip -9, ${verdict} its budget of ${gzipBytes} B (${budgetFile})`);
  if (gzip > gzipBytes) over = true;
  if (existsSync(`${file}.map`)) {
    for (const { module, raw, gzip: cost } of sizeByModule(file).slice(0, 15))
      console.log(`  ${String(cost).padStart(5)} B gzip  ${String(raw).padStart(6)} B raw  ${module}`);
  }
}
process.exit(over ? 1 : 0);
