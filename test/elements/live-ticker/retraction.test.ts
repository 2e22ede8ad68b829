import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import '../../../src/define.js';
import type { LiveTicker } from '../../../src/elements/live-ticker/live-ticker.js';
import { control, itemTexts, settled, uniqueChannel } from '../../helpers.js';

const RETRACTED = 'anp-orf-directeur'; // WENEN (ANP) - De directeur van de Oostenrijkse omroep ORF …

/** Waits (checking every 20 ms, at most 5 s) until `condition` holds: for what happens in another page, which sends no event here. */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > 5000) throw new Error(`not within 5 s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function live(block: LiveTicker): Promise<void> {
  while (block.status !== 'live') await oneEvent(block, 'live-ticker-status');
  await settled(block);
}

describe('retractions leave the browser', () => {
  afterEach(() => {
    sinon.restore();
    localStorage.clear();
  });

  it('a deletion reaches a second tab, and neither the item nor its server-rendered copy comes back on reload', async () => {
    const channel = uniqueChannel('retract');
    await control(channel, { reset: { publishEvery: 0 } });
    const feed = new URL(`/feeds/${channel}/events`, location.href).href;
    sinon.stub(Math, 'random').returns(0);

    const first = await fixture<LiveTicker>(html`<live-ticker lang="nl" feed-url=${feed}></live-ticker>`);
    await live(first);
    const frame = await fixture<HTMLIFrameElement>(
      html`<iframe title="second tab" style="width: 30rem; height: 20rem" src=${`/test/fixtures/second-tab.html?feed=${encodeURIComponent(feed)}`}></iframe>`,
    );
    const second = () => frame.contentDocument?.querySelector('live-ticker') ?? null;
    const secondTexts = () => (second()?.shadowRoot ? itemTexts(second()!) : []);
    await until(() => secondTexts().some((text) => text.startsWith('WENEN')), 'the second tab shows the feed');

    await control(channel, { delete: RETRACTED });
    await until(() => !itemTexts(first).some((text) => text.startsWith('WENEN')), 'the first tab drops the item');
    await until(() => secondTexts().length > 0 && !secondTexts().some((text) => text.startsWith('WENEN')), 'the second tab drops it');

    // The reader comes back later: the page (say a cached copy) still carries the item, rendered on the server.
    frame.remove();
    first.remove();
    await new Promise((resolve) => setTimeout(resolve));
    await control(channel, { fail: { hang: true } }); // the feed does not answer this time: only what was kept counts
    const again = await fixture<LiveTicker>(html`<live-ticker lang="nl" feed-url=${feed}>
      <live-ticker-item item-id=${RETRACTED} datetime="2026-11-27T11:46:00Z">WENEN (ANP) - De directeur van de ORF …</live-ticker-item>
      <live-ticker-item item-id="other" datetime="2026-11-27T11:40:00Z">BRUSSEL (ANP) - Iets anders</live-ticker-item>
    </live-ticker>`);
    await settled(again);
    const [retracted, other] = [...again.querySelectorAll('live-ticker-item')];
    expect(retracted!.hidden, 'the server-rendered copy is hidden').to.equal(true);
    expect(retracted!.getBoundingClientRect().height).to.equal(0);
    expect(other!.hidden).to.equal(false);
    expect(itemTexts(again).length, 'the kept items are shown').to.be.greaterThan(0);
    expect(
      itemTexts(again).some((text) => text.startsWith('WENEN')),
      'and the retracted one is not among them',
    ).to.equal(false);
  });
});
