import { expect } from '@open-wc/testing';
import type { TickerItem } from '../../src/model.js';
import { parseFeedDate } from '../../src/parsers/date.js';
import { parseFeedDocument } from '../../src/parsers/feed-document.js';
import { htmlToText } from '../../src/parsers/html-text.js';
import { FeedParseError, type ParsedFeed } from '../../src/parsers/parsed-feed.js';
import { seededRandom } from '../random.js';

// Property tests: thousands of generated feeds — real-looking, then truncated, corrupted or random —
// each must end with items that keep the model's promises, or with a FeedParseError. A fixed seed
// makes every run the same documents; a failure prints the seed and the document.

const random = seededRandom;

type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
const int = (rng: Rng, max: number) => Math.floor(rng() * max);

const WORDS = [
  'DOHA (ANP/AFP) -',
  'Qatar',
  'heeft',
  'café',
  'Zürich',
  '“quote”',
  'don&#146;t',
  '&amp;',
  '&lt;b&gt;',
  '&hellip;',
  '&alpha;',
  '&bogus;',
  '€5',
  '😀',
  'العربية',
  'עברית',
  '<b>vet</b>',
  '<p>',
  '</p>',
  '<br / >',
  '<a href="javascript:alert(1)">x</a>',
  '<script>alert(1)</script>',
  '\u0000',
  '\u0085',
];
const DATES = [
  'Fri, 27 Nov 2026 12:00:00 GMT',
  'Seg, 24 Set 2018 19:42:40 -0300',
  'di, 03 mrt 2026',
  '2026-11-27T12:00:00Z',
  '2020/1/10 14:33:00',
  'gisteren',
  '',
  '32 Jan 2026',
  'Thu, 01 Jan 2004 PT',
];
const LINKS = [
  'https://example.org/a',
  '/relative',
  'javascript:alert(1)',
  'data:text/html,x',
  'mailto:x@example.org',
  '',
  'https://example.org/a?b=1&amp;c=2',
];

const sentence = (rng: Rng, words = WORDS) => Array.from({ length: 1 + int(rng, 8) }, () => pick(rng, words)).join(' ');
const escape = (text: string) =>
  text
    .replace(/&(?!#?\w+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
const maybe = (rng: Rng, text: string) => (rng() < 0.7 ? text : '');

function rssItem(rng: Rng, n: number): string {
  const description = rng() < 0.5 ? `<![CDATA[${sentence(rng)}]]>` : escape(sentence(rng));
  return `<item>${maybe(rng, '<atom:link rel="standout" href="https://elsewhere.example/x"/>')}${maybe(rng, `<title>${escape(sentence(rng))}</title>`)}${maybe(rng, `<link>${pick(rng, LINKS)}</link>`)}${maybe(rng, `<guid isPermaLink="${pick(rng, ['true', 'false'])}">g${n}</guid>`)}<description>${description}</description>${maybe(rng, `<pubDate>${pick(rng, DATES)}</pubDate>`)}${maybe(rng, `<dc:date>${pick(rng, DATES)}</dc:date>`)}</item>`;
}

function atomEntry(rng: Rng, n: number): string {
  const type = pick(rng, ['text', 'html', 'xhtml']);
  const body =
    type === 'xhtml' ? `<div xmlns="http://www.w3.org/1999/xhtml">${escape(sentence(rng))}<b>x</b></div>` : escape(sentence(rng));
  return `<entry>${maybe(rng, `<id>urn:${n}</id>`)}<title type="text">${escape(sentence(rng))}</title>${maybe(rng, `<link rel="${pick(rng, ['alternate', 'enclosure'])}" href="${pick(rng, LINKS)}"/>`)}<content type="${type}">${body}</content>${maybe(rng, `<updated>${pick(rng, DATES)}</updated>`)}</entry>`;
}

function feed(rng: Rng): string {
  const count = int(rng, 8);
  switch (int(rng, 4)) {
    case 0:
      return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>${escape(sentence(rng))}</title><link>https://example.org/</link>${Array.from({ length: count }, (_, i) => rssItem(rng, i)).join('\n')}</channel></rss>`;
    case 1:
      return `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://example.org/base/"><title>t</title>${Array.from({ length: count }, (_, i) => atomEntry(rng, i)).join('\n')}</feed>`;
    case 2:
      return `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>r</title></channel>${Array.from({ length: count }, (_, i) => `<item rdf:about="https://example.org/${i}"><title>${escape(sentence(rng))}</title><dc:date>${pick(rng, DATES)}</dc:date></item>`).join('')}</rdf:RDF>`;
    default:
      return JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        items: Array.from({ length: count }, (_, i) =>
          pick(rng, [
            { id: `j${i}`, content_text: sentence(rng), date_published: pick(rng, DATES), url: pick(rng, LINKS) },
            { content_html: sentence(rng) },
            { id: i, title: sentence(rng), date_modified: pick(rng, DATES) },
            null,
            [sentence(rng)],
          ]),
        ),
      });
  }
}

const NOISE = [
  '<',
  '>',
  '&',
  '"',
  "'",
  '/',
  '=',
  '!',
  '[',
  ']',
  '?',
  '-',
  ' ',
  '\n',
  'a',
  ':',
  ';',
  '#',
  '<!--',
  ']]>',
  '<![CDATA[',
  '</item>',
  '<item>',
  '\u0000',
  '\uFEFF',
  '{',
  '}',
];

function mutate(rng: Rng, text: string): string {
  switch (int(rng, 4)) {
    case 0: // truncated, as by a dropped connection or a size cap
      return text.slice(0, int(rng, text.length + 1));
    case 1: {
      // corrupted characters
      const chars = [...text];
      for (let i = 0; i < 1 + int(rng, 10); i++) chars[int(rng, chars.length)] = pick(rng, NOISE);
      return chars.join('');
    }
    case 2: {
      // a block duplicated or dropped
      const a = int(rng, text.length);
      const b = a + int(rng, 200);
      return rng() < 0.5 ? text.slice(0, b) + text.slice(a) : text.slice(0, a) + text.slice(b);
    }
    default: // noise
      return Array.from({ length: int(rng, 400) }, () => pick(rng, NOISE)).join('');
  }
}

/** The first promise of the model an item breaks, whatever the input; undefined when it keeps them all. */
function brokenPromise(item: TickerItem): string | undefined {
  if (typeof item.id !== 'string' || item.id === '') return 'an empty id';
  if (typeof item.text !== 'string' || item.text === '') return 'an empty text';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(item.text)) return 'a control character in the text';
  if (item.published === undefined ? typeof item.sortTime !== 'number' : !Number.isFinite(item.published) || item.sortTime !== undefined)
    return 'a bad published/sortTime pair';
  if (item.url !== undefined && !/^https?:\/\//.test(item.url)) return 'a non-http(s) link';
  return undefined;
}

function outcome(text: string): ParsedFeed | FeedParseError {
  try {
    return parseFeedDocument(text, { baseUrl: 'https://example.org/feed' });
  } catch (error) {
    if (error instanceof FeedParseError) return error;
    throw error;
  }
}

describe('parser properties over generated feeds', function () {
  // Thousands of documents on a machine shared by many test runs: generous, since only the outcomes count.
  this.timeout(180_000);

  it('ends every one of 4000 generated, truncated, corrupted and random documents with items or a FeedParseError', () => {
    const seed = 20261127;
    const rng = random(seed);
    let withItems = 0;
    let errors = 0;
    for (let n = 0; n < 4000; n++) {
      const original = feed(rng);
      const text = n % 4 === 0 ? original : mutate(rng, original);
      try {
        const result = outcome(text);
        if (result instanceof FeedParseError) {
          if (!result.message) throw new Error('a FeedParseError without a message');
          errors++;
        } else {
          for (const item of result.items) {
            const broken = brokenPromise(item);
            if (broken) throw new Error(`${broken}: ${JSON.stringify(item)}`);
          }
          if (result.items.length > 0) withItems++;
        }
      } catch (error) {
        throw new Error(`seed ${seed}, document ${n}: ${(error as Error).message}\n${text.slice(0, 2000)}`);
      }
    }
    // The generator must really produce both outcomes, or the test proves nothing.
    expect(withItems).to.be.above(1000);
    expect(errors).to.be.above(100);
  });

  it('keeps every item closed before a cut, in order, and none the whole document does not have', () => {
    const rng = random(7);
    let closedItemsChecked = 0;
    for (let n = 0; n < 40; n++) {
      let full = feed(rng);
      if (full.startsWith('{')) full = feed(rng);
      const complete = outcome(full);
      if (complete instanceof FeedParseError) continue;
      const all = complete.items.map((item) => item.id);
      // Where each item element closes, and the document's own closing tags after the last one.
      const closes = [...full.matchAll(/<\/(?:item|entry)>/g)].map((match) => match.index + match[0].length);
      const suffix = full.includes('<rss') ? '</channel></rss>' : full.includes('<feed') ? '</feed>' : '</rdf:RDF>';
      // What the document with only its first k items, closed properly, holds: the oracle for a cut after the k-th.
      const firstItems = [
        [],
        ...closes.map((end) => {
          const whole = outcome(full.slice(0, end) + suffix);
          return whole instanceof FeedParseError ? [] : whole.items.map((item) => item.id);
        }),
      ];
      for (let cut = 0; cut <= full.length; cut += 1 + int(rng, 7)) {
        const closed = firstItems[closes.filter((end) => end <= cut).length]!;
        const result = outcome(full.slice(0, cut));
        if (result instanceof FeedParseError) {
          expect(closed, `document ${n} cut at ${cut}: refused although items were complete`).to.deep.equal([]);
          continue;
        }
        const kept = result.items.map((item) => item.id);
        expect(kept.slice(0, closed.length), `document ${n} cut at ${cut}: the items closed before the cut`).to.deep.equal(closed);
        expect(kept, `document ${n} cut at ${cut}: nothing the whole document lacks`).to.deep.equal(all.slice(0, kept.length));
        closedItemsChecked += closed.length;
      }
    }
    expect(closedItemsChecked, 'the cuts fell after complete items often enough to prove something').to.be.above(500);
  });

  it('reduces generated HTML to text without its tags', () => {
    const rng = random(99);
    // Escaped markup ("&lt;b&gt;") is text and rightly reads "<b>"; leave it out here.
    const words = WORDS.filter((word) => !word.includes('&lt;'));
    for (let n = 0; n < 2000; n++) {
      const html = mutate(rng, sentence(rng, words));
      if (html.includes('<![CDATA[')) continue; // CDATA in HTML is text too
      const text = htmlToText(html);
      expect(text).not.to.match(/<(script|p|b|br)\b/i);
      expect(text).to.equal(text.trim());
    }
  });

  it('reads every generated RFC 822 and ISO 8601 date back to the instant it was written from', () => {
    const rng = random(3);
    const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    for (let n = 0; n < 2000; n++) {
      const date = new Date(Date.UTC(1970 + int(rng, 120), 0, 1) + int(rng, 365 * 86_400) * 1000);
      const offset = (int(rng, 27) - 12) * 60 + pick(rng, [0, 30, 45]) * (rng() < 0.5 ? -1 : 1);
      const local = new Date(date.getTime() + offset * 60_000);
      const pad = (value: number, width = 2) => String(Math.abs(value)).padStart(width, '0');
      const zone = `${offset < 0 ? '-' : '+'}${pad(Math.trunc(offset / 60))}${pad(offset % 60)}`;
      const rfc = `${days[local.getUTCDay()]}, ${pad(local.getUTCDate())} ${months[local.getUTCMonth()]} ${pad(local.getUTCFullYear(), 4)} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())} ${zone}`;
      expect(parseFeedDate(rfc), rfc).to.equal(date.getTime());
      const iso = `${local.toISOString().slice(0, 19)}${zone.slice(0, 3)}:${zone.slice(3)}`;
      expect(parseFeedDate(iso), iso).to.equal(date.getTime());
    }
  });
});
