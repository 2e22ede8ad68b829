import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { withActions } from 'storybook/actions/decorator';
import { renderTicker, seedItems, StoryFeed, type TickerArgs } from './harness.js';

/**
 * The events a publisher forwards to their analytics, in Storybook's Actions panel (a file of its
 * own: the Actions decorator is Storybook's, and the leak test imports the other stories).
 */
const meta: Meta<TickerArgs> = {
  title: 'Elements/live-ticker/Events',
  component: 'live-ticker',
  args: { heading: 'Meer uit Buitenland', lang: 'nl', 'max-items': 7, layout: 'list', speed: 60, paused: false },
  decorators: [withActions],
  parameters: {
    actions: { handles: ['live-ticker-impression', 'live-ticker-open', 'live-ticker-reveal', 'live-ticker-more', 'live-ticker-pause'] },
  },
};
export default meta;

/**
 * Impressions as items are seen, a click on a link, the "new items" button, "more": each shows in
 * the Actions panel. The library itself sends nothing anywhere.
 */
export const Events: StoryObj<TickerArgs> = {
  render: (args) => {
    const feed = new StoryFeed([]);
    feed.source.next({ kind: 'snapshot', items: seedItems(), next: new URL('/story-pages/page-2.json', document.baseURI).href });
    return renderTicker(args, feed);
  },
};
