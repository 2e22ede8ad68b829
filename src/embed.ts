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
import { nextTask } from './elements/shared/next-task.js';

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
