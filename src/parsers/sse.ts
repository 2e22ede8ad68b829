/**
 * Server-Sent Events, parsed as the HTML standard describes, from text chunks that may split
 * anywhere: inside a field, between "\r" and "\n", or in the middle of an event.
 */
export interface SseEvent {
  readonly type: string;
  readonly data: string;
  /** The last event id as of this event (it persists across events, as in EventSource). */
  readonly lastEventId: string;
}

/** A line or an event grew past the parser's limit: the stream is broken or hostile. */
export class SseLimitError extends Error {
  override readonly name = 'SseLimitError';
}

/** Default cap of one pending line and of one event's data (characters), as for a feed document. */
export const SSE_MAX_PENDING = 5 * 1024 * 1024;

/**
 * The parser of one connection: a new connection needs a new parser, so that half an event cut off
 * by a dropped connection is never carried into the next one. Pass the last dispatched id on to it.
 */
export class SseParser {
  /**
   * The id to resume from: the id of the last event dispatched (or of a blank line ending an id-only
   * event), never one whose event has not ended yet.
   */
  lastEventId: string;
  /** The reconnection time the server asked for with `retry:`, in ms. */
  retry: number | undefined;
  #idBuffer: string;
  #buffer = '';
  #data: string[] = [];
  #dataLength = 0;
  #type = '';
  #sawCarriageReturn = false;
  #started = false;

  /**
   * @param lastEventId the id a previous connection of the same stream dispatched last
   * @param maxPending longest pending line and largest event data (characters) before {@link SseLimitError}
   */
  readonly #maxPending: number;

  constructor(lastEventId = '', maxPending = SSE_MAX_PENDING) {
    this.#maxPending = maxPending;
    this.lastEventId = this.#idBuffer = lastEventId;
  }

  /** Feeds a chunk of text; returns the events it completed. Throws {@link SseLimitError} past the limit. */
  push(chunk: string): SseEvent[] {
    // A read that brought no text changes nothing: not even a "\r" waiting for its "\n".
    if (chunk === '') return [];
    let text = chunk;
    if (!this.#started && text.length > 0) {
      this.#started = true;
      // One byte-order mark at the very start is dropped; a second one is content.
      if (text.startsWith('\uFEFF')) text = text.slice(1);
    }
    // A "\r\n" split across chunks: the "\r" already ended the line.
    if (this.#sawCarriageReturn && text.startsWith('\n')) text = text.slice(1);
    this.#sawCarriageReturn = false;
    const events: SseEvent[] = [];
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const char = text[i];
      if (char !== '\n' && char !== '\r') continue;
      this.#checkLine(this.#buffer.length + i - start);
      this.#line(this.#buffer + text.slice(start, i), events);
      this.#buffer = '';
      if (char === '\r') {
        if (i + 1 === text.length) this.#sawCarriageReturn = true;
        else if (text[i + 1] === '\n') i++;
      }
      start = i + 1;
    }
    this.#checkLine(this.#buffer.length + text.length - start);
    this.#buffer += text.slice(start);
    return events;
  }

  #checkLine(length: number): void {
    if (length > this.#maxPending) {
      this.#buffer = '';
      throw new SseLimitError(`a stream line longer than ${this.#maxPending} characters; dropped`);
    }
  }

  #line(line: string, events: SseEvent[]): void {
    if (line === '') {
      this.lastEventId = this.#idBuffer;
      if (this.#data.length > 0) events.push({ type: this.#type || 'message', data: this.#data.join('\n'), lastEventId: this.lastEventId });
      this.#data = [];
      this.#dataLength = 0;
      this.#type = '';
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'data':
        this.#dataLength += value.length + 1;
        if (this.#dataLength > this.#maxPending) {
          this.#data = [];
          this.#dataLength = 0;
          throw new SseLimitError(`a stream event larger than ${this.#maxPending} characters; dropped`);
        }
        this.#data.push(value);
        break;
      case 'event':
        this.#type = value;
        break;
      case 'id':
        if (!value.includes('\u0000')) this.#idBuffer = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.retry = Number(value);
        break;
    }
  }
}
