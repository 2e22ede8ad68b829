import { defaultClock, type PageClock } from './page-clock.js';

/**
 * Tells the page clock what time a feed server says it is, from a response's `Date` header (plus
 * `Age`, for a copy a cache has held). Readers' clocks are often minutes off; the server's is
 * usually right. Cross-origin, a script sees `Date` only when the server lists it in
 * `Access-Control-Expose-Headers`; without it nothing is corrected.
 */
export function reportServerDate(headers: Headers, clock: PageClock = defaultClock()): void {
  const date = Date.parse(headers.get('Date') ?? '');
  if (!Number.isFinite(date)) return;
  const age = Number(headers.get('Age'));
  // The header counts whole seconds: the reading was taken somewhere in the second after it.
  clock.reportServerTime(date + (age > 0 ? age * 1000 : 0) + 500);
}
