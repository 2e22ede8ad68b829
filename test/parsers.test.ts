import { expect } from '@open-wc/testing';
import { formatDateline, parseDateline } from '../src/text/dateline.js';
import { decodeEntities } from '../src/parsers/entities.js';
import { htmlToText } from '../src/parsers/html-text.js';
import type { TickerItem } from '../src/model.js';
import { MAX_TAGS, MAX_TEXT_LENGTH, toTickerItem } from '../src/parsers/item.js';
import { safeHttpUrl } from '../src/text/safe-url.js';
import { parseJsonFeed } from '../src/parsers/json-feed.js';
import { FeedParseError, MAX_FEED_ITEMS } from '../src/parsers/parsed-feed.js';
import { parseFeedDocument } from '../src/parsers/feed-document.js';

describe('parseDateline', () => {
  const cases: [string, string | undefined, string[], string][] = [
    ['DOHA (ANP/AFP) - Qatar heeft 313 mensen', 'DOHA', ['ANP', 'AFP'], 'Qatar heeft 313 mensen'],
    ['WENEN (ANP) - De directeur', 'WENEN', ['ANP'], 'De directeur'],
    ['CRANS-MONTANA (ANP/AFP) - De burgemeester', 'CRANS-MONTANA', ['ANP', 'AFP'], 'De burgemeester'],
    ['DEN HAAG (ANP) - Het kabinet', 'DEN HAAG', ['ANP'], 'Het kabinet'],
    ["'S-HERTOGENBOSCH (ANP) - In Den Bosch", "'S-HERTOGENBOSCH", ['ANP'], 'In Den Bosch'],
    ['ISTANBUL (ANP/AFP/DPA) - In Istanbul', 'ISTANBUL', ['ANP', 'AFP', 'DPA'], 'In Istanbul'],
    ['GENÈVE (ANP/Reuters) – Een lang streepje', 'GENÈVE', ['ANP', 'Reuters'], 'Een lang streepje'],
    ['  LUIK  ( ANP / BELGA )  -  ruimte', 'LUIK', ['ANP', 'BELGA'], 'ruimte'],
  ];
  for (const [input, place, agencies, text] of cases) {
    it(`splits "${input.slice(0, 28)}…"`, () => {
      expect(parseDateline(input)).to.deep.equal({ place, agencies, text });
    });
  }

  it('leaves ordinary sentences alone', () => {
    for (const text of ['Het kabinet (VVD/CDA) - een zin', 'De EU (Brussel) - iets', 'NAVO-top begint', 'DOHA (ANP/AFP) - ']) {
      expect(parseDateline(text)).to.deep.equal({ agencies: [], text });
    }
  });

  // Catastrophic backtracking would hang here until the test times out.
  it('finishes on hostile input', () => {
    const hostile = `${'A '.repeat(20_000)}(${'B/'.repeat(5000)}`;
    expect(parseDateline(hostile)).to.deep.equal({ agencies: [], text: hostile });
  });

  it('formats as the seed writes it', () => {
    expect(formatDateline('DOHA', ['ANP', 'AFP'])).to.equal('DOHA (ANP/AFP)');
    expect(formatDateline(undefined, [])).to.equal('');
  });
});

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

describe('safeHttpUrl', () => {
  it('accepts only http(s), resolving relative URLs', () => {
    expect(safeHttpUrl('https://example.org/a?b#c')).to.equal('https://example.org/a?b#c');
    expect(safeHttpUrl('/nieuws/1', 'https://example.org/feed.json')).to.equal('https://example.org/nieuws/1');
    for (const bad of [
      'javascript:alert(1)',
      ' JAVASCRIPT:alert(1)',
      'data:text/html,<script>',
      'vbscript:x',
      'ftp://x',
      '',
      'http://[',
      undefined,
      42,
    ]) {
      expect(safeHttpUrl(bad, 'https://example.org/'), String(bad)).to.equal(undefined);
    }
  });
});

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

describe('parseJsonFeed', () => {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Buitenland',
    home_page_url: 'https://example.org/',
    items: [
      { id: 'a', content_text: 'DOHA (ANP/AFP) - Tekst', date_published: '2026-11-27T12:00:00Z', url: '/a' },
      { id: 'b', content_html: '<p>WENEN (ANP) - <b>Html</b> &amp; meer</p>', date_published: '2026-11-27T11:00:00+01:00' },
      { id: 'c', content_text: 'geen datum' },
      'not an object',
      { content_text: 'geen id', date_published: '2026-11-27T12:00:00Z' },
      { id: 'd', summary: 'Alleen samenvatting', date_modified: '2026-11-27T09:00:00Z' },
    ],
  };

  it('reads items and skips bad ones with a reason', () => {
    const parsed = parseJsonFeed(feed);
    expect(parsed.title).to.equal('Buitenland');
    expect(parsed.items.map((item) => item.id)).to.deep.equal(['a', 'b', 'c', parsed.items[3]!.id, 'd']);
    expect(parsed.items[0]).to.include({ place: 'DOHA', text: 'Tekst', url: 'https://example.org/a' });
    expect(parsed.items[1]).to.include({ place: 'WENEN', text: 'Html & meer', published: Date.UTC(2026, 10, 27, 10) });
    // Undated: kept, without a time, sorting just below the item before it.
    expect(parsed.items[2]!.published).to.equal(undefined);
    expect(parsed.items[2]!.sortTime).to.be.below(parsed.items[1]!.published!).and.above(parsed.items[4]!.published!);
    expect(parsed.items[3]!.id).to.match(/^urn:digest:/);
    expect(parsed.skipped).to.deep.equal([{ index: 3, reason: 'not an object' }]);
    expect(parsed.warnings).to.deep.equal([]);
  });

  it('rejects what is not a feed', () => {
    expect(() => parseJsonFeed({ items: 'nope' })).to.throw(FeedParseError);
    expect(() => parseFeedDocument('{"items": [')).to.throw(FeedParseError, /malformed JSON/);
    expect(() => parseFeedDocument('')).to.throw(FeedParseError, /empty/);
    expect(() => parseFeedDocument('hello')).to.throw(FeedParseError);
  });

  it('caps a huge feed and reports it', () => {
    const items = Array.from({ length: 100_000 }, (_, i) => ({
      id: String(i),
      content_text: `item ${i}`,
      date_published: '2026-11-27T12:00:00Z',
    }));
    const parsed = parseJsonFeed({ items });
    expect(parsed.items).to.have.length(MAX_FEED_ITEMS);
    expect(parsed.skipped).to.have.length(1);
    expect(parsed.skipped[0]!.reason).to.match(/99000 left out/);
  });
});
