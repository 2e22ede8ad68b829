// @ts-check
/**
 * What the embed costs the page it lands on, as Lighthouse's mobile run sees it: Chromium's CPU
 * slowed 4x, long tasks, total blocking time and cumulative layout shift of one page load, until
 * the block shows its feed and the page has gone quiet.
 */

/**
 * Installed before any page script: records long tasks, long animation frames (with the scripts
 * that ran in them), layout shifts and first contentful paint, and calls `__loaded` once every
 * `<live-ticker>` on the page shows items from its feed and the page has been idle twice. Nothing is
 * evaluated from outside while the page loads, so the measurement adds no tasks of its own.
 */
function observeLoad() {
  const record = /** @type {any} */ ({ longTasks: [], frames: [], shifts: [], fcp: NaN });
  /** @type {any} */ (window).__load = record;
  const observe = (/** @type {string} */ type, /** @type {(entry: any) => void} */ each) =>
    new PerformanceObserver((list) => list.getEntries().forEach(each)).observe({ type, buffered: true });
  observe('longtask', (entry) => record.longTasks.push({ start: entry.startTime, duration: entry.duration }));
  observe('long-animation-frame', (entry) =>
    record.frames.push({
      start: entry.startTime,
      duration: entry.duration,
      blocking: entry.blockingDuration,
      scripts: entry.scripts.map((/** @type {any} */ script) => ({
        url: script.sourceURL,
        duration: script.duration,
        invoker: script.invoker,
      })),
    }),
  );
  observe('layout-shift', (entry) => entry.hadRecentInput || record.shifts.push({ start: entry.startTime, value: entry.value }));
  observe('paint', (entry) => entry.name === 'first-contentful-paint' && (record.fcp = entry.startTime));
  const ready = () =>
    [...document.querySelectorAll('live-ticker, plain-ticker')].every(
      // Live, with the feed's items in its own list (server-rendered items sit in the light DOM).
      (block) => block.getAttribute('status') === 'live' && block.shadowRoot?.querySelector('li'),
    );
  const idle = () => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 }));
  const check = () => {
    if (document.querySelector('live-ticker, plain-ticker') && ready()) {
      document.removeEventListener('live-ticker-status', check);
      void idle()
        .then(idle)
        .then(() => /** @type {any} */ (window).__loaded());
    }
  };
  // The block renders its items in the update after it goes live: look again after that frame.
  document.addEventListener('live-ticker-status', () => requestAnimationFrame(() => setTimeout(check)));
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
 * One load of `url` at 4x CPU, until every block on the page shows its feed and the page is idle.
 * `embed` names the script whose long-animation-frame time counts as the embed's.
 * @param {import('playwright-core').Browser} browser @param {string} url @param {string} embed
 * @returns {Promise<{ tbt: number, longest: number, embedLongest: number, cls: number, fcp: number }>}
 */
export async function measureLoad(browser, url, embed) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  /** @type {(value?: unknown) => void} */
  let loaded = () => undefined;
  const done = new Promise((resolve) => (loaded = resolve));
  await page.exposeBinding('__loaded', () => loaded());
  await page.addInitScript(observeLoad);
  await page.goto(url);
  await Promise.race([done, new Promise((_, reject) => setTimeout(() => reject(new Error(`${url} did not go live in 60 s`)), 60_000))]);
  const record = await page.evaluate(() => /** @type {any} */ (window).__load);
  await context.close();
  /** @type {{ start: number, duration: number }[]} */
  const tasks = record.longTasks;
  const fcp = Number.isFinite(record.fcp) ? record.fcp : 0;
  // Lighthouse counts blocking time after first contentful paint; a task spanning FCP counts from it.
  const tbt = tasks.reduce((sum, task) => {
    const end = task.start + task.duration;
    return end <= fcp ? sum : sum + Math.max(0, end - Math.max(task.start, fcp) - 50);
  }, 0);
  // The embed's share of each long frame: the time its own scripts (and callbacks they set) ran.
  /** @type {{ scripts: { url: string, duration: number }[] }[]} */
  const frames = record.frames;
  const embedLongest = frames.reduce(
    (max, frame) =>
      Math.max(
        max,
        frame.scripts.filter((script) => script.url.includes(embed)).reduce((sum, script) => sum + script.duration, 0),
      ),
    0,
  );
  return {
    tbt,
    longest: tasks.reduce((max, task) => Math.max(max, task.duration), 0),
    embedLongest,
    cls: cumulativeLayoutShift(record.shifts),
    fcp,
  };
}
