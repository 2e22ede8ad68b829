import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../../src/define.js';
import type { LiveTicker } from '../../../src/elements/live-ticker/live-ticker.js';
import type { TickerItemInput } from '../../../src/model.js';
import { parseFeedDocument } from '../../../src/parsers/feed-document.js';
import { control, feedUrl, inItem, itemTexts, settled, stats, uniqueChannel, useSourceBlock } from '../../helpers.js';

const T = Date.UTC(2026, 10, 27, 12, 0, 20);
const item = (id: string, minutesAgo: number, extra: Partial<TickerItemInput> = {}): TickerItemInput => ({
  id,
  published: T - minutesAgo * 60_000,
  text: `BRUSSEL (ANP) - Bericht ${id}`,
  ...extra,
});

const entries = (ticker: LiveTicker) => [...ticker.shadowRoot!.querySelectorAll<HTMLElement>('[part~="list"] > [part~="entry"]')];
const itemsOf = (ticker: LiveTicker) => [...ticker.shadowRoot!.querySelectorAll<HTMLElement>('[part~="list"] [part~="item"]')];
const announcer = (ticker: LiveTicker) => ticker.shadowRoot!.querySelector('[role="status"]')!.textContent!.replace('\u200b', '');
const lineHeight = (element: Element) => parseFloat(getComputedStyle(element).lineHeight);

describe('editorial meaning', () => {
  const block = useSourceBlock(sinon, T);
  const mount = (attributes: Record<string, unknown> = {}, items: TickerItemInput[] = []) => block.mount(items, attributes);

  describe('headlines', () => {
    const LIVE_BLOG = Array.from({ length: 300 }, (_, i) => ['Het', 'kabinet', 'heeft', 'vandaag', 'besloten'][i % 5]).join(' ');

    it('shows a title as the headline, the link, with its text as a summary clamped to two lines', async () => {
      const ticker = await mount({}, [item('a', 3, { title: 'Kabinet neemt besluit', text: LIVE_BLOG, url: 'https://example.org/a' })]);
      const [element] = itemsOf(ticker);
      const link = inItem(element!, 'link')!;
      expect(link.querySelector('[part="headline"]')!.textContent).to.equal('Kabinet neemt besluit');
      expect(link.textContent).not.to.contain('besloten');
      const summary = inItem(element!, 'summary')!;
      expect(summary.textContent).to.contain('besloten');
      expect(summary.getBoundingClientRect().height, 'two lines').to.be.at.most(2 * lineHeight(summary) + 1);
      expect(summary.scrollHeight, 'the rest is cut off').to.be.greaterThan(summary.clientHeight);
    });

    it('keeps every item within a few lines in a phone-width column, whatever the feed sends', async () => {
      const endless = 'Woord '.repeat(400);
      const ticker = await mount({}, [
        item('titled', 1, { title: 'Kop '.repeat(600), text: endless }),
        item('wire', 2, { text: `DOHA (ANP) - ${endless}` }),
      ]);
      const [titled, wire] = itemsOf(ticker);
      const headline = inItem(titled!, 'body')!;
      expect(headline.getBoundingClientRect().height, 'a headline: three lines').to.be.at.most(3 * lineHeight(headline) + 1);
      const text = inItem(wire!, 'body')!;
      expect(text.getBoundingClientRect().height, 'a wire text: twelve lines').to.be.at.most(12 * lineHeight(text) + 1);
      expect(text.scrollHeight).to.be.greaterThan(text.clientHeight);
    });

    it("shows a newspaper's RSS item as its headline and a two-line summary, not its whole description", async () => {
      // As a national newspaper's RSS writes a live blog: an HTML description of hundreds of words.
      const paragraphs = Array.from({ length: 12 }, (_, i) => `<p>Update ${i + 1}: ${'de onderhandelingen gaan door en '.repeat(8)}</p>`);
      const rss = `<?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/"><channel>
          <title>Wereld | De Krant</title><link>https://www.example.org/wereld</link>
          <item>
            <title>Oekraïne en Rusland praten opnieuw – live</title>
            <link>https://www.example.org/wereld/live/oekraine</link>
            <description>${paragraphs.join('').replace(/</g, '&lt;')}</description>
            <category domain="https://www.example.org/wereld/oekraine">Oekraïne</category>
            <category domain="https://www.example.org/wereld">Wereld</category>
            <pubDate>Fri, 27 Nov 2026 11:50:00 GMT</pubDate>
            <guid>https://www.example.org/wereld/live/oekraine</guid>
            <dc:creator>Redactie buitenland</dc:creator>
            <media:content width="140" url="https://i.example.org/oekraine.jpg"/>
          </item>
        </channel></rss>`;
      const { items } = parseFeedDocument(rss, { source: 'krant' });
      const ticker = await mount({ filter: 'tag:wereld' });
      block.source.next({ kind: 'snapshot', items: items.map((parsed) => ({ ...parsed })) });
      await settled(ticker);
      const [element] = itemsOf(ticker);
      expect(inItem(element!, 'link')!.textContent!.trim()).to.equal('Oekraïne en Rusland praten opnieuw – live');
      expect(inItem(element!, 'link')!.getAttribute('href')).to.equal('https://www.example.org/wereld/live/oekraine');
      const summary = inItem(element!, 'summary')!;
      expect(summary.textContent).to.contain('Update 1: de onderhandelingen');
      expect(summary.getBoundingClientRect().height).to.be.at.most(2 * lineHeight(summary) + 1);
      expect(element!.getBoundingClientRect().height, 'the whole item stays a few lines high').to.be.below(10 * lineHeight(summary));
    });

    it('shows headlines only with summary-lines="0", and as many lines as asked otherwise', async () => {
      const ticker = await mount({ summaryLines: 0 }, [item('a', 3, { title: 'Kop', text: LIVE_BLOG })]);
      expect(inItem(itemsOf(ticker)[0]!, 'summary')).to.equal(null);
      ticker.summaryLines = 4;
      await settled(ticker);
      const summary = inItem(itemsOf(ticker)[0]!, 'summary')!;
      const height = summary.getBoundingClientRect().height;
      expect(height).to.be.greaterThan(3 * lineHeight(summary));
      expect(height).to.be.at.most(4 * lineHeight(summary) + 1);
    });

    it('shows a wire item without a title as before: dateline and text in the link', async () => {
      const ticker = await mount({}, [item('a', 3, { url: 'https://example.org/a' })]);
      const [element] = itemsOf(ticker);
      expect(inItem(element!, 'headline')).to.equal(null);
      expect(inItem(element!, 'summary')).to.equal(null);
      expect(inItem(element!, 'link')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('BRUSSEL (ANP) - Bericht a');
    });
  });

  describe('pinned items', () => {
    it('stays first, marked and named, after 50 newer arrivals; max-items counts it', async () => {
      const ticker = await mount({ maxItems: 5 }, [item('pin', 300, { tags: ['Pinned'] }), item('a', 20)]);
      for (let i = 0; i < 50; i++) block.source.next([item(`new-${i}`, 19 - i / 10)]);
      await settled(ticker);
      const shown = entries(ticker);
      expect(shown).to.have.length(5);
      expect(shown[0]!.getAttribute('part')!.split(' ')).to.include('pinned');
      expect(itemTexts(ticker)[0]).to.equal('BRUSSEL (ANP) - Bericht pin');
      expect(itemTexts(ticker)[1]).to.equal('BRUSSEL (ANP) - Bericht new-49');
      const pin = inItem(itemsOf(ticker)[0]!, 'pin')!;
      expect(pin.getAttribute('aria-label')).to.equal('Vastgezet');
      expect(shown.slice(1).every((entry) => !entry.getAttribute('part')!.includes('pinned'))).to.equal(true);
    });

    it('pins one item per block: the newest pinned one; pinned-tags chooses the tags', async () => {
      const ticker = await mount({}, [
        item('old-pin', 300, { tags: ['pinned'] }),
        item('new-pin', 200, { tags: ['pinned'] }),
        item('a', 1),
      ]);
      expect(itemTexts(ticker).map((text) => text.split(' ').pop())).to.deep.equal(['new-pin', 'a', 'old-pin']);
      ticker.pinnedTags = 'uitgelicht';
      await settled(ticker);
      expect(itemTexts(ticker).map((text) => text.split(' ').pop())).to.deep.equal(['a', 'new-pin', 'old-pin']);
      expect(entries(ticker).some((entry) => entry.part.contains('pinned'))).to.equal(false);
    });

    it('pins an undated item without inventing a time for it', async () => {
      const ticker = await mount({}, [{ id: 'undated', text: 'Liveblog zonder datum', tags: ['pinned'] }, item('a', 1)]);
      expect(itemTexts(ticker)[0]).to.equal('Liveblog zonder datum');
      expect(inItem(itemsOf(ticker)[0]!, 'time')).to.equal(null);
    });
  });

  describe('parts', () => {
    it('lets the page style every part of the items the block shows through live-ticker::part()', async () => {
      const image = { url: new URL('/test/fixtures/thumbnail.svg', location.href).href, width: 80, height: 60 };
      const corrected = { title: 'Kop', url: 'https://example.org/a', tags: ['breaking', 'pinned'], image, updated: T - 60_000 };
      const ticker = await mount({ images: true, 'summary-lines': 2 }, [item('a', 20, corrected)]);
      const [shown] = itemsOf(ticker);
      const parts = ['body', 'headline', 'summary', 'breaking-marker', 'pin', 'dateline', 'text', 'link', 'time', 'updated', 'image'];
      const style = document.createElement('style');
      style.textContent = parts.map((part) => `live-ticker::part(${part}) { outline: 1px solid rgb(1, 2, 3) }`).join('\n');
      document.head.append(style);
      try {
        const unstyled = parts.filter((part) => {
          const element = inItem(shown!, part);
          return !element || getComputedStyle(element).outlineColor !== 'rgb(1, 2, 3)';
        });
        expect(unstyled, 'parts the page cannot reach').to.deep.equal([]);
      } finally {
        style.remove();
      }
    });
  });

  describe('breaking items', () => {
    it('carry a visible localised marker and the part token', async () => {
      const ticker = await mount({}, [item('b', 1, { tags: ['URGENT'] }), item('a', 2)]);
      const [breaking, plain] = itemsOf(ticker);
      expect(inItem(breaking!, 'breaking-marker')!.textContent).to.equal('Net binnen');
      expect(inItem(breaking!, 'breaking-marker')!.getBoundingClientRect().width).to.be.greaterThan(0);
      expect(entries(ticker)[0]!.part.contains('breaking')).to.equal(true);
      expect(inItem(plain!, 'breaking-marker')).to.equal(null);
      const style = document.createElement('style');
      style.textContent = 'live-ticker::part(breaking-marker) { color: rgb(1, 2, 3) }';
      document.head.append(style);
      expect(getComputedStyle(inItem(breaking!, 'breaking-marker')!).color, 'a page styles the marker through ::part()').to.equal(
        'rgb(1, 2, 3)',
      );
      style.remove();
      ticker.lang = 'de';
      await settled(ticker);
      expect(inItem(itemsOf(ticker)[0]!, 'breaking-marker')!.textContent).to.equal('Eilmeldung');
    });

    it('are announced starting with the marker word, exactly once', async () => {
      const ticker = await mount({}, [item('a', 5)]);
      block.source.next([item('news', 0, { tags: ['breaking'], title: 'Kamer debatteert vanavond' })]);
      await settled(ticker);
      const said = announcer(ticker);
      expect(said.startsWith('Net binnen: Kamer debatteert vanavond')).to.equal(true);
      expect(said.split('Net binnen').length - 1).to.equal(1);
      expect(said).to.contain('1 nieuw bericht');
    });

    it('wait behind the "new items" button while the reader is in the block, like any arrival', async () => {
      const ticker = await mount({}, [item('a', 5)]);
      const box = ticker.getBoundingClientRect();
      await sendMouse({ type: 'move', position: [Math.round(box.left + 10), Math.round(box.top + 40)] });
      const before = itemTexts(ticker);
      block.source.next([item('news', 0, { tags: ['breaking'] })]);
      await settled(ticker);
      expect(itemTexts(ticker)).to.deep.equal(before);
      expect(ticker.shadowRoot!.querySelector('[part="new-items"]')!.textContent).to.equal('1 nieuw bericht');
      expect(announcer(ticker).startsWith('Net binnen: ')).to.equal(true);
    });
  });

  describe('corrections', () => {
    const corrected = (minutesAfter: number, text = 'BRUSSEL (ANP) - Gecorrigeerd bericht') =>
      item('c', 25, { updated: T - (25 - minutesAfter) * 60_000, text });

    it('say in the page language when they were updated, and the label moves on with the clock', async () => {
      const ticker = await mount({}, [corrected(21), item('a', 30, { updated: T - 29 * 60_000 })]);
      const [correction, saved] = itemsOf(ticker);
      expect(inItem(correction!, 'updated')!.textContent).to.equal('bijgewerkt 4 minuten geleden');
      expect(inItem(saved!, 'updated'), 'a minute after publication is no correction').to.equal(null);
      block.clock.set(Math.ceil(T / 60_000) * 60_000 + 1000);
      expect(inItem(correction!, 'updated')!.textContent).to.equal('bijgewerkt 5 minuten geleden');
      expect(inItem(correction!, 'time')!.textContent).to.equal('26 minuten geleden');
    });

    it('keep their place, get a short highlight, and are announced as updated, not as new', async () => {
      const ticker = await mount({}, [item('newer', 10), item('c', 25), item('older', 40)]);
      block.source.next([corrected(24, 'BRUSSEL (ANP) - Het bericht, gecorrigeerd')]);
      await settled(ticker);
      expect(itemTexts(ticker)).to.deep.equal([
        'BRUSSEL (ANP) - Bericht newer',
        'BRUSSEL (ANP) - Het bericht, gecorrigeerd',
        'BRUSSEL (ANP) - Bericht older',
      ]);
      expect(entries(ticker)[1]!.part.contains('revised')).to.equal(true);
      expect(entries(ticker)[1]!.part.contains('fresh')).to.equal(false);
      expect(announcer(ticker)).to.equal('Bijgewerkt: Het bericht, gecorrigeerd');
      expect(inItem(itemsOf(ticker)[1]!, 'updated')!.textContent).to.equal('bijgewerkt 1 minuut geleden');
    });
  });

  describe('filters', () => {
    it('shows only the items that match any term; a filter with a mistake shows nothing and says why', async () => {
      const warn = sinon.stub(console, 'warn');
      const news = [
        item('sport', 1, { tags: ['Sport'] }),
        item('belga', 2, { text: 'LUIK (ANP/BELGA) - Bericht belga' }),
        item('doha', 3, { text: 'DOHA (ANP/AFP) - Bericht doha' }),
        item('other', 4),
      ];
      const ticker = await mount({ filter: 'tag:sport agency:belga place:doha' }, news);
      expect(itemTexts(ticker).map((text) => text.split(' ').pop())).to.deep.equal(['sport', 'belga', 'doha']);
      ticker.filter = 'rubriek:sport <img src=x onerror=alert(1)>';
      await settled(ticker);
      expect(itemTexts(ticker)).to.deep.equal([]);
      expect(warn.calledWithMatch(/filter .*"rubriek:sport".* is not tag:…, agency:… or place:…/)).to.equal(true);
      expect(ticker.shadowRoot!.querySelector('img')).to.equal(null);
    });
  });
});

describe('editorial meaning on one feed, from the demo feed server', () => {
  afterEach(() => sinon.restore());

  it('three filtered blocks of one URL open one request loop, and each fills its own max-items', async () => {
    const channel = uniqueChannel('sections');
    await control(channel, { reset: { publishEvery: 0, sections: true } });
    sinon.stub(Math, 'random').returns(0);
    const page = await fixture<HTMLElement>(html`<div lang="nl">
      <live-ticker filter="tag:buitenland" max-items="3" feed-url=${feedUrl(channel)}></live-ticker>
      <live-ticker filter="tag:sport" max-items="3" feed-url=${feedUrl(channel)}></live-ticker>
      <live-ticker filter="tag:breaking tag:urgent" max-items="3" feed-url=${feedUrl(channel)}></live-ticker>
    </div>`);
    const blocks = [...page.querySelectorAll('live-ticker')];
    await Promise.all(blocks.map((block) => (block.status === 'live' ? undefined : oneEvent(block, 'live-ticker-status'))));
    await Promise.all(blocks.map(settled));
    const [foreign = [], sport = [], breaking = []] = blocks.map((block) => itemTexts(block));
    expect(foreign).to.have.length(3);
    expect(foreign.every((text) => !/Feyenoord|Schaatsster|Kamer/.test(text))).to.equal(true);
    expect(sport).to.have.length(3);
    expect(sport[0]).to.contain('Live: het WK afstanden'); // pinned, three hours old
    expect(breaking).to.have.length(2);
    expect((await stats(channel)).requests).to.equal(1);
  });
});
