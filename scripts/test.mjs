// @ts-check
/**
 * `npm test`: every test. The typecheck; the browser tests (web-test-runner) in each engine in turn —
 * Chromium, Firefox, WebKit, or those named in LIVE_TICKER_ENGINES=chromium,firefox — then the build
 * (embed and dist/lib) and the end-to-end tests (the demo served by Vite, driven by Playwright in
 * Chromium, plus a smoke of the embed in the other engines; the package, its manifest and its size
 * budget). Prints the counts per engine, the tests marked as not runnable in an engine with the
 * reason, and ends with one line "N passed, N failed" over all.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureChrome } from './chrome.mjs';
import { ensureEngine, selectedEngines } from './browsers.mjs';

const only = process.argv[2];
process.env.CHROME_PATH = ensureChrome();
const engines = selectedEngines();
/** @type {string[]} */
const summary = [];
let passed = 0;
let failed = 0;
let ok = true;

if (!only) {
  // Types first: the browser tests run through esbuild, which strips types without checking them.
  const typecheck = spawnSync('node_modules/.bin/tsc', ['--noEmit', '-p', 'tsconfig.json'], { stdio: 'inherit' });
  if (typecheck.status !== 0) {
    console.error('typecheck failed');
    summary.push('typecheck: failed (see its errors at the top)');
    ok = false;
    failed++;
  }
}

if (only !== '--e2e-only') {
  for (const engine of engines) {
    if (!ensureEngine(engine)) {
      summary.push(`${engine}: not installed (see above)`);
      ok = false;
      failed++;
      continue;
    }
    const counts = join(mkdtempSync(join(tmpdir(), 'live-ticker-')), 'wtr.json');
    const started = Date.now();
    const run = spawnSync('node_modules/.bin/web-test-runner', ['--config', 'web-test-runner.config.mjs'], {
      stdio: 'inherit',
      env: { ...process.env, WTR_COUNTS: counts, LIVE_TICKER_ENGINE: engine },
    });
    ok &&= run.status === 0;
    const seconds = Math.round((Date.now() - started) / 1000);
    try {
      /** @type {{ passed: number, failed: number, marked: string[], failures: string[] }} */
      const result = JSON.parse(readFileSync(counts, 'utf8'));
      passed += result.passed;
      failed += result.failed;
      summary.push(
        `${engine}: ${result.passed} passed, ${result.failed} failed, ${result.marked.length} marked not for ${engine} (${seconds} s)`,
        ...result.marked.map((title) => `  - ${title}`),
        ...result.failures.map((failure) => `  ✘ ${failure}`),
      );
    } catch {
      summary.push(`${engine}: the test runner did not finish (${seconds} s)`);
      failed++;
    }
  }
}

if (only !== '--browser-only') {
  // The end-to-end tests load the built embed, as a third-party page would, and pack the package.
  // The manifest and README reference are not rebuilt here: a test compares them with the sources.
  /** @type {[string, string[]][]} */
  const builds = [
    ['node_modules/.bin/vite', ['build', '--logLevel', 'warn']],
    ['node_modules/.bin/tsc', ['-p', 'tsconfig.build.json']],
  ];
  for (const [command, args] of builds) {
    const build = spawnSync(command, args, { stdio: 'inherit' });
    if (build.status !== 0) {
      console.error(`build failed: ${command} ${args.join(' ')}`);
      summary.push(`build: ${command} ${args.join(' ')} failed`);
      ok = false;
      failed++;
    }
  }
  const files = readdirSync('test/e2e')
    .filter((file) => file.endsWith('.e2e.mjs'))
    .map((file) => join('test/e2e', file));
  // The spec reporter prints the log; the count reporter writes the figures summed up here.
  const countsFile = join(tmpdir(), `live-ticker-e2e-counts-${process.pid}.json`);
  const run = spawnSync(
    process.execPath,
    [
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=./scripts/node-count-reporter.mjs',
      `--test-reporter-destination=${countsFile}`,
      ...files,
    ],
    { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, LIVE_TICKER_ENGINES: engines.join(',') } },
  );
  ok &&= run.status === 0;
  /** @type {{ passed: number, failed: number, failures: string[] }} */
  const counts = existsSync(countsFile)
    ? JSON.parse(readFileSync(countsFile, 'utf8'))
    : { passed: 0, failed: 1, failures: ['the end-to-end run wrote no counts'] };
  rmSync(countsFile, { force: true });
  const e2ePassed = counts.passed;
  const e2eFailed = counts.failed || (run.status === 0 ? 0 : 1);
  passed += e2ePassed;
  failed += e2eFailed;
  const e2eFailures = counts.failures;
  summary.push(`end-to-end: ${e2ePassed} passed, ${e2eFailed} failed`, ...[...e2eFailures].map((failure) => `  ${failure}`));
}

console.log(`\n${summary.join('\n')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
