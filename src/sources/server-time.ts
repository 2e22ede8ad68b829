import type { ServerTime } from '../model.js';

/**
 * What time a feed server says it is, from a response's `Date` header (plus `Age`, for a copy a cache
 * has held), and when the reader's clock (`receivedAt`) received it. Readers' clocks are often minutes
 * off; the server's is usually right. Cross-origin, a script sees `Date` only when the server lists it
 * in `Access-Control-Expose-Headers`; without it there is no reading.
 */
export function serverTimeOf(headers: Headers, receivedAt: number): ServerTime | undefined {
  const date = Date.parse(headers.get('Date') ?? '');
  const age = Number(headers.get('Age'));
  // The header counts whole seconds: the reading was taken somewhere in the second after it.
  return date ? { at: date + (age > 0 ? age * 1000 : 0) + 500, receivedAt } : undefined;
}
