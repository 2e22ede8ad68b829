import type { ItemContext } from './item.js';
import { parseJsonFeed } from './json-feed.js';
import { FeedParseError, type ParsedFeed } from './parsed-feed.js';
import { parseAtom, parseRss } from './syndication.js';
import { NS, parseXml, XmlError } from './xml.js';

/**
 * Any feed document — JSON Feed, RSS or Atom — told apart by its content: servers often send
 * feeds with a wrong or generic Content-Type.
 */
export function parseFeedDocument(body: string, context: ItemContext = {}): ParsedFeed {
  const start = body.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{')) {
    let json: unknown;
    let warning = '';
    try {
      json = JSON.parse(start);
    } catch (error) {
      // A CMS that pastes an editor's text into a template leaves line breaks and tabs raw inside
      // strings: read them escaped, as a lenient reader does, rather than refuse every item.
      try {
        json = JSON.parse(escapeRawControls(start));
        warning = 'raw control characters in JSON strings, read as escaped';
      } catch {
        throw new FeedParseError(`malformed JSON: ${(error as Error).message}`);
      }
    }
    const parsed = parseJsonFeed(json, context);
    if (warning) parsed.warnings.push(warning);
    return parsed;
  }
  if (start.startsWith('<')) {
    let root;
    try {
      root = parseXml(start);
    } catch (error) {
      throw new FeedParseError(`malformed XML: ${(error as XmlError).message}`);
    }
    // <rss> in whatever namespace a CMS gave it (Userland's, say); RDF for RSS 1.0 and 0.90.
    if (root.local === 'rss' || (root.local === 'RDF' && root.ns === NS.rdf)) return parseRss(root, context);
    if (root.local === 'feed' && [NS.atom, NS.atom03, ''].includes(root.ns)) return parseAtom(root, context);
    throw new FeedParseError(`not a feed: <${root.name}> is not RSS or Atom`);
  }
  throw new FeedParseError(start === '' ? 'empty response' : 'not a feed document (JSON Feed, RSS or Atom)');
}

/**
 * Escapes the control characters (U+0000 to U+001F) that stand raw inside JSON strings. Linear: each
 * string is matched once, to its closing quote or the end (the quote is optional, so no match fails
 * and backtracks).
 */
const escapeRawControls = (json: string) =>
  json.replace(/"(?:[^"\\]|\\[^])*"?/g, (string) =>
    // eslint-disable-next-line no-control-regex -- control characters are what it escapes.
    string.replace(/[\u0000-\u001f]/g, (control) => JSON.stringify(control).slice(1, -1)),
  );
