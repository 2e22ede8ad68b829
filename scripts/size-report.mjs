// @ts-check
/**
 * What each module costs in the embed: its raw bytes (from the source map) and what gzip -9 of the
 * whole file loses without it (its marginal cost: shared words compress against the rest, so this is
 * what deleting the module would save, not its share of the total). Our modules by file, dependencies
 * by package. `npm run size` prints the top of this list after the budget lines.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { decode } from '@jridgewell/sourcemap-codec';

/**
 * The module a source path counts under: `src/…` as it is, a dependency by its package name.
 * @param {string} source
 */
function moduleOf(source) {
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  const own = /(?:^|\/)((?:src|scripts)\/.*)$/.exec(source);
  return dependency?.[1] ?? own?.[1] ?? source;
}

/**
 * @param {string} file the built bundle; its map is `${file}.map`
 * @returns {{ module: string, raw: number, gzip: number }[]} largest marginal gzip first
 */
export function sizeByModule(file) {
  const code = readFileSync(file, 'utf8');
  /** @type {{ sources: string[], mappings: string }} */
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
  const lines = code.split('\n');
  const decoded = decode(map.mappings);
  /** @type {Map<string, [number, number][]>} ranges of `code` (offsets) per module */
  const ranges = new Map();
  let lineStart = 0;
  lines.forEach((line, index) => {
    const segments = decoded[index] ?? [];
    segments.forEach((segment, i) => {
      if (segment.length < 4) return;
      const start = lineStart + segment[0];
      const end = lineStart + (segments[i + 1]?.[0] ?? line.length);
      const module = moduleOf(map.sources[/** @type {number} */ (segment[1])] ?? '?');
      const list = ranges.get(module) ?? [];
      list.push([start, end]);
      ranges.set(module, list);
    });
    lineStart += line.length + 1;
  });
  const whole = gzipSync(code, { level: 9 }).length;
  return [...ranges]
    .map(([module, spans]) => {
      let without = '';
      let at = 0;
      let raw = 0;
      for (const [start, end] of spans.sort((a, b) => a[0] - b[0])) {
        without += code.slice(at, start);
        at = Math.max(at, end);
        raw += end - start;
      }
      without += code.slice(at);
      return { module, raw, gzip: whole - gzipSync(without, { level: 9 }).length };
    })
    .sort((a, b) => b.gzip - a.gzip);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2] ?? 'dist/live-ticker.js';
  const top = Number(process.argv[3] ?? Infinity);
  const rows = sizeByModule(file);
  console.log(`size by module, ${file} (raw bytes; what gzip -9 of the file would lose without it):`);
  for (const { module, raw, gzip } of rows.slice(0, top))
    console.log(`${String(gzip).padStart(7)} B gzip ${String(raw).padStart(7)} B raw  ${module}`);
}
