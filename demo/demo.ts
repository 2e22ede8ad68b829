import '../src/define.js';

// `?feed=<url>` points the block at another feed without editing the page; `?feed=ws` is the
// demo server's WebSocket (a ws: URL must be absolute).
const ticker = document.querySelector<HTMLElement>('#buitenland')!;
const requested = new URLSearchParams(location.search).get('feed');
if (requested) {
  const feedUrl = requested === 'ws' ? `ws://${location.host}/feeds/buitenland/ws` : requested;
  // Both blocks show the same feed: one request loop (or connection) serves them.
  for (const block of document.querySelectorAll('live-ticker')) block.setAttribute('feed-url', feedUrl);
}
document.getElementById('feed-url')!.textContent = ticker.getAttribute('feed-url');
