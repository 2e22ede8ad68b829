import seed from '../demo/seed-items.json';
import type { TickerItemInput } from '../src/model.js';

/** A fixed moment for stories, so labels read exactly as the seed page. */
export const STORY_NOW = Date.parse('2026-11-27T12:00:20Z');

/** The seed's seven items, published the seed's minutes before `now`. */
export function seedItems(now = STORY_NOW): TickerItemInput[] {
  return seed.items.map((item) => ({ id: item.id, published: now - item.minutesAgo * 60_000, text: item.text }));
}
