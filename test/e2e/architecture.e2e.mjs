// @ts-check
/** Data flows one way, sources → store → elements, and the imports say so. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

/** @param {string} dir @returns {string[]} every .ts file under `dir` */
function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** Each src file with the src paths it imports (static, re-exports and dynamic imports). */
const graph = files('src').map((file) => {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.[^'"]+)['"]/g)].map((match) => match[1] ?? '');
  return { file, imports: specifiers.map((specifier) => relative('.', join(dirname(file), specifier))) };
});

/** @param {string} from @param {string} to @returns {string[]} the imports from files under `from` into `to` */
const crossing = (from, to) =>
  graph
    .filter(({ file }) => file.startsWith(from))
    .flatMap(({ file, imports }) => imports.filter((path) => path.startsWith(to)).map((path) => `${file} → ${path}`));

describe('architecture', () => {
  it('reads the imports of every source file', () => {
    assert.ok(graph.length > 20);
    assert.ok(crossing('src/store/', 'src/sources/').length > 0, 'the store does import sources');
  });

  for (const [from, to] of [
    ['src/sources/', 'src/store/'],
    ['src/sources/', 'src/elements/'],
    ['src/parsers/', 'src/sources/'],
    ['src/parsers/', 'src/store/'],
    ['src/parsers/', 'src/elements/'],
    ['src/store/', 'src/elements/'],
    ['src/elements/', 'src/sources/'],
    ['src/elements/', 'src/parsers/'],
  ]) {
    it(`nothing under ${from} imports ${to}`, () => {
      assert.deepEqual(crossing(/** @type {string} */ (from), /** @type {string} */ (to)), []);
    });
  }

  it('leaves the page clock to the clock and the elements: server time reaches it as data, through the store', () => {
    const touching = graph
      .filter(({ file }) => !/^src\/(clock|elements)\//.test(file) && !['src/index.ts'].includes(file))
      .filter(({ file }) => /\bdefaultClock\b|\bPageClock\b|reportServerTime/.test(readFileSync(file, 'utf8')))
      .map(({ file }) => file);
    assert.deepEqual(touching, []);
  });

  it('styles internals by class, never by the public part names a theme may rely on', () => {
    const styled = files('src/elements')
      .filter((file) => file.endsWith('.styles.ts'))
      .filter((file) => /\[part[~|^$*]?=|::part\(/.test(readFileSync(file, 'utf8')));
    assert.deepEqual(styled, []);
  });
});
