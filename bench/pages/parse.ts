// Parse time per KB: a normal feed against adversarial inputs of the same sizes, in one page.
import { parseFeedDocument } from '../../src/parsers/feed-document.js';

const item = (n: number) => `<item>
  <title>Bericht ${n}: Qatar heeft 313 mensen gearresteerd</title>
  <link>https://example.org/buitenland/${n}</link>
  <guid isPermaLink="false">anp-${n}</guid>
  <description>&lt;p&gt;DOHA (ANP/AFP) - Qatar heeft &lt;b&gt;313&lt;/b&gt; mensen gearresteerd voor het delen van beelden en &amp;ldquo;misleidende informatie&amp;rdquo;.&lt;/p&gt;</description>
  <pubDate>Fri, 27 Nov 2026 12:${String(n % 60).padStart(2, '0')}:00 +0100</pubDate>
</item>`;
const head = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bench</title><link>https://example.org/</link>';

/** Repeats `unit` until the document is `bytes` long, between `prefix` and `suffix`. */
const fill = (bytes: number, prefix: string, unit: (i: number) => string, suffix = '') => {
  let body = '';
  for (let i = 0; body.length + prefix.length + suffix.length < bytes; i++) body += unit(i);
  return prefix + body.slice(0, Math.max(0, bytes - prefix.length - suffix.length)) + suffix;
};

// Ten levels of ten references each: a billion "lol"s where entities are expanded without a budget.
const LAUGHS = Array.from({ length: 9 }, (_, n) => `<!ENTITY lol${n + 1} "${`&lol${n};`.repeat(10)}">`).join('');

// Each adversarial document is complete after its hostile part (except the two cut ones), so every
// path that reads item text runs over it too.
const INPUTS: Record<string, (bytes: number) => string> = {
  'normal RSS feed': (bytes) => fill(bytes, head, item, '</channel></rss>'),
  'cut inside a start tag with quoted attributes': (bytes) => fill(bytes, `${head}<item><enclosure`, (i) => ` a${i}="${i}"`),
  'tags ending in " / >"': (bytes) =>
    fill(bytes, `${head}<item><guid>1</guid><description>`, () => '<br x="1" / >', 'x</description></item></channel></rss>'),
  'HTML with unclosed quotes and tags': (bytes) =>
    fill(
      bytes,
      `${head}<item><guid>1</guid><description><![CDATA[`,
      (i) => (i % 2 ? '<a "' : "<b title='x "),
      ']]></description></item></channel></rss>',
    ),
  'unclosed tags in text': (bytes) =>
    fill(bytes, `${head}<item><guid>1</guid><title>`, () => '<abcdefgh ', '</title></item></channel></rss>'),
  'deep nesting': (bytes) => fill(bytes, `${head}<item><guid>1</guid><title>x</title>`, () => '<x>', '</item></channel></rss>'),
  'stray "<" and "&"': (bytes) =>
    fill(bytes, `${head}<item><guid>1</guid><title>`, () => '1 < 2 && &amp &#; ', '</title></item></channel></rss>'),
  'unterminated comments in HTML': (bytes) =>
    fill(bytes, `${head}<item><guid>1</guid><description><![CDATA[`, () => '<!-- <!- -- ', ']]></description></item></channel></rss>'),
  'entity storm': (bytes) =>
    fill(
      bytes,
      `${head}<item><guid>1</guid><description>`,
      (i) => (i % 2 ? '&amp;hellip;&amp;bogus;' : '&#146;&alpha;'),
      '</description></item></channel></rss>',
    ),
  'long undated items with no ids': (bytes) =>
    fill(bytes, head, (i) => `<item><title>T${i}</title><description>${'woord '.repeat(50)}</description></item>`, '</channel></rss>'),
  'stray "<" alone': (bytes) => fill(bytes, `${head}<item><guid>1</guid><title>`, () => '<', '</title></item></channel></rss>'),
  'runs of "&"': (bytes) =>
    fill(bytes, `${head}<item><guid>1</guid><title>`, () => '&&&&&&&&&&&&&&&&&#&#x&a', '</title></item></channel></rss>'),
  'empty elements "<a/>"': (bytes) =>
    fill(bytes, `${head}<item><guid>1</guid><description>`, () => '<a/>', 'x</description></item></channel></rss>'),
  'huge attribute list in one tag': (bytes) =>
    fill(
      bytes,
      `${head}<item><guid>1</guid><title>x</title><enclosure`,
      (i) => ` a${i}="${i}"`,
      ' type="image/png"/></item></channel></rss>',
    ),
  'escaped HTML, tag after tag': (bytes) =>
    fill(bytes, `${head}<item><guid>1</guid><description>`, () => '&lt;b&gt;x&lt;/b&gt; ', '</description></item></channel></rss>'),
  'HTML in CDATA, tag after tag': (bytes) =>
    fill(bytes, `${head}<item><guid>1</guid><description><![CDATA[`, () => '<b>x</b> <br>', ']]></description></item></channel></rss>'),
  'white space on every other character': (bytes) =>
    fill(bytes, `${head}<item><guid>1</guid><title>`, () => 'a\nb\tc\r\n', '</title></item></channel></rss>'),
  'unclosed CDATA with comments, PIs and quotes in it': (bytes) =>
    fill(
      bytes,
      `${head}<item><guid>1</guid><title>x</title></item><item><guid>2</guid><description><![CDATA[`,
      () => '<!-- a <x y=" <? b ',
    ),
  'nothing but unknown references "&a;"': (bytes) =>
    fill(bytes, `${head}<item><guid>1</guid><title>`, () => '&a;', '</title></item></channel></rss>'),
  'a dateline of capitals that never ends': (bytes) =>
    fill(bytes, `${head}<item><guid>1</guid><title>`, () => 'A ', '(ANP</title></item></channel></rss>'),
  'billion laughs in an internal DTD subset': (bytes) =>
    fill(
      bytes,
      `<!DOCTYPE rss [<!ENTITY lol0 "lol">${LAUGHS}]><rss version="2.0"><channel><item><guid>1</guid><title>`,
      (i) => (i % 2 ? '&lol9;' : '&lol1;'),
      '</title></item></channel></rss>',
    ),
  'entity declarations doubling the one before': (bytes) =>
    fill(
      bytes,
      '<!DOCTYPE rss [<!ENTITY e0 "0123456789">',
      (i) => `<!ENTITY e${i + 1} "&e${i};&e${i};">`,
      ']><rss version="2.0"><channel><item><guid>1</guid><title>&e20;&e40;</title></item></channel></rss>',
    ),
  'unclosed entity values': (bytes) =>
    fill(
      bytes,
      '<!DOCTYPE rss [',
      () => '<!ENTITY a "',
      ']><rss version="2.0"><channel><item><guid>1</guid><title>&a;</title></item></channel></rss>',
    ),
};

/** How many parses make a batch long enough for a coarse clock (30 ms). */
function batchSize(text: string): number {
  for (let runs = 1; ; runs *= 2) {
    const start = performance.now();
    for (let i = 0; i < runs; i++) parse(text);
    if (performance.now() - start > 30) return runs;
  }
}

/** Milliseconds per parse over one batch. */
function timeBatch(text: string, runs: number): number {
  const start = performance.now();
  for (let i = 0; i < runs; i++) parse(text);
  return (performance.now() - start) / runs;
}

function parse(text: string): void {
  try {
    parseFeedDocument(text);
  } catch {
    // a clear FeedParseError is a fine outcome here; only the time counts
  }
}

let texts: string[] = [];
let runs: number[] = [];

(window as unknown as { bench: unknown }).bench = {
  /** Makes every input at `bytes` and sizes its batches; returns the inputs' names, the normal feed first. */
  prepare(bytes: number): string[] {
    texts = [];
    texts = Object.values(INPUTS).map((make) => make(bytes));
    runs = texts.map(batchSize);
    return Object.keys(INPUTS);
  },
  /** Milliseconds per parse of input `i`, over one batch. */
  time: (i: number) => timeBatch(texts[i]!, runs[i]!),
};
