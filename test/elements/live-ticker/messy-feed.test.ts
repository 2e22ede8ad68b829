import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../../src/define.js';
import type { LiveTicker } from '../../../src/elements/live-ticker/live-ticker.js';
import { FEED_DEFAULTS } from '../../../src/sources/reconnect.js';
import { inItem, itemsIn, itemTexts, settled, useDemoChannel } from '../../helpers.js';

const T = Date.UTC(2026, 10, 27, 12, 0, 20);
const START = FEED_DEFAULTS.startJitter / 2;

/** Each item's label text, or null for an item that shows none. */
const labelsOrNone = (ticker: Element) =>
  itemsIn(ticker).map((item) => {
    const time = inItem(item, 'time');
    return time ? (time.textContent ?? '').replace(/\s+/g, ' ').trim() : null;
  });

describe('the demo server’s messy channel, read by <live-ticker>', () => {
  const feed = useDemoChannel(sinon, 'messy', T);

  it('shows every item: Windows-1252 text, local dates, undated items without a label, the cut-off item reported, not shown', async () => {
    const warn = sinon.spy(console, 'warn');
    const ticker = await fixture<LiveTicker>(
      html`<live-ticker lang="nl" feed-url=${`/feeds/${feed.channel}/messy.rss`} max-items="20"></live-ticker>`,
    );
    const live = new Promise((resolve) =>
      ticker.addEventListener(
        'live-ticker-status',
        (event) => (event as Event & { status: string }).status === 'live' && resolve(undefined),
      ),
    );
    await feed.time.tickAsync(START);
    await live;
    await settled(ticker);

    // The seed's seven items; the truncated eighth ("Afgebroken") never shows.
    const texts = itemTexts(ticker);
    expect(texts).to.have.length(7);
    expect(texts.some((text) => text.includes('Afgebroken'))).to.equal(false);
    // content:encoded under the prefix "c:", with Windows-1252 references decoded as HTML does.
    expect(texts[0]).to.match(/^DOHA \(ANP\/AFP\) - Qatar heeft 313 mensen .* “misleidende informatie” /);
    expect(texts.join(' ')).to.include('Amerikaans-Israëlische');
    // Every third item is undated: shown in its document position, with no label.
    expect(labelsOrNone(ticker)).to.deep.equal([
      '13 minuten geleden',
      '14 minuten geleden',
      null,
      '18 minuten geleden',
      '1 uur geleden',
      null,
      '1 uur geleden',
    ]);
    // Links are the RSS <link>s, never the Atom "standout" link placed before them.
    const hrefs = itemsIn(ticker).map((item) => inItem(item, 'link')?.getAttribute('href'));
    expect(hrefs.every((href) => href?.startsWith('https://www.example.org/buitenland/'))).to.equal(true);
    // One warning for the load: the cut-off item, with its reason.
    expect(warn.callCount).to.equal(1);
    expect(String(warn.firstCall.args[0])).to.match(/skipped 1 item.*the document ends inside it/);
  });
});
