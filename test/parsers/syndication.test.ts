import { expect } from '@open-wc/testing';
import { parseFeedDocument } from '../../src/parsers/feed-document.js';
import { FeedParseError } from '../../src/parsers/parsed-feed.js';
import { parseFeedDate } from '../../src/parsers/date.js';
import { parseXml, textContent } from '../../src/parsers/xml.js';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<!-- a comment -->
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Meer uit Buitenland</title>
    <link>https://example.org/buitenland/</link>
    <item>
      <title>Qatar arresteert 313 mensen</title>
      <link>/qatar</link>
      <guid isPermaLink="false">anp-1</guid>
      <description>&lt;p&gt;DOHA (ANP/AFP) - Qatar heeft &lt;b&gt;313&lt;/b&gt; mensen gearresteerd &amp;amp; meer.&lt;/p&gt;</description>
      <pubDate>Fri, 27 Nov 2026 12:47:00 +0100</pubDate>
    </item>
    <item>
      <guid>anp-2</guid>
      <description><![CDATA[<p>WENEN (ANP) - De directeur van de <i>ORF</i> is afgetreden.</p>]]></description>
      <pubDate>Fri, 27 Nov 2026 11:46:00 GMT</pubDate>
    </item>
    <item>
      <guid>anp-3</guid>
      <content:encoded><![CDATA[LUIK (ANP/BELGA) - Voluit]]></content:encoded>
      <description>kort</description>
      <dc:date>2026-11-27T11:44:00Z</dc:date>
      <link>javascript:alert(1)</link>
    </item>
    <item><guid>no-date</guid><description>Zonder datum</description></item>
  </channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Meer uit Buitenland</title>
  <link href="https://example.org/buitenland/" />
  <id>urn:feed</id>
  <updated>2026-11-27T11:47:00Z</updated>
  <entry>
    <id>urn:anp-1</id>
    <title>Qatar</title>
    <link rel="alternate" href="/qatar" />
    <link rel="enclosure" href="https://example.org/photo.jpg" />
    <published>2026-11-27T11:47:00Z</published>
    <updated>2026-11-27T11:50:00Z</updated>
    <summary type="html">&lt;p&gt;DOHA (ANP/AFP) - Qatar &amp;amp; Iran&lt;/p&gt;</summary>
  </entry>
  <entry>
    <id>urn:anp-2</id>
    <updated>2026-11-27T11:46:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">WENEN (ANP) - <b>Xhtml</b> inhoud</div></content>
  </entry>
  <entry>
    <id>urn:anp-3</id>
    <title type="text">Alleen een titel &lt;b&gt;letterlijk&lt;/b&gt;</title>
    <published>2026-11-27T11:40:00Z</published>
  </entry>
</feed>`;

describe('parseXml', () => {
  it('reads elements, attributes, text, CDATA and entities', () => {
    const root = parseXml('<a x="1" y=\'&amp;\'><b>t&lt;1</b><![CDATA[<raw>]]><c/></a>');
    expect(root.name).to.equal('a');
    expect({ ...root.attributes }).to.deep.equal({ x: '1', y: '&' });
    expect(textContent(root)).to.equal('t<1<raw>');
  });

  it('expands the entities the internal DTD subset declares, within a budget (see legacy-formats.test.ts)', () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><rss><channel><title>&lol2;</title></channel></rss>`;
    expect(textContent(parseXml(laughs))).to.equal('lollollol');
  });

  it('forgives unbalanced tags and stray "<"', () => {
    const root = parseXml('<a><b>one<c>two</b> 1 < 2 </a>');
    expect(textContent(root)).to.equal('onetwo 1 < 2 ');
  });

  it('finishes on hostile input', () => {
    const hostile = `<a${' b'.repeat(50_000)}`;
    expect(() => parseXml(hostile)).to.throw(/no root element/);
    expect(textContent(parseXml(`<a>${'<b>'.repeat(20_000)}x`))).to.equal('x');
    expect(() => parseXml('no markup')).to.throw(/no root element/);
  });
});

describe('RSS', () => {
  it('reads items: guid, link, HTML description, content:encoded, RFC 822 and Dublin Core dates', () => {
    const feed = parseFeedDocument(RSS, { source: 'rss' });
    expect(feed.title).to.equal('Meer uit Buitenland');
    expect(feed.items.map((item) => item.id)).to.deep.equal(['anp-1', 'anp-2', 'anp-3', 'no-date']);
    expect(feed.items[0]).to.include({
      place: 'DOHA',
      text: 'Qatar heeft 313 mensen gearresteerd & meer.',
      title: 'Qatar arresteert 313 mensen',
      url: 'https://example.org/qatar',
      published: Date.UTC(2026, 10, 27, 11, 47),
    });
    expect(feed.items[1]).to.include({
      place: 'WENEN',
      text: 'De directeur van de ORF is afgetreden.',
      published: Date.UTC(2026, 10, 27, 11, 46),
    });
    expect(feed.items[2]).to.include({ place: 'LUIK', text: 'Voluit', published: Date.UTC(2026, 10, 27, 11, 44) });
    expect(feed.items[2]!.url).to.equal(undefined);
    expect(feed.items[3]).to.include({ text: 'Zonder datum' });
    expect(feed.items[3]!.published).to.equal(undefined);
    expect(feed.skipped).to.deep.equal([]);
  });

  it('reads RFC 822 dates with the zone names feeds use', () => {
    expect(parseFeedDate('Fri, 27 Nov 2026 13:00:00 CET')).to.equal(Date.UTC(2026, 10, 27, 12));
    expect(parseFeedDate('Fri, 27 Nov 2026 12:00:00 GMT')).to.equal(Date.UTC(2026, 10, 27, 12));
    expect(parseFeedDate('27 Nov 2026 07:00:00 EST')).to.equal(Date.UTC(2026, 10, 27, 12));
    expect(parseFeedDate('gisteren')).to.be.NaN;
  });

  it('reads RSS 1.0 (RDF), whose items stand beside the channel', () => {
    const rdf = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://example.org/"><title>RDF</title><link>https://example.org/</link></channel>
      <item rdf:about="https://example.org/1"><title>Een</title><description>BERLIJN (ANP/DPA) - Tekst</description><dc:date>2026-11-27T11:00:00Z</dc:date></item>
    </rdf:RDF>`;
    const feed = parseFeedDocument(rdf);
    expect(feed.items[0]).to.include({ id: 'https://example.org/1', place: 'BERLIJN', url: 'https://example.org/1' });
  });
});

describe('tags', () => {
  it('reads RSS <category> and Dublin Core subjects, whatever the prefix', () => {
    const rss = `<rss version="2.0" xmlns:x="http://purl.org/dc/elements/1.1/"><channel><title>t</title>
      <item><guid>1</guid><description>d</description><category domain="https://example.org/">Sport</category><category>Breaking</category><x:subject>Voetbal</x:subject></item>
      <item><guid>2</guid><description>no categories</description></item>
    </channel></rss>`;
    const feed = parseFeedDocument(rss);
    expect(feed.items[0]!.tags).to.deep.equal(['Sport', 'Breaking', 'Voetbal']);
    expect(feed.items[1]).not.to.have.property('tags');
  });

  it('reads Atom <category> terms and labels', () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id><title>t</title>
      <category term="sport" label="Sport en spel" scheme="https://example.org/"/><category term="pinned"/><category label="only a label"/><category/>
    </entry></feed>`;
    expect(parseFeedDocument(atom).items[0]!.tags).to.deep.equal(['sport', 'Sport en spel', 'pinned', 'only a label']);
  });

  it('reads JSON Feed tags', () => {
    const json = JSON.stringify({ items: [{ id: '1', content_text: 'x', tags: ['Sport', 1, 'breaking'] }] });
    expect(parseFeedDocument(json).items[0]!.tags).to.deep.equal(['Sport', 'breaking']);
  });
});

describe('older pages and pictures', () => {
  it('reads the older page a document names: JSON Feed next_url, RSS atom:link, Atom rel="next" or RFC 5005 prev-archive', () => {
    const json = JSON.stringify({ home_page_url: 'https://example.org/', next_url: '/feed.json?page=2', items: [] });
    expect(parseFeedDocument(json).next).to.equal('https://example.org/feed.json?page=2');
    const rss = `<rss version="2.0" xmlns:a="http://www.w3.org/2005/Atom"><channel><link>https://example.org/</link>
      <a:link rel="self" href="https://example.org/feed.rss"/><a:link rel="next" href="feed.rss?page=2"/></channel></rss>`;
    expect(parseFeedDocument(rss).next).to.equal('https://example.org/feed.rss?page=2');
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://example.org/news/"><link rel="prev-archive" href="2026-10.atom"/></feed>`;
    expect(parseFeedDocument(atom).next).to.equal('https://example.org/news/2026-10.atom');
    expect(parseFeedDocument(JSON.stringify({ next_url: 'javascript:alert(1)', items: [] })).next, 'http(s) only').to.equal(undefined);
    expect(parseFeedDocument(JSON.stringify({ items: [] }))).not.to.have.property('next');
  });

  it('reads pictures: media:thumbnail, an image media:content (also in media:group), an image enclosure; JSON Feed image', () => {
    const rss = `<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><link>https://example.org/</link>
      <item><guid>thumb</guid><description>a</description><media:thumbnail url="/t.jpg" width="140" height="84"/><media:content url="/big.jpg" medium="image"/></item>
      <item><guid>content</guid><description>b</description><media:content url="https://i.example.org/b.jpg?width=460" width="460" height="276"><media:description>Een schaatser</media:description></media:content></item>
      <item><guid>group</guid><description>c</description><media:group><media:content url="/v.mp4" type="video/mp4"/><media:content url="/c.png" type="image/png"/></media:group></item>
      <item><guid>enclosure</guid><description>d</description><enclosure url="/d.mp3" type="audio/mpeg" length="1"/><enclosure url="/d.webp" type="image/webp" length="1"/></item>
      <item><guid>none</guid><description>e</description><enclosure url="/e.mp3" type="audio/mpeg" length="1"/></item>
      <item><guid>hostile</guid><description>f</description><media:thumbnail url="javascript:alert(1)"/></item>
      <item><guid>huge</guid><description>g</description><media:thumbnail url="https://example.org/${'x'.repeat(100_000)}.jpg"/></item>
    </channel></rss>`;
    expect(parseFeedDocument(rss).items.map((item) => item.image)).to.deep.equal([
      { url: 'https://example.org/t.jpg', width: 140, height: 84 },
      { url: 'https://i.example.org/b.jpg?width=460', width: 460, height: 276, alt: 'Een schaatser' },
      { url: 'https://example.org/c.png' },
      { url: 'https://example.org/d.webp' },
      undefined,
      undefined,
      undefined,
    ]);
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id><title>t</title>
      <link rel="alternate" href="https://example.org/1"/><link rel="enclosure" type="image/jpeg" href="https://example.org/1.jpg"/></entry></feed>`;
    expect(parseFeedDocument(atom).items[0]!.image).to.deep.equal({ url: 'https://example.org/1.jpg' });
    const json = JSON.stringify({
      items: [
        { id: '1', content_text: 'x', image: 'https://example.org/1.jpg', banner_image: 'https://example.org/banner.jpg' },
        { id: '2', content_text: 'y', banner_image: 'https://example.org/banner.jpg' },
        { id: '3', content_text: 'z', image: 'data:image/png;base64,AAAA' },
      ],
    });
    expect(parseFeedDocument(json).items.map((item) => item.image?.url)).to.deep.equal([
      'https://example.org/1.jpg',
      'https://example.org/banner.jpg',
      undefined,
    ]);
  });
});

describe('Atom', () => {
  it('reads entries: id, alternate link, published/updated, html and xhtml text, title-only entries', () => {
    const feed = parseFeedDocument(ATOM);
    expect(feed.title).to.equal('Meer uit Buitenland');
    expect(feed.items.map((item) => item.id)).to.deep.equal(['urn:anp-1', 'urn:anp-2', 'urn:anp-3']);
    expect(feed.items[0]).to.include({
      place: 'DOHA',
      text: 'Qatar & Iran',
      url: 'https://example.org/qatar',
      published: Date.UTC(2026, 10, 27, 11, 47),
      updated: Date.UTC(2026, 10, 27, 11, 50),
    });
    expect(feed.items[1]).to.include({ place: 'WENEN', text: 'Xhtml inhoud', published: Date.UTC(2026, 10, 27, 11, 46) });
    expect(feed.items[2]!.text).to.equal('Alleen een titel <b>letterlijk</b>');
  });
});

describe('parseFeedDocument', () => {
  it('tells formats apart by content, whatever the Content-Type said', () => {
    expect(parseFeedDocument('\uFEFF  {"items": []}').items).to.deep.equal([]);
    expect(() => parseFeedDocument('<html><body>Not found</body></html>')).to.throw(FeedParseError, /<html>/);
    expect(() => parseFeedDocument('<rss></rss>')).to.throw(FeedParseError, /channel/);
  });

  it('never lets markup in feed text execute', () => {
    const evil = `<rss><channel><item><guid>x</guid><pubDate>Fri, 27 Nov 2026 12:00:00 GMT</pubDate>
      <description>&lt;img src=x onerror="window.__pwned=1"&gt;&lt;script&gt;window.__pwned=2&lt;/script&gt;Tekst</description></item></channel></rss>`;
    expect(parseFeedDocument(evil).items[0]!.text).to.equal('Tekst');
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
