import { Observable } from 'rxjs';
import { FeedError, type FeedUpdate } from '../model.js';
import { parseStreamMessage } from '../parsers/stream-message.js';
import {
  FEED_DEFAULTS,
  LAST_EVENT_ID_PARAM,
  pageScheduler,
  reconnecting,
  resumeUrl,
  type AttemptStep,
  type FeedOptions,
} from './reconnect.js';

/**
 * A feed over WebSocket (`ws:`/`wss:`): every text message is JSON (a JSON Feed document, one item,
 * or a deletion). A closed or failed connection is reopened with backoff; messages keep the items.
 *
 * Resuming, opt-in: a URL ending in `#ws+meta.nchan` (the fragment never reaches the server) asks an
 * nchan hub for that subprotocol, whose frames carry their id (`id: …`, `content-type: …`, a blank
 * line, the message); a reconnect then asks for what came after the last one, in the query parameter
 * `last_event_id` (what nchan reads), so nothing arrives twice. Only for servers that speak it:
 * Chromium fails the handshake when a server ignores a requested subprotocol (Firefox and WebKit
 * open the socket, and its frames are then read as plain messages).
 */
export function websocketFeed(url: string, options: FeedOptions = {}): Observable<FeedUpdate> {
  const scheduler = options.scheduler ?? pageScheduler;
  const timeout = options.timeout ?? FEED_DEFAULTS.timeout;
  const [target, protocol] = url.split('#') as [string, string?];
  let lastEventId = '';

  const attempt = () =>
    new Observable<AttemptStep>((subscriber) => {
      let opened = false;
      let received = false;
      let reportedBadMessage = false;
      const end = (step: AttemptStep) => {
        subscriber.next(step);
        subscriber.complete();
      };
      const fail = (message: string) => end({ end: { kind: 'failed', error: new FeedError('network', `${url}: ${message}`, { url }) } });

      let socket: WebSocket;
      try {
        socket = new WebSocket(resumeUrl(target, lastEventId, LAST_EVENT_ID_PARAM), protocol);
      } catch (error) {
        fail(`cannot open (${(error as Error).message})`);
        return undefined;
      }
      // Its end closes the socket (below): closing it here first would, in Node, fire `error` at once
      // and report the timeout as a failed connection.
      const timer = scheduler.schedule(
        () =>
          end({ end: { kind: 'failed', error: new FeedError('timeout', `${url}: no connection within ${timeout / 1000} s`, { url }) } }),
        timeout,
      );
      socket.onopen = () => {
        opened = true;
        timer.unsubscribe();
        subscriber.next({ update: { kind: 'status', source: url, status: 'live' } });
      };
      socket.onmessage = ({ data }: MessageEvent<unknown>) => {
        if (typeof data !== 'string') return;
        let text = data;
        // Only when the server agreed to it: Firefox and WebKit open a socket whose server ignored it.
        if (socket.protocol) {
          lastEventId = text.slice(4, text.indexOf('\n'));
          text = text.slice(text.indexOf('\n\n') + 2);
        }
        const message = parseStreamMessage(text, url);
        if (typeof message !== 'string') {
          received = true;
          subscriber.next({ update: message });
        } else if (!reportedBadMessage) {
          reportedBadMessage = true;
          console.warn(`live-ticker: ${url}: ignored a message (${message})`);
        }
      };
      // A socket that fails to open fires `error`, then `close` in a browser; Node 20's fires no
      // `close` (nodejs/undici#3546). The first ends the attempt, whose end lets go of the socket.
      socket.onerror = socket.onclose = ({ type }: Event) => {
        if (!opened) fail('connection failed');
        else if (type === 'close') end({ end: { kind: 'closed', received } });
      };
      return () => {
        timer.unsubscribe();
        socket.onopen = socket.onmessage = socket.onerror = socket.onclose = null;
        // CONNECTING (0) or OPEN (1): the constants by number, as WebSocket.CLOSING cannot be minified.
        if (socket.readyState < 2) socket.close(1000);
      };
    });

  return reconnecting(url, attempt, options);
}
