import type { TickerItem } from '../model.js';
import { safeHttpUrl } from '../text/safe-url.js';
import type { SourceState } from './fold.js';

/**
 * Instant return visits: the items a reader last saw of a feed, kept in the browser
 * (localStorage) and shown at once on the next visit, marked not current until the feed answers.
 * Only feed content is kept — the newest items, never statuses, errors or anything of the page —
 * and for a day. Storage that is full, blocked or absent (private windows, partitioned
 * third-party contexts) just means nothing is kept.
 */

const PREFIX = 'live-ticker:items:';
/** How long kept items are shown on a return visit. */
export const RETURN_VISIT_MAX_AGE = 24 * 60 * 60_000;

/** What is kept of a feed: the items its blocks show, and what it retracted (so a cached page's copy stays hidden). */
export interface Kept {
  readonly items: readonly TickerItem[];
  readonly retracted?: readonly string[];
}

interface Saved extends Kept {
  readonly savedAt: number;
}

const isString = (value: unknown) => typeof value === 'string';

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined; // reading the property itself throws where storage is blocked
  } catch {
    return undefined;
  }
}

type Check = (value: unknown) => boolean;
const isStrings: Check = (value) => Array.isArray(value) && value.every(isString);
const optional =
  (check: Check): Check =>
  (value) =>
    value === undefined || check(value);

/**
 * What each field of a kept item must be. Undated items are kept too: they carry no `published`, only
 * where they sort among the dated.
 */
const KEPT_FIELDS: Record<string, Check> = {
  id: isString,
  text: isString,
  agencies: isStrings,
  published: optional(Number.isFinite),
  sortTime: optional(Number.isFinite),
  updated: optional(Number.isFinite),
  tags: optional(isStrings),
  place: optional(isString),
  title: optional(isString),
  url: optional((url) => safeHttpUrl(url) !== undefined),
};

/** Another script of the origin may have written anything there: only well-formed items come back, links only http(s). */
function wellFormed(item: unknown): item is TickerItem {
  return (
    typeof item === 'object' &&
    item !== null &&
    Object.entries(KEPT_FIELDS).every(([field, check]) => check((item as Record<string, unknown>)[field]))
  );
}

/**
 * The state a feed starts from on a return visit: the items kept within the last day, loaded but not
 * current, and the ids it retracted; undefined when nothing is kept.
 */
export function keptState(source: string, now = Date.now()): SourceState | undefined {
  const store = storage();
  try {
    const raw = store?.getItem(PREFIX + source);
    if (!raw) return undefined;
    const kept = JSON.parse(raw) as Partial<Saved>;
    const fresh = typeof kept.savedAt === 'number' && now - kept.savedAt < RETURN_VISIT_MAX_AGE && kept.savedAt <= now + 60_000;
    if (!fresh || !Array.isArray(kept.items)) {
      store?.removeItem(PREFIX + source);
      return undefined;
    }
    const items = kept.items.filter(wellFormed);
    const retracted = Array.isArray(kept.retracted) ? kept.retracted.filter(isString) : [];
    return items.length || retracted.length ? { source, items, status: 'stale', loaded: true, skipped: [], retracted } : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps items and retractions of a loaded feed for the next visit. */
export function keepItems(source: string, kept: Kept, now = Date.now()): void {
  const store = storage();
  if (!store) return;
  try {
    store.setItem(PREFIX + source, JSON.stringify({ savedAt: now, ...kept } satisfies Saved));
  } catch {
    // Full or blocked: the next visit simply waits for the feed.
  }
}

/** Forgets what was kept for a feed (a block that opts out). */
export function forgetItems(source: string): void {
  try {
    storage()?.removeItem(PREFIX + source);
  } catch {
    // Blocked storage holds nothing to forget.
  }
}

/** Removes every expired entry, and every one that cannot be read, so feeds never visited again do not stay behind. */
export function sweepKeptItems(now = Date.now()): void {
  const store = storage();
  let keys: string[];
  try {
    keys = Object.keys(store ?? {}).filter((key) => key.startsWith(PREFIX));
  } catch {
    return; // blocked: nothing to sweep
  }
  for (const key of keys) {
    try {
      const savedAt = (JSON.parse(store!.getItem(key) ?? 'null') as Partial<Saved> | null)?.savedAt;
      if (typeof savedAt === 'number' && now - savedAt < RETURN_VISIT_MAX_AGE) continue;
    } catch {
      // Malformed: swept below like an expired one.
    }
    try {
      store!.removeItem(key);
    } catch {
      // Blocked on the way: the next visit tries again.
    }
  }
}
