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
    try {
      json = JSON.parse(start);
    } catch (error) {
      throw new FeedParseError(`malformed JSON: ${(error as Error).message}`);
    }
    return parseJsonFeed(json, context);
  }
  if (start.startsWith('<')) {
    let root;
    try {
      root = parseXml(start);
    } catch (error) {
      throw new FeedParseError(`malformed XML: ${(error as XmlError).message}`);
    }
    if ((root.local === 'rss' && root.ns === '') || (root.local === 'RDF' && root.ns === NS.rdf)) return parseRss(root, context);
    if (root.local === 'feed' && (root.ns === NS.atom || root.ns === '')) return parseAtom(root, context);
    throw new FeedParseError(`not a feed: the document is <${root.name}>`);
  }
  throw new FeedParseError(start === '' ? 'empty response' : 'not a feed document (JSON Feed, RSS or Atom)');
}
