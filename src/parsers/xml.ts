/**
 * A small, tolerant, namespace-aware XML reader for feeds. DOMParser is out: under a host's Trusted
 * Types enforcement `parseFromString` throws even for XML. It builds a plain tree, never expands DTD
 * entities (no "billion laughs"), skips comments, processing instructions and DOCTYPEs, and forgives
 * what real feeds contain: unbalanced tags, stray "<", undeclared prefixes, a document cut off anywhere.
 *
 * It reads each character a bounded number of times: tags and attributes are scanned by hand, never by
 * a pattern that could backtrack, so a truncated or hostile document costs time linear in its length.
 */
import { decodeEntities } from './entities.js';

export interface XmlElement {
  /** The qualified name as written, e.g. "content:encoded". */
  readonly name: string;
  /** The name without its prefix, e.g. "encoded". */
  readonly local: string;
  /** The namespace URI the prefix (or the default namespace) is bound to; '' for none. */
  readonly ns: string;
  /** Attributes by qualified name as written, e.g. "rel", "xml:base", "rdf:about". */
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: (XmlElement | string)[];
  /** Set when the document ended before this element did: it may be missing content. */
  cutOff?: true;
}

export class XmlError extends Error {
  override readonly name = 'XmlError';
}

export const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  atom03: 'http://purl.org/atom/ns#',
  rss1: 'http://purl.org/rss/1.0/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  content: 'http://purl.org/rss/1.0/modules/content/',
  media: 'http://search.yahoo.com/mrss/',
  itunes: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  xhtml: 'http://www.w3.org/1999/xhtml',
} as const;

// Feeds often use these prefixes without declaring them; a careful reader assumes the usual binding.
// Any other undeclared prefix gets a namespace of its own, so it can never pass for a core element.
const USUAL_PREFIXES: Record<string, string> = { xml: 'http://www.w3.org/XML/1998/namespace', ...NS };

type Scope = Record<string, string>;

const MAX_DEPTH = 64;

const isSpace = (code: number) => code === 32 || code === 10 || code === 13 || code === 9;
// Where a name ends: white space, "=", "/", ">", or a quote.
const endsName = (code: number) => isSpace(code) || code === 61 || code === 47 || code === 62 || code === 34 || code === 39;
const startsName = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 58 || code > 127;

function split(name: string): [prefix: string, local: string] {
  const colon = name.indexOf(':');
  return colon < 0 ? ['', name] : [name.slice(0, colon), name.slice(colon + 1)];
}

function resolve(scope: Scope, prefix: string): string {
  return scope[prefix] ?? USUAL_PREFIXES[prefix] ?? (prefix ? `urn:undeclared:${prefix}` : '');
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

interface Tag {
  name: string;
  attributes: Record<string, string>;
  selfClosing: boolean;
  /** Just past the tag's ">"; -1 when the document ends inside the tag. */
  end: number;
}

/** Reads the start tag whose name begins at `from`, one character at a time. */
function readStartTag(text: string, from: number): Tag {
  let i = from;
  while (i < text.length && !endsName(text.charCodeAt(i))) i++;
  const tag: Tag = { name: text.slice(from, i), attributes: Object.create(null) as Record<string, string>, selfClosing: false, end: -1 };
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 62) {
      tag.end = i + 1;
      return tag;
    }
    if (isSpace(code) || code === 34 || code === 39 || code === 61) {
      // White space, or a quote or "=" where a name belongs: skip it.
      i++;
      continue;
    }
    if (code === 47) {
      // "/>", also "/ >" as pasted HTML writes it; any later attribute undoes it.
      tag.selfClosing = true;
      i++;
      continue;
    }
    tag.selfClosing = false;
    const nameStart = i;
    while (i < text.length && !endsName(text.charCodeAt(i))) i++;
    const name = text.slice(nameStart, i);
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    let value = '';
    if (text.charCodeAt(i) === 61) {
      i++;
      while (i < text.length && isSpace(text.charCodeAt(i))) i++;
      const quote = text[i];
      if (quote === '"' || quote === "'") {
        const close = text.indexOf(quote, i + 1);
        if (close < 0) return tag; // cut off inside a value
        value = text.slice(i + 1, close);
        i = close + 1;
      } else {
        const valueStart = i;
        while (i < text.length && !isSpace(text.charCodeAt(i)) && text.charCodeAt(i) !== 62) i++;
        value = text.slice(valueStart, i);
      }
    }
    if (!(name in tag.attributes)) tag.attributes[name] = decodeEntities(value);
  }
  return tag;
}

export function parseXml(text: string): XmlElement {
  const root: XmlElement = { name: '#document', local: '#document', ns: '', attributes: {}, children: [] };
  const stack: XmlElement[] = [root];
  const scopes: Scope[] = [Object.create(null) as Scope];
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
    const next = text.charCodeAt(position + 1);
    if (text.startsWith('<!--', position)) position = skipPast(text, position + 4, '-->');
    else if (text.startsWith('<![CDATA[', position)) {
      const end = text.indexOf(']]>', position + 9);
      top.children.push(text.slice(position + 9, end < 0 ? text.length : end));
      position = end < 0 ? text.length : end + 3;
    } else if (next === 63 /* ? */) position = skipPast(text, position + 2, '?>');
    else if (next === 33 /* ! */) position = skipDoctype(text, position + 2);
    else if (next === 47 /* / */ && startsName(text.charCodeAt(position + 2))) {
      const close = text.indexOf('>', position + 2);
      if (close < 0) break; // cut off inside an end tag
      const name = text.slice(position + 2, close).trim();
      position = close + 1;
      const open = stack.findLastIndex((candidate) => candidate.name === name);
      if (open > 0) {
        stack.length = open;
        scopes.length = open;
      }
    } else if (startsName(next)) {
      const tag = readStartTag(text, position + 1);
      if (tag.end < 0) break; // cut off inside a start tag: keep what came before
      position = tag.end;
      let scope = scopes[scopes.length - 1]!;
      for (const [attribute, value] of Object.entries(tag.attributes)) {
        if (attribute === 'xmlns' || attribute.startsWith('xmlns:')) {
          if (scope === scopes[scopes.length - 1]) scope = Object.create(scope) as Scope;
          scope[attribute.slice(6)] = value;
        }
      }
      // Past a sane depth, tags are dropped and their text stays in the current element: hostile
      // nesting must neither overflow a stack nor cost an object per three bytes.
      if (stack.length >= MAX_DEPTH) continue;
      const [prefix, local] = split(tag.name);
      const child: XmlElement = { name: tag.name, local, ns: resolve(scope, prefix), attributes: tag.attributes, children: [] };
      top.children.push(child);
      if (!tag.selfClosing) {
        stack.push(child);
        scopes.push(scope);
      }
    } else {
      // A stray "<" in text ("1 < 2"): keep it with the text after it rather than fail the whole feed.
      const end = text.indexOf('<', position + 1);
      if (stack.length > 1) top.children.push(decodeEntities(text.slice(position, end < 0 ? text.length : end)));
      position = end < 0 ? text.length : end;
    }
  }
  for (const open of stack) open.cutOff = true;
  const documentElement = root.children.find((child): child is XmlElement => typeof child !== 'string');
  if (!documentElement) throw new XmlError('no root element');
  return documentElement;
}

/** Child elements with this namespace URI and local name (all child elements without arguments). */
export function childElements(parent: XmlElement, ns?: string, local?: string): XmlElement[] {
  return parent.children.filter(
    (child): child is XmlElement => typeof child !== 'string' && (ns === undefined || (child.ns === ns && child.local === local)),
  );
}

export function childElement(parent: XmlElement, ns: string, local: string): XmlElement | undefined {
  return parent.children.find((child): child is XmlElement => typeof child !== 'string' && child.ns === ns && child.local === local);
}

/** An attribute by local name, whatever its prefix ("about" finds "rdf:about"). */
export function attribute(element: XmlElement, local: string): string | undefined {
  if (local in element.attributes) return element.attributes[local];
  for (const [name, value] of Object.entries(element.attributes)) if (split(name)[1] === local) return value;
  return undefined;
}

/** All text inside an element, markup of nested elements dropped. */
export function textContent(node: XmlElement | string | undefined): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node;
  return node.children.map(textContent).join('');
}

/** The text of the first child element with this namespace and local name, or undefined when there is none. */
export function childText(parent: XmlElement, ns: string, local: string): string | undefined {
  const child = childElement(parent, ns, local);
  return child && textContent(child);
}
