// @ts-check
/** A web-test-runner reporter that writes the pass/fail counts for scripts/test.mjs to sum up. */
import { writeFileSync } from 'node:fs';

/** @param {{ file: string }} options */
export function countReporter({ file }) {
  return {
    /** @param {{ sessions: any[] }} args */
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      /** @param {any} suite */
      const walk = (suite) => {
        for (const test of suite?.tests ?? []) {
          if (test.skipped) continue;
          if (test.passed) passed++;
          else failed++;
        }
        for (const child of suite?.suites ?? []) walk(child);
      };
      for (const session of sessions) {
        walk(session.testResults);
        if (session.errors?.length || (!session.passed && !session.testResults)) failed++;
      }
      writeFileSync(file, JSON.stringify({ passed, failed }));
    },
  };
}
