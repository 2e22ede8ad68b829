// @ts-check
/**
 * A web-test-runner reporter that writes the counts for scripts/test.mjs to sum up: passed, failed,
 * the tests marked as not runnable in this engine (their titles carry the reason), and each failure
 * with its first error line, so that the last lines of a long log say what failed.
 */
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';

/** @param {{ file: string }} options */
export function countReporter({ file }) {
  return {
    /** @param {{ sessions: any[] }} args */
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      /** @type {string[]} */
      const marked = [];
      /** @type {string[]} */
      const failures = [];
      /** @param {any} suite @param {string} path @param {string} testFile */
      const walk = (suite, path, testFile) => {
        for (const test of suite?.tests ?? []) {
          if (test.skipped) marked.push(`${path}${test.name}`);
          else if (test.passed) passed++;
          else {
            failed++;
            // No error of its own: it never ran, because a hook before it failed (that error is listed for the file).
            failures.push(
              `${testFile}: ${path}${test.name}: ${test.error ? firstLine(test.error.message) : 'did not run (a hook failed)'}`,
            );
          }
        }
        for (const child of suite?.suites ?? []) walk(child, `${path}${child.name} > `, testFile);
      };
      for (const session of sessions) {
        const testFile = relative(process.cwd(), session.testFile);
        walk(session.testResults, '', testFile);
        if (session.errors?.length || (!session.passed && !session.testResults)) {
          failed++;
          failures.push(`${testFile}: ${firstLine(session.errors?.[0]?.message ?? 'the file did not run')}`);
        }
      }
      writeFileSync(file, JSON.stringify({ passed, failed, marked, failures }));
    },
  };
}

/** @param {unknown} message */
function firstLine(message) {
  const [line = ''] = String(message ?? 'failed').split('\n');
  return line.slice(0, 300);
}
