// @ts-check
/**
 * A Vite plugin that minifies the CSS inside Lit's css`` templates of *.styles.ts files with esbuild's
 * CSS minifier: comments and white space are noise in a one-file embed. No browser target is given,
 * so esbuild only shortens and never rewrites syntax (light-dark(), nesting) for older browsers.
 */
import { transform } from 'esbuild';

// A css`` template, escapes included; `${` is refused below, as minifying around values could break them.
const CSS_TEMPLATE = /\bcss`((?:[^`\\]|\\[\s\S])*)`/g;

/** @param {string} css */
export async function minifyCss(css) {
  const { code, warnings } = await transform(css, { loader: 'css', minify: true, logLevel: 'silent' });
  if (warnings.length) throw new Error(`minify-css: ${warnings.map((warning) => warning.text).join('; ')}`);
  return code.trim();
}

/**
 * The template's text as Lit sees it (escapes resolved), minified, and written back as template source.
 * @param {string} source the template body as written, between the backticks
 * @param {string} id
 */
async function minifyTemplate(source, id) {
  if (source.includes('${')) throw new Error(`minify-css: ${id} interpolates into css\`\`; use a custom property instead`);
  const text = String(new Function(`return \`${source}\`;`)());
  const minified = await minifyCss(text);
  return minified.replace(/[\\`]/g, '\\$&').replace(/\$\{/g, '\\${');
}

export function minifyLitCss() {
  return {
    name: 'live-ticker-minify-lit-css',
    apply: /** @type {const} */ ('build'),
    /** @param {string} code @param {string} id */
    async transform(code, id) {
      if (!id.endsWith('.styles.ts')) return null;
      const bodies = await Promise.all([...code.matchAll(CSS_TEMPLATE)].map((match) => minifyTemplate(match[1] ?? '', id)));
      let index = 0;
      return { code: code.replace(CSS_TEMPLATE, () => `css\`${bodies[index++]}\``), map: null };
    },
  };
}
