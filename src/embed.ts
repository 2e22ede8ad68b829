/**
 * The script-tag entry: registers every element and exports nothing (no globals).
 *
 * It lands on pages it does not own, so it starts in steps, each a task of its own, rather than in
 * one long task that blocks the host page: evaluating this script; the browser's first use of
 * Intl, which loads locale data (about 90 ms on a slow phone, once per page); then each element is
 * defined, the block first, so a page's blocks, items and labels upgrade in three short tasks.
 */
import { relativeLabel } from './clock/relative-label.js';
import { defineElement, elements, warnForeign } from './define-elements.js';

const foreign: (string | undefined)[] = [];
const steps: (() => unknown)[] = [
  () => {
    const now = Date.now();
    relativeLabel(now, now, { lang: document.documentElement.lang || navigator.language });
  },
  // Blocks first: each then shows its (server-rendered) children in place while they upgrade.
  ...[...elements].reverse().map(
    ([tag, element]) =>
      () =>
        foreign.push(defineElement(customElements, tag, element)),
  ),
  () => warnForeign(foreign),
];

/** The next task: `scheduler.postTask` where there is one, else a message to ourselves (neither is a timer that fake clocks hold back). */
function nextTask(run: () => void): void {
  const scheduler = (globalThis as { scheduler?: { postTask?: (task: () => void) => Promise<unknown> } }).scheduler;
  if (scheduler?.postTask) {
    void scheduler.postTask(run);
    return;
  }
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    run();
  };
  channel.port2.postMessage(null);
}

function runSteps(): void {
  const step = steps.shift();
  if (!step) return;
  try {
    step();
  } finally {
    nextTask(runSteps);
  }
}

nextTask(runSteps);
