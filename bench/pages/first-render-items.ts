import seed from '../../demo/seed-items.json';

export function benchItems(count: number): { id: string; published: number; text: string }[] {
  const now = Date.now();
  return Array.from({ length: count }, (_, i) => ({
    id: `item-${i}`,
    published: now - (i + 1) * 97_000,
    text: seed.items[i % seed.items.length]!.text,
  }));
}

/** Records the time from the page's first script to the frame after `count` items are in the DOM. */
export function reportPainted(count: number): void {
  requestAnimationFrame(() =>
    setTimeout(() => {
      const start = (window as unknown as { __t0: number }).__t0;
      (window as unknown as { firstRender: unknown }).firstRender = { count, ms: performance.now() - start };
    }),
  );
}
