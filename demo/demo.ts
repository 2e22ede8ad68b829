import '../src/define.js';

// `?feed=<url>` points the block at another feed without editing the page; `?feed=ws` is the
// demo server's WebSocket (a ws: URL must be absolute).
const ticker = document.querySelector('live-ticker')!;
const requested = new URLSearchParams(location.search).get('feed');
if (requested) {
  ticker.setAttribute('feed-url', requested === 'ws' ? `ws://${location.host}/feeds/buitenland/ws` : requested);
}
document.getElementById('feed-url')!.textContent = ticker.feedUrl;
