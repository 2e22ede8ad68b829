import { expect } from '@open-wc/testing';
import { cspLines, parseFeedUrls, serverItems, snippet, type EmbedChoices } from '../../demo/embed-snippet.js';
import type { TickerItem } from '../../src/model.js';
import { seededRandom } from '../random.js';

const choices: EmbedChoices = {
  feedUrls: ['https://news.example/feed.json'],
  heading: 'Meer uit Buitenland',
  lang: 'nl',
  layout: 'list',
  theme: '',
  density: '',
  maxItems: 7,
  filter: '',
  pinnedTags: 'pinned',
  breakingTags: 'breaking urgent',
  summaryLines: 2,
  images: false,
  scriptUrl: 'https://cdn.example/live-ticker.js',
};

const generator = seededRandom;

const ALPHABET = [
  '<',
  '>',
  '&',
  '"',
  "'",
  '=',
  '/',
  ' ',
  '\n',
  'a',
  'Z',
  '-',
  '!',
  '`',
  'é',
  '漢',
  '😀',
  '&amp;',
  '<script>',
  '</live-ticker>',
  '<!--',
  '-->',
];
const hostileText = (random: () => number) =>
  Array.from({ length: Math.floor(random() * 24) }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]).join('');

describe('the embed builder snippet', () => {
  it('writes the script tag and the element with the chosen attributes', () => {
    expect(snippet({ ...choices, layout: 'marquee', theme: 'dark', density: 'compact' })).to.equal(
      '<script src="https://cdn.example/live-ticker.js" async></script>\n' +
        '<live-ticker lang="nl" heading="Meer uit Buitenland" feed-url="https://news.example/feed.json" layout="marquee" theme="dark" density="compact" max-items="7"></live-ticker>\n',
    );
  });

  it('writes filter, summary lines and pinned and breaking tags only when they differ from the defaults', () => {
    expect(
      snippet({ ...choices, filter: '  tag:sport   place:"DEN HAAG" ', pinnedTags: ' pinned ', breakingTags: 'breaking  urgent' }),
    ).to.contain(
      ' feed-url="https://news.example/feed.json" filter="tag:sport place:&#34;DEN HAAG&#34;" layout="list" max-items="7"></live-ticker>',
    );
    expect(snippet({ ...choices, summaryLines: 0, pinnedTags: 'uitgelicht', breakingTags: 'spoed' })).to.contain(
      ' max-items="7" summary-lines="0" pinned-tags="uitgelicht" breaking-tags="spoed"></live-ticker>',
    );
  });

  it('writes `images` as a bare attribute, and the CSP lines then allow pictures', () => {
    expect(snippet({ ...choices, images: true })).to.contain(' max-items="7" images></live-ticker>');
    expect(cspLines({ ...choices, images: true })).to.include('img-src https:');
    expect(cspLines({ ...choices, feedUrls: ['http://127.0.0.1:5173/feed.json'], images: true })).to.include(
      'img-src https: http://127.0.0.1:5173',
    );
    expect(cspLines(choices).some((line) => line.startsWith('img-src'))).to.equal(false);
  });

  it('writes in only the items the filter shows', () => {
    const items: TickerItem[] = [
      { id: 'a', published: 2, agencies: [], text: 'sport', tags: ['Sport'] },
      { id: 'b', published: 1, agencies: [], text: 'other' },
    ];
    expect(serverItems(items, { lang: 'nl', maxItems: 5, filter: 'tag:sport' }, 3).map((item) => item.id)).to.deep.equal(['a']);
  });

  it('marks right-to-left languages, and leaves the language to the page when none is chosen', () => {
    expect(snippet({ ...choices, lang: 'ar' })).to.contain('<live-ticker lang="ar" dir="rtl" ');
    expect(snippet({ ...choices, lang: '' })).to.contain('<live-ticker heading=');
  });

  it('keeps any typed heading, item text, id and link as text: parsed back, they are exactly what was typed (1000 generated cases)', () => {
    const random = generator(15);
    for (let run = 0; run < 1000; run++) {
      const heading = hostileText(random);
      const item = {
        id: hostileText(random) || 'x',
        datetime: '2026-11-27T12:00:00.000Z',
        href: `https://a.example/${hostileText(random)}`,
        text: hostileText(random),
        label: hostileText(random),
      };
      const html = snippet({ ...choices, heading }, [item]);
      const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
      const block = doc.body.querySelector('live-ticker')!;
      const children = [...doc.body.querySelectorAll('*')].map((element) => element.localName);
      expect(children, html).to.deep.equal(['script', 'live-ticker', 'live-ticker-item', 'live-ticker-time']);
      expect(block.getAttribute('heading'), html).to.equal(heading.trim() || null);
      const child = block.querySelector('live-ticker-item')!;
      expect(child.getAttribute('item-id')).to.equal(item.id);
      expect(child.getAttribute('href')).to.equal(item.href);
      expect(child.firstChild!.textContent).to.equal(`${item.text}\n    `);
      expect(child.querySelector('live-ticker-time')!.textContent).to.equal(item.label);
    }
  });

  it('server-renders the newest items with the dateline and the label they read now', () => {
    const now = Date.parse('2026-11-27T12:00:20Z');
    const items: TickerItem[] = [
      {
        id: 'a',
        published: now - 13 * 60_000,
        place: 'DOHA',
        agencies: ['ANP', 'AFP'],
        text: 'Qatar heeft',
        url: 'https://news.example/a',
      },
      { id: 'b', published: now - 61 * 60_000, agencies: [], text: 'Zonder dateline' },
    ];
    expect(serverItems(items, { lang: 'nl', maxItems: 1 }, now)).to.deep.equal([
      {
        id: 'a',
        datetime: new Date(items[0]!.published!).toISOString(),
        href: 'https://news.example/a',
        text: 'DOHA (ANP/AFP) - Qatar heeft',
        label: '13 minuten geleden',
      },
    ]);
    expect(serverItems(items, { lang: 'en', maxItems: 5 }, now).map((item) => [item.text, item.label])).to.deep.equal([
      ['DOHA (ANP/AFP) - Qatar heeft', '13 minutes ago'],
      ['Zonder dateline', '1 hour ago'],
    ]);
  });

  it('renders an undated item without a time or a label', () => {
    const undated: TickerItem[] = [{ id: 'u', agencies: [], text: 'Zonder datum', sortTime: 0 }];
    const [item] = serverItems(undated, { lang: 'nl', maxItems: 5 }, Date.UTC(2026, 10, 27, 12));
    expect(item).to.deep.equal({ id: 'u', href: undefined, text: 'Zonder datum' });
    const html = snippet(choices, [item!]);
    expect(html).to.include('<live-ticker-item item-id="u">Zonder datum\n  </live-ticker-item>');
    expect(html).not.to.include('<live-ticker-time');
  });

  it('accepts http(s) and ws(s) feed URLs, made absolute; refuses others with a reason', () => {
    expect(
      parseFeedUrls(' /feeds/a/feed.json  wss://hub.example/x /feeds/a/feed.json ', 'http://127.0.0.1:5173/demo/builder.html'),
    ).to.deep.equal({
      urls: ['http://127.0.0.1:5173/feeds/a/feed.json', 'wss://hub.example/x'],
    });
    expect(parseFeedUrls('javascript:alert(1)', 'http://x.example/')).to.deep.equal({
      error: '"javascript:alert(1)" is not an http(s) or ws(s) address.',
    });
    expect(parseFeedUrls('http://[::1', 'http://x.example/')).to.deep.equal({ error: '"http://[::1" is not a URL.' });
    expect(parseFeedUrls('   ', 'http://x.example/')).to.deep.equal({ error: 'Enter the address of a feed.' });
  });

  it('lists the CSP sources the page needs: the script origin, each feed origin once, and Lit’s Trusted Types policy', () => {
    expect(
      cspLines({ ...choices, feedUrls: ['https://news.example/a.json', 'https://news.example/b.rss', 'wss://hub.example/live'] }),
    ).to.deep.equal([
      'script-src https://cdn.example',
      'connect-src https://news.example wss://hub.example',
      "trusted-types lit-html 'allow-duplicates'",
    ]);
  });
});
