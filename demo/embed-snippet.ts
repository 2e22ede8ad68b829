/**
 * What the embed builder makes from a publisher's choices: the block's attributes, its
 * server-rendered items, the snippet text and the CSP lines. Pure functions, so the preview (built
 * with DOM calls) and the snippet (text) come from one description and cannot drift apart.
 */
import { relativeLabel } from '../src/clock/relative-label.js';
import type { TickerItem } from '../src/model.js';
import { parseFilter } from '../src/store/filter.js';
import { formatDateline } from '../src/text/dateline.js';

export interface EmbedChoices {
  /** Absolute feed URLs. */
  readonly feedUrls: readonly string[];
  readonly heading: string;
  /** A BCP 47 tag, or '' for the page's own language. */
  readonly lang: string;
  readonly layout: 'list' | 'marquee';
  readonly theme: '' | 'light' | 'dark' | 'auto';
  readonly density: '' | 'compact' | 'comfortable';
  readonly maxItems: number;
  /** The block's `filter` ('' for every item). */
  readonly filter: string;
  /** `pinned-tags` and `breaking-tags` as typed; the defaults are left out of the snippet. */
  readonly pinnedTags: string;
  readonly breakingTags: string;
  /** Lines of summary under a headline (0 to 6). */
  readonly summaryLines: number;
  /** Whether items show their pictures (`images`). */
  readonly images: boolean;
  /** Absolute URL of `live-ticker.js`. */
  readonly scriptUrl: string;
}

/** A server-rendered `<live-ticker-item>`: what it says and when, with the label it reads now. */
export interface ServerItem {
  readonly id: string;
  /** Absent for an undated item, which shows no label. */
  readonly datetime?: string;
  readonly href?: string | undefined;
  readonly text: string;
  readonly label?: string;
}

const RTL_LANGS = new Set(['ar', 'he', 'fa', 'ur']);
const FEED_PROTOCOLS = new Set(['http:', 'https:', 'ws:', 'wss:']);

/** The feed URLs typed (separated by spaces), made absolute against `base`; or why they cannot be used. */
export function parseFeedUrls(input: string, base: string): { urls: string[] } | { error: string } {
  const words = input.split(/\s+/).filter(Boolean);
  if (words.length === 0) return { error: 'Enter the address of a feed.' };
  const urls: string[] = [];
  for (const word of words) {
    let url: URL;
    try {
      url = new URL(word, base);
    } catch {
      return { error: `"${word}" is not a URL.` };
    }
    if (!FEED_PROTOCOLS.has(url.protocol)) return { error: `"${word}" is not an http(s) or ws(s) address.` };
    if (!urls.includes(url.href)) urls.push(url.href);
  }
  return { urls };
}

/** An absolute http(s) URL for the script tag, or undefined. */
export function parseScriptUrl(input: string, base: string): string | undefined {
  try {
    const url = new URL(input.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Every attribute the builder may set on the block (the element reflects others, such as `status`, itself). */
export const BLOCK_ATTRIBUTES = [
  'lang',
  'dir',
  'heading',
  'feed-url',
  'filter',
  'layout',
  'theme',
  'density',
  'max-items',
  'summary-lines',
  'pinned-tags',
  'breaking-tags',
  'images',
] as const;

/** The element's own defaults: a choice equal to one is left out of the snippet. */
const DEFAULTS = { pinnedTags: 'pinned', breakingTags: 'breaking urgent', summaryLines: 2 };
const squeezed = (text: string) => text.trim().replace(/\s+/g, ' ');

/** The `<live-ticker>` attributes, in snippet order; defaults are left out except the layout and `max-items`, which are deliberate choices. */
export function blockAttributes(choices: EmbedChoices): [name: string, value: string][] {
  const attributes: [string, string][] = [];
  if (choices.lang) attributes.push(['lang', choices.lang]);
  if (RTL_LANGS.has(choices.lang.split('-')[0]!.toLowerCase())) attributes.push(['dir', 'rtl']);
  if (choices.heading.trim()) attributes.push(['heading', choices.heading.trim()]);
  attributes.push(['feed-url', choices.feedUrls.join(' ')]);
  if (squeezed(choices.filter)) attributes.push(['filter', squeezed(choices.filter)]);
  attributes.push(['layout', choices.layout]);
  if (choices.theme) attributes.push(['theme', choices.theme]);
  if (choices.density) attributes.push(['density', choices.density]);
  attributes.push(['max-items', String(choices.maxItems)]);
  if (choices.summaryLines !== DEFAULTS.summaryLines) attributes.push(['summary-lines', String(choices.summaryLines)]);
  if (squeezed(choices.pinnedTags) !== DEFAULTS.pinnedTags) attributes.push(['pinned-tags', squeezed(choices.pinnedTags)]);
  if (squeezed(choices.breakingTags) !== DEFAULTS.breakingTags) attributes.push(['breaking-tags', squeezed(choices.breakingTags)]);
  if (choices.images) attributes.push(['images', '']);
  return attributes;
}

/** The newest `maxItems` items the block's filter shows, as server-rendered children, labelled for `now` in `lang`. */
export function serverItems(
  items: readonly TickerItem[],
  choices: Pick<EmbedChoices, 'lang' | 'maxItems'> & Partial<Pick<EmbedChoices, 'filter'>>,
  now: number,
): ServerItem[] {
  const { filter = () => true } = parseFilter(choices.filter);
  return items
    .filter(filter)
    .slice(0, choices.maxItems)
    .map((item) => {
      const dateline = formatDateline(item.place, item.agencies);
      const text = dateline ? `${dateline} - ${item.text}` : item.text;
      if (item.published === undefined) return { id: item.id, href: item.url, text };
      return {
        id: item.id,
        datetime: new Date(item.published).toISOString(),
        href: item.url,
        text,
        label: relativeLabel(item.published, now, { lang: choices.lang || 'en' }).text,
      };
    });
}

/** Text made safe inside HTML text and quoted attribute values: every character that could end either is escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const attributeText = (attributes: readonly (readonly [string, string | undefined])[]) =>
  attributes
    .filter((pair): pair is [string, string] => pair[1] !== undefined)
    .map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`))
    .join('');

/** The HTML a publisher pastes: the script tag and the element, with any server-rendered items inside. */
export function snippet(choices: EmbedChoices, items: readonly ServerItem[] = []): string {
  const open = `<live-ticker${attributeText(blockAttributes(choices))}>`;
  const children = items.map(
    (item) =>
      `  <live-ticker-item${attributeText([
        ['item-id', item.id],
        ['datetime', item.datetime],
        ['href', item.href],
      ])}>${escapeHtml(item.text)}${
        item.datetime === undefined
          ? ''
          : `\n    <live-ticker-time slot="time" datetime="${escapeHtml(item.datetime)}">${escapeHtml(item.label ?? '')}</live-ticker-time>`
      }
  </live-ticker-item>`,
  );
  const block = children.length ? `${open}\n${children.join('\n')}\n</live-ticker>` : `${open}</live-ticker>`;
  return `<script src="${escapeHtml(choices.scriptUrl)}" async></script>\n${block}\n`;
}

/** An origin as a CSP source expression. */
const origin = (url: string) => new URL(url).origin;

/** The CSP directives a host page needs for the block: where the script and the feeds come from, and Lit's Trusted Types policy. */
export function cspLines(choices: EmbedChoices): string[] {
  const feedOrigins = [...new Set(choices.feedUrls.map(origin))];
  // Pictures come from wherever a feed's items point (a CDN, as often as not): any https origin, and the feeds' own.
  const imageSources = [...new Set(['https:', ...feedOrigins.filter((feed) => feed.startsWith('http:'))])];
  return [
    `script-src ${origin(choices.scriptUrl)}`,
    `connect-src ${feedOrigins.join(' ')}`,
    ...(choices.images ? [`img-src ${imageSources.join(' ')}`] : []),
    "trusted-types lit-html 'allow-duplicates'",
  ];
}
