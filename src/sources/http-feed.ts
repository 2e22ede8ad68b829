import { asyncScheduler, Observable } from 'rxjs';
import { reportServerDate } from '../clock/server-time.js';
import { FeedError, type FeedUpdate } from '../model.js';
import { parseFeedDocument } from '../parsers/feed-document.js';
import { FeedParseError } from '../parsers/json-feed.js';
import { SseParser } from '../parsers/sse.js';
import { parseStreamMessage } from '../parsers/stream-message.js';
import { FEED_DEFAULTS, parseRetryAfter, reconnecting, type AttemptStep, type FeedOptions } from './reconnect.js';

const ACCEPT = 'application/feed+json, application/json, application/rss+xml, application/atom+xml, text/event-stream;q=0.9, */*;q=0.5';

function toFeedError(error: unknown, url: string): FeedError {
  if (error instanceof FeedError) return error;
  if (error instanceof FeedParseError) return new FeedError('parse', `${url}: ${error.message}`, { url, cause: error });
  return new FeedError('network', `${url}: network error (${(error as Error)?.message ?? String(error)})`, { url, cause: error });
}

/** The text encoding of a response: the Content-Type charset, else an XML declaration's, else UTF-8. */
function decoderFor(contentType: string, head: Uint8Array): TextDecoder {
  const declared =
    /charset=["']?([\w-]+)/i.exec(contentType)?.[1] ??
    /^(?:\uFEFF)?<\?xml[^>]*encoding=["']([\w-]+)["']/i.exec(new TextDecoder('latin1').decode(head.subarray(0, 200)))?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8');
  } catch {
    return new TextDecoder('utf-8');
  }
}

/** Reads a document body, refusing one over `maxBytes` without reading the rest. */
async function readDocument(response: Response, url: string, maxBytes: number): Promise<string> {
  const tooLarge = () =>
    new FeedError('parse', `${url}: the feed is larger than ${Math.round(maxBytes / 1024 / 1024)} MB; not read`, { url });
  if (Number(response.headers.get('Content-Length')) > maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body!.getReader();
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
  return decoderFor(response.headers.get('Content-Type') ?? '', bytes).decode(bytes);
}

/**
 * A feed over HTTP. Each attempt fetches the URL and the response decides what it is: a
 * `text/event-stream` is read as Server-Sent Events until it closes (then reopened, resuming with
 * Last-Event-ID); anything else is a feed document (JSON Feed, RSS or Atom), polled again after the
 * interval. A 204 stops it.
 *
 * Revalidation: requests go out with `cache: 'no-cache'`, so the browser sends the stored ETag /
 * Last-Modified itself (no CORS preflight) and the server can answer 304 with no body. Scripts
 * cannot see that 304, and cross-origin they cannot see the ETag either, so an unchanged document is
 * recognised by its body: it is neither parsed again nor re-rendered.
 */
export function httpFeed(url: string, options: FeedOptions = {}): Observable<FeedUpdate> {
  const scheduler = options.scheduler ?? asyncScheduler;
  const timeout = options.timeout ?? FEED_DEFAULTS.timeout;
  const maxBytes = options.maxBytes ?? FEED_DEFAULTS.maxBytes;
  let previousBody: string | undefined;
  let stream: SseParser | undefined;

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

      const run = async (): Promise<void> => {
        const headers: Record<string, string> = { Accept: ACCEPT };
        if (stream?.lastEventId) headers['Last-Event-ID'] = stream.lastEventId;
        const response = await fetch(url, { cache: 'no-cache', headers, signal: controller.signal });
        reportServerDate(response.headers);
        if (response.status === 204) return end({ end: { kind: 'stopped' } });
        if (!response.ok) {
          const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), scheduler.now());
          throw new FeedError('http', `${url}: HTTP ${response.status}`, { url, status: response.status, retryAfterMs });
        }
        const baseUrl = response.url || url;

        if (/^text\/event-stream/i.test(response.headers.get('Content-Type') ?? '')) {
          timer.unsubscribe(); // a stream may be quiet for long; it ends when the server closes it
          stream ??= new SseParser();
          update({ kind: 'status', source: url, status: 'live' });
          let received = false;
          let reportedBadMessage = false;
          const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            for (const event of stream.push(value)) {
              const message = parseStreamMessage(event.data, url, { baseUrl });
              if (typeof message !== 'string') {
                received = true;
                update(message);
              } else if (!reportedBadMessage) {
                reportedBadMessage = true;
                console.warn(`live-ticker: ${url}: ignored a stream message (${message})`);
              }
            }
          }
          return end({ end: { kind: 'closed', received, retry: stream.retry } });
        }

        const body = await readDocument(response, url, maxBytes);
        timer.unsubscribe();
        if (body === previousBody) {
          update({ kind: 'status', source: url, status: 'live' });
        } else {
          const parsed = parseFeedDocument(body, { source: url, baseUrl });
          previousBody = body;
          update({ kind: 'snapshot', source: url, items: parsed.items, skipped: parsed.skipped });
        }
        end({ end: { kind: 'polled' } });
      };

      run().catch((error: unknown) => {
        if (!subscriber.closed) end({ end: { kind: 'failed', error: toFeedError(controller.signal.reason ?? error, url) } });
      });
      return () => {
        timer.unsubscribe();
        controller.abort();
      };
    });

  return reconnecting(url, attempt, options);
}
