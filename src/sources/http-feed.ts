import { Observable } from 'rxjs';
import { FeedError, type FeedUpdate, type TickerItem } from '../model.js';
import { parseFeedDocument } from '../parsers/feed-document.js';
import { decodeFeedBytes } from '../parsers/encoding.js';
import { FeedParseError } from '../parsers/parsed-feed.js';
import { SseLimitError, SseParser } from '../parsers/sse.js';
import { parseStreamMessage } from '../parsers/stream-message.js';
import { serverTimeOf } from './server-time.js';
import { batchUpdates, settledNow, WAITING } from './batch-updates.js';
import {
  FEED_DEFAULTS,
  LAST_EVENT_ID_PARAM,
  pageScheduler,
  parseRetryAfter,
  reconnecting,
  resumeUrl,
  type AttemptStep,
  type FeedOptions,
} from './reconnect.js';

const ACCEPT = 'application/feed+json, application/json, application/rss+xml, application/atom+xml, text/event-stream;q=0.9, */*;q=0.5';

function toFeedError(error: unknown, url: string): FeedError {
  if (error instanceof FeedError) return error;
  if (error instanceof FeedParseError || error instanceof SseLimitError)
    return new FeedError('parse', `${url}: ${error.message}`, { url, cause: error });
  return new FeedError('network', `${url}: network error (${(error as Error)?.message ?? String(error)})`, { url, cause: error });
}

/** Reads a document body, refusing one over `maxBytes` without reading the rest; a response without a body (205) reads as empty. */
export async function readDocument(response: Response, url: string, maxBytes: number): Promise<string> {
  const tooLarge = () =>
    new FeedError('parse', `${url}: the feed is larger than ${Math.round(maxBytes / 1024 / 1024)} MB; not read`, { url });
  if (Number(response.headers.get('Content-Length')) > maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (!response.body) return '';
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      void reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return decodeFeedBytes(bytes, response.headers.get('Content-Type') ?? '');
}

/** A `text/event-stream` media type, with or without parameters (`text/event-streamx` is not one). */
const EVENT_STREAM = /^\s*text\/event-stream\s*(?:;|$)/i;

/** Whether a string can go in a header: fetch throws on a character above U+00FF. */
// eslint-disable-next-line no-control-regex -- U+0000 is the lower bound of the Latin-1 range, not a stray control character.
const isByteString = (value: string) => !/[^\u0000-\u00ff]/.test(value);

/**
 * The URL and headers of a request, resuming a stream after `lastEventId`: the id goes in the query
 * parameter (percent-encoded, so any id is safe), and in the `Last-Event-ID` header only where it
 * costs no preflight (same origin) and can be sent at all (a ByteString).
 */
export function resumeRequest(url: string, lastEventId: string, param: string): { url: string; headers: Record<string, string> } {
  const headers: Record<string, string> = { Accept: ACCEPT };
  const resumed = resumeUrl(url, lastEventId, param);
  if (resumed !== url && new URL(resumed).origin === globalThis.location?.origin && isByteString(lastEventId)) {
    headers['Last-Event-ID'] = lastEventId;
  }
  return { url: resumed, headers };
}

/** What a polled document says, as a snapshot of its items (its warnings go to the console). Throws FeedParseError for what is not a feed. */
function documentUpdate(body: string, url: string, baseUrl: string): FeedUpdate {
  const parsed = parseFeedDocument(body, { source: url, baseUrl });
  for (const warning of parsed.warnings) console.warn(`live-ticker: ${url}: ${warning}`);
  return { kind: 'snapshot', source: url, items: parsed.items, skipped: parsed.skipped, ...(parsed.next && { next: parsed.next }) };
}

/** An open event stream: its parser (which holds the id to resume after and the server's `retry:`) and whether it delivered. */
interface OpenStream {
  readonly parser: SseParser;
  received: boolean;
}

/**
 * Reads an open event stream until it ends, handing its messages on in batches: while more bytes are
 * already waiting, reading goes on, and the batch goes to the store when the stream has to wait. Only
 * `message` events carry items; a message that is not one is reported once. What arrived before a
 * cut is handed on; the cut is thrown.
 */
async function readEventStream(
  body: ReadableStream<Uint8Array>,
  stream: OpenStream,
  url: string,
  baseUrl: string,
  update: (update: FeedUpdate) => void,
): Promise<void> {
  let reportedBadMessage = false;
  // The parser drops the one byte-order mark a stream may start with; the decoder must keep it.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const reader = body.getReader();
  const batch: FeedUpdate[] = [];
  const flush = () => batchUpdates(batch.splice(0)).forEach(update);
  try {
    let read = reader.read();
    for (;;) {
      let result = await settledNow(read);
      if (result === WAITING) {
        flush();
        result = await read;
      }
      if (result.done) break;
      read = reader.read();
      for (const event of stream.parser.push(decoder.decode(result.value, { stream: true }))) {
        if (event.type !== 'message') continue;
        const message = parseStreamMessage(event.data, url, { baseUrl });
        if (typeof message !== 'string') {
          stream.received = true;
          batch.push(message);
        } else if (!reportedBadMessage) {
          reportedBadMessage = true;
          console.warn(`live-ticker: ${url}: ignored a stream message (${message})`);
        }
      }
    }
    flush();
  } catch (error) {
    flush();
    void reader.cancel().catch(() => undefined);
    throw error;
  }
}

/**
 * A feed over HTTP. Each attempt fetches the URL and the response decides what it is: a
 * `text/event-stream` answered with 200 is read as Server-Sent Events until it closes (then reopened,
 * resuming after the last event dispatched; see {@link resumeRequest}); anything else is a feed
 * document (JSON Feed, RSS or Atom), polled again after the interval. A 204 stops it.
 *
 * Each stream connection gets a parser of its own: half an event cut off by a dropped connection is
 * dropped with it, and its id never counts. Only `message` events carry items; other types (nchan's
 * pings) are ignored. A line or an event over `maxBytes` characters ends the connection with an error.
 *
 * Revalidation: requests go out with `cache: 'no-cache'`, so the browser sends the stored ETag /
 * Last-Modified itself (no CORS preflight) and the server can answer 304 with no body. Scripts
 * cannot see that 304, and cross-origin they cannot see the ETag either, so an unchanged document is
 * recognised by its body: it is neither parsed again nor re-rendered.
 */
export function httpFeed(url: string, options: FeedOptions = {}): Observable<FeedUpdate> {
  const scheduler = options.scheduler ?? pageScheduler;
  const timeout = options.timeout ?? FEED_DEFAULTS.timeout;
  const maxBytes = options.maxBytes ?? FEED_DEFAULTS.maxBytes;
  const lastEventIdParam = options.lastEventIdParam ?? LAST_EVENT_ID_PARAM;
  let previousBody: string | undefined;
  /** What the stream's connections so far established: the id to resume after and the server's `retry:`. */
  let lastEventId = '';
  let retry: number | undefined;

  const attempt = () =>
    new Observable<AttemptStep>((subscriber) => {
      const controller = new AbortController();
      const timer = scheduler.schedule(() => {
        controller.abort(new FeedError('timeout', `${url}: no answer within ${timeout / 1000} s`, { url }));
      }, timeout);
      const update = (update: FeedUpdate) => subscriber.next({ update });
      const end = (step: AttemptStep) => {
        subscriber.next(step);
        subscriber.complete();
      };
      /** Set once a stream is open: how it ended matters less than that it delivered. */
      let stream: OpenStream | undefined;
      /** A stream's end: what it established is kept for the next connection. */
      const closed = ({ parser, received }: OpenStream): AttemptStep => {
        lastEventId = parser.lastEventId;
        retry = parser.retry ?? retry;
        return { end: { kind: 'closed', received, retry } };
      };

      const run = async (): Promise<void> => {
        const request = resumeRequest(url, lastEventId, lastEventIdParam);
        const response = await fetch(request.url, { cache: 'no-cache', headers: request.headers, signal: controller.signal });
        const serverTime = serverTimeOf(response.headers, scheduler.now());
        if (serverTime) update({ kind: 'time', source: url, serverTime });
        if (response.status === 204) return end({ end: { kind: 'stopped' } });
        const isStream = EVENT_STREAM.test(response.headers.get('Content-Type') ?? '');
        // A stream is only ever a 200 (as for EventSource); other 2xx would be read as documents.
        if (!response.ok || (isStream && response.status !== 200)) {
          const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), scheduler.now());
          throw new FeedError('http', `${url}: HTTP ${response.status}`, { url, status: response.status, retryAfterMs });
        }
        const baseUrl = response.url || url;

        if (isStream) {
          timer.unsubscribe(); // a stream may be quiet for long; it ends when the server closes it
          stream = { parser: new SseParser(lastEventId, maxBytes), received: false };
          update({ kind: 'status', source: url, status: 'live' });
          await readEventStream(response.body!, stream, url, baseUrl, update);
          return end(closed(stream));
        }

        const body = await readDocument(response, url, maxBytes);
        timer.unsubscribe();
        // An unchanged body is neither parsed again nor re-rendered.
        update(body === previousBody ? { kind: 'status', source: url, status: 'live' } : documentUpdate(body, url, baseUrl));
        previousBody = body;
        end({ end: { kind: 'polled' } });
      };

      run().catch((error: unknown) => {
        if (subscriber.closed) return;
        const feedError = toFeedError(controller.signal.reason ?? error, url);
        // A stream cut after it opened is a stream that closed, as for EventSource: WebKit reads a cut
        // as a clean end and cannot tell them apart, so every engine reconnects (paced by `retry:`) and
        // says "not current" only if reconnecting fails.
        if (stream && !(error instanceof SseLimitError)) end(closed(stream));
        else {
          if (stream) lastEventId = stream.parser.lastEventId; // a broken stream backs off, as any failure
          end({ end: { kind: 'failed', error: feedError } });
        }
      });
      return () => {
        timer.unsubscribe();
        controller.abort();
      };
    });

  return reconnecting(url, attempt, options);
}

/**
 * One older page of a feed, read once when the reader asks for more: the first list of items an
 * `httpFeed` of its URL delivers (with the page after it), or its first failure as an error (an HTTP
 * status, a document that is not a feed, no answer in time). Unsubscribing stops it.
 */
export function fetchFeedPage(url: string, options: FeedOptions = {}): Observable<{ items: readonly TickerItem[]; next?: string }> {
  return new Observable((subscriber) =>
    httpFeed(url, { startJitter: 0, ...options }).subscribe({
      next: (update) => {
        if (update.kind === 'snapshot' || update.kind === 'upsert') {
          subscriber.next(update);
          subscriber.complete();
        } else if (update.kind === 'status' && update.error) subscriber.error(update.error);
      },
      complete: () => subscriber.error(new FeedError('http', `${url}: no page`, { url })),
    }),
  );
}
