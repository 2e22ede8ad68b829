// @ts-check
/** The packed npm package: what its entry points and source maps name is in it; the embed stays within its size budget. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

/** @type {{ files: { path: string }[] }[]} */
const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }));
const files = new Set(packed?.files.map((file) => file.path));

describe('npm package', () => {
  it('holds every file package.json points to', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    /** @type {string[]} */
    const targets = [pkg.main, pkg.module, pkg.types, pkg.customElements];
    for (const entry of Object.values(pkg.exports)) targets.push(...(typeof entry === 'string' ? [entry] : Object.values(entry)));
    for (const target of targets) assert.ok(files.has(posix.normalize(target)), `${target} is packed`);
  });

  it('ships what every source map points at', () => {
    const maps = [...files].filter((file) => file.endsWith('.map'));
    assert.ok(
      maps.some((file) => file.endsWith('.d.ts.map')) && maps.includes('dist/live-ticker.js.map'),
      'declaration, module and embed maps are packed',
    );
    for (const mapFile of maps) {
      /** @type {{ sources: string[], sourcesContent?: (string | null)[], sourceRoot?: string }} */
      const map = JSON.parse(readFileSync(mapFile, 'utf8'));
      assert.ok(map.sources.length > 0, `${mapFile} names its sources`);
      map.sources.forEach((source, index) => {
        if (typeof map.sourcesContent?.[index] === 'string') return;
        const resolved = posix.normalize(posix.join(dirname(mapFile), map.sourceRoot ?? '', source));
        assert.ok(files.has(resolved), `${mapFile} points at ${source}, which is neither packed nor in sourcesContent`);
      });
    }
  });
});

describe('size budget (npm run size)', () => {
  it('passes the embed at its committed gzip budget', () => {
    const run = spawnSync(process.execPath, ['scripts/size-budget.mjs'], { encoding: 'utf8' });
    process.stdout.write(`# ${run.stdout}`);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /dist\/live-ticker\.js \d+ B raw, \d+ B gzip -9, within/);
  });

  it('fails a build over its budget', () => {
    const dir = mkdtempSync(join(tmpdir(), 'live-ticker-size-'));
    try {
      const budget = join(dir, 'budget.json');
      writeFileSync(budget, JSON.stringify({ 'dist/live-ticker.js': { gzipBytes: 1024 } }));
      const run = spawnSync(process.execPath, ['scripts/size-budget.mjs', budget], { encoding: 'utf8' });
      assert.equal(run.status, 1);
      assert.match(run.stdout, /gzip -9, OVER its budget of 1024 B/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
