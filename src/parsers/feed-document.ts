import type { ItemContext } from './item.js';
import { FeedParseError, parseJsonFeed, type ParsedFeed } from './json-feed.js';

/**
 * Any feed document, told apart by its content (a Content-Type is often wrong on real servers).
 * JSON Feed today; RSS and Atom join here.
 */
export function parseFeedDocument(body: string, context: ItemContext = {}): ParsedFeed {
  const start = body.trimStart();
  if (start.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(start);
    } catch (error) {
      throw new FeedParseError(`malformed JSON: ${(error as Error).message}`);
    }
    return parseJsonFeed(json, context);
  }
  if (start.startsWith('<')) throw new FeedParseError('XML feeds (RSS, Atom) are not supported yet');
  throw new FeedParseError(start === '' ? 'empty response' : 'not a feed document');
}
