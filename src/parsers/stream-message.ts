import type { FeedUpdate } from '../model.js';
import type { ItemContext } from './item.js';
import { isObject, parseJsonFeed, parseJsonFeedItem } from './json-feed.js';

/**
 * One SSE `data` or WebSocket text message: a JSON Feed document (its items are upserted), a single
 * JSON Feed item (upserted by id), or `{"id": "…", "deleted": true}`. Returns the update, or the
 * reason the message was ignored.
 */
export function parseStreamMessage(data: string, source: string, context: ItemContext = {}): FeedUpdate | string {
  let message: unknown;
  try {
    message = JSON.parse(data);
  } catch {
    return `message is not JSON: ${data.slice(0, 60)}`;
  }
  if (!isObject(message)) return 'message is not a JSON object';
  if (Array.isArray(message.items)) {
    const { items, next } = parseJsonFeed(message, { ...context, source });
    return { kind: 'upsert', source, items, ...(next && { next }) };
  }
  if (message.deleted === true) {
    return typeof message.id === 'string' || typeof message.id === 'number'
      ? { kind: 'delete', source, ids: [String(message.id)] }
      : 'deletion without an id';
  }
  const item = parseJsonFeedItem(message, { ...context, source });
  return typeof item === 'string' ? `item skipped: ${item}` : { kind: 'upsert', source, items: [item] };
}
