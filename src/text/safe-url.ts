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
