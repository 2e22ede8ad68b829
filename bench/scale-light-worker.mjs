// @ts-check
/**
 * One process of `npm run bench:scale`'s light readers: `count` readers of one hub URL on raw TCP
 * sockets (Node's `net`; no fetch, no streams, no RxJS, no JSON parsing), so that what the latency
 * measures is the hub's fan-out rather than the readers' own CPU. The library readers
 * (scale-worker.mjs) stay for correctness: what is delivered, lost and shown twice.
 *
 * SSE: an HTTP/1.0 request (no chunked encoding: the body is the event stream as the hub writes it);
 * each `data:` line is a message. WebSocket: the opening handshake written by hand, then the server's
 * frames (unmasked: FIN/opcode, a 7-, 16- or 64-bit length, the payload); pings are answered. A message
 * counts once per reader by its id (`"id":"m-N"`); its latency is the receive time minus its
 * `date_published` (ms precision).
 *
 * With `reconnect` (SSE only, for the failover), a reader whose stream ends comes back as the library
 * does after a stream that delivered: after 2 s ±50 %, resuming after the last id it got
 * (`?last_event_id=`); when it is live again, the time is recorded.
 *
 * Talks to its parent over IPC:
 *   in:  { start: { port, path, transport, count, localAddress, arrival, reconnect? } } | { report: true } | { stop: true }
 *   out: { live: n } (readers whose stream is open, on change) | { report: { latencies, received, reconnectedAt, cpuUs } }
 */
import { connect } from 'node:net';

const send = (/** @type {unknown} */ message) => process.send?.(message);
/** @type {import('node:net').Socket[]} */
const sockets = [];
/** @type {number[]} */
const latencies = [];
let received = 0;
let live = 0;
/** When each reader was live again after its stream ended, as epoch ms. */
/** @type {number[]} */
const reconnectedAt = [];
let stopping = false;
let reported = -1;

/** A message's id and send time, found in its JSON text without parsing it. */
function record(/** @type {string} */ text, /** @type {Set<string>} */ seen, /** @type {number} */ now) {
  const at = text.indexOf('"id":"m-');
  if (at < 0) return;
  const id = text.slice(at + 6, text.indexOf('"', at + 6));
  if (seen.has(id)) return;
  seen.add(id);
  received++;
  const date = text.indexOf('"date_published":"');
  if (date >= 0) latencies.push(now - Date.parse(text.slice(date + 18, date + 42)));
}

/** An SSE reader: an HTTP/1.0 GET, then lines; with `reconnect`, it comes back after its stream ends. */
function sseReader(/** @type {{ port: number, path: string, localAddress: string, reconnect?: boolean }} */ options) {
  const seen = new Set();
  let lastId = '';
  let cut = false;
  const open = () => {
    let opened = false;
    let pending = '';
    const socket = connect({ port: options.port, host: '127.0.0.1', localAddress: options.localAddress });
    sockets.push(socket);
    socket.setEncoding('utf8');
    const path = lastId ? `${options.path}?last_event_id=${encodeURIComponent(lastId)}` : options.path;
    socket.on('connect', () =>
      socket.write(`GET ${path} HTTP/1.0\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\nUser-Agent: light\r\n\r\n`),
    );
    socket.on('data', (/** @type {string} */ chunk) => {
      const now = Date.now();
      if (!opened) {
        opened = true;
        live++;
        if (cut) reconnectedAt.push(now);
      }
      pending += chunk;
      const end = pending.lastIndexOf('\n');
      if (end < 0) return;
      for (const line of pending.slice(0, end).split('\n')) {
        if (line.startsWith('data:')) record(line, seen, now);
        else if (line.startsWith('id: ')) lastId = line.slice(4);
      }
      pending = pending.slice(end + 1);
    });
    socket.on('close', () => {
      if (opened) live--;
      if (!options.reconnect || stopping) return;
      cut = true;
      // As the library does: full jitter within nchan's 2-s retry after a stream that delivered, else
      // a first backoff's window, 1–2 s.
      setTimeout(open, opened ? Math.random() * 2000 : 1000 + Math.random() * 1000);
    });
    socket.on('error', () => undefined);
  };
  open();
}

/** A WebSocket reader: the opening handshake by hand, then frames. */
function websocketReader(/** @type {{ port: number, path: string, localAddress: string }} */ options) {
  const seen = new Set();
  let open = false;
  /** @type {Buffer} */
  let buffer = Buffer.alloc(0);
  const socket = connect({ port: options.port, host: '127.0.0.1', localAddress: options.localAddress });
  socket.on('connect', () =>
    socket.write(
      `GET ${options.path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nUser-Agent: light\r\n\r\n`,
    ),
  );
  socket.on('data', (/** @type {Buffer} */ chunk) => {
    const now = Date.now();
    buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
    if (!open) {
      const head = buffer.indexOf('\r\n\r\n');
      if (head < 0) return;
      if (!buffer.subarray(0, 12).toString('latin1').includes(' 101')) return void socket.destroy();
      open = true;
      live++;
      buffer = buffer.subarray(head + 4);
    }
    for (;;) {
      if (buffer.length < 2) return;
      const opcode = /** @type {number} */ (buffer[0]) & 0x0f;
      let length = /** @type {number} */ (buffer[1]) & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (buffer.length < 4) return;
        length = buffer.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (buffer.length < 10) return;
        length = Number(buffer.readBigUInt64BE(2));
        offset = 10;
      }
      if (buffer.length < offset + length) return;
      const payload = buffer.subarray(offset, offset + length);
      buffer = buffer.subarray(offset + length);
      if (opcode === 1) record(payload.toString('utf8'), seen, now);
      // A ping is answered with a pong, masked as a client must (a zero mask keeps the payload as is).
      else if (opcode === 9 && length < 126) socket.write(Buffer.concat([Buffer.from([0x8a, 0x80 | length, 0, 0, 0, 0]), payload]));
      else if (opcode === 8) return void socket.end();
    }
  });
  socket.on('close', () => open && live--);
  socket.on('error', () => undefined);
  return socket;
}

process.on('message', (/** @type {any} */ message) => {
  if (message.start) {
    const { count, transport, arrival } = message.start;
    // Readers arrive spread over `arrival` ms, as the library's start jitter spreads them.
    for (let i = 0; i < count; i++)
      setTimeout(
        () => (transport === 'websocket' ? sockets.push(websocketReader(message.start)) : sseReader(message.start)),
        (i / count) * arrival,
      );
  } else if (message.report) {
    const cpu = process.cpuUsage();
    send({ report: { latencies, received, reconnectedAt, cpuUs: cpu.user + cpu.system } });
  } else if (message.stop) {
    stopping = true;
    for (const socket of sockets) socket.destroy();
    process.exit(0);
  }
});

setInterval(() => {
  if (live !== reported) {
    reported = live;
    send({ live });
  }
}, 200).unref();
process.on('disconnect', () => process.exit(0));
