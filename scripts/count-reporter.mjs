// @ts-check
/**
 * A web-test-runner reporter that writes the counts for scripts/test.mjs to sum up: passed, failed,
 * and the tests marked as not runnable in this engine (their titles carry the reason).
 */
import { writeFileSync } from 'node:fs';

/** @param {{ file: string }} options */
export function countReporter({ file }) {
  return {
    /** @param {{ sessions: any[] }} args */
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      /** @type {string[]} */
      const marked = [];
      /** @param {any} suite @param {string} path */
      const walk = (suite, path) => {
        for (const test of suite?.tests ?? []) {
          if (test.skipped) marked.push(`${path}${test.name}`);
          else if (test.passed) passed++;
          else failed++;
        }
        for (const child of suite?.suites ?? []) walk(child, `${path}${child.name} > `);
      };
      for (const session of sessions) {
        walk(session.testResults, '');
        if (session.errors?.length || (!session.passed && !session.testResults)) failed++;
      }
      writeFileSync(file, JSON.stringify({ passed, failed, marked }));
    },
  };
}
