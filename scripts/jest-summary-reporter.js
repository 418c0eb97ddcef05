// Appends each jest run's totals to $GOVDISC_TEST_SUMMARY so scripts/test.sh can print one
// closing line for the whole suite ("N passed, N failed") across small, medium and e2e runs,
// and the slowest files of all runs (where CI's time goes, so it can be kept well under its budget).
import { appendFileSync } from 'node:fs';
import { relative } from 'node:path';

const KEPT_PER_RUN = 8;

export default class SummaryReporter {
  onRunComplete(_contexts, results) {
    const file = process.env.GOVDISC_TEST_SUMMARY;
    if (!file) return;
    const slowest = results.testResults
      .map((r) => ({ file: relative(process.cwd(), r.testFilePath), seconds: (r.perfStats.end - r.perfStats.start) / 1000 }))
      .sort((a, b) => b.seconds - a.seconds)
      .slice(0, KEPT_PER_RUN);
    const line = {
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
      suites: results.numTotalTestSuites,
      cwd: process.cwd(),
      slowest,
    };
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  }
}
