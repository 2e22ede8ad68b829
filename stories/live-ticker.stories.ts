import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { NEVER, throwError } from 'rxjs';
import { VirtualClock } from '../src/clock/virtual-clock.js';
import { toTickerItem } from '../src/parsers/item.js';
import { keepItems } from '../src/store/return-visit.js';
import { manyItems, renderTicker, sectionItems, seedItems, StoryFeed, storyControls, STORY_NOW, type TickerArgs } from './harness.js';

/**
 * `<live-ticker>` in every state. Each story runs on its own StoryFeed (an RxJS subject and a
 * virtual clock): use the buttons under it to push or delete an item, fail or recover the feed,
 * and move the clock.
 */
const meta: Meta<TickerArgs> = {
  title: 'Elements/live-ticker',
  component: 'live-ticker',
  tags: ['autodocs'],
  args: { heading: 'Meer uit Buitenland', lang: 'nl', 'max-items': 10, layout: 'list', speed: 60, paused: false },
  argTypes: {
    lang: { control: 'select', options: ['nl', 'en', 'de', 'fr', 'ar', 'he'] },
    dir: { control: 'inline-radio', options: ['ltr', 'rtl'] },
    layout: { control: 'inline-radio', options: ['list', 'marquee'] },
    theme: { control: 'select', options: [undefined, 'light', 'dark', 'auto'] },
    density: { control: 'select', options: [undefined, 'compact', 'comfortable'] },
  },
  render: (args) => renderTicker(args, new StoryFeed()),
};
export default meta;

type Story = StoryObj<TickerArgs>;

/** The seed page's block: seven wire items reading 13, 14, 16, 18 minuten and 1 uur geleden. */
export const Seed: Story = {};

export const Loading: Story = {
  render: (args) => html`<div lang=${args.lang}><live-ticker heading=${args.heading!} .source=${NEVER}></live-ticker></div>`,
};

export const Empty: Story = {
  render: (args) => renderTicker(args, new StoryFeed([])),
};

/** Nothing could be loaded: a clear message instead of an empty box. */
export const LoadError: Story = {
  name: 'Error',
  render: (args) => html`<div lang=${args.lang}>
    <live-ticker heading=${args.heading!} .source=${throwError(() => new Error('story: unreachable'))}></live-ticker>
  </div>`,
};

/** The feed fails after loading: every item stays, a discreet hint says it is not current. */
export const Stale: Story = {
  render: (args) => {
    const feed = new StoryFeed();
    feed.fail();
    return renderTicker(args, feed);
  },
};

export const ManyItems: Story = {
  args: { 'max-items': 100 },
  render: (args) =>
    html`<div style="--live-ticker-max-height: 28rem">${renderTicker(args, new StoryFeed([...seedItems(), ...manyItems(93)]))}</div>`,
};

export const MaxItems: Story = {
  args: { 'max-items': 3 },
};

export const Marquee: Story = {
  args: { layout: 'marquee', heading: 'Net binnen', speed: 80 },
};

/** Updates paused (WCAG 2.2.2): arrivals wait until the reader resumes. */
export const Paused: Story = {
  args: { paused: true },
};

/** New items arrived while paused: they wait behind the pluralised "2 nieuwe berichten" button. */
export const NewItemsWaiting: Story = {
  args: { paused: true },
  play: async ({ canvasElement }) => {
    const ticker = canvasElement.querySelector('live-ticker')!;
    await ticker.updateComplete;
    // Two arrivals through the story's own button, after the first list is on screen.
    const push = [...canvasElement.querySelectorAll('button')].find((button) => button.textContent === 'Push an item')!;
    push.click();
    push.click();
    await ticker.updateComplete;
  },
};

export const Dark: Story = {
  args: { theme: 'dark' },
};

export const Compact: Story = {
  args: { density: 'compact' },
};

export const RightToLeft: Story = {
  args: { lang: 'ar', dir: 'rtl', heading: 'أخبار العالم' },
};

export const English: Story = {
  args: { lang: 'en', heading: 'More world news' },
};

export const German: Story = {
  args: { lang: 'de', heading: 'Mehr aus dem Ausland' },
};

export const Hebrew: Story = {
  args: { lang: 'he', dir: 'rtl', heading: 'עוד מהעולם' },
};

/** Items rendered on the server show before the feed loads (here it never does). */
export const ServerRendered: Story = {
  render: (args) =>
    renderTicker(
      args,
      undefined,
      html`${seedItems()
        .slice(0, 3)
        .map(
          (item) => html`<live-ticker-item item-id=${String(item.id)} datetime=${new Date(item.published as number).toISOString()}>
          ${item.text}
          <live-ticker-time slot="time" datetime=${new Date(item.published as number).toISOString()}>${Math.round((STORY_NOW - (item.published as number)) / 60_000)} minuten geleden</live-ticker-time>
        </live-ticker-item>`,
        )}`,
    ),
};

/** Nothing listens there: this story's feed never answers. */
const UNANSWERED_FEED = 'http://127.0.0.1:9/buitenland/feed.json';

/**
 * A return visit: the items the reader saw five minutes ago come back at once from the browser,
 * with labels for the current time and the "not up to date" hint, and stay while the feed does not
 * answer (here it never does).
 */
export const Restored: Story = {
  render: (args) => {
    const seen = seedItems(STORY_NOW).flatMap((input) => {
      const item = toTickerItem(input, { source: UNANSWERED_FEED });
      return typeof item === 'string' ? [] : [item];
    });
    keepItems(UNANSWERED_FEED, { items: seen.slice(0, args['max-items']) }, Date.now() - 5 * 60_000);
    const clock = new VirtualClock(STORY_NOW + 5 * 60_000);
    return html`<div lang=${args.lang} class="story">
      <live-ticker heading=${args.heading ?? nothing} max-items=${args['max-items']} feed-url=${UNANSWERED_FEED} .clock=${clock}></live-ticker>
    </div>`;
  },
};

/** The newsroom's feed: the seed's foreign news and the other sections, with tags, titles and a correction. */
const newsroom = () => new StoryFeed([...seedItems(), ...sectionItems()]);

/**
 * Items with a title show it as their headline (the link) and their text as a summary of
 * `summary-lines` lines; wire items without one show their dateline and text.
 */
export const Headlines: Story = {
  args: { heading: 'Meer uit Sport', filter: 'tag:sport', 'pinned-tags': 'none', 'summary-lines': 2 },
  render: (args) => renderTicker(args, newsroom()),
};

/** The newest item tagged `pinned` stays first, whatever its date, with a pin named for screen readers. */
export const Pinned: Story = {
  args: { heading: 'Meer uit Sport', filter: 'tag:sport' },
  render: (args) => renderTicker(args, newsroom()),
};

/** Items tagged `breaking` or `urgent` carry a localised marker and are announced with it. */
export const Breaking: Story = {
  args: { filter: 'tag:breaking tag:urgent tag:buitenland' },
  render: (args) => renderTicker(args, newsroom()),
};

/** An item updated more than two minutes after it was published says so: "bijgewerkt 4 minuten geleden". */
export const Corrected: Story = {
  args: { heading: 'Meer uit Sport', filter: 'tag:sport', 'pinned-tags': 'none' },
  render: (args) => renderTicker(args, newsroom()),
};

/** The feed retracted the second item: it is gone here, from every tab, from what is kept, and from server-rendered copies. */
export const Retracted: Story = {
  render: (args) => {
    const feed = new StoryFeed();
    feed.remove(seedItems()[1]!.id as string);
    return renderTicker(args, feed);
  },
};

/** Only the items that match the filter: here the sport of the newsroom's one feed. */
export const Filtered: Story = {
  args: { heading: 'Meer uit Sport', filter: 'tag:sport' },
  render: (args) => renderTicker(args, newsroom()),
};

/** One feed, three blocks, one subscription: the breaking crawl, the foreign news and the sport, each with its own filter. */
export const Newsroom: Story = {
  render: (args) => {
    const feed = newsroom();
    const block = (heading: string, filter: string, layout: 'list' | 'marquee', maxItems: number) =>
      html`<live-ticker heading=${heading} filter=${filter} layout=${layout} max-items=${maxItems} .source=${feed.source} .clock=${feed.clock}></live-ticker>`;
    return html`<div lang=${args.lang} class="story newsroom">
      ${block('Net binnen', 'tag:breaking tag:urgent', 'marquee', 5)}
      <div class="columns">${block('Meer uit Buitenland', 'tag:buitenland', 'list', 4)} ${block('Meer uit Sport', 'tag:sport', 'list', 4)}</div>
      ${storyControls(feed)}
    </div>`;
  },
};

/** A page of the story's own feed server (Storybook's static files). */
const storyPage = (name: string) => new URL(`/story-pages/${name}`, document.baseURI).href;

/**
 * The feed names an older page (JSON Feed `next_url`): "Oudere berichten" under the list reads it
 * on request and appends its items, older and once each; focus goes to the first one added.
 */
export const More: Story = {
  args: { 'max-items': 7 },
  render: (args) => {
    const feed = new StoryFeed([]);
    feed.source.next({ kind: 'snapshot', items: seedItems(), next: storyPage('page-2.json') });
    return renderTicker(args, feed);
  },
};

/** With `images`, each item's picture shows beside its text, in space reserved before it loads. */
export const Thumbnails: Story = {
  args: { images: true, heading: 'Meer uit Sport' },
  render: (args) =>
    renderTicker(
      args,
      new StoryFeed(
        sectionItems()
          .filter((item) => item.tags?.includes('sport'))
          .map((item, index) => ({ ...item, image: { url: storyPage(`picture-${index + 1}.svg`), width: 120, height: 80 } })),
      ),
    ),
};
