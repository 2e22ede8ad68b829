// @ts-check
/**
 * Vite plugins that take the indentation out of Lit's templates, which no minifier touches: the CSS in
 * css`` templates of *.styles.ts files goes through esbuild's CSS minifier (no browser target is given,
 * so it only shortens and never rewrites syntax such as light-dark() or nesting for older browsers)
 * and reaches Lit as a string (minifyStylesModule), and the line breaks and indentation in html`` templates become one space each.
 */
import { transform } from 'esbuild';
import MagicString from 'magic-string';
import ts from 'typescript';

// A css`` template, escapes included; `${` is refused below, as minifying around values could break them.
const CSS_TEMPLATE = /\bcss`((?:[^`\\]|\\[\s\S])*)`/g;

/**
 * esbuild keeps custom property values and var() fallbacks as written, spaces included, as it cannot
 * know what they will be used for. The spaces after their commas and after a custom property's colon
 * are insignificant all the same (CSS Syntax; CSS Variables trims a value's leading white space), so
 * they go too, outside strings. Inside :host() and ::slotted() esbuild also keeps an attribute
 * selector's quotes, which an identifier does not need.
 */
const INSIGNIFICANT_SPACE = /("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|(,|--[\w-]+:)\s+/g;
const QUOTED_IDENTIFIER = /(\[[\w-]+=)"([a-z][\w-]*)"\]/gi;

/** @param {string} css */
export async function minifyCss(css) {
  const { code, warnings } = await transform(css, { loader: 'css', minify: true, logLevel: 'silent' });
  if (warnings.length) throw new Error(`minify-css: ${warnings.map((warning) => warning.text).join('; ')}`);
  return code
    .trim()
    .replace(QUOTED_IDENTIFIER, '$1$2]')
    .replace(INSIGNIFICANT_SPACE, (match, string, kept) => string ?? kept);
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

/**
 * An attribute's quoted value that needs no quotes: a word of letters, digits and hyphens, followed by
 * white space or the tag's end (`x=y/>` would make the slash part of the value). The templates' text
 * outside tags holds no `name="value"`.
 */
const UNQUOTABLE_VALUE = /(?<=\s[\w-]+=)"([\w-]+)"(?=[\s>])/g;

/**
 * An html`` template's static text with every run of white space that holds a line break turned into
 * one space, and attribute values that need no quotes without them. The browser renders such a run as
 * one space anyway (the templates hold no <pre> and no `white-space: pre`), and between attributes one
 * space is what separates them.
 * @param {string} code a module's source
 * @param {string} id
 * @returns {MagicString} the module with the runs replaced, and its source map
 */
export function collapseHtmlWhitespace(code, id) {
  const source = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  /** @type {[number, number][]} the source ranges of static template text */
  const ranges = [];
  /** @param {ts.Node} node */
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && node.tag.getText(source) === 'html') {
      const template = node.template;
      const parts = ts.isNoSubstitutionTemplateLiteral(template)
        ? [template]
        : [template.head, ...template.templateSpans.map((span) => span.literal)];
      for (const part of parts) ranges.push([part.getStart(source), part.getEnd()]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  const result = new MagicString(code);
  for (const [start, end] of ranges) {
    const text = code.slice(start, end);
    for (const run of text.matchAll(/[ \t]*\r?\n\s*/g)) result.overwrite(start + run.index, start + run.index + run[0].length, ' ');
    for (const quoted of text.matchAll(UNQUOTABLE_VALUE))
      result.overwrite(start + quoted.index, start + quoted.index + quoted[0].length, quoted[1] ?? '');
  }
  return result;
}

export function minifyLitHtml() {
  return {
    name: 'live-ticker-minify-lit-html',
    apply: /** @type {const} */ ('build'),
    /** @param {string} code @param {string} id */
    transform(code, id) {
      if (!/\/src\/elements\/.*(?<!\.styles)\.ts$/.test(id)) return null;
      const collapsed = collapseHtmlWhitespace(code, id);
      return { code: collapsed.toString(), map: collapsed.generateMap({ hires: true, source: id }) };
    },
  };
}

/**
 * A styles module with each css`` template minified and handed to Lit's unsafeCSS() as a plain
 * string: the same CSSResult (the same text; one object per template, as each module runs once),
 * without css`` itself in the embed. That tag exists to check and join interpolated values, and
 * minifyTemplate refuses interpolations, so it would only hand its one string on (-149 B gzip -9,
 * its error texts and the cache of sheets by template, which a template evaluated once never hits).
 * Every template is a literal written in this repository, so nothing unsafe reaches unsafeCSS().
 * @param {string} code a styles module's source
 * @param {string} id
 */
export async function minifyStylesModule(code, id) {
  const bodies = await Promise.all([...code.matchAll(CSS_TEMPLATE)].map((match) => minifyTemplate(match[1] ?? '', id)));
  let index = 0;
  const minified = code.replace(CSS_TEMPLATE, () => `minifiedCss(\`${bodies[index++]}\`)`);
  return `import { unsafeCSS as minifiedCss } from 'lit';\n${minified}`;
}

export function minifyLitCss() {
  return {
    name: 'live-ticker-minify-lit-css',
    apply: /** @type {const} */ ('build'),
    /** @param {string} code @param {string} id */
    async transform(code, id) {
      if (!id.endsWith('.styles.ts')) return null;
      return { code: await minifyStylesModule(code, id), map: null };
    },
  };
}
