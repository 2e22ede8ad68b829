// Burst: one block on an SSE stream that delivers many messages at once. Counts the block's renders.
import '../../src/define.js';
import type { LiveTicker } from '../../src/elements/live-ticker/live-ticker.js';

const Ticker = customElements.get('live-ticker') as unknown as { prototype: { render(): unknown } };
let renders = 0;
const render = Ticker.prototype.render;
Ticker.prototype.render = function (this: LiveTicker) {
  renders++;
  return render.call(this);
};

let ticker: LiveTicker | undefined;
(window as unknown as { bench: unknown }).bench = {
  async mount(url: string): Promise<void> {
    ticker = document.createElement('live-ticker');
    ticker.feedUrl = url;
    const live = new Promise((resolve) =>
      ticker!.addEventListener('live-ticker-status', (event) => event.status === 'live' && resolve(undefined)),
    );
    document.body.append(ticker);
    await live;
    await ticker.updateComplete;
  },
  resetRenders(): void {
    renders = 0;
  },
  renders: () => renders,
  /** The id of the item shown first (the newest). */
  firstId: () => ticker?.shadowRoot?.querySelector<HTMLElement>('[part~="entry"]')?.dataset.id,
};
