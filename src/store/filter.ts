import type { TickerItem } from '../model.js';

/**
 * What a block makes of item tags and its `filter`: lists of tags (`pinned-tags`, `breaking-tags`)
 * and filter terms are written as space-separated words, a value with spaces in double quotes
 * (`place:"DEN HAAG"`); everything is compared case-insensitively.
 */

/** Whether an item shows in a block. */
export type ItemFilter = (item: TickerItem) => boolean;

/** The words of a list attribute, lower-cased; `"…"` keeps spaces. Linear: no pattern here backtracks. */
export function words(text: string | undefined): string[] {
  return [...(text ?? '').matchAll(/(?:[^\s"]|"[^"]*(?:"|$))+/g)].map(([word]) => word.replace(/"/g, '').toLowerCase());
}

/** Whether any of the item's tags is one of `tags` (lower-cased). */
export function hasTag(item: TickerItem, tags: ReadonlySet<string>): boolean {
  return tags.size > 0 && item.tags !== undefined && item.tags.some((tag) => tags.has(tag.toLowerCase()));
}

const FIELDS = new Map<string, (item: TickerItem) => readonly (string | undefined)[]>([
  ['tag', (item) => item.tags ?? []],
  ['agency', (item) => item.agencies],
  ['place', (item) => [item.place]],
]);

/**
 * A block's `filter` attribute: `tag:sport agency:BELGA place:DOHA` shows the items that match any
 * term. Empty shows everything. A term that is not `tag:`, `agency:` or `place:` with a value is a
 * mistake: the filter then shows nothing (not everything) and `problem` says why.
 */
export function parseFilter(text: string | undefined): { filter?: ItemFilter; problem?: string } {
  const terms = words(text);
  if (terms.length === 0) return {};
  const tests: ItemFilter[] = [];
  const wrong: string[] = [];
  for (const term of terms) {
    const colon = term.indexOf(':');
    const field = FIELDS.get(term.slice(0, colon));
    const value = term.slice(colon + 1);
    if (!field || !value) wrong.push(term);
    else tests.push((item) => field(item).some((candidate) => candidate?.toLowerCase() === value));
  }
  if (wrong.length > 0) {
    const named = wrong.slice(0, 3).map((term) => `"${term.slice(0, 60)}"`);
    if (wrong.length > 3) named.push(`${wrong.length - 3} more`);
    const problem = `filter "${text!.slice(0, 100)}": ${named.join(', ')} is not tag:…, agency:… or place:…; showing no items`;
    return { filter: () => false, problem };
  }
  return { filter: (item) => tests.some((test) => test(item)) };
}
