import { expect } from '@open-wc/testing';
import { SseParser } from '../../src/parsers/sse.js';

describe('SseParser', () => {
  const stream =
    'retry: 1500\n: comment\n\nid: 1\ndata: {"a":1}\n\nevent: note\ndata: line one\r\ndata: line two\r\nid: 2\r\n\r\ndata\nid: 3\rdata: last\r\r';
  const expected = [
    { type: 'message', data: '{"a":1}', lastEventId: '1' },
    { type: 'note', data: 'line one\nline two', lastEventId: '2' },
    { type: 'message', data: '\nlast', lastEventId: '3' },
  ];

  it('parses fields, comments, multi-line data and all three line endings', () => {
    const parser = new SseParser();
    expect(parser.push(stream)).to.deep.equal(expected);
    expect(parser.retry).to.equal(1500);
    expect(parser.lastEventId).to.equal('3');
  });

  it('gives the same events however the stream is split into chunks, empty chunks included', () => {
    for (let cut = 0; cut <= stream.length; cut++) {
      for (const size of [1, 2, 3, 7]) {
        for (const empty of [false, true]) {
          const parser = new SseParser();
          const events = [...parser.push(stream.slice(0, cut))];
          for (let i = cut; i < stream.length; i += size) {
            if (empty) events.push(...parser.push('')); // a read that brought no text, between any two
            events.push(...parser.push(stream.slice(i, i + size)));
          }
          expect(events, `cut at ${cut}, then chunks of ${size}${empty ? ' with empty ones between' : ''}`).to.deep.equal(expected);
        }
      }
    }
  });

  it('reads a CR LF with an empty chunk between its halves as one line end', () => {
    const parser = new SseParser();
    const events = [...parser.push('data:a\r'), ...parser.push(''), ...parser.push('\ndata:b\r\n\r\n')];
    expect(events).to.deep.equal([{ type: 'message', data: 'a\nb', lastEventId: '' }]);
  });

  it('drops a leading BOM, ignores ids with NUL and bad retry values, and holds an unfinished event', () => {
    const parser = new SseParser();
    expect(parser.push('\uFEFFid: a\u0000b\nretry: soon\ndata: x\n\ndata: unfinished\n')).to.deep.equal([
      { type: 'message', data: 'x', lastEventId: '' },
    ]);
    expect(parser.retry).to.equal(undefined);
  });
});

describe('SseParser ids and long events', () => {
  it('commits an id only when its event ends', () => {
    const parser = new SseParser('4');
    expect(parser.push('id: 5\ndata: half')).to.deep.equal([]);
    expect(parser.lastEventId).to.equal('4');
    expect(parser.push('\n\n')).to.deep.equal([{ type: 'message', data: 'half', lastEventId: '5' }]);
    expect(parser.lastEventId).to.equal('5');
  });

  it('reads a megabyte-long event split into 4 KB chunks', () => {
    const text = `data: ${'z'.repeat(1 << 20)}\n\n`;
    const parser = new SseParser();
    let events = 0;
    for (let i = 0; i < text.length; i += 4096) events += parser.push(text.slice(i, i + 4096)).length;
    expect(events).to.equal(1);
  });
});
