import { expect } from '@open-wc/testing';
import { parseFeedDate } from '../../src/parsers/date.js';
import { decodeFeedBytes } from '../../src/parsers/encoding.js';
import { decodeEntities } from '../../src/parsers/entities.js';
import { htmlToText } from '../../src/parsers/html-text.js';
import { parseFeedDocument } from '../../src/parsers/feed-document.js';
import { parseJsonFeed } from '../../src/parsers/json-feed.js';
import { parseXml, textContent } from '../../src/parsers/xml.js';
import { foldSource, initialSourceState, mergeSources } from '../../src/store/fold.js';

// Fixtures written for each way real feeds differ from our own; none is copied from a publisher.

const rss = (items: string, namespaces = '') => `<?xml version="1.0"?>
<rss version="2.0" ${namespaces}><channel><title>Kanaal</title><link>https://example.org/</link>${items}</channel></rss>`;
const ids = (xml: string, baseUrl?: string) => parseFeedDocument(xml, { baseUrl }).items.map((item) => item.id);

describe('real-world feeds: truncated and hostile documents', () => {
  const item = (n: number) => `<item><guid>g${n}</guid><title>Titel ${n}</title><pubDate>Fri, 27 Nov 2026 12:0${n}:00 GMT</pubDate></item>`;

  // With a backtracking tag pattern these took 10 s at 28 attributes and four times longer per two more.
  it('keeps the items before a cut inside a start tag with many quoted attributes', () => {
    const attributes = Array.from({ length: 200 }, (_, i) => ` a${i}="${i}"`).join('');
    const truncated = `${rss(item(1) + item(2)).split('</channel>')[0]}<item><enclosure${attributes}`;
    expect(ids(truncated)).to.deep.equal(['g1', 'g2']);
    expect(ids(`${rss(item(1)).split('</channel>')[0]}<item><link a="${'x'.repeat(5000)}`)).to.deep.equal(['g1']);
  });

  it('reads a tag closed with " / >", as pasted HTML writes it, and stays linear on thousands of them', () => {
    const root = parseXml(`<a><br / ><b x="1" / >t</a>`);
    expect(root.children.map((child) => (typeof child === 'string' ? child : child.name))).to.deep.equal(['br', 'b', 't']);
    const pasted = rss(`<item><guid>p</guid><description>${'<br x="1" / >'.repeat(20_000)}Tekst</description></item>`);
    expect(parseFeedDocument(pasted).items[0]!.text).to.equal('Tekst');
  });

  it('ends a document cut anywhere with its complete items or a clear error', () => {
    const full = rss(item(1) + item(2) + item(3));
    for (let cut = 0; cut <= full.length; cut++) {
      let result: string[] | string;
      try {
        result = ids(full.slice(0, cut));
      } catch (error) {
        result = (error as Error).name;
      }
      if (typeof result === 'string') expect(result).to.equal('FeedParseError');
      else expect(['g1', 'g2', 'g3'].slice(0, result.length)).to.deep.equal(result.filter((id) => /^g\d$/.test(id)));
    }
  });

  it('reduces HTML with unclosed quotes and tags in linear time', () => {
    expect(htmlToText(`a <b title="${'x'.repeat(100)}`)).to.equal('a');
    expect(htmlToText(`${'<a "'.repeat(20_000)}`)).to.equal('');
    expect(htmlToText(`${'<script "'.repeat(20_000)}`)).to.equal('');
    expect(htmlToText(`tekst ${'<abcdefgh '.repeat(20_000)}`)).to.equal('tekst');
  });
});

describe('real-world feeds: items are never dropped silently', () => {
  it('keeps undated items, without a time, where the document puts them', () => {
    const xml = rss(`
      <item><guid>top</guid><title>Bovenaan, zonder datum</title></item>
      <item><guid>a</guid><title>A</title><pubDate>Fri, 27 Nov 2026 12:00:00 GMT</pubDate></item>
      <item><guid>u1</guid><title>Zonder datum 1</title></item>
      <item><guid>u2</guid><title>Zonder datum 2</title></item>
      <item><guid>b</guid><title>B</title><pubDate>Fri, 27 Nov 2026 11:00:00 GMT</pubDate></item>`);
    const feed = parseFeedDocument(xml);
    expect(feed.items.map((item) => [item.id, item.published])).to.deep.equal([
      ['top', undefined],
      ['a', Date.UTC(2026, 10, 27, 12)],
      ['u1', undefined],
      ['u2', undefined],
      ['b', Date.UTC(2026, 10, 27, 11)],
    ]);
    // The store keeps that order, newest first, also merged with another source and after a re-poll.
    const state = foldSource(initialSourceState('rss'), { kind: 'snapshot', source: 'rss', items: feed.items });
    expect(state.items.map((item) => item.id)).to.deep.equal(['top', 'a', 'u1', 'u2', 'b']);
    const again = foldSource(state, { kind: 'snapshot', source: 'rss', items: parseFeedDocument(xml).items });
    expect(again.items.map((item) => item.id)).to.deep.equal(['top', 'a', 'u1', 'u2', 'b']);
    const other = foldSource(initialSourceState('json'), {
      kind: 'snapshot',
      source: 'json',
      items: [{ id: 'mid', published: Date.UTC(2026, 10, 27, 11, 30), agencies: [], text: 'Half twaalf' }],
    });
    expect(mergeSources([state, other], { maxItems: 10 }).items.map((item) => item.id)).to.deep.equal(['top', 'a', 'u1', 'u2', 'mid', 'b']);
  });

  it('keeps a feed without any dates in document order', () => {
    const feed = parseFeedDocument(rss('<item><guid>1</guid><title>Een</title></item><item><guid>2</guid><title>Twee</title></item>'));
    const state = foldSource(initialSourceState('s'), { kind: 'snapshot', source: 's', items: feed.items });
    expect(state.items.map((item) => item.id)).to.deep.equal(['1', '2']);
  });

  it('keeps JSON Feed items without date_published or id', () => {
    const feed = parseJsonFeed({
      items: [
        { content_text: 'Geen id, geen datum', url: 'https://example.org/x' },
        { content_text: 'Alleen tekst', title: 'Kop' },
      ],
    });
    expect(feed.items.map((item) => item.id)).to.deep.equal(['https://example.org/x', feed.items[1]!.id]);
    expect(feed.items[1]!.id).to.equal(parseJsonFeed({ items: [{ content_text: 'Alleen tekst', title: 'Kop' }] }).items[0]!.id);
  });

  it('gives items without guid the same id on every poll and for every reader', () => {
    const xml = rss('<item><title>Kop</title><description>Tekst</description></item><item><link>/pad</link><title>Met link</title></item>');
    const first = ids(xml, 'https://example.org/feed.xml');
    expect(first[1]).to.equal('https://example.org/pad');
    expect(first[0]).to.match(/^urn:digest:/);
    expect(ids(xml, 'https://example.org/feed.xml')).to.deep.equal(first);
  });

  it('reads dates with local day and month names, and warns once per load about the rest', () => {
    const xml = rss(`
      <item><guid>pt</guid><title>x</title><pubDate>Seg, 24 Set 2018 19:42:40 -0300</pubDate></item>
      <item><guid>nl</guid><title>x</title><pubDate>di, 03 mrt 2026 10:00:00 +0100</pubDate></item>
      <item><guid>de</guid><title>x</title><pubDate>Di, 03 Mär 2026 10:00:00 MEZ</pubDate></item>
      <item><guid>bad1</guid><title>x</title><pubDate>gisteren</pubDate></item>
      <item><guid>bad2</guid><title>x</title><pubDate>31 Foo 2026</pubDate></item>`);
    const feed = parseFeedDocument(xml);
    expect(feed.items.map((item) => item.published)).to.deep.equal([
      Date.UTC(2018, 8, 24, 22, 42, 40),
      Date.UTC(2026, 2, 3, 9),
      Date.UTC(2026, 2, 3, 9),
      undefined,
      undefined,
    ]);
    expect(feed.warnings).to.have.length(1);
    expect(feed.warnings[0]).to.match(/^2 item\(s\) with a date that cannot be read.*"gisteren"/);
  });
});

describe('real-world feeds: namespaces', () => {
  const namespaces =
    'xmlns:a10="http://www.w3.org/2005/Atom" xmlns:it="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:foo="urn:foo" xmlns:d="http://purl.org/dc/elements/1.1/" xmlns:c="http://purl.org/rss/1.0/modules/content/"';

  it('never lets an extension element displace a core one', () => {
    const feed = parseFeedDocument(
      rss(
        `<item>
          <a10:link rel="standout" href="https://elsewhere.example/standout"/>
          <it:title>Podcasttitel</it:title>
          <foo:description>Vreemde beschrijving</foo:description>
          <foo:guid>vreemd</foo:guid>
          <title>Echte titel</title>
          <link>https://example.org/echt</link>
          <guid>echt</guid>
          <description>Echte tekst</description>
          <foo:pubDate>Mon, 01 Jan 2001 00:00:00 GMT</foo:pubDate>
          <pubDate>Fri, 27 Nov 2026 12:00:00 GMT</pubDate>
        </item>`,
        namespaces,
      ),
    );
    expect(feed.items[0]).to.include({
      id: 'echt',
      title: 'Echte titel',
      text: 'Echte tekst',
      url: 'https://example.org/echt',
      published: Date.UTC(2026, 10, 27, 12),
    });
  });

  it('finds Dublin Core and content by namespace with any prefix, also undeclared usual prefixes', () => {
    const feed = parseFeedDocument(
      rss(
        `<item><guid>1</guid><d:date>2026-11-27T12:00:00Z</d:date><c:encoded>&lt;p&gt;Volledig&lt;/p&gt;</c:encoded><description>kort</description></item>
         <item><guid>2</guid><dc:date>2026-11-27T11:00:00Z</dc:date><title>Zonder declaratie</title></item>
         <item><guid>3</guid><x:date xmlns:x="http://purl.org/dc/elements/1.1/">2026-11-27T10:00:00Z</x:date><title>Lokaal gedeclareerd</title></item>`,
        namespaces,
      ),
    );
    expect(feed.items.map((item) => [item.text, item.published])).to.deep.equal([
      ['Volledig', Date.UTC(2026, 10, 27, 12)],
      ['Zonder declaratie', Date.UTC(2026, 10, 27, 11)],
      ['Lokaal gedeclareerd', Date.UTC(2026, 10, 27, 10)],
    ]);
  });

  it('reads Atom by its namespace with any prefix, and ignores foreign elements with Atom names', () => {
    const feed = parseFeedDocument(`<a:feed xmlns:a="http://www.w3.org/2005/Atom" xmlns:x="urn:x">
      <a:entry><x:id>vreemd</x:id><a:id>urn:1</a:id><x:title>Vreemd</x:title><a:title>Atomtitel</a:title>
        <a:updated>2026-11-27T12:00:00Z</a:updated></a:entry></a:feed>`);
    expect(feed.items[0]).to.include({ id: 'urn:1', text: 'Atomtitel' });
  });
});

describe('real-world feeds: links', () => {
  it('takes a permalink guid as the link when there is no <link>', () => {
    const feed = parseFeedDocument(
      rss(`<item><guid>https://example.org/perma</guid><title>Perma</title></item>
           <item><guid isPermaLink="false">https://example.org/not-a-link</guid><title>Geen link</title></item>
           <item><guid>plain-id</guid><title>Gewone id</title></item>`),
    );
    expect(feed.items.map((item) => item.url)).to.deep.equal(['https://example.org/perma', undefined, undefined]);
  });

  it('prefers the alternate Atom link and resolves relative links against xml:base and the feed URL', () => {
    const feed = parseFeedDocument(
      `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="/nieuws/">
        <entry><id>1</id><title>t</title><link rel="enclosure" href="foto.jpg"/><link rel="alternate" href="artikel-1"/></entry>
        <entry xml:base="https://cdn.example.net/x/"><id>2</id><title>t</title><link href="artikel-2"/></entry>
        <entry><id>3</id><title>t</title><link xml:base="sub/" href="../artikel-3"/></entry>
      </feed>`,
      { baseUrl: 'https://example.org/feeds/atom.xml' },
    );
    expect(feed.items.map((item) => item.url)).to.deep.equal([
      'https://example.org/nieuws/artikel-1',
      'https://cdn.example.net/x/artikel-2',
      'https://example.org/nieuws/artikel-3',
    ]);
  });

  it('resolves RSS links against xml:base over the feed URL', () => {
    const xml = `<rss xml:base="https://example.org/base/"><channel><item><guid>1</guid><title>t</title><link>stuk</link></item></channel></rss>`;
    expect(parseFeedDocument(xml, { baseUrl: 'https://feeds.example.org/rss' }).items[0]!.url).to.equal('https://example.org/base/stuk');
    const plain = xml.replace(' xml:base="https://example.org/base/"', '');
    expect(parseFeedDocument(plain, { baseUrl: 'https://feeds.example.org/rss' }).items[0]!.url).to.equal('https://feeds.example.org/stuk');
  });
});

describe('real-world feeds: text', () => {
  it('maps references 128–159 to the Windows-1252 characters, as HTML does', () => {
    expect(decodeEntities('don&#146;t &#147;quote&#148; &#150; &#151; &#133; &#128; &#x92;')).to.equal('don’t “quote” – — … € ’');
    expect(decodeEntities('&#129;')).to.equal('\u0081');
  });

  it('decodes the HTML 4 named references', () => {
    expect(decodeEntities('&alpha;&Omega;&sigmaf;&rarr;&hArr;&hearts;&sup2;&frac34;&euro;&trade;&le;&infin;&lang;&apos;')).to.equal(
      "αΩς→⇔♥²¾€™≤∞⟨'",
    );
    expect(decodeEntities('&notanentity; &amp')).to.equal('&notanentity; &amp');
  });

  it('decodes Atom xhtml content once, keeping escaped markup as text', () => {
    const feed = parseFeedDocument(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id>
      <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Over de &lt;blink&gt; tag</p><p>en &amp;amp;</p></div></content></entry></feed>`);
    expect(feed.items[0]!.text).to.equal('Over de <blink> tag en &amp;');
  });
});

describe('real-world feeds: bytes to text', () => {
  const utf16 = (text: string, littleEndian: boolean) => {
    const bytes = new Uint8Array(2 + text.length * 2);
    const view = new DataView(bytes.buffer);
    view.setUint16(0, 0xfeff, littleEndian);
    for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
    return bytes;
  };
  const doc = rss('<item><guid>1</guid><title>Café – “Zürich”</title></item>').replace(
    '<?xml version="1.0"?>',
    '<?xml version="1.0" encoding="utf-16"?>',
  );

  it('reads UTF-16 with a byte-order mark, either order, whatever the declaration says', () => {
    for (const littleEndian of [true, false]) {
      const text = decodeFeedBytes(utf16(doc, littleEndian), 'application/rss+xml');
      expect(parseFeedDocument(text).items[0]!.text).to.equal('Café – “Zürich”');
    }
  });

  it('lets a UTF-8 byte-order mark win over a wrong charset', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(doc)]);
    expect(parseFeedDocument(decodeFeedBytes(bytes, 'text/xml; charset=iso-8859-1')).items[0]!.text).to.equal('Café – “Zürich”');
  });

  it('takes the charset, then the XML declaration, then UTF-8', () => {
    // "Café ’" in Windows-1252.
    const latin = new Uint8Array([
      ...new TextEncoder().encode('<?xml version="1.0" encoding="windows-1252"?><a>Caf'),
      0xe9,
      0x20,
      0x92,
      ...new TextEncoder().encode('</a>'),
    ]);
    expect(textContent(parseXml(decodeFeedBytes(latin)))).to.equal('Café ’');
    expect(textContent(parseXml(decodeFeedBytes(latin, 'text/xml; charset="ISO-8859-1"')))).to.equal('Café ’');
    const utf8 = new TextEncoder().encode('<a>Café</a>');
    expect(textContent(parseXml(decodeFeedBytes(utf8, 'text/xml')))).to.equal('Café');
    expect(textContent(parseXml(decodeFeedBytes(utf8, 'text/xml; charset=no-such-encoding')))).to.equal('Café');
    expect(textContent(parseXml(decodeFeedBytes(new TextEncoder().encode('<?xml version="1.0" encoding="UTF-16"?><a>é</a>'))))).to.equal(
      'é',
    );
  });
});

describe('real-world feeds: dates', () => {
  const at = (...args: number[]) => Date.UTC(args[0]!, args[1]!, args[2]!, args[3] ?? 0, args[4] ?? 0, args[5] ?? 0);
  // Each instant, with the ways feeds write it.
  const cases: [number, string[]][] = [
    [
      at(2026, 10, 27, 12),
      [
        'Fri, 27 Nov 2026 12:00:00 GMT',
        'Fri, 27 Nov 2026 12:00:00 UT',
        '27 Nov 2026 07:00 EST',
        'Fri, 27 Nov 26 12:00:00 +0000',
        'Fri, 27 Nov 2026 04:00:00 PT',
        'Fri, 27 Nov 2026 07:00:00 ET',
        'Fri, 27 Nov 2026 12:00:00 Etc/GMT',
        'Fri, 27 Nov 2026 07:00:00 Etc/GMT+5',
        'Fri, 27 Nov 2026 12:00:00 Z',
        'Fri, 27 Nov 2026 13:00:00 +01:00',
        'Fri, 27 Nov 2026 12:00:00 +0000 (UTC)',
        '2026-11-27T12:00:00Z',
        '2026-11-27T12:00:00',
      ],
    ],
    [at(1994, 0, 1), ['Sat, 01 Jan 94 00:00:00 GMT']],
    [at(2004, 0, 1), ['Thu, 01 Jan 2004']],
    [at(2026, 10, 27, 14), ['Fri, 27 Nov 2026 13:00:00 A']],
    [at(2018, 8, 24, 22, 42, 40), ['Seg, 24 Set 2018 19:42:40 -0300']],
    [at(2026, 2, 3, 9), ['di, 03 mrt 2026 10:00:00 +0100', 'Di, 03 Mär 2026 10:00:00 +0100']],
    [at(2026, 1, 27, 11), ['ven., 27 févr. 2026 12:00:00 +0100']],
    [at(2026, 6, 3, 12), ['mar, 03 juil 2026 12:00:00 GMT']],
    [at(2026, 5, 4, 12), ['jeu, 04 juin 2026 12:00:00 GMT']],
    [at(2024, 11, 25, 8), ['Mié, 25 Dic 2024 08:00:00 GMT']],
    [at(2025, 7, 15, 6), ['Ven, 15 Ago 2025 08:00:00 +0200']],
    [at(2027, 9, 2, 11), ['Sáb, 02 Out 2027 08:00 -0300']],
    [at(2026, 10, 27, 12) + 250, ['2026-11-27T13:00:00.250+01:00']],
    [at(2026, 10, 27), ['2026-11-27']],
    [at(2026, 10, 1), ['2026-11']],
    [at(2020, 0, 10, 14, 33), ['2020/1/10 14:33:00']],
  ];
  for (const [expected, texts] of cases) {
    for (const text of texts) it(`reads "${text}"`, () => expect(parseFeedDate(text)).to.equal(expected));
  }

  it('reads a date without a zone as UTC, whatever the reader’s own zone', () => {
    expect(parseFeedDate('2020/1/10 14:33:00')).to.equal(Date.UTC(2020, 0, 10, 14, 33));
    expect(parseFeedDate('Thu, 01 Jan 2004')).to.equal(Date.UTC(2004, 0, 1));
  });

  it('leaves what it cannot read unread instead of guessing', () => {
    for (const text of [
      '',
      'gisteren',
      '31 Foo 2026',
      '30 Feb 2026',
      '2026-13-01',
      'Fri, 27 Nov 2026 12:00:00 XYZ',
      '12:00',
      `${'1'.repeat(10_000)}`,
    ]) {
      expect(parseFeedDate(text), text).to.be.NaN;
    }
  });
});
