/**
 * A small, tolerant XML reader for feeds. DOMParser is out: under a host's Trusted Types
 * enforcement `parseFromString` throws even for XML. It builds a plain tree, never expands DTD
 * entities (no "billion laughs"), skips comments, processing instructions and DOCTYPEs, and forgives
 * the unbalanced tags real feeds contain.
 */
import { decodeEntities } from './html-text.js';

export interface XmlElement {
  /** The qualified name as written, e.g. "content:encoded". */
  readonly name: string;
  /** The name without its prefix, e.g. "encoded". */
  readonly local: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: (XmlElement | string)[];
}

export class XmlError extends Error {
  override readonly name = 'XmlError';
}

const MAX_DEPTH = 64;
const TAG = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>/y;
const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function element(name: string, rawAttributes: string): XmlElement {
  const attributes: Record<string, string> = {};
  for (const match of rawAttributes.matchAll(ATTRIBUTE)) {
    attributes[match[1]!] = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '');
  }
  return { name, local: localName(name), attributes, children: [] };
}

/** Where the construct starting at `from` ends (just past `close`), or the end of the text. */
function skipPast(text: string, from: number, close: string): number {
  const end = text.indexOf(close, from);
  return end < 0 ? text.length : end + close.length;
}

/** Past a DOCTYPE, including an internal subset in brackets. */
function skipDoctype(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const char = text[i];
    if (char === '[') depth++;
    else if (char === ']') depth--;
    else if (char === '>' && depth <= 0) return i + 1;
  }
  return text.length;
}

export function parseXml(text: string): XmlElement {
  const root: XmlElement = { name: '#document', local: '#document', attributes: {}, children: [] };
  const stack: XmlElement[] = [root];
  let position = 0;
  while (position < text.length) {
    const lt = text.indexOf('<', position);
    const top = stack[stack.length - 1]!;
    if (lt < 0 || lt > position) {
      const raw = text.slice(position, lt < 0 ? text.length : lt);
      if (stack.length > 1 && raw.trim() !== '') top.children.push(decodeEntities(raw));
      if (lt < 0) break;
      position = lt;
      continue;
    }
    if (text.startsWith('<!--', position)) position = skipPast(text, position + 4, '-->');
    else if (text.startsWith('<![CDATA[', position)) {
      const end = text.indexOf(']]>', position + 9);
      top.children.push(text.slice(position + 9, end < 0 ? text.length : end));
      position = end < 0 ? text.length : end + 3;
    } else if (text.startsWith('<?', position)) position = skipPast(text, position + 2, '?>');
    else if (text.startsWith('<!', position)) position = skipDoctype(text, position + 2);
    else {
      TAG.lastIndex = position;
      const match = TAG.exec(text);
      if (!match) {
        // A stray "<" in text: keep it as text rather than fail the whole feed.
        if (stack.length > 1) top.children.push('<');
        position++;
        continue;
      }
      position = TAG.lastIndex;
      const [, closing, name, rawAttributes, selfClosing] = match as unknown as [string, string, string, string, string];
      if (closing) {
        const open = stack.findLastIndex((candidate) => candidate.name === name);
        if (open > 0) stack.length = open;
      } else {
        const child = element(name, rawAttributes);
        top.children.push(child);
        // Past a sane depth, content stays in the current element: hostile nesting must not overflow the stack.
        if (!selfClosing && stack.length < MAX_DEPTH) stack.push(child);
      }
    }
  }
  const documentElement = root.children.find((child): child is XmlElement => typeof child !== 'string');
  if (!documentElement) throw new XmlError('no root element');
  return documentElement;
}

/** Child elements with this local name (or qualified name, when it has a prefix). */
export function childElements(parent: XmlElement, name?: string): XmlElement[] {
  return parent.children.filter(
    (child): child is XmlElement =>
      typeof child !== 'string' && (name === undefined || (name.includes(':') ? child.name === name : child.local === name)),
  );
}

export function childElement(parent: XmlElement, name: string): XmlElement | undefined {
  return childElements(parent, name)[0];
}

/** All text inside an element, markup of nested elements dropped. */
export function textContent(node: XmlElement | string | undefined): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node;
  return node.children.map(textContent).join('');
}

/** The text of the first child element with this name, or undefined when there is none. */
export function childText(parent: XmlElement, name: string): string | undefined {
  const child = childElement(parent, name);
  return child && textContent(child);
}
