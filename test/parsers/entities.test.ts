import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { decodeEntities } from '../../src/parsers/entities.js';
import { randomInt, seededRandom } from '../random.js';

const PIECES = ['&amp;', '&#146;', '&#x20AC;', '&alpha;', '&bogus;', '&', '&&', '&#;', 'x', ' ', 'é', ';', '#'];

describe('decodeEntities on megabytes (issue 22)', () => {
  // V8 gathers every match of one replace, with an array of arguments each, before it calls back: on a
  // text of megabytes that costs more per reference the longer the text.
  it('decodes in pieces of at most 50,000 characters of references each', () => {
    const unit = '&amp;&#146;&alpha;x&bogus;&';
    const text = unit.repeat(150_000);
    const replace = sinon.spy(String.prototype, 'replace');
    let decoded: string;
    try {
      decoded = decodeEntities(text);
    } finally {
      replace.restore();
    }
    expect(decoded === '&’αx&bogus;&'.repeat(150_000)).to.equal(true);
    expect(replace.callCount).to.be.above(80);
    for (const call of replace.getCalls()) expect(String(call.thisValue).length).to.be.at.most(50_000 + unit.length);
  });

  it('decodes a long text as it decodes its parts cut before each "&" (100 generated texts up to 200 KB)', () => {
    const random = seededRandom(146);
    for (let n = 0; n < 100; n++) {
      let text = '';
      for (let i = randomInt(random, 40_000); i > 0; i--) text += PIECES[randomInt(random, PIECES.length)];
      expect(decodeEntities(text)).to.equal(
        text
          .split(/(?=&)/)
          .map((part) => decodeEntities(part))
          .join(''),
      );
    }
  });
});
