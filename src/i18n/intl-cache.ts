/** Intl formatters, plural rules and canonical language tags, made once per key: labels ask every minute. */
const made = new Map<string, unknown>();

/** The value made for `key`, made by `make` the first time it is asked for. */
export function cached<T>(key: string, make: () => T): T {
  let value = made.get(key) as T | undefined;
  if (value === undefined) made.set(key, (value = make()));
  return value;
}
