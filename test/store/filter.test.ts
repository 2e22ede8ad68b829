import { expect } from '@open-wc/testing';
import type { TickerItem } from '../../src/model.js';
import { hasTag, parseFilter, words } from '../../src/store/filter.js';

const item = (extra: Partial<TickerItem>): TickerItem => ({ id: 'x', agencies: [], text: 'x', ...extra });

describe('filters and tag lists', () => {
  it('splits a list at spaces, lower-cased; double quotes keep spaces', () => {
    expect(words('breaking  Urgent')).to.deep.equal(['breaking', 'urgent']);
    expect(words('place:"DEN HAAG" tag:sport "Middle East"')).to.deep.equal(['place:den haag', 'tag:sport', 'middle east']);
    expect(words('tag:"unclosed quote runs on')).to.deep.equal(['tag:unclosed quote runs on']);
    expect(words(undefined)).to.deep.equal([]);
    expect(words('   ')).to.deep.equal([]);
  });

  it('matches tags case-insensitively', () => {
    expect(hasTag(item({ tags: ['Sport'] }), new Set(['sport']))).to.equal(true);
    expect(hasTag(item({ tags: ['Sport'] }), new Set(['pinned']))).to.equal(false);
    expect(hasTag(item({}), new Set(['sport']))).to.equal(false);
  });

  it('shows the items that match any term, by tag, agency or place, whatever the case', () => {
    const { filter, problem } = parseFilter('tag:Sport agency:belga place:"den haag"');
    expect(problem).to.equal(undefined);
    expect(filter!(item({ tags: ['SPORT'] }))).to.equal(true);
    expect(filter!(item({ agencies: ['ANP', 'BELGA'] }))).to.equal(true);
    expect(filter!(item({ place: 'DEN HAAG' }))).to.equal(true);
    expect(filter!(item({ place: 'DOHA', agencies: ['ANP'], tags: ['buitenland'] }))).to.equal(false);
  });

  it('has no filter when empty', () => {
    expect(parseFilter('')).to.deep.equal({});
    expect(parseFilter('  ')).to.deep.equal({});
    expect(parseFilter(undefined)).to.deep.equal({});
  });

  it('shows nothing, and says why, for a term it does not know', () => {
    for (const text of ['sport', 'tags:sport', 'tag:', ':sport', 'tag:sport colour:red', '__proto__:x', 'constructor:x', 'toString:x']) {
      const { filter, problem } = parseFilter(text);
      expect(problem, text).to.be.a('string').and.contain('is not tag:…, agency:… or place:…');
      expect(filter!(item({ tags: ['sport'], place: 'x', agencies: ['x'] })), text).to.equal(false);
    }
  });

  it('says briefly what is wrong with a hostile filter', () => {
    for (const text of ['"'.repeat(100_000), `tag:${'"a '.repeat(50_000)}`, '\u0000<script>'.repeat(10_000), 'tag: '.repeat(50_000)]) {
      const { filter, problem } = parseFilter(text);
      expect(filter!(item({ tags: ['a'] }))).to.equal(false);
      expect(problem).to.be.a('string');
      expect(problem!.length, problem).to.be.below(400);
    }
  });
});
