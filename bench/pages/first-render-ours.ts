// First render, ours: 50 items through <live-ticker>, timed from before the script evaluated to the frame that paints them.
import '../../src/define.js';
import { of } from 'rxjs';
import { benchItems, reportPainted, sinceStart } from './first-render-items.js';

const ticker = document.createElement('live-ticker');
ticker.maxItems = 50;
ticker.source = of(benchItems(50));
document.body.append(ticker);
const appended = sinceStart();
await ticker.updateComplete; // its items and their labels are in its own shadow root: one update renders them
reportPainted(ticker.shadowRoot!.querySelectorAll('[part~="item"]').length, appended);
