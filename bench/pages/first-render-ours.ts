// First render, ours: 50 items through <live-ticker>, timed from before the script evaluated to the frame that paints them.
import '../../src/define.js';
import { of } from 'rxjs';
import { benchItems, reportPainted } from './first-render-items.js';

const ticker = document.createElement('live-ticker');
ticker.maxItems = 50;
ticker.source = of(benchItems(50));
document.body.append(ticker);
await ticker.updateComplete;
const items = [...ticker.shadowRoot!.querySelectorAll('live-ticker-item')];
await Promise.all(items.map((item) => item.updateComplete));
reportPainted(ticker.shadowRoot!.querySelectorAll('live-ticker-item').length);
