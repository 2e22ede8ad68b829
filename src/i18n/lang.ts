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

const listeners = new Set<() => void>();
let observer: MutationObserver | undefined;

/**
 * Calls `listener` when any `lang` attribute in the document changes (a page switching language).
 * One MutationObserver serves every element; it stops when the last listener leaves.
 */
export function watchLang(listener: () => void): () => void {
  listeners.add(listener);
  if (!observer && typeof MutationObserver !== 'undefined' && globalThis.document) {
    observer = new MutationObserver(() => listeners.forEach((each) => each()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  };
}
