import type { TickerItem, TickerItemInput } from '../model.js';
import { parseDateline } from './dateline.js';
import { cleanText } from './html-text.js';

/** Longest text kept per item: a ticker shows a paragraph, and a hostile feed must not bloat memory. */
export const MAX_TEXT_LENGTH = 2000;

/** An absolute http(s) URL, or undefined: `javascript:`, `data:` and anything unparsable never become links. */
export function safeHttpUrl(url: unknown, base?: string): string | undefined {
  if (typeof url !== 'string' || url.trim() === '') return undefined;
  try {
    const parsed = new URL(url.trim(), base);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** Epoch ms from a Date, an ISO 8601 / RFC 822 string or a number; NaN when unusable. */
export function toTime(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
  if (typeof value === 'string' && value.trim() !== '') return Date.parse(value.trim());
  return Number.NaN;
}

function truncate(text: string): string {
  if (text.length <= MAX_TEXT_LENGTH) return text;
  const cut = text.lastIndexOf(' ', MAX_TEXT_LENGTH - 1);
  return `${text.slice(0, cut > MAX_TEXT_LENGTH * 0.8 ? cut : MAX_TEXT_LENGTH - 1)}…`;
}

export interface ItemContext {
  /** The feed the item belongs to. */
  source?: string;
  /** What relative links resolve against. */
  baseUrl?: string;
}

/**
 * Builds the normalised item every part of the library uses, or returns why it cannot.
 * Text is expected to be plain already (parsers reduce HTML first); it is cleaned and capped here,
 * and a dateline at its start becomes place and agencies unless the input names them.
 */
export function toTickerItem(input: TickerItemInput, context: ItemContext = {}): TickerItem | string {
  const id = typeof input.id === 'number' && Number.isFinite(input.id) ? String(input.id) : input.id;
  if (typeof id !== 'string' || id.trim() === '') return 'no id';
  const published = toTime(input.published);
  if (Number.isNaN(published)) return 'no valid publication date';
  const updated = input.updated === undefined ? Number.NaN : toTime(input.updated);

  const title = typeof input.title === 'string' ? cleanText(input.title) : '';
  const fullText = cleanText(typeof input.text === 'string' ? input.text : '') || title;
  if (fullText === '') return 'no text';
  const dateline = input.place === undefined && input.agencies === undefined ? parseDateline(fullText) : undefined;
  const place = dateline ? dateline.place : input.place && cleanText(input.place);
  const agencies = dateline ? dateline.agencies : (input.agencies ?? []).map(cleanText).filter(Boolean);

  const item: { -readonly [K in keyof TickerItem]: TickerItem[K] } = {
    id: id.trim(),
    published,
    agencies,
    text: truncate(dateline ? dateline.text : fullText),
  };
  if (!Number.isNaN(updated)) item.updated = updated;
  if (place) item.place = place;
  if (title && title !== fullText) item.title = truncate(title);
  const url = safeHttpUrl(input.url, context.baseUrl);
  if (url) item.url = url;
  if (context.source) item.source = context.source;
  return item;
}
