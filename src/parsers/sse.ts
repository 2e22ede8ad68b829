/**
 * Server-Sent Events, parsed as the HTML standard describes, from text chunks that may split
 * anywhere: inside a field, between "\r" and "\n", or in the middle of an event.
 */
export interface SseEvent {
  readonly type: string;
  readonly data: string;
  /** The last event id seen so far (it persists across events, as in EventSource). */
  readonly lastEventId: string;
}

export class SseParser {
  /** The id to send as Last-Event-ID when reconnecting. */
  lastEventId = '';
  /** The reconnection time the server asked for with `retry:`, in ms. */
  retry: number | undefined;
  private buffer = '';
  private data: string[] = [];
  private type = '';
  private sawCarriageReturn = false;
  private started = false;

  /** Feeds a chunk of text; returns the events it completed. */
  push(chunk: string): SseEvent[] {
    let text = chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.startsWith('\uFEFF')) text = text.slice(1);
    }
    // A "\r\n" split across chunks: the "\r" already ended the line.
    if (this.sawCarriageReturn && text.startsWith('\n')) text = text.slice(1);
    this.sawCarriageReturn = false;
    const events: SseEvent[] = [];
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const char = text[i];
      if (char !== '\n' && char !== '\r') continue;
      this.line(this.buffer + text.slice(start, i), events);
      this.buffer = '';
      if (char === '\r') {
        if (i + 1 === text.length) this.sawCarriageReturn = true;
        else if (text[i + 1] === '\n') i++;
      }
      start = i + 1;
    }
    this.buffer += text.slice(start);
    return events;
  }

  private line(line: string, events: SseEvent[]): void {
    if (line === '') {
      if (this.data.length > 0) events.push({ type: this.type || 'message', data: this.data.join('\n'), lastEventId: this.lastEventId });
      this.data = [];
      this.type = '';
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'data':
        this.data.push(value);
        break;
      case 'event':
        this.type = value;
        break;
      case 'id':
        if (!value.includes('\u0000')) this.lastEventId = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.retry = Number(value);
        break;
    }
  }
}
