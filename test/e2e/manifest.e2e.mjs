// @ts-check
/** custom-elements.json is current with the JSDoc, and the README and docs/api.md document all it lists. */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ts from 'typescript';
import { apiReference, apiSummary, withReference } from '../../scripts/readme-api.mjs';

const committed = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const readme = readFileSync('README.md', 'utf8');
const apiPage = readFileSync('docs/api.md', 'utf8');
/** @type {any[]} */
const elements = committed.modules
  .flatMap((/** @type {any} */ module) => module.declarations ?? [])
  .filter((/** @type {any} */ declaration) => declaration.customElement);

describe('custom-elements.json', () => {
  it('is what the analyzer makes of the sources now (run `npm run build` after changing JSDoc)', () => {
    // The analyzer takes --outdir relative to the project.
    const outdir = join('node_modules', '.cache', `cem-check-${process.pid}`);
    execFileSync('node_modules/.bin/cem', ['analyze', '--outdir', outdir], { stdio: 'pipe' });
    const fresh = JSON.parse(readFileSync(join(outdir, 'custom-elements.json'), 'utf8'));
    rmSync(outdir, { recursive: true, force: true });
    assert.deepEqual(fresh, committed);
  });

  it('is what package.json points to, with the entry points the contract names', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    assert.equal(pkg.name, 'live-ticker');
    assert.equal(pkg.customElements, 'custom-elements.json');
    assert.deepEqual(Object.keys(pkg.exports), [
      '.',
      './define',
      './feeds',
      './live-ticker',
      './live-ticker-item',
      './live-ticker-time',
      './embed',
      './custom-elements.json',
      './package.json',
    ]);
    assert.deepEqual(Object.keys(pkg.dependencies).sort(), ['@lit/context', 'lit', 'rxjs']);
  });

  it('keeps the main entry to at most 30 names, and the feed toolkit in live-ticker/feeds', () => {
    const program = ts.createProgram(['src/index.ts', 'src/feeds.ts'], {
      strict: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      noEmit: true,
    });
    const checker = program.getTypeChecker();
    /** @param {string} file */
    const exported = (file) => {
      const module = checker.getSymbolAtLocation(/** @type {ts.SourceFile} */ (program.getSourceFile(file)));
      return checker.getExportsOfModule(/** @type {ts.Symbol} */ (module)).map((symbol) => symbol.name);
    };
    const main = exported('src/index.ts');
    const feeds = exported('src/feeds.ts');
    assert.ok(main.length <= 30, `live-ticker exports ${main.length} names: ${main.join(', ')}`);
    for (const name of [
      'LiveTicker',
      'LiveTickerItem',
      'LiveTickerTime',
      'LiveTickerStatusEvent',
      'LiveTickerOpenEvent',
      'defineLiveTicker',
      'PageClock',
      'VirtualClock',
      'TickerItem',
      'FeedError',
      'httpFeed',
    ])
      assert.ok(main.includes(name), `live-ticker exports ${name}`);
    for (const name of ['parseRss', 'parseAtom', 'parseJsonFeed', 'SseParser', 'reconnecting', 'foldSource', 'sharedFeed', 'relativeLabel'])
      assert.ok(feeds.includes(name) && !main.includes(name), `${name} is in live-ticker/feeds only`);
  });

  it('describes the three elements', () => {
    assert.deepEqual(elements.map((element) => element.tagName).sort(), ['live-ticker', 'live-ticker-item', 'live-ticker-time']);
    for (const element of elements) assert.ok(element.summary, `${element.tagName} has a @summary`);
  });

  it('is what the README and docs/api.md document (run `npm run build` after changing JSDoc)', () => {
    assert.equal(withReference(readme, apiSummary(committed)), readme);
    assert.equal(withReference(apiPage, apiReference(committed)), apiPage);
  });

  it('leaves a README a newcomer reads: at most 250 lines, with the rest in docs/', () => {
    assert.ok(readme.split('\n').length <= 250, `README.md has ${readme.split('\n').length} lines`);
  });
});
