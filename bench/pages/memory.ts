// Memory: a live block mounted and unmounted many times. Keeps a ledger of pending timers.
import '../../src/define.js';
import type { LiveTicker } from '../../src/elements/live-ticker/live-ticker.js';

const pending = new Set<unknown>();
const { setTimeout: set, clearTimeout: clear, setInterval: setEvery, clearInterval: clearEvery } = window;
window.setTimeout = ((handler: () => void, delay?: number) => {
  const id = set(() => {
    pending.delete(id);
    handler();
  }, delay);
  pending.add(id);
  return id;
}) as typeof setTimeout;
window.clearTimeout = ((id: number) => {
  pending.delete(id);
  clear(id);
}) as typeof clearTimeout;
window.setInterval = ((handler: () => void, delay?: number) => {
  const id = setEvery(handler, delay);
  pending.add(id);
  return id;
}) as typeof setInterval;
window.clearInterval = ((id: number) => {
  pending.delete(id);
  clearEvery(id);
}) as typeof clearInterval;

(window as unknown as { bench: unknown }).bench = {
  async cycle(url: string): Promise<number> {
    const ticker = document.createElement('live-ticker') as LiveTicker;
    ticker.feedUrl = url;
    const live = new Promise((resolve) =>
      ticker.addEventListener('live-ticker-status', (event) => event.status === 'live' && resolve(undefined)),
    );
    document.body.append(ticker);
    await live;
    await ticker.updateComplete;
    const shown = ticker.shadowRoot!.querySelectorAll('[part~="item"]').length;
    ticker.remove();
    return shown;
  },
  openTimers: () => pending.size,
  /** The smallest heap of a few collections a moment apart: one gc leaves garbage that a pending task still held. */
  async heap(): Promise<number> {
    let smallest = Infinity;
    for (let round = 0; round < 4; round++) {
      (window as unknown as { gc?: () => void }).gc?.();
      smallest = Math.min(smallest, (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize);
      await new Promise((resolve) => set(resolve, 100));
    }
    return smallest;
  },
};
