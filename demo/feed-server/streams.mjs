// @ts-check
/**
 * The feed server's live streams: Server-Sent Events (resumable, or a scripted answer byte for byte)
 * and WebSocket. Each opens with the backlog a client needs, then carries the channel's changes as
 * they are recorded; the channel's timer runs only while one is open.
 */
import { scheduleNextItem, takeFault, version } from './channels.mjs';
import { jsonFeed, jsonItem } from './documents.mjs';
import { playFault } from './http.mjs';

/** @typedef {import('./channels.mjs').Change} Change */
/** @typedef {import('./channels.mjs').Channel} Channel */
/** @typedef {import('./channels.mjs').ChannelRegistry} ChannelRegistry */
/** @typedef {import('./channels.mjs').Script} Script */
/** @typedef {import('./channels.mjs').StreamClient} StreamClient */
/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */

/** A change as one stream message: its item as JSON Feed writes it, or a deletion. @param {Change} change */
const message = (change) => JSON.stringify(change.item ? jsonItem(change.item) : { id: change.deleted, deleted: true });

/** The messages a stream client needs, from after `lastEventId` (or all, as one document). @param {Channel} ch @param {string} origin @param {string | undefined} lastEventId */
function backlog(ch, origin, lastEventId) {
  const after = lastEventId === undefined || lastEventId === '' ? Number.NaN : Number(lastEventId);
  if (Number.isInteger(after) && after >= 0 && after <= version(ch)) {
    return ch.log
      .filter((change) => change.seq > after && (change.item || change.deleted))
      .map((change) => ({ id: String(change.seq), data: message(change) }));
  }
  return [{ id: String(version(ch)), data: JSON.stringify(jsonFeed(ch, origin)) }];
}

/**
 * Server-Sent Events: a queued fault or script if any, else the backlog and then every change.
 * @param {ChannelRegistry} registry @param {Channel} ch @param {IncomingMessage} req @param {ServerResponse} res
 */
export function serveEvents(registry, ch, req, res) {
  if (playFault(registry, ch, res)) return;
  // Resumes from the `last_event_id` query parameter (what nchan reads, and the library sends) or the Last-Event-ID header.
  const header = /** @type {string | undefined} */ (req.headers['last-event-id']);
  const lastEventId = new URL(req.url ?? '/', 'http://feed.invalid').searchParams.get('last_event_id') ?? header;
  ch.stats.ok++;
  ch.stats.streams++;
  ch.stats.lastEventIds.push(lastEventId ?? '');
  ch.stats.lastEventIdHeaders.push(header ?? '');
  const script = ch.scripts.shift();
  if (script) return playScript(script, ch, req, res);
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache',
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Expose-Headers': 'Date',
  });
  res.write('retry: 1000\n\n');
  for (const event of backlog(ch, `http://${req.headers.host}`, lastEventId)) res.write(`id: ${event.id}\ndata: ${event.data}\n\n`);
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
  /** @type {StreamClient} */
  const client = {
    send: (change) => res.write(`id: ${change.seq}\ndata: ${message(change)}\n\n`),
    drop: () => req.socket.destroy(),
    end: () => res.end(),
  };
  ch.streams.add(client);
  ch.stats.open++;
  scheduleNextItem(registry, ch);
  res.on('close', () => {
    clearInterval(heartbeat);
    ch.streams.delete(client);
    ch.stats.open--;
    scheduleNextItem(registry, ch);
  });
}

/**
 * Writes a scripted answer, then ends, cuts (mid-chunk, as a dropped connection) or holds it open.
 * @param {Script} script @param {Channel} ch @param {IncomingMessage} req @param {ServerResponse} res
 */
function playScript(script, ch, req, res) {
  res.writeHead(script.status ?? 200, {
    'Content-Type': script.contentType ?? 'text/event-stream',
    'Cache-Control': 'no-cache',
    'Access-Control-Allow-Origin': '*',
  });
  const chunks = script.chunks.map((chunk) => Buffer.from(chunk, script.latin1 ? 'latin1' : 'utf8'));
  const last = chunks.pop() ?? Buffer.alloc(0);
  for (const chunk of chunks) res.write(chunk);
  if (script.then === 'drop') {
    // Cut once the last bytes are out: the client gets all of them, then a broken connection.
    res.write(last, () => req.socket.destroy());
  } else if (script.then === 'hold') {
    res.write(last);
    /** @type {StreamClient} */
    const client = { send: () => undefined, drop: () => req.socket.destroy(), end: () => res.end() };
    ch.streams.add(client);
    res.on('close', () => ch.streams.delete(client));
  } else res.end(last);
}

/** The one WebSocket subprotocol the server speaks, as nchan does: frames carry their id, and a client resumes with `?last_event_id=`. */
export const WS_META = 'ws+meta.nchan';

/**
 * Takes a WebSocket upgrade for the channel: a queued fault answers with its status (or hangs), else
 * the backlog as one document and then every change, one frame each. A client that asked for
 * `ws+meta.nchan` (the server agrees to no other subprotocol) gets each frame as nchan writes it
 * (`id: <seq>`, `content-type: …`, a blank line, the message) and resumes after `?last_event_id=`.
 * @param {ChannelRegistry} registry @param {import('ws').WebSocketServer} sockets @param {Channel} ch
 * @param {IncomingMessage} req @param {import('node:stream').Duplex} socket @param {Buffer} head
 */
export function acceptWebSocket(registry, sockets, ch, req, socket, head) {
  ch.stats.requests++;
  const fault = takeFault(ch);
  if (fault) {
    if (!fault.hang) socket.end(`HTTP/1.1 ${fault.status ?? 503} Demo Fault\r\nConnection: close\r\n\r\n`);
    return;
  }
  sockets.handleUpgrade(req, socket, head, (ws) => {
    ch.stats.ok++;
    ch.stats.streams++;
    const meta = ws.protocol === WS_META;
    const lastEventId = meta ? (new URL(req.url ?? '/', 'http://feed.invalid').searchParams.get('last_event_id') ?? '') : '';
    ch.stats.lastEventIds.push(lastEventId);
    const frame = (/** @type {string} */ id, /** @type {string} */ data) =>
      ws.send(meta ? `id: ${id}\ncontent-type: application/json\n\n${data}` : data);
    for (const event of backlog(ch, `http://${req.headers.host}`, lastEventId)) frame(event.id, event.data);
    /** @type {StreamClient} */
    const client = { send: (change) => frame(String(change.seq), message(change)), drop: () => ws.terminate(), end: () => ws.close(1000) };
    ch.streams.add(client);
    ch.stats.open++;
    scheduleNextItem(registry, ch);
    ws.on('close', () => {
      ch.streams.delete(client);
      ch.stats.open--;
      scheduleNextItem(registry, ch);
    });
  });
}
