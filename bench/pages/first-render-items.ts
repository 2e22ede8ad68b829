import seed from '../../demo/seed-items.json';

export function benchItems(count: number): { id: string; published: number; text: string }[] {
  const now = Date.now();
  return Array.from({ length: count }, (_, i) => ({
    id: `item-${i}`,
    published: now - (i + 1) * 97_000,
    text: seed.items[i % seed.items.length]!.text,
  }));
}

/** What a first-render page reports: its items, and when each step ended (ms from the page's first script). */
export interface FirstRender {
  count: number;
  /** The script loaded and evaluated, the element made and in the page. */
  appended: number;
  /** Its first update done: the items and their labels in the DOM (the first `Intl` use included). */
  rendered: number;
  /** The first contentful paint: the frame that painted them. */
  painted: number;
  /** Whether anything was painted before the items were in the DOM (the paint would then not be theirs). */
  paintedBefore: boolean;
}

/** When the page's first script ran (the page's HTML sets `__t0`). */
const pageStart = () => (window as unknown as { __t0: number }).__t0;

/** Milliseconds since the page's first script. */
export const sinceStart = () => performance.now() - pageStart();

/**
 * Reports when the page's steps ended, the last being the first contentful paint, which is the
 * frame that painted the `count` items: nothing was painted before they were in the DOM (checked).
 * The paint's own timestamp, not the moment a later task ran: work the page queues after its first
 * frame (a label's title) is not counted.
 */
export function reportPainted(count: number, appended: number): void {
  const rendered = sinceStart();
  const listedBefore = performance.getEntriesByName('first-contentful-paint').length > 0;
  new PerformanceObserver((entries, observer) => {
    const paint = entries.getEntriesByName('first-contentful-paint')[0];
    if (!paint) return;
    observer.disconnect();
    const painted = paint.startTime - pageStart();
    // A paint is listed only once its frame is presented: one listed late may still predate the items.
    const paintedBefore = listedBefore || painted <= rendered;
    const report: FirstRender = { count, appended, rendered, painted, paintedBefore };
    // The page's one console.debug message, not a global the harness polls: polling injects the
    // harness's own script into the page, a task of 10–25 ms that competed with the raster of the very
    // frame being timed.
    console.debug(JSON.stringify(report));
  }).observe({ type: 'paint', buffered: true });
}
