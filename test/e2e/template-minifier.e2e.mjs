// @ts-check
/**
 * The build's template minifiers (scripts/minify-templates-plugin.mjs) shorten only what cannot change
 * what a template means: the embed's tests run the source, not the bundle, so this is where a
 * minifier that unquoted a value with a space, or dropped a space inside a string, would show.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { collapseHtmlWhitespace, minifyCss, minifyStylesModule } from '../../scripts/minify-templates-plugin.mjs';

describe('the css`` minifier', () => {
  it('drops insignificant spaces and quotes around identifiers, never inside strings', async () => {
    const css = await minifyCss(`:host([theme="light"]) { --a: var(--b, rgb(0, 0, 0)); }
      .x::before { content: "a, b"; font-family: 'x,  y', serif; }
      :host([layout="two words"]) { color: red; }`);
    assert.match(css, /:host\(\[theme=light\]\)/);
    assert.match(css, /--a:var\(--b,rgb\(0,0,0\)\)/);
    assert.match(css, /content:"a, b"/);
    assert.match(css, /"x, {2}y"/);
    assert.match(css, /\[layout="two words"\]/, 'a value with a space keeps its quotes');
  });

  it("hands each template's minified text to Lit's unsafeCSS, escapes included", async () => {
    const source =
      "import { css } from 'lit';\nexport const a = css`\n  .a::before { content: '\\\\2026 \\`'; }\n`;\nexport const b = css`.b { margin: 0 }`;\n";
    const module = await minifyStylesModule(source, 'x.styles.ts');
    assert.match(module, /^import \{ unsafeCSS as minifiedCss \} from 'lit';\n/);
    /** @type {Record<string, string>} */
    const exported = {};
    const body = module.replace(/^import .*\n/gm, '').replace(/export const (\w+) =/g, 'exported.$1 =');
    new Function('minifiedCss', 'exported', body)((/** @type {string} */ text) => text, exported);
    // The text css`` would have had (a backslash and a backtick in a CSS string), minified.
    assert.deepEqual(exported, { a: await minifyCss(".a::before { content: '\\2026 `'; }"), b: '.b{margin:0}' });
    assert.equal(exported.a, '.a:before{content:"\\2026`"}');
  });
});

describe('the html`` minifier', () => {
  /** @param {string} code */
  const collapsed = (code) => collapseHtmlWhitespace(code, 'element.ts').toString();

  it('unquotes static values of letters, digits and hyphens only, and leaves bindings alone', () => {
    const out = collapsed(
      'html`<div class="header" title="two words" data-x="${value}" role="list">\n    <br class="x"/><i part="a-1">x="y" </i></div>`',
    );
    assert.match(out, /<div class=header title="two words" data-x="\$\{value\}" role=list> <br class="x"\/>/);
    assert.match(out, /<i part=a-1>/);
  });

  it('turns a run of white space with a line break into one space, and keeps other text as written', () => {
    const out = collapsed('const t = html`<p>\n      a  b\n   </p>`; const s = `<p class="keep">\n</p>`;');
    assert.equal(out, 'const t = html`<p> a  b </p>`; const s = `<p class="keep">\n</p>`;');
  });
});
