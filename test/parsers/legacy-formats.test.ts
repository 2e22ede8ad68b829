import { expect } from '@open-wc/testing';
import { decodeFeedBytes } from '../../src/parsers/encoding.js';
import { parseFeedDocument } from '../../src/parsers/feed-document.js';
import { childElement, parseXml, textContent } from '../../src/parsers/xml.js';
import { FEED_DEFAULTS } from '../../src/sources/reconnect.js';
import { readDocument } from '../../src/sources/http-feed.js';
import { randomInt, seededRandom } from '../random.js';

// Documents in test/fixtures/feeds/ are written from the formats' specifications the way the CMSs
// that still serve them write them (an older Blogger install's Atom 0.3, Netscape's RSS 0.90, a
// Russian publisher's windows-1251 RSS, a Brazilian publisher's undeclared ISO-8859-1); none is
// copied from a publisher. The test runner's server sends their bytes with the Content-Type in
// `?type=` (and gzip-encoded on the wire with `?gzip`), and they are read as the block reads them.

/** A fixture over HTTP from the test runner's own server, read and parsed as a polled feed is. */
async function load(file: string, type: string, gzip = false) {
  const url = `/test/fixtures/feeds/${file}?type=${encodeURIComponent(type)}${gzip ? '&gzip' : ''}`;
  const response = await fetch(url);
  return parseFeedDocument(await readDocument(response, url, FEED_DEFAULTS.maxBytes), { baseUrl: new URL(url, location.href).href });
}

const at = (iso: string) => Date.parse(iso);

describe('formats still served: Atom 0.3', () => {
  it('reads an older Blogger install’s feed: issued and modified, inline XHTML, escaped HTML and base64 content', async () => {
    const feed = await load('atom03-blogger.xml', 'application/atom+xml');
    expect(feed.title).to.equal('Buitenlandblog');
    const [qatar, crans, wenen] = feed.items;
    expect(qatar).to.include({
      id: 'tag:blogger.com,1999:blog-1234567.post-8901',
      place: 'DOHA',
      text: 'Qatar heeft opnieuw bemiddeld tussen de strijdende partijen.',
      url: 'https://buitenland.example.org/2026/11/qatar.html',
      published: at('2026-11-27T12:47:00Z'),
      updated: at('2026-11-27T12:47:30Z'),
    });
    expect(crans).to.include({ title: 'Brand in Crans-Montana & de gevolgen', text: 'De burgemeester & de brandweer spreken <vandaag>.' });
    expect(wenen).to.include({
      place: 'WENEN',
      text: 'De directeur van het IAEA is in Teheran aangekomen. Café “Zürich” blijft open.',
      published: at('2026-11-27T10:00:00Z'),
      updated: at('2026-11-27T10:30:00Z'),
    });
    expect(feed.skipped).to.deep.equal([]);
  });

  it('takes issued, then modified, as the time, and modified as the correction', () => {
    const entry = (dates: string) =>
      parseFeedDocument(`<feed xmlns="http://purl.org/atom/ns#" version="0.3"><entry><id>1</id><title>t</title>${dates}</entry></feed>`)
        .items[0]!;
    expect(entry('<modified>2026-11-27T12:00:00Z</modified>')).to.include({ published: at('2026-11-27T12:00:00Z') });
    expect(entry('<modified>2026-11-27T13:00:00Z</modified><issued>2026-11-27T12:00:00Z</issued>')).to.include({
      published: at('2026-11-27T12:00:00Z'),
      updated: at('2026-11-27T13:00:00Z'),
    });
  });

  it('reads mode="escaped" as escaped markup and inline XML as markup, whatever the media type', () => {
    const text = (content: string) =>
      parseFeedDocument(`<feed xmlns="http://purl.org/atom/ns#"><entry><id>1</id>${content}</entry></feed>`).items[0]!.text;
    expect(text('<content type="text/html" mode="escaped">&lt;b&gt;vet&lt;/b&gt; &amp;amp; meer</content>')).to.equal('vet & meer');
    expect(text('<content type="application/xhtml+xml" mode="escaped">&lt;i&gt;schuin&lt;/i&gt;</content>')).to.equal('schuin');
    expect(
      text('<content type="application/xhtml+xml"><div xmlns="http://www.w3.org/1999/xhtml">a &lt;b&gt; <b>c</b></div></content>'),
    ).to.equal('a <b> c');
    expect(text('<summary>platte &lt;tekst&gt;</summary>')).to.equal('platte <tekst>');
  });
});

describe('formats still served: RSS 0.90', () => {
  it('reads Netscape’s RSS 0.90, whose items sit beside the channel with a title and a link only', async () => {
    const feed = await load('rss090-netscape.rdf', 'application/rdf+xml');
    expect(feed.title).to.equal('Wereldnieuws');
    expect(feed.items.map(({ id, place, text, url }) => ({ id, place, text, url }))).to.deep.equal([
      { id: 'https://wereld.example.org/qatar', place: 'DOHA', text: 'Qatar bemiddelt opnieuw', url: 'https://wereld.example.org/qatar' },
      {
        id: 'https://wereld.example.org/wenen',
        place: 'WENEN',
        text: 'IAEA-directeur in Teheran',
        url: 'https://wereld.example.org/wenen',
      },
    ]);
  });
});

describe('Dublin Core and dcterms standing in for core RSS elements', () => {
  it('takes dc:title, dc:description and dc:date, dcterms:issued or dcterms:modified where the core element is missing', async () => {
    const feed = await load('rss-dublin-core.xml', 'application/rss+xml; charset=utf-8');
    expect(feed.items.map(({ title, text, published }) => ({ title, text, published }))).to.deep.equal([
      {
        title: 'Raad stemt in met begroting',
        text: 'De gemeenteraad heeft gisteravond ingestemd met de begroting.',
        published: at('2026-11-27T11:47:00Z'),
      },
      { title: 'Nieuwe brug geopend', text: 'De nieuwe brug over de rivier is vanochtend geopend.', published: at('2026-11-27T09:15:00Z') },
      { title: 'Markt verplaatst', text: 'De weekmarkt staat tijdelijk op het plein.', published: at('2026-11-26T16:00:00Z') },
    ]);
  });

  it('never lets them displace a core element that is there', () => {
    const item =
      parseFeedDocument(`<rss xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><channel><item>
      <guid>1</guid><dc:title>DC</dc:title><title>Kerntitel</title><dc:description>DC</dc:description><description>Kerntekst</description>
      <dcterms:issued>2026-11-27T10:00:00Z</dcterms:issued><pubDate>Fri, 27 Nov 2026 12:00:00 GMT</pubDate></item></channel></rss>`)
        .items[0]!;
    expect(item).to.include({ title: 'Kerntitel', text: 'Kerntekst', published: at('2026-11-27T12:00:00Z') });
  });
});

describe('base64 content', () => {
  it('decodes Atom 1.0 content of a media type that is neither text nor XML, and reads it as written when it is not base64', async () => {
    const feed = await load('atom10-base64.xml', 'application/atom+xml');
    expect(feed.items.map((item) => item.text)).to.deep.equal([
      'Example <b>Atom</b> – “geldig”',
      'Dit is geen base64 (een verkeerd type).',
    ]);
  });

  it('leaves text and HTML media types alone, as RFC 4287 says', () => {
    const text = (content: string) =>
      parseFeedDocument(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id>${content}</entry></feed>`).items[0]!.text;
    expect(text('<content type="text/plain">SGFsbG8=</content>')).to.equal('SGFsbG8=');
    expect(text('<content type="text/html">&lt;p&gt;SGFsbG8=&lt;/p&gt;</content>')).to.equal('SGFsbG8=');
    expect(text('<content type="image/png">SGFsbG8=</content>')).to.equal('Hallo');
  });
});

describe('encodings', () => {
  it('reads a Russian publisher’s windows-1251 RSS (Userland’s namespace on <rss>), plain or gzip-encoded on the wire', async () => {
    for (const gzip of [false, true]) {
      const feed = await load('windows-1251-userland.rss', 'text/xml', gzip);
      expect(feed.title).to.equal('Новости мира');
      expect(feed.items.map((item) => item.title)).to.deep.equal(['Катар снова выступил посредником', 'Глава МАГАТЭ прибыл в Тегеран']);
      expect(feed.items[1]!.text).to.equal('ВЕНА, 27 ноября. Генеральный директор МАГАТЭ прибыл в Тегеран «для переговоров».');
      expect(feed.items[0]!.published).to.equal(at('2026-11-27T12:47:00Z'));
    }
  });

  it('reads an undeclared document that is not UTF-8 as Windows-1252, as feed readers do', async () => {
    const feed = await load('latin1-undeclared.rss', 'text/xml');
    expect(feed.title).to.equal('Notícias');
    expect(feed.items[0]).to.include({
      title: 'Líder do governo anuncia intenção de votar',
      text: 'O líder afirmou a intenção de votar a proposta ainda esta semana; a oposição não comentou.',
      published: at('2026-11-27T12:47:00Z'),
    });
  });

  it('keeps an undeclared document that is UTF-8 as UTF-8, and a declared one as declared even where it does not fit', () => {
    const utf8 = new TextEncoder().encode('<a>Líder “€”</a>');
    expect(decodeFeedBytes(utf8)).to.equal('<a>Líder “€”</a>');
    expect(decodeFeedBytes(Uint8Array.from([0x3c, 0x61, 0x3e, 0xed, 0x3c]), 'text/xml; charset=utf-8')).to.equal('<a>\ufffd<');
  });

  // Every encoding the Encoding Standard names, by one of its labels: as the engine's TextDecoder reads it,
  // through the Content-Type's charset and through the XML declaration (UTF-16 cannot be declared in ASCII).
  const ENCODINGS = [
    'utf-8',
    'ibm866',
    'iso-8859-2',
    'iso-8859-3',
    'iso-8859-4',
    'iso-8859-5',
    'iso-8859-6',
    'iso-8859-7',
    'iso-8859-8',
    'iso-8859-8-i',
    'iso-8859-10',
    'iso-8859-13',
    'iso-8859-14',
    'iso-8859-15',
    'iso-8859-16',
    'koi8-r',
    'koi8-u',
    'macintosh',
    'windows-874',
    'windows-1250',
    'windows-1251',
    'windows-1252',
    'windows-1253',
    'windows-1254',
    'windows-1255',
    'windows-1256',
    'windows-1257',
    'windows-1258',
    'x-mac-cyrillic',
    'gbk',
    'gb18030',
    'big5',
    'euc-jp',
    'iso-2022-jp',
    'shift_jis',
    'euc-kr',
    'utf-16be',
    'utf-16le',
  ];

  it('decodes every encoding of the Encoding Standard as the browser does, by charset and by declaration', () => {
    const random = seededRandom(1251);
    for (const label of ENCODINGS) {
      // Random high bytes between ASCII markup; whatever the encoding makes of them, ours must make the same.
      const body = Array.from({ length: 40 }, () => 0x80 + randomInt(random, 128));
      const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));
      const utf16 = label.startsWith('utf-16');
      const bytes = Uint8Array.from(
        utf16
          ? [...new Uint8Array(new Uint16Array([...'<a>é</a>'].map((char) => char.charCodeAt(0))).buffer)]
          : [...ascii('<a>'), ...body, ...ascii('</a>')],
      );
      const expected = new TextDecoder(label).decode(bytes);
      expect(decodeFeedBytes(bytes, `application/xml; charset=${label}`), label).to.equal(expected);
      if (utf16) continue;
      const declared = Uint8Array.from([...ascii(`<?xml version="1.0" encoding="${label}"?>`), ...bytes]);
      expect(decodeFeedBytes(declared, 'application/xml'), `${label} declared`).to.equal(new TextDecoder(label).decode(declared));
    }
  });
});

describe('entities declared in an internal DTD subset', () => {
  it('expands the document’s own entities, first declaration first, and reads no parameter or external one', async () => {
    const feed = await load('rss-internal-dtd.xml', 'application/rss+xml');
    // `% params` declares a parameter entity: no general entity of that name is read from it.
    expect(feed.title).to.equal('Buitenland — Redactie & ANP &params;');
    expect(feed.items.map(({ id, place, text, url }) => ({ id, place, text, url }))).to.deep.equal([
      {
        id: 'tag:buitenland.example.org,2026:qatar',
        place: 'DOHA',
        text: 'Qatar bemiddelt opnieuw…',
        url: 'https://buitenland.example.org/qatar',
      },
      {
        id: 'tag:buitenland.example.org,2026:wenen',
        place: 'WENEN',
        text: 'IAEA-directeur in Teheran &extern;',
        url: 'https://buitenland.example.org/wenen',
      },
    ]);
  });

  const withSubset = (doctype: string, body: string) => `<!DOCTYPE rss [${doctype}]><rss><channel><title>${body}</title></channel></rss>`;
  const title = (doctype: string, body: string) =>
    textContent(childElement(childElement(parseXml(withSubset(doctype, body)), '', 'channel')!, '', 'title'));

  it('expands an entity inside another as it was declared, and leaves a later or unknown one as written', () => {
    expect(title('<!ENTITY a "A"><!ENTITY b "[&a;&a;&later;]"><!ENTITY later "L">', '&b;&later;&nope;')).to.equal('[AA&later;]L&nope;');
    // XML names, not only HTML's: a first underscore or colon, dots and hyphens.
    expect(title('<!ENTITY _site.url-1 "https://example.org"><!ENTITY dc:x "y">', '&_site.url-1;/&dc:x;')).to.equal(
      'https://example.org/y',
    );
    expect(title(`<!ENTITY q '"'><!ENTITY lt2 "&#60;b&#62;">`, '&q;&lt2;')).to.equal('"<b>');
  });

  it('keeps HTML’s meaning for its own names, so XML’s twice-escaped lt and amp read as they should', async () => {
    const feed = parseFeedDocument(
      `<!DOCTYPE rss [<!ENTITY lt "&#38;#60;"><!ENTITY amp "&#38;#38;">]><rss version="2.0"><channel><title>t</title>` +
        `<item><guid>1</guid><description>&lt;p&gt;Hi &amp; bye&lt;/p&gt;</description><link>https://x.example/?a=1&amp;b=2</link></item></channel></rss>`,
    );
    expect(feed.items[0]).to.include({ text: 'Hi & bye', url: 'https://x.example/?a=1&b=2' });
  });

  it('expands a smaller entity after a larger one no longer fits the budget', () => {
    const subset = `<!ENTITY big "${'x'.repeat(400)}"><!ENTITY s "S">`;
    expect(title(subset, '&s;&big;&big;&big;&s;')).to.equal(`S${'x'.repeat(400)}&big;&big;S`);
  });

  it('survives a billion laughs: the expansions add no more than the document’s length, references past that stay as written', () => {
    const levels = Array.from({ length: 9 }, (_, n) => `<!ENTITY lol${n + 1} "${`&lol${n};`.repeat(10)}">`).join('');
    const bomb = `<!ENTITY lol0 "lol">${levels}`;
    const text = title(bomb, '&lol9;');
    expect(text.length).to.be.below(bomb.length);
    // The budget runs out a few levels down: the levels above hold their references as written.
    expect(text).to.match(/^(&lol\d;)+$/);
    // Used, not declared, past the budget: the first expansions are shown, the rest stay as written.
    const used = title('<!ENTITY ten "0123456789">', '&ten;'.repeat(100));
    expect(used).to.match(/^(0123456789)+(&ten;)+$/);
    const expanded = used.replaceAll('&ten;', '').length;
    expect(expanded)
      .to.be.above(100)
      .and.at.most(withSubset('<!ENTITY ten "0123456789">', '&ten;'.repeat(100)).length);
  });

  it('keeps what a hostile subset expands to bounded (the parse bench measures its time)', () => {
    // Unclosed values, and declarations that each expand the one before to its limit.
    const unclosed = '<!ENTITY a "'.repeat(100_000);
    const doubling = Array.from({ length: 2_000 }, (_, n) => `<!ENTITY e${n + 1} "&e${n};&e${n};">`).join('');
    for (const subset of [unclosed, `<!ENTITY e0 "${'x'.repeat(1_000)}">${doubling}`]) {
      const root = parseXml(`<!DOCTYPE rss [${subset}]><rss>&e2000;&a;</rss>`);
      expect(textContent(root).length).to.be.at.most(2 * (subset.length + 40));
    }
  });
});

describe('what is still refused says what the document is and why, in one line', () => {
  const refusal = (body: string) => {
    try {
      parseFeedDocument(body);
    } catch (error) {
      return (error as Error).message;
    }
    return 'accepted';
  };

  it('names the root and the formats it is not', () => {
    expect(refusal('<!doctype html><html><body>Niet gevonden</body></html>')).to.equal('not a feed: <html> is not RSS or Atom');
    expect(refusal('<feed xmlns="urn:example:other"><entry/></feed>')).to.equal('not a feed: <feed> is not RSS or Atom');
    expect(refusal('<rss version="2.0"><item/></rss>')).to.equal('not an RSS feed: no <channel>');
    for (const body of ['', '<', '{"items": [', 'Service Unavailable', '<rss><channel>'.slice(0, 3)])
      expect(refusal(body)).not.to.contain('\n');
  });

  it('reads <rss> in a namespace of its own, as some CMSs write it', () => {
    for (const ns of ['http://backend.userland.com/rss2', 'http://blogs.law.harvard.edu/tech/rss']) {
      expect(
        parseFeedDocument(`<rss xmlns="${ns}"><channel><item><guid>1</guid><title>t</title></item></channel></rss>`).items,
      ).to.have.length(1);
    }
  });
});
