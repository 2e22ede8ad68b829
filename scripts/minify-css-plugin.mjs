// @ts-check
/**
 * A Vite plugin that minifies the CSS inside Lit's css`` templates of *.styles.ts files: comments
 * and white space are noise in a one-file embed. Our styles hold no strings or interpolations
 * whose spacing matters (the test suite renders the built embed).
 */
/** @param {string} css */
export function minifyCss(css) {
  return (
    css
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,>])\s*/g, '$1')
      // After a colon only: a space before one can be a descendant combinator (".a :hover").
      .replace(/:\s+/g, ':')
      .replace(/;}/g, '}')
      .trim()
  );
}

export function minifyLitCss() {
  return {
    name: 'live-ticker-minify-lit-css',
    apply: /** @type {const} */ ('build'),
    /** @param {string} code @param {string} id */
    transform(code, id) {
      if (!id.endsWith('.styles.ts')) return null;
      return { code: code.replace(/css`([^`]*)`/g, (_, body) => `css\`${minifyCss(body)}\``), map: null };
    },
  };
}
