import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { defineLiveTicker } from '../src/define.js';
import { LiveTicker } from '../src/elements/live-ticker/live-ticker.js';
import { LiveTickerItem } from '../src/elements/live-ticker-item/live-ticker-item.js';
import { VERSION } from '../src/version.js';
import pkg from '../package.json';

/** A registry of our own, so the test can pre-define tags without touching the page's. */
function registry(initial: Record<string, CustomElementConstructor> = {}) {
  const defined = new Map(Object.entries(initial));
  const define = sinon.spy((tag: string, element: CustomElementConstructor) => void defined.set(tag, element));
  return { get: (tag: string) => defined.get(tag), define, defined } as unknown as CustomElementRegistry & {
    define: sinon.SinonSpy;
    defined: Map<string, CustomElementConstructor>;
  };
}

describe('defineLiveTicker', () => {
  afterEach(() => sinon.restore());

  it('defines the three elements once, and running again changes nothing', () => {
    const target = registry();
    defineLiveTicker(target);
    defineLiveTicker(target);
    expect([...target.defined.keys()]).to.deep.equal(['live-ticker-time', 'live-ticker-item', 'live-ticker']);
    expect(target.define.callCount).to.equal(3);
    expect(target.defined.get('live-ticker')).to.equal(LiveTicker);
  });

  it('leaves a tag another version defined, with one warning', () => {
    const warn = sinon.stub(console, 'warn');
    const other = class extends HTMLElement {
      static version = '0.0.1';
    };
    const target = registry({ 'live-ticker-time': other, 'live-ticker-item': other, 'live-ticker': other });
    defineLiveTicker(target);
    expect(target.define.callCount).to.equal(0);
    expect(warn.callCount).to.equal(1);
    expect(warn.firstCall.args[0]).to.contain('0.0.1').and.contain(VERSION);
  });

  it('defines the other tags when a page already defined only <live-ticker-time>', () => {
    const warn = sinon.stub(console, 'warn');
    const other = class extends HTMLElement {
      static version = '0.0.1';
    };
    const target = registry({ 'live-ticker-time': other });
    defineLiveTicker(target);
    expect(target.defined.get('live-ticker-time')).to.equal(other);
    expect(target.defined.get('live-ticker-item')).to.equal(LiveTickerItem);
    expect(target.defined.get('live-ticker')).to.equal(LiveTicker);
    expect(warn.callCount).to.equal(1);
    expect(warn.firstCall.args[0]).to.contain('<live-ticker-time> (0.0.1)').and.not.contain('<live-ticker>');
  });

  it('defines the tags a same-version copy left undefined, quietly', () => {
    const warn = sinon.stub(console, 'warn');
    const copy = class extends HTMLElement {
      static version = VERSION;
    };
    const target = registry({ 'live-ticker-item': copy });
    defineLiveTicker(target);
    expect([...target.defined.keys()].sort()).to.deep.equal(['live-ticker', 'live-ticker-item', 'live-ticker-time']);
    expect(target.defined.get('live-ticker-item')).to.equal(copy);
    expect(warn.callCount).to.equal(0);
  });

  it('stays quiet next to another copy of the same version', () => {
    const warn = sinon.stub(console, 'warn');
    const copy = class extends HTMLElement {
      static version = VERSION;
    };
    defineLiveTicker(registry({ 'live-ticker-time': copy, 'live-ticker-item': copy, 'live-ticker': copy }));
    expect(warn.callCount).to.equal(0);
  });

  it('knows the version package.json declares', () => {
    expect(VERSION).to.equal(pkg.version);
  });
});
