import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { childElements, parseXml, textContent, type XmlElement } from '../../src/parsers/xml.js';
import { randomInt, seededRandom } from '../random.js';

// Issue 22: parse time linear on every input. What a document costs must follow its markup, not the
// tricks around it: these count the work (tree nodes, attributes kept, lists made) instead of timing
// it; the parse benchmark measures the time.

/** Elements and strings in the tree, the element itself included. */
const nodes = (element: XmlElement): number =>
  element.children.reduce((count, child) => count + (typeof child === 'string' ? 1 : nodes(child)), 1);

// Text that holds "<" and "&" without starting markup, and markup that the text must survive around.
const TEXT = ['a', 'b c', '1 < 2', '<< ', '< ', '<1', '</ x', '<>', '&amp;', '& ', 'é'];
const MARKUP = ['<b>', '</b>', '<c/>', '<!-- x < y -->', '<![CDATA[<&>]]>', '<?pi x?>'];

/** A document of random text and markup, the text it holds, and how many markup constructs it has. */
function document(random: () => number): { xml: string; text: string; markup: number } {
  let xml = '<r>';
  let text = '';
  let markup = 1;
  let open = 0;
  for (let i = randomInt(random, 200); i > 0; i--) {
    if (random() < 0.7) {
      const piece = TEXT[randomInt(random, TEXT.length)]!;
      xml += piece;
      text += piece === '&amp;' ? '&' : piece;
      continue;
    }
    let piece = MARKUP[randomInt(random, MARKUP.length)]!;
    if (piece === '</b>' && open === 0) piece = '<b>';
    if (piece === '<b>') open++;
    if (piece === '</b>') open--;
    if (piece.startsWith('<![CDATA[')) text += '<&>';
    xml += piece;
    markup++;
  }
  xml += '</b>'.repeat(open);
  return { xml: `${xml}</r>`, text, markup: markup + open + 1 };
}

describe('parseXml: work bounded by the markup (issue 22)', () => {
  it('keeps a run of text with stray "<" as one string, however many', () => {
    expect(parseXml('<a>1 < 2 << 3 <4 </ b <> & c</a>').children).to.deep.equal(['1 < 2 << 3 <4 </ b <> & c']);
    const { children } = parseXml(`<a>${'<'.repeat(10_000)}</a>`);
    expect(children.length).to.equal(1);
    expect(children[0] === '<'.repeat(10_000)).to.equal(true);
  });

  it('makes a tree no bigger than the markup in it, and keeps all the text (2000 generated documents)', () => {
    const random = seededRandom(22);
    for (let n = 0; n < 2000; n++) {
      const { xml, text, markup } = document(random);
      const root = parseXml(xml);
      // Each construct opens at most one element or string, and each run of text between two is one string.
      expect(nodes(root), xml).to.be.at.most(2 * markup + 1);
      expect(textContent(root), xml).to.equal(text);
    }
  });

  it('keeps the first 64 attributes of an element and reads over the rest', () => {
    const attributes = Array.from({ length: 100_000 }, (_, i) => ` a${i}="${i}"`).join('');
    const root = parseXml(`<e xmlns:x="urn:x"${attributes} type="late"><x:y/></e>`);
    expect(Object.keys(root.attributes).length).to.equal(64);
    expect(root.attributes.a62).to.equal('62');
    expect(root.attributes.a63).to.equal(undefined);
    expect(root.attributes.type).to.equal(undefined);
    expect(childElements(root)[0]!.ns).to.equal('urn:x');
  });

  it('reads attributes of any name, none inherited', () => {
    const root = parseXml('<e constructor="c" __proto__="p" toString="t"/>');
    expect(Object.entries(root.attributes)).to.deep.equal([
      ['constructor', 'c'],
      ['__proto__', 'p'],
      ['toString', 't'],
    ]);
    expect('valueOf' in root.attributes).to.equal(false);
    expect('constructor' in parseXml('<e/>').attributes).to.equal(false);
  });

  it('takes the text of an element of 250,000 empty elements without a list for each', () => {
    const root = parseXml(`<a>${'<b/>'.repeat(250_000)}x</a>`);
    expect(childElements(root).length).to.equal(250_000);
    const map = sinon.spy(Array.prototype, 'map');
    let text: string;
    try {
      text = textContent(root);
    } finally {
      map.restore();
    }
    expect(text).to.equal('x');
    expect(map.callCount).to.equal(0);
  });

  it('reads a 4 MB title of stray "<" and "&" into its text', () => {
    const hostile = '1 < 2 && &amp; <3 '.repeat((4 * 1024 * 1024) / 18);
    const root = parseXml(`<rss><channel><item><title>${hostile}</title></item></channel></rss>`);
    const { children } = childElements(childElements(childElements(root)[0]!)[0]!)[0]!;
    // Compared without a diff: a failure must not print megabytes.
    expect(children.length).to.equal(1);
    expect(children[0] === hostile.replaceAll('&amp;', '&')).to.equal(true);
  });
});
