// @ts-check
/**
 * What the embed costs the page it lands on, as Lighthouse's mobile run sees it: Chromium's CPU
 * slowed 4x, long tasks, total blocking time and cumulative layout shift of one page load, until
 * the block shows its feed and the page has gone quiet.
 */

/** Installed before any page script: records long tasks, layout shifts and first contentful paint. */
function observeLoad() {
  const record = /** @type {any} */ ({ longTasks: [], shifts: [], fcp: NaN });
  /** @type {any} */ (window).__load = record;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) record.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of /** @type {any[]} */ (list.getEntries())) {
      if (!entry.hadRecentInput) record.shifts.push({ start: entry.startTime, value: entry.value });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') record.fcp = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
}

/**
 * CLS as Chromium reports it: the largest session window (shifts less than 1 s apart, a window at
 * most 5 s long).
 * @param {{ start: number, value: number }[]} shifts
 */
export function cumulativeLayoutShift(shifts) {
  let best = 0;
  let current = 0;
  let windowStart = -Infinity;
  let previous = -Infinity;
  for (const shift of shifts) {
    if (shift.start - previous > 1000 || shift.start - windowStart > 5000) {
      current = 0;
      windowStart = shift.start;
    }
    current += shift.value;
    previous = shift.start;
    best = Math.max(best, current);
  }
  return best;
}

/**
 * One load of `url` at 4x CPU: waits until every `<live-ticker>` on the page is live with items
 * rendered from its feed, then for two idle periods.
 * @param {import('playwright-core').Browser} browser @param {string} url
 * @returns {Promise<{ tbt: number, longest: number, cls: number, longTasks: number }>}
 */
export async function measureLoad(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(observeLoad);
  await page.goto(url);
  await page.waitForFunction(
    () => {
      const blocks = [...document.querySelectorAll('live-ticker')];
      return blocks.length > 0 && blocks.every((block) => block.getAttribute('status') === 'live' && block.shadowRoot?.querySelector('live-ticker-item'));
    },
    undefined,
    { timeout: 60_000, polling: 100 },
  );
  for (let i = 0; i < 2; i++) await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 })));
  const record = await page.evaluate(() => /** @type {any} */ (window).__load);
  await context.close();
  /** @type {{ start: number, duration: number }[]} */
  const tasks = record.longTasks;
  const fcp = Number.isFinite(record.fcp) ? record.fcp : 0;
  // Lighthouse counts blocking time after first contentful paint; a task spanning FCP counts from it.
  const tbt = tasks.reduce((sum, task) => {
    const end = task.start + task.duration;
    if (end <= fcp) return sum;
    const counted = end - Math.max(task.start, fcp);
    return sum + Math.max(0, counted - 50);
  }, 0);
  return {
    tbt,
    longest: tasks.reduce((max, task) => Math.max(max, task.duration), 0),
    cls: cumulativeLayoutShift(record.shifts),
    longTasks: tasks.length,
  };
}
