import { expect } from '@open-wc/testing';
import type { TickerItem } from '../../src/model.js';
import { MAX_TAGS, MAX_TEXT_LENGTH, toTickerItem } from '../../src/parsers/item.js';

describe('toTickerItem', () => {
  it('normalises times, text, dateline and link', () => {
    const item = toTickerItem(
      {
        id: 7,
        published: '2026-11-27T12:00:00Z',
        updated: new Date('2026-11-27T12:05:00Z'),
        text: '  DOHA (ANP/AFP) -  Qatar\n heeft ',
        url: 'javascript:alert(1)',
      },
      { source: 'feed' },
    );
    expect(item).to.deep.equal({
      id: '7',
      published: Date.UTC(2026, 10, 27, 12),
      updated: Date.UTC(2026, 10, 27, 12, 5),
      place: 'DOHA',
      agencies: ['ANP', 'AFP'],
      text: 'Qatar heeft',
      source: 'feed',
    });
  });

  it('gives a reason instead of an item only when there is no text', () => {
    expect(toTickerItem({ id: 'a', published: 0, text: ' ' })).to.equal('no text');
  });

  it('keeps an item with an unreadable date undated, and reports the date', () => {
    const unreadableDates: string[] = [];
    const item = toTickerItem({ id: 'a', published: 'gisteren', text: 'x' }, { unreadableDates });
    expect(item).to.deep.equal({ id: 'a', agencies: [], text: 'x' });
    expect(unreadableDates).to.deep.equal(['gisteren']);
  });

  it('derives a missing id from the link, else from title and text, the same every time', () => {
    expect(toTickerItem({ id: '', text: 'x', url: '/a' }, { baseUrl: 'https://example.org/' })).to.include({ id: 'https://example.org/a' });
    const one = toTickerItem({ title: 'Titel', text: 'Tekst' }) as { id: string };
    expect(one.id).to.match(/^urn:digest:[0-9a-z]+$/);
    expect((toTickerItem({ title: 'Titel', text: 'Tekst' }) as { id: string }).id).to.equal(one.id);
    expect((toTickerItem({ title: 'Titel', text: 'Tekst!' }) as { id: string }).id).not.to.equal(one.id);
    expect((toTickerItem({ title: 'Titel.', text: 'Tekst' }) as { id: string }).id).not.to.equal(one.id);
  });

  it('keeps tags that are strings, cleaned, once each (case-insensitively), at most MAX_TAGS', () => {
    const tags = ['Sport', ' sport ', 'PINNED', '', '  ', 7, null, { name: 'x' }, ['nested'], 'Tab\tbed\u0000', 'x'.repeat(500)];
    const item = toTickerItem({ id: 'a', text: 'x', tags: tags as string[] });
    expect(item).to.have.deep.property('tags', ['Sport', 'PINNED', 'Tab bed', 'x'.repeat(100)]);
    const thousands = Array.from({ length: 5000 }, (_, i) => `tag ${i}`);
    expect((toTickerItem({ id: 'a', text: 'x', tags: thousands }) as TickerItem).tags).to.deep.equal(thousands.slice(0, MAX_TAGS));
    expect(toTickerItem({ id: 'a', text: 'x', tags: 'sport' as unknown as string[] })).not.to.have.property('tags');
    expect(toTickerItem({ id: 'a', text: 'x', tags: [] })).not.to.have.property('tags');
  });

  it('caps very long text', () => {
    const item = toTickerItem({ id: 'a', published: 0, text: 'woord '.repeat(10_000) });
    expect(typeof item !== 'string' && item.text.length).to.be.at.most(MAX_TEXT_LENGTH);
  });
});
