/**
 * The language an element speaks: `lang` on itself or the nearest ancestor, crossing shadow
 * roots (a label inside a ticker's shadow DOM follows the ticker's page), else the document's,
 * else the browser's.
 */
export function resolveLang(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return globalThis.navigator?.language ?? 'en';
}
