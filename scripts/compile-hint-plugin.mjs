// @ts-check
/**
 * V8's explicit compile hint on the first line of the one-file embed. With it, Chromium (136 and
 * later) compiles every function of the script while the script streams in, on a background thread,
 * instead of compiling each on the page's main thread at its first call, as it does by default for
 * all but the outermost function. Nearly every function of the embed runs while a block starts, so
 * the host page's main thread is spared the compiling. Other engines read a comment.
 * Measured on the host page at 4x CPU (12 interleaved loads each): total blocking time 54 → 23 ms,
 * the embed's longest task 102 → 73 ms. bench/run.mjs gives its plain-Lit baseline the same line.
 */

/** The hint, a line of its own: V8 reads it only as the script's very first line. */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/** Source map mappings one line further down: a ';' is an empty first line. @param {string} mappings */
const movedDown = (mappings) => `;${mappings}`;

/**
 * Puts COMPILE_HINT first in the chunk named `fileName`, and moves its source map down the one line.
 * @param {string} fileName
 * @returns {import('vite').Plugin}
 */
export function compileHint(fileName) {
  return {
    name: 'live-ticker:compile-hint',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunk = bundle[fileName];
      if (chunk?.type !== 'chunk') return;
      chunk.code = COMPILE_HINT + chunk.code;
      if (!chunk.map) return;
      // The chunk's map (for plugins after this one) and the map file already made from it.
      chunk.map.mappings = movedDown(chunk.map.mappings);
      const file = bundle[`${fileName}.map`];
      if (file?.type !== 'asset') throw new Error(`compile-hint: ${fileName} has a source map but no ${fileName}.map to move`);
      const json = JSON.parse(String(file.source));
      json.mappings = movedDown(json.mappings);
      file.source = JSON.stringify(json);
    },
  };
}
