import { LiveTicker } from './elements/live-ticker/live-ticker.js';
import { LiveTickerItem } from './elements/live-ticker-item/live-ticker-item.js';
import { LiveTickerTime } from './elements/live-ticker-time/live-ticker-time.js';
import { VERSION } from './version.js';

const elements: readonly [string, CustomElementConstructor][] = [
  ['live-ticker-time', LiveTickerTime],
  ['live-ticker-item', LiveTickerItem],
  ['live-ticker', LiveTicker],
];

/**
 * Registers the elements. Safe to run more than once, and next to another copy of the library
 * (the embed script and an npm build on one page): each tag is handled on its own, so a tag
 * already defined is left as it is (with one console warning when that definition comes from
 * another version) and the others are still defined.
 */
export function defineLiveTicker(registry: CustomElementRegistry = customElements): void {
  const foreign: string[] = [];
  for (const [tag, element] of elements) {
    const existing = registry.get(tag) as (CustomElementConstructor & { version?: string }) | undefined;
    if (!existing) registry.define(tag, element);
    else if (existing !== element && existing.version !== VERSION) foreign.push(`<${tag}> (${existing.version ?? 'unknown'})`);
  }
  if (foreign.length > 0) {
    console.warn(`live-ticker: ${foreign.join(', ')} already defined by another version; this copy (${VERSION}) is not used for them.`);
  }
}

defineLiveTicker();
