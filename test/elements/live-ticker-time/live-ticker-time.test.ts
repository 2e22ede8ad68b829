import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../../src/define.js';
import { defaultClock, PageClock } from '../../../src/clock/page-clock.js';
import type { LiveTickerTime } from '../../../src/elements/live-ticker-time/live-ticker-time.js';
import { afterNextPaint, fakeTime, restoreVisibility, setHidden, shadowText } from '../../helpers.js';

const PUBLISHED = '2026-11-27T12:00:00Z';
const T = Date.parse(PUBLISHED);

describe('<live-ticker-time>', () => {
  let time: sinon.SinonFakeTimers;
  let clock: PageClock;

  beforeEach(async () => {
    time = await fakeTime(sinon, T + 12 * 60_000 + 30_000); // 12:12:30
    clock = new PageClock({ document });
  });
  afterEach(() => {
    clock.dispose();
    time.restore();
    restoreVisibility();
  });

  async function label(
    markup = html`<live-ticker-time lang="nl" datetime=${PUBLISHED} time-zone="Europe/Amsterdam" .clock=${clock}></live-ticker-time>`,
  ) {
    return fixture<LiveTickerTime>(markup);
  }

  it('is its own text, as a <time>’s is: no shadow root, the full date as its title after the first paint', async () => {
    const element = await label();
    expect(element.shadowRoot, 'no shadow root per label').to.equal(null);
    expect(element.textContent).to.equal('12 minuten geleden');
    expect(element.title, 'not needed for the first paint').to.equal('');
    await afterNextPaint();
    expect(element.title).to.contain('vrijdag 27 november 2026').and.contain('13:00');
  });

  it('replaces the text a server wrote in it with the live label', async () => {
    const element = await label(
      html`<live-ticker-time lang="nl" datetime=${PUBLISHED} .clock=${clock}>  10 minuten geleden  </live-ticker-time>`,
    );
    expect(element.textContent).to.equal('12 minuten geleden');
  });

  it('changes exactly at the minute boundary, not before and at most a second after', async () => {
    const element = await label();
    await time.tickAsync(30_000 - 1); // 12:12:59.999
    await element.updateComplete;
    expect(shadowText(element)).to.equal('12 minuten geleden');
    await time.tickAsync(1000); // 12:13:00.999
    await element.updateComplete;
    expect(shadowText(element)).to.equal('13 minuten geleden');
  });

  it('wakes the page once per minute for many labels, with one timer', async () => {
    const container = await fixture(html`<div lang="nl">
      ${Array.from({ length: 200 }, (_, i) => html`<live-ticker-time datetime=${new Date(T - i * 37_000).toISOString()} .clock=${clock}></live-ticker-time>`)}
    </div>`);
    const elements = [...container.querySelectorAll<LiveTickerTime>('live-ticker-time')];
    const current = async () => {
      await Promise.all(elements.map((element) => element.updateComplete));
      return elements.map((element) => shadowText(element));
    };
    // Written out from the rule, not by the function under test: "nu" for the first 60 s, then the
    // minute boundaries passed since publication, then whole hours.
    const words = new Intl.RelativeTimeFormat('nl');
    const rule = (published: number, now: number) => {
      if (now - published < 60_000) return 'nu';
      const minutes = Math.floor(now / 60_000) - Math.floor(published / 60_000);
      return minutes < 60 ? words.format(-minutes, 'minute') : words.format(-Math.floor(minutes / 60), 'hour');
    };
    const expected = () => elements.map((element) => rule(Date.parse(element.datetime), Date.now()));
    expect(time.countTimers()).to.equal(1);
    await time.tickAsync(31_000); // 12:13:01, a second past the first minute boundary
    expect(await current()).to.deep.equal(expected());
    expect((await current())[0]).to.equal('13 minuten geleden');
    await time.tickAsync(60 * 60_000 - 31_000); // 13:12:30
    // One wake per minute boundary (60), none for labels that stay the same.
    expect(clock.wakeups).to.be.within(60, 61);
    const after = await current();
    expect(after, 'every label is current after the hour').to.deep.equal(expected());
    expect([after[0], after[199]]).to.deep.equal(['1 uur geleden', '3 uur geleden']);
  });

  it('reads "nu" for its first minute, then counts', async () => {
    const now = new Date(Date.now() - 10_000).toISOString();
    const element = await label(html`<live-ticker-time lang="nl" datetime=${now} .clock=${clock}></live-ticker-time>`);
    expect(shadowText(element)).to.equal('nu');
    await time.tickAsync(50_000 + 20);
    await element.updateComplete;
    expect(shadowText(element)).to.equal('1 minuut geleden');
  });

  it('takes its language from the nearest ancestor with lang', async () => {
    const wrapper = await fixture(
      html`<div lang="en"><span><live-ticker-time datetime=${PUBLISHED} .clock=${clock}></live-ticker-time></span></div>`,
    );
    expect(shadowText(wrapper.querySelector('live-ticker-time')!)).to.equal('12 minutes ago');
  });

  it('updates with the page default clock when nothing provides one', async () => {
    const element = await fixture<LiveTickerTime>(html`<live-ticker-time lang="nl" datetime=${PUBLISHED}></live-ticker-time>`);
    expect(element.clock).to.equal(undefined);
    expect(defaultClock().size).to.be.at.least(1);
    await time.tickAsync(30_000 + 20);
    await element.updateComplete;
    expect(shadowText(element)).to.equal('13 minuten geleden');
  });

  it('keeps its own text when the datetime cannot be read', async () => {
    const element = await label(html`<live-ticker-time datetime="gisteren" .clock=${clock}>13 minuten geleden</live-ticker-time>`);
    expect(element.textContent).to.equal('13 minuten geleden');
    expect(clock.size).to.equal(0);
  });

  it('runs no timer while the page is hidden and is correct at once when shown', async () => {
    const element = await label();
    setHidden(true);
    expect(time.countTimers()).to.equal(0);
    await time.tickAsync(60 * 60_000);
    await element.updateComplete;
    expect(shadowText(element)).to.equal('12 minuten geleden');
    setHidden(false);
    await element.updateComplete;
    expect(shadowText(element)).to.equal('1 uur geleden');
  });

  it('releases the clock when removed', async () => {
    const element = await label();
    expect(clock.size).to.equal(1);
    element.remove();
    expect(clock.size).to.equal(0);
    expect(time.countTimers()).to.equal(0);
  });

  it('lets go of the clock when removed after its datetime or threshold changed so that it needs no waking', async () => {
    for (const change of ['datetime', 'threshold'] as const) {
      const element = await label();
      expect(clock.size).to.equal(1);
      // Past the threshold a label shows a date, which never changes: it needs no more waking.
      if (change === 'datetime') element.datetime = '2026-01-01T12:00:00Z';
      else element.threshold = 'PT5M';
      await element.updateComplete;
      expect(shadowText(element), change).to.contain('2026');
      expect(clock.size, `${change}: nothing to wake`).to.equal(0);
      element.remove();
      expect(clock.size, change).to.equal(0);
    }
  });

  it('follows changes to datetime and threshold', async () => {
    const element = await label();
    element.datetime = '2026-11-27T11:00:00Z';
    await element.updateComplete;
    expect(shadowText(element)).to.equal('1 uur geleden');
    element.threshold = 'PT1H';
    await element.updateComplete;
    expect(shadowText(element)).to.contain('12:00');
  });
});
