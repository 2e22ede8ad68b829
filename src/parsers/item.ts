import type { ItemImage, TickerItem, TickerItemInput } from '../model.js';
import { parseDateline } from '../text/dateline.js';
import { safeHttpUrl } from '../text/safe-url.js';
import { parseFeedDate } from './date.js';
import { cleanText } from './html-text.js';

/** Longest text kept per item: a ticker shows a paragraph, and a hostile feed must not bloat memory. */
export const MAX_TEXT_LENGTH = 2000;

/** Longest image URL taken: a longer one is a hostile feed's, not a picture's. */
const MAX_IMAGE_URL = 2048;

/** A picture's side in CSS pixels, when the feed gives a sane one. */
const side = (value: unknown) => {
  const number = Number(value);
  return number > 0 && number <= 10_000 ? Math.round(number) : undefined;
};

/** The item's picture: an http(s) URL of sane length, with its size and description where given. */
function cleanImage(input: TickerItemInput['image'], baseUrl: string | undefined): ItemImage | undefined {
  const given = typeof input === 'string' ? { url: input } : input;
  const url = typeof given?.url === 'string' && given.url.length <= MAX_IMAGE_URL ? safeHttpUrl(given.url, baseUrl) : undefined;
  if (!url) return undefined;
  const width = side(given!.width);
  const height = side(given!.height);
  const alt = typeof given!.alt === 'string' ? cleanText(given!.alt).slice(0, 300) : '';
  return { url, ...(width && height ? { width, height } : {}), ...(alt ? { alt } : {}) };
}

/** Most tags kept per item, and the longest tag: a newsroom's taxonomy, not a hostile feed's thousands. */
export const MAX_TAGS = 32;
const MAX_TAG_LENGTH = 100;

/** The strings among `input`, cleaned, without repeats (compared case-insensitively), at most MAX_TAGS. */
function cleanTags(input: unknown): string[] {
  const tags: string[] = [];
  if (!Array.isArray(input)) return tags;
  const seen = new Set<string>();
  for (const raw of input) {
    if (tags.length === MAX_TAGS) break;
    const tag = typeof raw === 'string' ? cleanText(raw).slice(0, MAX_TAG_LENGTH) : '';
    const key = tag.toLowerCase();
    if (tag && !seen.has(key)) {
      seen.add(key);
      tags.push(tag);
    }
  }
  return tags;
}

/** Epoch ms from a Date, a feed date string (see parseFeedDate) or a number; NaN when unusable. */
export function toTime(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
  return typeof value === 'string' ? parseFeedDate(value) : Number.NaN;
}

function truncate(text: string): string {
  if (text.length <= MAX_TEXT_LENGTH) return text;
  const cut = text.lastIndexOf(' ', MAX_TEXT_LENGTH - 1);
  return `${text.slice(0, cut > MAX_TEXT_LENGTH * 0.8 ? cut : MAX_TEXT_LENGTH - 1)}…`;
}

/** A short, stable digest (two 32-bit FNV-1a hashes): the same text gives the same id for every reader. */
function digest(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
  }
  return (a >>> 0).toString(36) + (b >>> 0).toString(36);
}

export interface ItemContext {
  /** The feed the item belongs to. */
  source?: string;
  /** What relative links resolve against. */
  baseUrl?: string;
  /** Collects dates that could not be read (the item is kept, undated), for one warning per load. */
  unreadableDates?: string[];
}

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * Builds the normalised item every part of the library uses, or returns why it cannot.
 * Text is expected to be plain already (parsers reduce HTML first); it is cleaned and capped here,
 * and a dateline at its start becomes place and agencies unless the input names them. An item
 * without a date is kept undated; one without an id gets one derived from its link, else its text.
 */
export function toTickerItem(input: TickerItemInput, context: ItemContext = {}): TickerItem | string {
  const title = typeof input.title === 'string' ? cleanText(input.title) : '';
  const fullText = cleanText(typeof input.text === 'string' ? input.text : '') || title;
  if (fullText === '') return 'no text';
  const url = safeHttpUrl(input.url, context.baseUrl);
  const rawId = typeof input.id === 'number' && Number.isFinite(input.id) ? String(input.id) : input.id;
  const id = typeof rawId === 'string' && rawId.trim() !== '' ? rawId.trim() : (url ?? `urn:digest:${digest(`${title}\n${fullText}`)}`);

  const published = toTime(input.published);
  if (Number.isNaN(published) && !isBlank(input.published)) context.unreadableDates?.push(String(input.published));
  const updated = toTime(input.updated);
  const dateline = input.place === undefined && input.agencies === undefined ? parseDateline(fullText) : undefined;
  const place = dateline ? dateline.place : input.place && cleanText(input.place);
  const agencies = dateline ? dateline.agencies : (input.agencies ?? []).map(cleanText).filter(Boolean);

  const item: { -readonly [K in keyof TickerItem]: TickerItem[K] } = {
    id,
    agencies,
    text: truncate(dateline ? dateline.text : fullText),
  };
  if (!Number.isNaN(published)) item.published = published;
  if (!Number.isNaN(updated)) item.updated = updated;
  if (place) item.place = place;
  // A title the text starts with (a dateline, or a headline the CMS also wrote into the text) is said once, in the text.
  if (title && !fullText.toLowerCase().startsWith(title.toLowerCase())) item.title = truncate(title);
  if (url) item.url = url;
  if (context.source) item.source = context.source;
  const tags = cleanTags(input.tags);
  if (tags.length) item.tags = tags;
  const image = cleanImage(input.image, context.baseUrl);
  if (image) item.image = image;
  return item;
}
