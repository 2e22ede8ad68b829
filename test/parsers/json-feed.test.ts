import { expect } from '@open-wc/testing';
import { parseJsonFeed } from '../../src/parsers/json-feed.js';
import { FeedParseError, MAX_FEED_ITEMS } from '../../src/parsers/parsed-feed.js';
import { parseFeedDocument } from '../../src/parsers/feed-document.js';

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

describe('a JSON Feed with raw control characters in its strings (a common CMS bug)', () => {
  // JSON forbids an unescaped line break or tab inside a string; CMSs that paste an editor's text
  // into a template write them anyway. Browsers' JSON.parse refuses the whole document.
  const broken = `{"version":"https://jsonfeed.org/version/1.1","title":"Nieuws","items":[
    {"id":"a","content_text":"DOHA (ANP/AFP) - Qatar heeft\n313 mensen\tgearresteerd.","date_published":"2026-11-27T11:47:00Z"},
    {"id":"b","content_text":"WENEN (ANP) - Een \\"citaat\\"\r\nen verder.","date_published":"2026-11-27T11:46:00Z"}]}`;

  it('is read as a lenient reader would: every item kept, the control characters as white space, and a warning', () => {
    expect(() => JSON.parse(broken), 'the fixture is really malformed JSON').to.throw();
    const parsed = parseFeedDocument(broken);
    expect(parsed.items.map((item) => item.text)).to.deep.equal(['Qatar heeft 313 mensen gearresteerd.', 'Een "citaat" en verder.']);
    expect(parsed.warnings.join(' ')).to.match(/control characters/);
  });

  it('is still refused, with the parser’s reason, when escaping them does not make it JSON', () => {
    expect(() => parseFeedDocument('{"items": [\n{"id": "a", "content_text": "x\ty"')).to.throw(FeedParseError, /malformed JSON/);
  });
});
