/**
 * A small, tolerant, namespace-aware XML reader for feeds. DOMParser is out: under a host's Trusted
 * Types enforcement `parseFromString` throws even for XML. It builds a plain tree, expands the entities
 * an internal DTD subset declares within a budget (no "billion laughs") and fetches no external one,
 * skips comments and processing instructions, and forgives what real feeds contain: unbalanced tags,
 * stray "<", undeclared prefixes, a document cut off anywhere.
 *
 * It reads each character a bounded number of times: tags and attributes are scanned by hand, never by
 * a pattern that could backtrack (entity declarations by one anchored at each declaration's start), so
 * a truncated or hostile document costs time linear in its length.
 */
import { decodeEntities, type DeclaredEntities } from './entities.js';

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
} as const;

// Namespaces some generators write for one we know (Squarespace's Media RSS): read as that one.
const sameAs = (uri: string) => (uri === 'http://www.rssboard.org/media-rss' ? NS.media : uri);

// Feeds often use these prefixes without declaring them; a careful reader assumes the usual binding.
// Any other undeclared prefix gets a namespace of its own, so it can never pass for a core element.
const USUAL_PREFIXES: Record<string, string> = { xml: 'http://www.w3.org/XML/1998/namespace', ...NS };

type Scope = Record<string, string>;

/** Deepest nesting kept, and most attributes kept per element: a hostile document must not grow one object without bound. */
const MAX = 64;

const isSpace = (code: number) => code === 32 || code === 10 || code === 13 || code === 9;
// Where a name ends: white space, "=", "/", ">", or a quote.
const endsName = (code: number) => isSpace(code) || code === 61 || code === 47 || code === 62 || code === 34 || code === 39;
const startsName = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 58 || code > 127;

/** A qualified name without its prefix. */
const localName = (name: string) => name.slice(name.indexOf(':') + 1);

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

/**
 * Records the general entities a DOCTYPE's internal subset declares, each value decoded once, with
 * the entities declared before it, when it is declared. The first declaration of a name wins, as in
 * XML; parameter entities (`%`) and external ones (`SYSTEM`, `PUBLIC`) are not read: no network.
 * Any `<!…>` markup is read this way, not only a DOCTYPE (nor is a comment inside it skipped): a
 * declaration elsewhere is not XML, but whoever wrote it wrote the rest of the document too.
 */
function declareEntities(doctype: string, declared: DeclaredEntities): void {
  // Split at each declaration and matched from its start only, so each character is read once or twice
  // (the text before the first, "<!DOCTYPE…", never matches).
  for (const declaration of doctype.split('<!ENTITY')) {
    const [, name, , value] = /^\s+([^\s%"']+)\s+(["'])(.*?)\2/s.exec(declaration) ?? [];
    if (name && !declared.names.has(name)) declared.names.set(name, decodeEntities(value!, declared));
  }
}

/** Whether the "<" at `at` starts markup; any other "<" ("1 < 2") is text. */
function startsMarkup(text: string, at: number): boolean {
  const next = text.charCodeAt(at + 1);
  return next === 33 /* ! */ || next === 63 /* ? */ || startsName(next) || (next === 47 /* / */ && startsName(text.charCodeAt(at + 2)));
}

// Elements without attributes share this empty object (most feed elements have none); attributes
// objects inherit from it, so that no name ("constructor", "__proto__") is anything but an attribute.
const NO_ATTRIBUTES = Object.create(null) as Record<string, string>;

export function parseXml(text: string): XmlElement {
  const root = { children: [] as XmlElement['children'] } as XmlElement;
  const stack = [root];
  const scopes: Scope[] = [Object.create(null) as Scope];
  const declared: DeclaredEntities = { names: new Map(), budget: text.length };
  // The start tag being read.
  let attributes: Record<string, string>;
  let scope: Scope;
  let selfClosing: boolean;

  /**
   * Reads a start tag's attributes from `i`, one character at a time, never by a pattern that could
   * backtrack; returns where the tag ends (just past its ">"), or -1 when the document ends inside it.
   */
  const readAttributes = (i: number): number => {
    for (let count = 0; i < text.length;) {
      const code = text.charCodeAt(i);
      if (code === 62) return i + 1;
      if (isSpace(code) || code === 34 || code === 39 || code === 61) {
        // White space, or a quote or "=" where a name belongs: skip it.
        i++;
        continue;
      }
      if (code === 47) {
        // "/>", also "/ >" as pasted HTML writes it; any later attribute undoes it.
        selfClosing = true;
        i++;
        continue;
      }
      selfClosing = false;
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
          if (close < 0) break; // cut off inside a value
          value = text.slice(i + 1, close);
          i = close + 1;
        } else {
          const valueStart = i;
          while (i < text.length && !isSpace(text.charCodeAt(i)) && text.charCodeAt(i) !== 62) i++;
          value = text.slice(valueStart, i);
        }
      }
      // Past MAX attributes, the rest are read over and dropped.
      if (count < MAX && !(name in attributes)) {
        if (!count++) attributes = Object.create(NO_ATTRIBUTES) as Record<string, string>;
        value = attributes[name] = decodeEntities(value, declared);
        if (name === 'xmlns' || name.startsWith('xmlns:')) {
          if (scope === scopes[scopes.length - 1]) scope = Object.create(scope) as Scope;
          scope[name.slice(6)] = sameAs(value);
        }
      }
    }
    return -1;
  };

  let position = 0;
  while (position < text.length) {
    const top = stack[stack.length - 1]!;
    // Text runs to the next "<" that starts markup: a stray "<" ("1 < 2") stays in it rather than fail the whole feed.
    let lt = position - 1;
    do lt = text.indexOf('<', lt + 1);
    while (lt >= 0 && !startsMarkup(text, lt));
    if (lt !== position) {
      const raw = text.slice(position, lt < 0 ? text.length : lt);
      if (stack.length > 1 && raw.trim() !== '') top.children.push(decodeEntities(raw, declared));
      if (lt < 0) break;
      position = lt;
    }
    const next = text.charCodeAt(position + 1);
    if (text.startsWith('<!--', position)) position = skipPast(text, position + 4, '-->');
    else if (text.startsWith('<![CDATA[', position)) {
      const end = text.indexOf(']]>', position + 9);
      top.children.push(text.slice(position + 9, end < 0 ? text.length : end));
      position = end < 0 ? text.length : end + 3;
    } else if (next === 63 /* ? */) position = skipPast(text, position + 2, '?>');
    else if (next === 33 /* ! */) {
      const end = skipDoctype(text, position + 2);
      declareEntities(text.slice(position, end), declared);
      position = end;
    } else if (next === 47 /* / */) {
      const close = text.indexOf('>', position + 2);
      if (close < 0) break; // cut off inside an end tag
      const name = text.slice(position + 2, close).trim();
      position = close + 1;
      const open = stack.findLastIndex((candidate) => candidate.name === name);
      if (open > 0) {
        stack.length = open;
        scopes.length = open;
      }
    } else {
      let i = position + 1;
      while (i < text.length && !endsName(text.charCodeAt(i))) i++;
      const name = text.slice(position + 1, i);
      attributes = NO_ATTRIBUTES;
      scope = scopes[scopes.length - 1]!;
      selfClosing = false;
      position = readAttributes(i);
      if (position < 0) break; // cut off inside a start tag: keep what came before
      // Past a sane depth, tags are dropped and their text stays in the current element: hostile
      // nesting must neither overflow a stack nor cost an object per three bytes.
      if (stack.length >= MAX) continue;
      const colon = name.indexOf(':');
      const prefix = colon < 0 ? '' : name.slice(0, colon);
      const child: XmlElement = {
        name,
        local: name.slice(colon + 1),
        ns: scope[prefix] ?? USUAL_PREFIXES[prefix] ?? (prefix ? `urn:undeclared:${prefix}` : ''),
        attributes,
        children: [],
      };
      top.children.push(child);
      if (!selfClosing) {
        stack.push(child);
        scopes.push(scope);
      }
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
  for (const [name, value] of Object.entries(element.attributes)) if (localName(name) === local) return value;
  return undefined;
}

/** All text inside an element, markup of nested elements dropped. */
export function textContent(node: XmlElement | string | undefined): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node;
  // A loop, not map and join: an element of a million empty elements must not cost an array of them.
  let text = '';
  for (const child of node.children) text += textContent(child);
  return text;
}

/** The text of the first child element with this namespace and local name, or undefined when there is none. */
export function childText(parent: XmlElement, ns: string, local: string): string | undefined {
  const child = childElement(parent, ns, local);
  return child && textContent(child);
}
