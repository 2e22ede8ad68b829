// live-ticker from React 19, which passes attributes, properties and events to custom elements.
// Written with createElement so the example needs no JSX step; in JSX it reads
// <live-ticker feed-url={url} heading="…" onlive-ticker-status={onStatus} />.
import { createElement, useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'live-ticker/define';
import type { LiveTickerStatusEvent } from 'live-ticker';

function App() {
  const [status, setStatus] = useState('…');
  return createElement(
    'main',
    null,
    createElement('live-ticker', {
      'feed-url': '/feeds/react/feed.json',
      heading: 'Meer uit Buitenland',
      'max-items': 5,
      'onlive-ticker-status': (event: LiveTickerStatusEvent) => setStatus(event.status),
    }),
    createElement('p', { id: 'status' }, `status: ${status}`),
  );
}

createRoot(document.getElementById('root')!).render(createElement(App));
