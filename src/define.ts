import { LiveTicker } from './elements/live-ticker/live-ticker.js';
import { LiveTickerItem } from './elements/live-ticker-item/live-ticker-item.js';
import { LiveTickerTime } from './elements/live-ticker-time/live-ticker-time.js';

/**
 * Registers the elements. Safe to run more than once, and next to another copy of the library
 * (the embed script and an npm build on one page): a tag that is already defined is left alone.
 */
export function defineLiveTicker(registry: CustomElementRegistry = customElements): void {
  const elements: [string, CustomElementConstructor][] = [
    ['live-ticker-time', LiveTickerTime],
    ['live-ticker-item', LiveTickerItem],
    ['live-ticker', LiveTicker],
  ];
  for (const [tag, element] of elements) {
    if (!registry.get(tag)) registry.define(tag, element);
  }
}

defineLiveTicker();
