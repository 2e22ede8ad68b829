/**
 * The embed builder page (`/demo/builder.html`): the publisher's choices in, a live preview (the
 * same `live-ticker.js` readers load) and a snippet out. Typed values only ever reach the page as
 * attribute values, `textContent` and textarea values; the page runs under a strict CSP with
 * Trusted Types enforced, where any string-to-HTML call would throw.
 */
import type { TickerItem } from '../src/model.js';
import { parseFeedDocument } from '../src/parsers/feed-document.js';
import { compareItems } from '../src/store/fold.js';
import {
  BLOCK_ATTRIBUTES,
  blockAttributes,
  cspLines,
  parseFeedUrls,
  parseScriptUrl,
  serverItems,
  snippet,
  type EmbedChoices,
  type ServerItem,
} from './embed-snippet.js';

const form = document.querySelector<HTMLFormElement>('#options')!;
const field = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const feedInput = field<HTMLInputElement>('feed-url');
const feedError = field<HTMLParagraphElement>('feed-url-error');
const scriptInput = field<HTMLInputElement>('script-url');
const serverItemsBox = field<HTMLInputElement>('server-items');
const serverItemsStatus = field<HTMLParagraphElement>('server-items-status');
const preview = field<HTMLDivElement>('preview');
const snippetArea = field<HTMLTextAreaElement>('snippet');
const cspArea = field<HTMLTextAreaElement>('csp');

const defaultScript = new URL('/embed/live-ticker.js', location.href).href;
scriptInput.value = defaultScript;
field<HTMLElement>('demo-feed').textContent = new URL('/feeds/buitenland/feed.json', location.href).href;

/** The choices as the form holds them now, or the reason the feed URL cannot be used. */
function readChoices(): EmbedChoices | { error: string } {
  const feeds = parseFeedUrls(feedInput.value, location.href);
  if ('error' in feeds) return feeds;
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '');
  const maxItems = Math.round(Number(text('max-items')));
  const summaryLines = Math.round(Number(text('summary-lines')));
  return {
    feedUrls: feeds.urls,
    heading: text('heading'),
    lang: text('lang'),
    layout: text('layout') === 'marquee' ? 'marquee' : 'list',
    theme: text('theme') as EmbedChoices['theme'],
    density: text('density') as EmbedChoices['density'],
    maxItems: Number.isFinite(maxItems) ? Math.min(50, Math.max(1, maxItems)) : 10,
    filter: text('filter'),
    pinnedTags: text('pinned-tags'),
    breakingTags: text('breaking-tags'),
    summaryLines: Number.isFinite(summaryLines) ? Math.min(6, Math.max(0, summaryLines)) : 2,
    images: data.get('images') === 'on',
    scriptUrl: parseScriptUrl(scriptInput.value, location.href) ?? defaultScript,
  };
}

/** The feeds' current items, newest first, for server-rendering; streams have no current document and are skipped. */
async function currentItems(urls: readonly string[], signal: AbortSignal): Promise<{ items: TickerItem[]; notes: string[] }> {
  const byId = new Map<string, TickerItem>();
  const notes: string[] = [];
  await Promise.all(
    urls.map(async (url) => {
      if (!/^https?:/i.test(url)) return notes.push(`${url} is a stream: it has no current items to write into the page.`);
      try {
        const response = await fetch(url, {
          signal,
          headers: { Accept: 'application/feed+json, application/rss+xml, application/atom+xml' },
        });
        if (!response.ok) return notes.push(`${url} answered HTTP ${response.status}.`);
        if (/^text\/event-stream/i.test(response.headers.get('Content-Type') ?? '')) {
          void response.body?.cancel();
          return notes.push(`${url} is a stream: it has no current items to write into the page.`);
        }
        const parsed = parseFeedDocument(await response.text(), { source: url, baseUrl: response.url || url });
        for (const item of parsed.items) byId.set(item.id, item);
      } catch (error) {
        if (!signal.aborted) notes.push(`${url} could not be read: ${(error as Error).message}`);
      }
      return undefined;
    }),
  );
  const items = [...byId.values()].sort(compareItems);
  return { items, notes };
}

let block: HTMLElement | undefined;
let shownItems: readonly ServerItem[] = [];
let cachedItems: readonly ServerItem[] = [];
let itemsRequest: AbortController | undefined;
let itemsKey = '';

/** Makes the preview block carry exactly these attributes and server-rendered children, keeping its feed connection when the URL is unchanged. */
/** What a publisher's analytics would receive from the preview: its events, newest first, the last 20. */
const eventLog = field<HTMLOListElement>('event-log');
const PUBLISHER_EVENTS = ['live-ticker-impression', 'live-ticker-open', 'live-ticker-reveal', 'live-ticker-more', 'live-ticker-pause'];

function logEvent(event: Event): void {
  const entry = document.createElement('li');
  const { detail } = event as CustomEvent<unknown>;
  const name = document.createElement('code');
  name.textContent = event.type;
  entry.append(name, ` ${JSON.stringify(detail ?? { paused: (event as Event & { paused?: boolean }).paused })}`);
  eventLog.prepend(entry);
  while (eventLog.children.length > 20) eventLog.lastElementChild!.remove();
}

function renderPreview(choices: EmbedChoices, items: readonly ServerItem[]): void {
  if (!block) {
    block = document.createElement('live-ticker');
    for (const type of PUBLISHER_EVENTS) block.addEventListener(type, logEvent);
    // Following a link in the preview would leave the builder: the click is logged, not followed.
    block.addEventListener(
      'click',
      (event) => event.composedPath().some((node) => node instanceof HTMLAnchorElement) && event.preventDefault(),
    );
    preview.replaceChildren(block);
  }
  const attributes = new Map(blockAttributes(choices));
  for (const name of BLOCK_ATTRIBUTES) if (!attributes.has(name)) block.removeAttribute(name);
  for (const [name, value] of attributes) if (block.getAttribute(name) !== value) block.setAttribute(name, value);
  if (items !== shownItems) {
    shownItems = items;
    block.replaceChildren(
      ...items.map((item) => {
        const element = document.createElement('live-ticker-item');
        element.setAttribute('item-id', item.id);
        if (item.href) element.setAttribute('href', item.href);
        element.append(item.text);
        // An undated item has no label.
        if (item.datetime !== undefined) {
          element.setAttribute('datetime', item.datetime);
          const label = document.createElement('live-ticker-time');
          label.slot = 'time';
          label.setAttribute('datetime', item.datetime);
          label.textContent = item.label ?? '';
          element.append(label);
        }
        return element;
      }),
    );
  }
}

/** Reads the feeds' current items for server-rendering, then refreshes with them. */
async function loadItems(choices: EmbedChoices, key: string): Promise<void> {
  itemsRequest?.abort();
  const request = (itemsRequest = new AbortController());
  serverItemsStatus.textContent = 'Reading the feed…';
  const { items, notes } = await currentItems(choices.feedUrls, request.signal);
  if (request.signal.aborted || key !== itemsKey) return;
  cachedItems = serverItems(items, choices, Date.now());
  serverItemsStatus.textContent = [`${cachedItems.length} item(s) from the feed's current content.`, ...notes].join(' ');
  refresh();
}

/** Reads the form and brings the preview, snippet and CSP lines up to date with it. */
function refresh(): void {
  const choices = readChoices();
  if ('error' in choices) {
    feedError.textContent = feedInput.value.trim() ? choices.error : '';
    feedInput.setAttribute('aria-invalid', feedInput.value.trim() ? 'true' : 'false');
    return;
  }
  feedError.textContent = '';
  feedInput.setAttribute('aria-invalid', 'false');

  if (serverItemsBox.checked) {
    const key = `${choices.feedUrls.join(' ')}|${choices.lang}|${choices.maxItems}|${choices.filter}`;
    if (key !== itemsKey) {
      itemsKey = key;
      cachedItems = [];
      void loadItems(choices, key);
    }
  } else {
    itemsKey = '';
    cachedItems = [];
    itemsRequest?.abort();
    serverItemsStatus.textContent = '';
  }
  renderPreview(choices, cachedItems);
  snippetArea.value = snippet(choices, cachedItems);
  cspArea.value = cspLines(choices).join('\n');
}

let typing: ReturnType<typeof setTimeout> | undefined;
const refreshSoon = (delay: number) => {
  clearTimeout(typing);
  typing = setTimeout(refresh, delay);
};

// Typing a URL waits for a pause, so the preview does not request every half-typed address.
form.addEventListener('input', (event) => refreshSoon(event.target === feedInput || event.target === scriptInput ? 600 : 0));
form.addEventListener('change', () => refreshSoon(0));
form.addEventListener('submit', (event) => {
  event.preventDefault();
  refreshSoon(0);
});

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copies]')) {
  button.addEventListener('click', async () => {
    const area = field<HTMLTextAreaElement>(button.dataset['copies']!);
    const status = button.parentElement!.querySelector<HTMLElement>('.copied')!;
    try {
      await navigator.clipboard.writeText(area.value);
      status.textContent = 'Copied.';
    } catch {
      // No clipboard access (permissions, an insecure origin): select it so one keystroke copies it.
      area.focus();
      area.select();
      status.textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
    }
  });
}
