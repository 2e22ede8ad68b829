import '../src/define.js';

// `?feed=<url>` points the block at another feed without editing the page.
const feed = new URLSearchParams(location.search).get('feed');
const ticker = document.querySelector('live-ticker');
if (feed && ticker) ticker.feedUrl = feed;
