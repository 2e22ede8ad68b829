// @ts-check
/**
 * A reporter for Node's test runner that writes the counts scripts/test.mjs sums up, as one JSON
 * object: tests passed and failed (suites are not tests; skipped and todo tests are neither), and
 * each failure with its file and first error line. It runs beside the spec reporter, which prints
 * the log as usual.
 */
import { relative } from 'node:path';

/** @param {unknown} error @returns {string} */
function firstLine(error) {
  const cause = /** @type {{ cause?: unknown, message?: string } | undefined} */ (error);
  const message = (cause?.cause instanceof Error ? cause.cause.message : cause?.message) ?? String(error);
  return message.split('\n')[0] ?? '';
}

/** @param {AsyncIterable<{ type: string, data: any }>} events */
export default async function* countReporter(events) {
  let passed = 0;
  let failed = 0;
  /** @type {string[]} */
  const failures = [];
  for await (const { type, data } of events) {
    if ((type !== 'test:pass' && type !== 'test:fail') || data.details?.type === 'suite' || data.skip || data.todo) continue;
    if (type === 'test:pass') passed++;
    else {
      failed++;
      failures.push(`${data.file ? relative(process.cwd(), data.file) : ''}: ${data.name}: ${firstLine(data.details?.error)}`);
    }
  }
  yield `${JSON.stringify({ passed, failed, failures })}\n`;
}
