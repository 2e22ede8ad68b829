import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { BehaviorSubject, NEVER, of, throwError, concat, Subject } from 'rxjs';
import sinon from 'sinon';
import '../../../src/define.js';
import { PageClock } from '../../../src/clock/page-clock.js';
import type { LiveTicker } from '../../../src/elements/live-ticker/live-ticker.js';
import type { LiveTickerPauseEvent } from '../../../src/elements/live-ticker/events.js';
import type { TickerItemInput, TickerUpdateInput } from '../../../src/model.js';
import { engine, itExcept, MEDIA_EMULATION } from '../../engines.js';
import { fakeTime, itemTexts, labels, settled } from '../../helpers.js';

const T = Date.UTC(2026, 10, 27, 12, 0, 20);
const item = (id: string, minutesAgo: number, text = `BRUSSEL (ANP) - Bericht ${id}`): TickerItemInput => ({
  id,
  published: T - minutesAgo * 60_000,
  text,
});
const SEED = [item('a', 13), item('b', 14), item('c', 16), item('d', 18), item('e', 64)];

const part = (ticker: LiveTicker, name: string) => ticker.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const announcer = (ticker: LiveTicker) => ticker.shadowRoot!.querySelector('[role="status"]')!.textContent!.replace('\u200b', '');
const firstItemTop = (ticker: LiveTicker) => part(ticker, 'entry')!.getBoundingClientRect().top;

/** Moves the real mouse over an element (or away) so the browser fires pointer events itself. */
async function hover(element: Element | null): Promise<void> {
  // Away: the window's far corner, clear of every fixture (which start at the top left).
  if (!element) return void (await sendMouse({ type: 'move', position: [window.innerWidth - 2, window.innerHeight - 2] }));
  const box = element.getBoundingClientRect();
  await sendMouse({ type: 'move', position: [Math.round(box.left + 10), Math.round(box.top + 10)] });
}

/**
 * Resolves once a scroller has stood still for three frames: a keyboard scroll animates (smoothly in
 * Chromium and Firefox), and a focus change during it would race the rest of the animation.
 */
async function scrollSettled(scroller: Element): Promise<void> {
  let still = 0;
  let last = scroller.scrollLeft;
  for (let frame = 0; frame < 300 && still < 3; frame++) {
    await new Promise(requestAnimationFrame);
    still = scroller.scrollLeft === last ? still + 1 : 0;
    last = scroller.scrollLeft;
  }
  expect(still, 'the scroll came to rest within 300 frames').to.equal(3);
}

describe('<live-ticker> reading experience', () => {
  let source: Subject<TickerUpdateInput>;
  let clock: PageClock;

  beforeEach(async () => {
    source = new Subject();
    clock = new PageClock({ now: () => T });
    await hover(null);
  });
  afterEach(async () => {
    clock.dispose();
    await resetMouse();
    if (!MEDIA_EMULATION[engine]) await emulateMedia({ reducedMotion: 'no-preference', colorScheme: 'light' });
  });

  async function mount(attributes = {}, items = SEED): Promise<LiveTicker> {
    const ticker = await fixture<LiveTicker>(
      html`<live-ticker lang="nl" heading="Meer uit Buitenland" style="max-width: 24rem" .source=${source} .clock=${clock}></live-ticker>`,
    );
    Object.assign(ticker, attributes);
    source.next(items);
    await settled(ticker);
    return ticker;
  }

  describe('arrivals', () => {
    it('enter at the top with a highlight and one polite announcement when the reader is elsewhere', async () => {
      const ticker = await mount();
      expect(announcer(ticker)).to.equal('');
      source.next([item('new1', 0), item('new2', 1)]);
      await settled(ticker);
      expect(itemTexts(ticker).slice(0, 2)).to.deep.equal(['BRUSSEL (ANP) - Bericht new1', 'BRUSSEL (ANP) - Bericht new2']);
      expect(ticker.shadowRoot!.querySelectorAll('[part~="fresh"]')).to.have.length(2);
      expect(getComputedStyle(part(ticker, 'fresh')!).animationName).to.equal('fresh');
      expect(announcer(ticker)).to.equal('2 nieuwe berichten');
      expect(part(ticker, 'new-items')).to.equal(null);
    });

    it('wait behind a pluralised button while the pointer is inside; nothing moves', async () => {
      const ticker = await mount();
      await hover(ticker);
      const top = firstItemTop(ticker);
      const before = itemTexts(ticker);
      source.next([item('new1', 1)]);
      await settled(ticker);
      expect(itemTexts(ticker)).to.deep.equal(before);
      expect(firstItemTop(ticker)).to.equal(top);
      expect(part(ticker, 'new-items')!.textContent).to.equal('1 nieuw bericht');
      expect(announcer(ticker)).to.equal('1 nieuw bericht');
      source.next([item('new2', 0)]);
      await settled(ticker);
      expect(part(ticker, 'new-items')!.textContent).to.equal('2 nieuwe berichten');
      expect(firstItemTop(ticker)).to.equal(top);

      part(ticker, 'new-items')!.click();
      await settled(ticker);
      expect(itemTexts(ticker)[0]).to.equal('BRUSSEL (ANP) - Bericht new2');
      expect(part(ticker, 'new-items')).to.equal(null);
      expect(ticker.shadowRoot!.activeElement).to.equal(part(ticker, 'fresh'));
    });

    it('are shown by themselves once the pointer leaves', async () => {
      const ticker = await mount();
      await hover(ticker);
      source.next([item('new1', 0)]);
      await settled(ticker);
      expect(part(ticker, 'new-items')).to.not.equal(null);
      await hover(null);
      await settled(ticker);
      expect(itemTexts(ticker)[0]).to.equal('BRUSSEL (ANP) - Bericht new1');
      expect(part(ticker, 'fresh')).to.not.equal(null);
    });

    it('are not held back for good by a block moved in the page while the pointer was inside', async () => {
      const ticker = await mount();
      await hover(ticker);
      source.next([item('new1', 1)]);
      await settled(ticker);
      expect(part(ticker, 'new-items')).to.not.equal(null);
      // Moved elsewhere (a layout change, a framework re-parenting it): no pointerleave ever comes.
      const elsewhere = await fixture<HTMLDivElement>(html`<div style="margin-top: 200vh"></div>`);
      elsewhere.append(ticker);
      await settled(ticker);
      expect(itemTexts(ticker)[0], 'what waited enters once the block is back in the page').to.equal('BRUSSEL (ANP) - Bericht new1');
      source.next([item('new2', 0)]);
      await settled(ticker);
      expect(itemTexts(ticker)[0]).to.equal('BRUSSEL (ANP) - Bericht new2');
      expect(part(ticker, 'new-items')).to.equal(null);
    });

    it('are not held back for good by a block moved in the page while focus was inside', async () => {
      const ticker = await mount();
      part(ticker, 'pause')!.focus();
      source.next([item('new1', 1)]);
      await settled(ticker);
      expect(part(ticker, 'new-items')).to.not.equal(null);
      const elsewhere = await fixture<HTMLDivElement>(html`<div></div>`);
      elsewhere.append(ticker);
      source.next([item('new2', 0)]);
      await settled(ticker);
      expect(itemTexts(ticker).slice(0, 2)).to.deep.equal(['BRUSSEL (ANP) - Bericht new2', 'BRUSSEL (ANP) - Bericht new1']);
      expect(part(ticker, 'new-items')).to.equal(null);
    });

    it('wait while the list is scrolled', async () => {
      const ticker = await mount();
      ticker.style.setProperty('--live-ticker-max-height', '8em');
      await settled(ticker);
      const viewport = part(ticker, 'viewport')!;
      viewport.scrollTop = 40;
      await oneEvent(viewport, 'scroll');
      source.next([item('new1', 0)]);
      await settled(ticker);
      expect(part(ticker, 'new-items')!.textContent).to.equal('1 nieuw bericht');
      viewport.scrollTop = 0;
      await oneEvent(viewport, 'scroll');
      await settled(ticker);
      expect(itemTexts(ticker)[0]).to.equal('BRUSSEL (ANP) - Bericht new1');
    });

    it('never announce clock ticks', async () => {
      const time = await fakeTime(sinon, T);
      try {
        const ticker = await fixture<LiveTicker>(html`<live-ticker lang="nl" .source=${source}></live-ticker>`);
        source.next(SEED);
        await settled(ticker);
        const region = ticker.shadowRoot!.querySelector('[role="status"]')!;
        const changes: string[] = [];
        new MutationObserver(() => changes.push(region.textContent!)).observe(region, {
          subtree: true,
          childList: true,
          characterData: true,
        });
        await time.tickAsync(3 * 60_000);
        await settled(ticker);
        expect(labels(ticker)[0]).to.equal('16 minuten geleden');
        expect(changes).to.deep.equal([]);
      } finally {
        time.restore();
      }
    });
  });

  describe('keyboard', () => {
    it('pauses and resumes with the keyboard: attribute, event, aria-pressed; arrivals wait, then enter', async () => {
      const ticker = await mount();
      const pause = part(ticker, 'pause') as HTMLButtonElement;
      expect(pause.getAttribute('aria-label')).to.equal('Updates pauzeren');
      expect(pause.getAttribute('aria-pressed')).to.equal('false');

      // Tab from just before the block reaches the pause button first.
      const before = document.createElement('button');
      before.textContent = 'voor';
      ticker.before(before);
      before.focus();
      await sendKeys({ press: 'Tab' });
      expect(ticker.shadowRoot!.activeElement).to.equal(pause);

      const paused = oneEvent(ticker, 'live-ticker-pause') as unknown as Promise<LiveTickerPauseEvent>;
      await sendKeys({ press: 'Enter' });
      expect((await paused).paused).to.equal(true);
      await settled(ticker);
      expect(ticker.hasAttribute('paused')).to.equal(true);
      expect(pause.getAttribute('aria-pressed')).to.equal('true');
      expect(pause.getAttribute('aria-label'), 'a toggle keeps its name; aria-pressed says it is on').to.equal('Updates pauzeren');

      // Leave the block: still paused, so arrivals keep waiting.
      before.focus();
      source.next([item('new1', 0)]);
      await settled(ticker);
      expect(part(ticker, 'new-items')!.textContent).to.equal('1 nieuw bericht');

      pause.focus();
      await sendKeys({ press: ' ' }); // the space bar (puppeteer's BiDi keyboard has no 'Space')
      await settled(ticker);
      expect(ticker.paused).to.equal(false);
      before.focus(); // focus leaves: nothing holds any more
      await settled(ticker);
      expect(itemTexts(ticker)[0]).to.equal('BRUSSEL (ANP) - Bericht new1');
      before.remove();
    });

    it('holds arrivals while focus is inside and reaches them through the new-items button', async () => {
      const ticker = await mount();
      const pause = part(ticker, 'pause')!;
      pause.focus();
      source.next([item('new1', 0)]);
      await settled(ticker);
      const button = part(ticker, 'new-items')!;
      button.focus();
      await sendKeys({ press: 'Enter' });
      await settled(ticker);
      expect(itemTexts(ticker)[0]).to.equal('BRUSSEL (ANP) - Bericht new1');
      expect(ticker.shadowRoot!.activeElement).to.equal(part(ticker, 'fresh'));
    });
  });

  describe('long lists', () => {
    const frames = async (count: number) => {
      for (let frame = 0; frame < count; frame++) await new Promise(requestAnimationFrame);
    };
    /** Which entries the browser lays out and paints: an entry skipped by content-visibility hides its item. */
    const rendered = (ticker: LiveTicker) =>
      [...ticker.shadowRoot!.querySelectorAll<HTMLElement>('[part~="list"] [part~="item"]')].map((item) =>
        item.checkVisibility({ contentVisibilityAuto: true }),
      );

    it('lay out only the entries near the view, the rest as the reader scrolls to them, and every entry of a marquee', async () => {
      const many = Array.from({ length: 60 }, (_, i) => item(`n${i}`, i + 1));
      const ticker = await mount({ maxItems: 60 }, many);
      ticker.style.setProperty('--live-ticker-max-height', '12rem');
      await frames(2);
      expect(rendered(ticker)).to.have.length(60);
      expect(rendered(ticker)[0], 'the first entry').to.equal(true);
      expect(rendered(ticker).at(-1), 'the last entry, far below').to.equal(false);
      const viewport = part(ticker, 'viewport')!;
      viewport.scrollTop = viewport.scrollHeight;
      await frames(3);
      expect(rendered(ticker).at(-1), 'scrolled to').to.equal(true);
      expect(rendered(ticker)[30], 'far above now').to.equal(false);
      expect(rendered(ticker).slice(0, 7), 'the first seven, always').to.deep.equal(Array(7).fill(true));
      ticker.layout = 'marquee';
      await settled(ticker);
      await frames(2);
      expect(rendered(ticker).every(Boolean), 'a crawl is as wide as all its entries').to.equal(true);
    });

    it('are all laid out at once when the page says so through ::part(entry)', async () => {
      const style = document.createElement('style');
      style.textContent = 'live-ticker::part(entry) { content-visibility: visible; }';
      document.head.append(style);
      try {
        const ticker = await mount(
          { maxItems: 60 },
          Array.from({ length: 60 }, (_, i) => item(`n${i}`, i + 1)),
        );
        ticker.style.setProperty('--live-ticker-max-height', '12rem');
        await frames(2);
        expect(rendered(ticker)).to.have.length(60);
        expect(rendered(ticker).every(Boolean)).to.equal(true);
      } finally {
        style.remove();
      }
    });
  });

  describe('marquee', () => {
    async function marquee(items = SEED, speed = 100): Promise<LiveTicker> {
      const ticker = await mount({ layout: 'marquee', speed }, items);
      await settled(ticker);
      // The crawl is timed from the row's width, measured by a ResizeObserver once the items have
      // laid out: its callbacks come after a frame's animation callbacks, so wait out two frames.
      await new Promise(requestAnimationFrame);
      await new Promise(requestAnimationFrame);
      return ticker;
    }
    const track = (ticker: LiveTicker) => ticker.shadowRoot!.querySelector<HTMLElement>('.track')!;

    it('crawls on a transform animation, timed by speed, with an inert copy for the loop', async () => {
      const ticker = await marquee();
      const animation = track(ticker).getAnimations()[0]!;
      expect(animation.playState).to.equal('running');
      expect((animation as CSSAnimation).animationName).to.equal('crawl');
      const list = part(ticker, 'list')!;
      const seconds = Number.parseFloat(track(ticker).style.getPropertyValue('--crawl-duration'));
      expect(seconds).to.be.closeTo(Math.max(5, list.scrollWidth / 100), 0.01);
      const clone = ticker.shadowRoot!.querySelector('[part~="clone"]')!;
      expect(clone.getAttribute('aria-hidden')).to.equal('true');
      expect(clone.hasAttribute('inert')).to.equal(true);
      expect(ticker.shadowRoot!.querySelectorAll('[part="list"] [part~="item"]')).to.have.length(5);
    });

    it('crawls on after the block is moved while an item has focus, and keeps timing itself by its width', async () => {
      const ticker = await marquee();
      const entry = part(ticker, 'entry')!;
      entry.tabIndex = -1;
      entry.focus();
      expect(part(ticker, 'viewport')!.classList.contains('row'), 'focus in the row turns the crawl into a row').to.equal(true);
      // The page moves the block elsewhere (a layout change, a framework re-parenting it).
      const parent = ticker.parentElement!;
      const elsewhere = document.createElement('div');
      parent.append(elsewhere);
      elsewhere.append(ticker);
      await settled(ticker);
      expect(part(ticker, 'viewport')!.classList.contains('row'), 'moved, the reader is no longer in it').to.equal(false);
      expect(getComputedStyle(track(ticker)).animationName).to.equal('crawl');
      // Its width changes with no feed update (a font loads, the page restyles it): the crawl is timed anew.
      const before = track(ticker).style.getPropertyValue('--crawl-duration');
      ticker.style.setProperty('--live-ticker-marquee-gap', '30em');
      await new Promise(requestAnimationFrame);
      await new Promise(requestAnimationFrame);
      const list = part(ticker, 'list')!;
      expect(track(ticker).style.getPropertyValue('--crawl-duration')).to.not.equal(before);
      expect(Number.parseFloat(track(ticker).style.getPropertyValue('--crawl-duration'))).to.be.closeTo(list.scrollWidth / 100, 0.01);
    });

    it('pauses on hover, on the pause button and on focus, without turning into a row until focus is in it', async () => {
      const ticker = await marquee();
      await hover(ticker);
      expect(getComputedStyle(track(ticker)).animationPlayState).to.equal('paused');
      await hover(null);
      expect(getComputedStyle(track(ticker)).animationPlayState).to.equal('running');
      ticker.paused = true;
      await settled(ticker);
      expect(getComputedStyle(track(ticker)).animationPlayState).to.equal('paused');
      ticker.paused = false;
      part(ticker, 'pause')!.focus();
      await settled(ticker);
      expect(getComputedStyle(track(ticker)).animationName).to.equal('crawl');
      expect(getComputedStyle(track(ticker)).animationPlayState).to.equal('paused');
      expect(getComputedStyle(part(ticker, 'viewport')!).overflowX).to.equal('hidden');
    });

    /**
     * Moves the crawl to a point of its loop. Animations advance once per frame, never within a task,
     * so positions read in the same task as a change compare exactly.
     */
    function standAt(ticker: LiveTicker, fraction: number): void {
      const crawl = track(ticker).getAnimations()[0]!;
      crawl.currentTime = fraction * Number(crawl.effect!.getComputedTiming().duration);
    }
    const entries = (ticker: LiveTicker) => [...ticker.shadowRoot!.querySelectorAll<HTMLElement>('[part="list"] > [part~="entry"]')];
    const lefts = (ticker: LiveTicker) => entries(ticker).map((entry) => entry.getBoundingClientRect().left);
    const expectLefts = (actual: number[], expected: number[]) =>
      actual.forEach((left, i) => expect(left, `item ${i}`).to.be.closeTo(expected[i]!, 1));

    // A pause may take effect a frame later (Firefox makes it pending until the next frame): at 1 px/s
    // that frame moves the crawl by far less than the 1 px the positions are compared to.
    it('freezes the crawl where it stands when the pause button takes focus and is pressed with the keyboard', async () => {
      const ticker = await marquee(SEED, 1);
      standAt(ticker, 0.3);
      const before = lefts(ticker);
      expect(before[0], 'mid-crawl: the first item has left the view').to.be.below(part(ticker, 'viewport')!.getBoundingClientRect().left);
      part(ticker, 'pause')!.focus();
      expectLefts(lefts(ticker), before);
      await sendKeys({ press: 'Enter' });
      await settled(ticker);
      expect(ticker.paused).to.equal(true);
      expectLefts(lefts(ticker), before);
      expect(getComputedStyle(track(ticker)).animationPlayState).to.equal('paused');
    });

    it('freezes the crawl where it stands when the pause button is clicked, and holds it once the pointer leaves', async () => {
      const ticker = await marquee(SEED, 1);
      standAt(ticker, 0.3);
      const button = part(ticker, 'pause')!.getBoundingClientRect();
      const centre: [number, number] = [Math.round(button.left + button.width / 2), Math.round(button.top + button.height / 2)];
      await sendMouse({ type: 'move', position: centre }); // hovering pauses
      const before = lefts(ticker);
      await sendMouse({ type: 'click', position: centre });
      await settled(ticker);
      expect(ticker.paused).to.equal(true);
      expectLefts(lefts(ticker), before);
      await hover(null);
      expectLefts(lefts(ticker), before);
      expect(getComputedStyle(track(ticker)).animationPlayState).to.equal('paused');
    });

    it('turns into a row when the keyboard moves on from the pause button to an item, and shows that item', async () => {
      const ticker = await marquee(SEED.map((seed) => ({ ...seed, url: `https://example.org/${seed.id}` })));
      standAt(ticker, 0.3);
      part(ticker, 'pause')!.focus();
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'Tab' });
      const focused = ticker.shadowRoot!.activeElement!;
      expect(focused.localName, 'the item’s link').to.equal('a');
      expect(getComputedStyle(track(ticker)).animationName).to.equal('none');
      const view = part(ticker, 'viewport')!.getBoundingClientRect();
      const box = focused.getBoundingClientRect();
      expect(box.left, 'the focused item is in view').to.be.at.least(view.left - 1);
      expect(box.left).to.be.below(view.right);
    });

    it('keeps the text in place when focus enters the row, lets the keyboard scroll it, and crawls on from there', async () => {
      const ticker = await marquee(SEED.map((seed) => ({ ...seed, url: `https://example.org/${seed.id}` })));
      ticker.style.maxWidth = 'none';
      await settled(ticker);
      const viewport = part(ticker, 'viewport')!;
      const view = viewport.getBoundingClientRect();
      // Stand the second item just inside the view, so focusing it needs no scrolling into view.
      const second = entries(ticker)[1]!;
      standAt(ticker, (second.offsetLeft - 10) / (track(ticker).offsetWidth / 2));
      const before = lefts(ticker);
      expect(before[0], 'mid-crawl: the first item has left the view').to.be.below(viewport.getBoundingClientRect().left);
      second.querySelector('a')!.focus();
      expectLefts(lefts(ticker), before);
      expect(getComputedStyle(track(ticker)).animationName).to.equal('none');
      expect(getComputedStyle(viewport).overflowX).to.equal('auto');
      const scrolled = viewport.scrollLeft;
      expect(scrolled).to.be.above(0);

      await new Promise(requestAnimationFrame); // the scroll event of the change above has been sent
      const scroll = oneEvent(viewport, 'scroll');
      await sendKeys({ press: 'ArrowRight' });
      await scroll;
      await scrollSettled(viewport);
      expect(viewport.scrollLeft).to.be.above(scrolled);

      // On to the next item: still a row, and it moves on, never back.
      const row = lefts(ticker);
      await sendKeys({ press: 'Tab' });
      expect(getComputedStyle(track(ticker)).animationName).to.equal('none');
      expect(ticker.shadowRoot!.activeElement).to.equal(entries(ticker)[2]!.querySelector('a'));
      lefts(ticker).forEach((left, i) => expect(left, `item ${i}`).to.be.at.most(row[i]! + 1));
      // Its start is shown (give or take a pixel of rounding).
      await scrollSettled(viewport);
      const next = entries(ticker)[2]!.getBoundingClientRect().left;
      expect(next, 'the start of the item reached is in view').to.be.at.least(view.left - 1);
      expect(next).to.be.below(view.right);

      const outside = document.createElement('button');
      outside.textContent = 'elders';
      ticker.after(outside);
      const reading = lefts(ticker);
      outside.focus();
      await null; // the crawl follows focus once the focus change is complete
      expect(getComputedStyle(track(ticker)).animationName).to.equal('crawl');
      expect(getComputedStyle(track(ticker)).animationPlayState).to.equal('running');
      // Give or take a pixel of rounding between the row's scroll position and the crawl's offset.
      lefts(ticker).forEach((left, i) => expect(left, `item ${i}`).to.be.closeTo(reading[i]!, 1));
      outside.remove();
    });

    it('times the crawl from the row it shows, also after list → marquee', async () => {
      const ticker = await marquee();
      ticker.layout = 'list';
      await settled(ticker);
      ticker.layout = 'marquee';
      await settled(ticker);
      const list = part(ticker, 'list')!;
      const width = list.scrollWidth;
      // The row grows without the block rendering again: only watching the row itself can notice.
      ticker.style.setProperty('--live-ticker-marquee-gap', '10em');
      await new Promise(requestAnimationFrame);
      await new Promise(requestAnimationFrame);
      expect(list.scrollWidth).to.be.above(width);
      const seconds = Number.parseFloat(track(ticker).style.getPropertyValue('--crawl-duration'));
      expect(seconds).to.be.closeTo(list.scrollWidth / 100, 0.01);
    });

    itExcept(MEDIA_EMULATION)('becomes a static list under prefers-reduced-motion', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      const ticker = await marquee();
      expect(getComputedStyle(track(ticker)).animationName).to.equal('none');
      expect(getComputedStyle(ticker.shadowRoot!.querySelector('[part~="clone"]')!).display).to.equal('none');
      expect(getComputedStyle(part(ticker, 'list')!).flexWrap).to.equal('wrap');
    });

    it('crawls the other way on a right-to-left page', async () => {
      const wrapper = await fixture(
        html`<div dir="rtl" lang="ar"><live-ticker layout="marquee" .source=${of(SEED)} .clock=${clock}></live-ticker></div>`,
      );
      const ticker = wrapper.querySelector('live-ticker')!;
      await settled(ticker);
      expect(getComputedStyle(track(ticker)).animationName).to.equal('crawl-rtl');
    });
  });

  describe('languages, themes and density', () => {
    it('speaks Arabic right to left, labels from Intl', async () => {
      const wrapper = await fixture(html`<div dir="rtl" lang="ar"><live-ticker .source=${of(SEED)} .clock=${clock}></live-ticker></div>`);
      const ticker = wrapper.querySelector('live-ticker')!;
      await settled(ticker);
      expect(part(ticker, 'heading')!.textContent!.trim()).to.equal('آخر الأخبار');
      expect(labels(ticker)[0]).to.equal(new Intl.RelativeTimeFormat('ar').format(-13, 'minute'));
      expect(part(ticker, 'pause')!.getAttribute('aria-label')).to.equal('إيقاف التحديثات مؤقتًا');
      const header = part(ticker, 'header')!.getBoundingClientRect();
      expect(part(ticker, 'pause')!.getBoundingClientRect().left).to.be.below(header.left + header.width / 2);
    });

    it('pluralises the new-items count per language', async () => {
      const { newItemsText } = await import('../../../src/i18n/messages.js');
      expect([1, 2, 5].map((n) => newItemsText('nl', n))).to.deep.equal(['1 nieuw bericht', '2 nieuwe berichten', '5 nieuwe berichten']);
      expect([1, 3].map((n) => newItemsText('en', n))).to.deep.equal(['1 new item', '3 new items']);
      expect([0, 1, 2].map((n) => newItemsText('fr', n))).to.deep.equal(['0 nouvelle info', '1 nouvelle info', '2 nouvelles infos']);
      expect(newItemsText('ar', 2)).to.equal('خبران جديدان');
      expect(newItemsText('he', 2)).to.equal('2 ידיעות חדשות');
    });

    it('sets its own colours for theme="dark", and follows the page otherwise', async () => {
      const ticker = await mount();
      expect(getComputedStyle(ticker).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
      ticker.theme = 'dark';
      await settled(ticker);
      expect(getComputedStyle(ticker).backgroundColor).to.equal('rgb(21, 21, 23)');
      ticker.theme = 'light';
      await settled(ticker);
      expect(getComputedStyle(ticker).backgroundColor).to.equal('rgb(255, 255, 255)');
    });

    itExcept(MEDIA_EMULATION)('follows prefers-color-scheme with theme="auto"', async () => {
      const ticker = await mount({ theme: 'auto' });
      await emulateMedia({ colorScheme: 'dark' });
      await settled(ticker);
      expect(getComputedStyle(ticker).backgroundColor).to.equal('rgb(21, 21, 23)');
      await emulateMedia({ colorScheme: 'light' });
      expect(getComputedStyle(ticker).backgroundColor).to.equal('rgb(255, 255, 255)');
      ticker.theme = 'light';
      await emulateMedia({ colorScheme: 'dark' });
      await settled(ticker);
      expect(getComputedStyle(ticker).backgroundColor, 'light stays light under a dark scheme').to.equal('rgb(255, 255, 255)');
      expect(getComputedStyle(ticker).color).to.equal('rgb(29, 29, 31)');
      ticker.style.setProperty('--live-ticker-background', 'rgb(1, 2, 3)');
      expect(getComputedStyle(ticker).backgroundColor, 'the custom property wins').to.equal('rgb(1, 2, 3)');
    });

    it('tightens and loosens with density', async () => {
      const ticker = await mount();
      const spacing = () => Number.parseFloat(getComputedStyle(ticker.shadowRoot!.querySelectorAll('[part~="entry"]')[1]!).paddingTop);
      const normal = spacing();
      ticker.density = 'compact';
      await settled(ticker);
      expect(spacing()).to.be.below(normal);
      ticker.density = 'comfortable';
      await settled(ticker);
      expect(spacing()).to.be.above(normal);
    });
  });

  describe('accessibility (axe)', () => {
    const states: [string, () => Promise<LiveTicker>][] = [
      ['loading', () => fixture<LiveTicker>(html`<live-ticker lang="nl" .source=${NEVER}></live-ticker>`)],
      ['empty', () => fixture<LiveTicker>(html`<live-ticker lang="nl" .source=${of([])}></live-ticker>`)],
      ['error', () => fixture<LiveTicker>(html`<live-ticker lang="nl" .source=${throwError(() => new Error('x'))}></live-ticker>`)],
      ['list', () => mount()],
      [
        'stale',
        () =>
          fixture<LiveTicker>(
            html`<live-ticker lang="nl" .source=${concat(
              of(SEED),
              throwError(() => new Error('x')),
            )} .clock=${clock}></live-ticker>`,
          ),
      ],
      [
        'paused with arrivals waiting',
        async () => {
          const ticker = await mount({ paused: true });
          source.next([item('new1', 0)]);
          return ticker;
        },
      ],
      ['marquee', () => mount({ layout: 'marquee' })],
      ['dark', () => mount({ theme: 'dark' })],
      ['compact', () => mount({ density: 'compact' })],
      [
        'right to left',
        async () =>
          (
            await fixture(
              html`<div dir="rtl" lang="he"><live-ticker .source=${new BehaviorSubject(SEED)} .clock=${clock}></live-ticker></div>`,
            )
          ).querySelector('live-ticker')!,
      ],
    ];
    for (const [name, make] of states) {
      it(`has no violations: ${name}`, async () => {
        const warn = sinon.stub(console, 'warn');
        try {
          const ticker = await make();
          await settled(ticker);
          await expect(ticker).to.be.accessible();
        } finally {
          warn.restore();
        }
      });
    }
  });
});
