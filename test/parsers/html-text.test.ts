import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { decodeEntities } from '../../src/parsers/entities.js';
import { cleanText, htmlToText, INLINE } from '../../src/parsers/html-text.js';
import { randomInt, seededRandom } from '../random.js';

describe('htmlToText', () => {
  it('drops tags, keeps words apart at block boundaries, decodes references', () => {
    expect(htmlToText('<p>Eerste&nbsp;alinea.</p><p>Tweede <b>vet</b> &amp; <i>schuin</i></p>')).to.equal(
      'Eerste alinea. Tweede vet & schuin',
    );
    expect(htmlToText('regel<br>regel')).to.equal('regel regel');
    expect(htmlToText('caf&eacute; &#8364;5 &#x1F600; &euml;')).to.equal('café €5 😀 ë');
  });

  it('drops scripts, styles and comments with their content, never running anything', () => {
    const text = htmlToText(
      'a<script>window.__pwned = 1</script>b<style>p{}</style>c<!-- secret -->d<img src=x onerror="window.__pwned=2">e',
    );
    expect(text).to.equal('a b c d e');
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('keeps markup-looking entities as text', () => {
    expect(htmlToText('&lt;img src=x onerror=alert(1)&gt;')).to.equal('<img src=x onerror=alert(1)>');
  });

  it('handles attributes holding ">" and unterminated markup', () => {
    expect(htmlToText('<a title="x > y" href="/">link</a> tekst')).to.equal('link tekst');
    expect(htmlToText('tekst <script>never closed')).to.equal('tekst');
    expect(htmlToText('tekst <b')).to.equal('tekst');
  });

  it('replaces invalid code points and leaves unknown names', () => {
    expect(decodeEntities('&#0;&#xD800;&#1114112;&bogus;')).to.equal('\ufffd\ufffd\ufffd&bogus;');
  });

  it('removes control characters and folds white space', () => {
    expect(htmlToText('a\u0000b\u0007c\n\n\t d')).to.equal('abc d');
  });

  it('finishes on a large hostile document', () => {
    const hostile = '<a title="'.repeat(50_000) + '<'.repeat(50_000);
    expect(htmlToText(hostile)).to.be.a('string');
  });
});

// What the text passes did before they worked in proportion to the markup and the changes: the
// oracles for their output.
const cleanedBefore = (text: string) =>
  text
    // eslint-disable-next-line no-control-regex -- the control characters are what it removes.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
const MARKUP_BEFORE =
  /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)|<(script|style|template|noscript|iframe|object|svg|math|head|title)\b(?:[^>"']|"[^"]*(?:"|$)|'[^']*(?:'|$))*(?:>|$)[\s\S]*?(?:<\/\2\s*>|$)|<\/?([a-zA-Z][\w:-]*)(?:[^>"']|"[^"]*(?:"|$)|'[^']*(?:'|$))*(?:>|$)|<[!?][^>]*(?:>|$)/g;
const reducedBefore = (html: string) =>
  cleanedBefore(
    decodeEntities(
      html.replace(MARKUP_BEFORE, (_whole, cdata?: string, _raw?: string, tag?: string) => {
        if (cdata !== undefined) return cdata.replace(/[&<]/g, (c) => (c === '&' ? '&amp;' : '&lt;'));
        return tag !== undefined && INLINE.has(tag.toLowerCase()) ? '' : ' ';
      }),
    ),
  );

const HTML = [
  'tekst',
  ' ',
  '\n',
  '<b>',
  '</B>',
  '<p class="a > b">',
  "<a title='x' href=/>",
  '<br/>',
  '<!-- c -->',
  '<!-- c',
  '<![CDATA[a & b < c]]>',
  '<![CDATA[&amp;',
  '<script>x</script>',
  '<STYLE>p{}</style >',
  '<title>t',
  '<!x>',
  '<?p?>',
  '<',
  '< b',
  '</',
  '&amp;',
  '&lt;b&gt;',
  '&#146;',
  '&',
  ';',
  '"',
  "'",
  '>',
  '\u0001',
];

describe('htmlToText (issue 22)', () => {
  it('reduces HTML as it always did (3000 generated texts)', () => {
    const random = seededRandom(1995);
    for (let n = 0; n < 3000; n++) {
      let html = '';
      for (let i = randomInt(random, 30); i > 0; i--) html += HTML[randomInt(random, HTML.length)];
      expect(htmlToText(html), JSON.stringify(html)).to.equal(reducedBefore(html));
    }
  });

  // V8 gathers every match of a replace with a function, with an array of arguments each, before it
  // calls back, and builds a replace with a string as a rope of pieces: on megabytes, both cost more
  // per match the longer the text.
  it('reduces a megabyte of tags, references and line breaks with no replace over more than 50,000 characters but ones that remove', () => {
    const html = '<b>x</b>&amp;<br>\ny\t'.repeat(50_000);
    const replace = sinon.spy(String.prototype, 'replace');
    let text: string;
    try {
      text = htmlToText(html);
    } finally {
      replace.restore();
    }
    expect(text === 'x& y'.repeat(50_000).replaceAll('y', 'y ').trim()).to.equal(true);
    const large = replace.getCalls().filter((call) => String(call.thisValue).length > 50_100);
    expect(large.map((call) => call.args[1])).to.deep.equal(large.map(() => ''));
  });
});

describe('cleanText (issue 22)', () => {
  const CHARACTERS = ['a', 'é', ' ', '  ', '\n', '\t', '\r\n', '\v', '\f', '\u00a0', '\u2028', '\ufeff', '\u0001', '\u0085', '\u001f', '.'];

  it('removes control characters and folds white space as it always did (2000 generated texts)', () => {
    const random = seededRandom(2028);
    for (let n = 0; n < 2000; n++) {
      let text = '';
      for (let i = randomInt(random, 60); i > 0; i--) text += CHARACTERS[randomInt(random, CHARACTERS.length)];
      expect(cleanText(text), JSON.stringify(text)).to.equal(cleanedBefore(text));
    }
  });

  it('folds white space in one piece per change: a clean megabyte stays one piece', () => {
    const clean = 'Qatar heeft 313 mensen gearresteerd. '.repeat(30_000).trim();
    const split = sinon.spy(String.prototype, 'split');
    try {
      expect(cleanText(clean) === clean).to.equal(true);
      expect(cleanText(`a\nb  c\td ${clean}`) === `a b c d ${clean}`).to.equal(true);
    } finally {
      split.restore();
    }
    expect(split.returnValues.map((pieces) => pieces.length)).to.deep.equal([1, 4]);
  });
});
