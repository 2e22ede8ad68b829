// @ts-check
/**
 * The feed server's channels: their state (clock, settings, stats), the log of changes after the
 * seed, the timed items a channel publishes on its clock, queued faults and scripts, and the
 * control commands that change all of these. Nothing here writes to a connection.
 */
import { readFileSync } from 'node:fs';

/** @typedef {{ id: string, published: number, text: string, url?: string, title?: string, tags?: string[], updated?: number, image?: string }} DemoItem */
/** @typedef {{ seq: number, item?: DemoItem, deleted?: string }} Change */
/** @typedef {{ status?: number, times: number, retryAfter?: string, body?: string, hang?: boolean }} Fault */
/** @typedef {{ send: (change: Change) => void, drop: () => void, end: () => void }} StreamClient */
/**
 * A scripted answer to the next `/events` request, byte for byte (hostile and broken streams for tests).
 * @typedef {{ status?: number, contentType?: string, chunks: string[], latin1?: boolean, then?: 'end' | 'drop' | 'hold' }} Script
 */
/**
 * @typedef {object} Channel
 * @property {string} name
 * @property {number} anchor demo time (epoch ms) at which the channel started
 * @property {number} realStart server time when it started
 * @property {number} publishEvery ms between new items; 0 for none
 * @property {'real' | 'none' | 'demo'} date what the Date header says: the real time, nothing, or the channel's demo time
 * @property {boolean} sections whether the newsroom's other sections (sport, breaking) are in the feed
 * @property {number} pages how many older pages the feed names (0: none)
 * @property {'self' | 'first' | 'html' | 404 | number | undefined} pageFault what is wrong with page 2, for tests
 * @property {number} autoPublished how many timed items are in the log
 * @property {Change[]} log every change after the seed, in order
 * @property {Fault[]} faults
 * @property {unknown[]} raw JSON Feed items served verbatim, before the others (hostile input for tests)
 * @property {Script[]} scripts answers for the next `/events` requests, in order
 * @property {Set<StreamClient>} streams
 * @property {ReturnType<typeof setTimeout> | undefined} timer
 * @property {{ requests: number, ok: number, notModified: number, failed: number, streams: number, open: number, bytes: number, lastEventIds: string[], lastEventIdHeaders: string[], preflights: number }} stats
 */
/** @typedef {{ now?: number | string, publishEvery?: number, sendDate?: boolean, sections?: boolean, pages?: number, pageFault?: Channel['pageFault'] }} ChannelSettings */
/**
 * Every channel of one server, and what channels are made with.
 * @typedef {object} ChannelRegistry
 * @property {Map<string, Channel>} channels by name
 * @property {() => number} realNow the server's clock (epoch ms)
 * @property {number} publishEvery ms between timed items, for channels that do not say
 * @property {boolean | undefined} sections whether channels made on first use carry the other sections
 * @property {number | undefined} pages how many older pages channels made on first use name
 */

export const seed = JSON.parse(readFileSync(new URL('../seed-items.json', import.meta.url), 'utf8'));
export const MINUTE = 60_000;
const MAX_ITEMS = 30;

/** @param {{ publishEvery?: number, now?: () => number, sections?: boolean, pages?: number }} options the server's @returns {ChannelRegistry} */
export function createChannelRegistry(options) {
  return {
    channels: new Map(),
    realNow: options.now ?? (() => Date.now()),
    publishEvery: options.publishEvery ?? 30_000,
    sections: options.sections,
    pages: options.pages,
  };
}

/** @param {ChannelRegistry} registry @param {string} name @param {ChannelSettings} [settings] @returns {Channel} */
function newChannel(registry, name, settings = {}) {
  const anchor = settings.now === undefined ? registry.realNow() : new Date(settings.now).getTime();
  return {
    name,
    anchor: Number.isFinite(anchor) ? anchor : registry.realNow(),
    realStart: registry.realNow(),
    publishEvery: settings.publishEvery ?? registry.publishEvery,
    date: settings.sendDate ? 'demo' : settings.now === undefined ? 'real' : 'none',
    sections: Boolean(settings.sections),
    pages: Number(settings.pages) || 0,
    pageFault: settings.pageFault,
    autoPublished: 0,
    log: [],
    faults: [],
    raw: [],
    scripts: [],
    streams: new Set(),
    timer: undefined,
    stats: {
      requests: 0,
      ok: 0,
      notModified: 0,
      failed: 0,
      streams: 0,
      open: 0,
      bytes: 0,
      lastEventIds: [],
      lastEventIdHeaders: [],
      preflights: 0,
    },
  };
}

/**
 * The channel of that name, made on first use, with the timed items due by now in its log.
 * @param {ChannelRegistry} registry @param {string} name
 */
export function getChannel(registry, name) {
  let found = registry.channels.get(name);
  if (!found) registry.channels.set(name, (found = newChannel(registry, name, { sections: registry.sections, pages: registry.pages })));
  return publishDueItems(registry, found);
}

/** The channel's clock: its demo start plus the server time since. @param {ChannelRegistry} registry @param {Channel} ch */
export const demoNow = (registry, ch) => ch.anchor + (registry.realNow() - ch.realStart);
/** @param {Channel} ch */
export const version = (ch) => ch.log.length;

/** @param {Channel} ch @param {Change} change */
function record(ch, change) {
  ch.log.push(change);
  if (change.item || change.deleted) for (const stream of ch.streams) stream.send(change);
}

/** Adds the timed items whose moment has come to the log. @param {ChannelRegistry} registry @param {Channel} ch */
function publishDueItems(registry, ch) {
  const due = ch.publishEvery > 0 ? Math.floor((registry.realNow() - ch.realStart) / ch.publishEvery) : 0;
  while (ch.autoPublished < due) {
    const i = ch.autoPublished++;
    record(ch, {
      seq: version(ch) + 1,
      item: {
        id: `live-${i + 1}`,
        published: ch.anchor + (i + 1) * ch.publishEvery,
        text: seed.live[i % seed.live.length],
        tags: ['buitenland'],
      },
    });
  }
  return ch;
}

/**
 * Keeps open streams live: a timer for the next timed item, only while a stream is open.
 * Call it whenever a stream opens or closes.
 * @param {ChannelRegistry} registry @param {Channel} ch
 */
export function scheduleNextItem(registry, ch) {
  clearTimeout(ch.timer);
  ch.timer = undefined;
  if (ch.streams.size === 0 || ch.publishEvery <= 0) return;
  const next = ch.realStart + (ch.autoPublished + 1) * ch.publishEvery;
  ch.timer = setTimeout(
    () => {
      publishDueItems(registry, ch);
      scheduleNextItem(registry, ch);
    },
    Math.max(0, next - registry.realNow()),
  );
}

/** The items the feed holds now: the seed's (and sections') changed by the log, newest first. @param {Channel} ch @returns {DemoItem[]} */
export function currentItems(ch) {
  /** @type {Map<string, DemoItem>} */
  const byId = new Map();
  for (const item of [...seed.items, ...(ch.sections ? seed.sections : [])]) {
    const tags = item.tags ?? ['buitenland'];
    byId.set(item.id, {
      id: item.id,
      published: ch.anchor - item.minutesAgo * MINUTE,
      ...(item.updatedMinutesAgo === undefined ? {} : { updated: ch.anchor - item.updatedMinutesAgo * MINUTE }),
      ...(item.title ? { title: item.title } : {}),
      text: item.text,
      tags,
      url: `https://www.example.org/${tags[tags.length - 1]}/${item.id}`,
      ...(item.image ? { image: `/feeds/${ch.name}/image.svg?id=${item.id}` } : {}),
    });
  }
  for (const change of ch.log) {
    if (change.item) byId.set(change.item.id, change.item);
    if (change.deleted) byId.delete(change.deleted);
  }
  return [...byId.values()].sort((a, b) => b.published - a.published).slice(0, MAX_ITEMS);
}

/**
 * Uses up one turn of the next queued fault and counts the request as failed; undefined when none is queued.
 * @param {Channel} ch
 */
export function takeFault(ch) {
  const fault = ch.faults[0];
  if (!fault) return undefined;
  if (--fault.times <= 0) ch.faults.shift();
  ch.stats.failed++;
  return fault;
}

/**
 * Carries out a control command (see the routes in ../feed-server.mjs), in the order of its parts:
 * reset, publish, delete, burst, fail, script, raw, drop, end. Throws on a malformed part, possibly
 * after earlier parts took effect. Returns the channel as it is afterwards.
 * @param {ChannelRegistry} registry @param {string} name @param {any} command parsed JSON
 */
export function applyCommand(registry, name, command) {
  if (command.reset) {
    const previous = registry.channels.get(name);
    previous?.streams.forEach((stream) => stream.drop());
    if (previous) clearTimeout(previous.timer);
    registry.channels.set(name, newChannel(registry, name, command.reset));
  }
  const ch = getChannel(registry, name);
  if (command.publish) {
    const { id = `published-${ch.log.length + 1}`, text, title, tags = ['buitenland'], url, updated } = command.publish;
    const published = command.publish.published ? new Date(command.publish.published).getTime() : demoNow(registry, ch);
    /** @type {DemoItem} */
    const item = { id: String(id), published, text: String(text), tags: tags.map(String) };
    if (title) item.title = String(title);
    if (url) item.url = String(url);
    if (updated) item.updated = new Date(updated).getTime();
    record(ch, { seq: version(ch) + 1, item });
  }
  if (command.delete) record(ch, { seq: version(ch) + 1, deleted: String(command.delete) });
  // Many items at once, as fast as the server can write them (the burst benchmark).
  for (let i = 1; i <= (Number(command.burst) || 0); i++) {
    record(ch, {
      seq: version(ch) + 1,
      item: {
        id: `burst-${i}`,
        published: demoNow(registry, ch) + i,
        text: `${seed.live[i % seed.live.length]} (${i})`,
        tags: ['buitenland'],
      },
    });
  }
  if (command.fail) ch.faults.push({ times: 1, ...command.fail });
  if (Array.isArray(command.script)) ch.scripts.push(...command.script);
  if (Array.isArray(command.raw)) {
    ch.raw.push(...command.raw);
    record(ch, { seq: version(ch) + 1 }); // a new version, so revalidation sees the change
  }
  if (command.drop) ch.streams.forEach((stream) => stream.drop());
  if (command.end) ch.streams.forEach((stream) => stream.end());
  return ch;
}

/** Cuts every channel's streams and stops its timer (for servers that stop). @param {ChannelRegistry} registry */
export function closeChannels(registry) {
  for (const ch of registry.channels.values()) {
    ch.streams.forEach((stream) => stream.drop());
    clearTimeout(ch.timer);
  }
}
