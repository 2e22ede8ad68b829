import { Observable } from 'rxjs';
import { FeedError, type FeedUpdate } from '../model.js';
import { parseStreamMessage } from '../parsers/stream-message.js';
import { FEED_DEFAULTS, pageScheduler, reconnecting, type AttemptStep, type FeedOptions } from './reconnect.js';

/**
 * A feed over WebSocket (`ws:`/`wss:`): every text message is JSON (a JSON Feed document, one item,
 * or a deletion). A closed or failed connection is reopened with backoff; messages keep the items.
 */
export function websocketFeed(url: string, options: FeedOptions = {}): Observable<FeedUpdate> {
  const scheduler = options.scheduler ?? pageScheduler;
  const timeout = options.timeout ?? FEED_DEFAULTS.timeout;

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
        socket = new WebSocket(url);
      } catch (error) {
        fail(`cannot open (${(error as Error).message})`);
        return undefined;
      }
      const timer = scheduler.schedule(() => {
        socket.close();
        end({ end: { kind: 'failed', error: new FeedError('timeout', `${url}: no connection within ${timeout / 1000} s`, { url }) } });
      }, timeout);
      socket.onopen = () => {
        opened = true;
        timer.unsubscribe();
        subscriber.next({ update: { kind: 'status', source: url, status: 'live' } });
      };
      socket.onmessage = (event: MessageEvent) => {
        if (typeof event.data !== 'string') return;
        const message = parseStreamMessage(event.data, url);
        if (typeof message !== 'string') {
          received = true;
          subscriber.next({ update: message });
        } else if (!reportedBadMessage) {
          reportedBadMessage = true;
          console.warn(`live-ticker: ${url}: ignored a message (${message})`);
        }
      };
      socket.onclose = (event: CloseEvent) => {
        timer.unsubscribe();
        if (opened) end({ end: { kind: 'closed', received } });
        else fail(`connection failed (code ${event.code})`);
      };
      return () => {
        timer.unsubscribe();
        socket.onopen = socket.onmessage = socket.onclose = null;
        if (socket.readyState === WebSocket.CONNECTING || socket.readyState === WebSocket.OPEN) socket.close(1000);
      };
    });

  return reconnecting(url, attempt, options);
}
