import { LiveTicker } from './elements/live-ticker/live-ticker.js';
import { LiveTickerItem } from './elements/live-ticker-item/live-ticker-item.js';
import { LiveTickerTime } from './elements/live-ticker-time/live-ticker-time.js';
import { VERSION } from './version.js';

/** The library's elements, innermost first. */
export const elements: readonly (readonly [string, CustomElementConstructor])[] = [
  ['live-ticker-time', LiveTickerTime],
  ['live-ticker-item', LiveTickerItem],
  ['live-ticker', LiveTicker],
];

/**
 * Defines one element unless its tag is taken. Returns a description of the tag when another
 * version of the library holds it, for the warning.
 */
export function defineElement(registry: CustomElementRegistry, tag: string, element: CustomElementConstructor): string | undefined {
  const existing: (CustomElementConstructor & { version?: string }) | undefined = registry.get(tag);
  if (!existing) registry.define(tag, element);
  else if (existing !== element && existing.version !== VERSION) return `<${tag}> (${existing.version ?? 'unknown'})`;
  return undefined;
}

/** One console warning naming the tags other versions hold; nothing when there are none. */
export function warnForeign(foreign: readonly (string | undefined)[]): void {
  const taken = foreign.filter((tag): tag is string => tag !== undefined);
  if (taken.length > 0) {
    console.warn(`live-ticker: ${taken.join(', ')} already defined by another version; this copy (${VERSION}) is not used for them.`);
  }
}

/**
 * Registers the elements. Safe to run more than once, and next to another copy of the library
 * (the embed script and an npm build on one page): each tag is handled on its own, so a tag
 * already defined is left as it is (with one console warning when that definition comes from
 * another version) and the others are still defined.
 */
export function defineLiveTicker(registry: CustomElementRegistry = customElements): void {
  warnForeign(elements.map(([tag, element]) => defineElement(registry, tag, element)));
}
