import { asyncScheduler, Observable } from 'rxjs';
import { FeedError, type FeedUpdate } from '../model.js';
import { parseStreamMessage } from '../parsers/stream-message.js';
import { FEED_DEFAULTS, LAST_EVENT_ID_PARAM, reconnecting, resumeUrl, type AttemptStep, type FeedOptions } from './reconnect.js';

/** nchan's subprotocol: each frame starts with `id: …` (and other) header lines, a blank line, then the message. */
const NCHAN_META = 'ws+meta.nchan';

/** A frame's message and, when it carries nchan's meta headers, its id. */
function splitFrame(frame: string): { id?: string; message: string } {
  // A JSON message never starts with "id:", so a server that ignored the subprotocol is read as well.
  if (!frame.startsWith('id:')) return { message: frame };
  const end = frame.indexOf('\n\n');
  if (end < 0) return { message: frame };
  const id = /^id: ?(.*)$/m.exec(frame.slice(0, end))?.[1];
  return { ...(id === undefined ? {} : { id }), message: frame.slice(end + 2) };
}

/**
 * A feed over WebSocket (`ws:`/`wss:`): every text message is JSON (a JSON Feed document, one item,
 * or a deletion). A closed or failed connection is reopened with backoff; messages keep the items.
 * It asks for nchan's `ws+meta.nchan` subprotocol, so that frames from an nchan hub carry their id,
 * and reconnects resume after the last one in the `last_event_id` query parameter (`lastEventIdParam`);
 * servers that do not speak it send bare messages, read as before.
 */
export function websocketFeed(url: string, options: FeedOptions = {}): Observable<FeedUpdate> {
  const scheduler = options.scheduler ?? asyncScheduler;
  const timeout = options.timeout ?? FEED_DEFAULTS.timeout;
  const lastEventIdParam = options.lastEventIdParam ?? LAST_EVENT_ID_PARAM;
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
        socket = new WebSocket(resumeUrl(url, lastEventId, lastEventIdParam), [NCHAN_META]);
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
        const frame = splitFrame(event.data);
        // The id counts once its message is read, bad or good: a resume never asks for it again.
        if (frame.id !== undefined) lastEventId = frame.id;
        const message = parseStreamMessage(frame.message, url);
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
