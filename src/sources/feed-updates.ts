import type { Observable } from 'rxjs';
import type { FeedUpdate } from '../model.js';
import { httpFeed } from './http-feed.js';
import type { FeedOptions } from './reconnect.js';
import { websocketFeed } from './websocket-feed.js';

/**
 * The Observable of updates for a feed URL: `ws:`/`wss:` is a WebSocket stream; over HTTP the
 * response decides (`text/event-stream` is an SSE stream, anything else a polled document).
 */
export function feedUpdates(url: string, options?: FeedOptions): Observable<FeedUpdate> {
  return /^wss?:/i.test(url) ? websocketFeed(url, options) : httpFeed(url, options);
}
