// Appends each jest run's totals to $GOVDISC_TEST_SUMMARY so scripts/test.sh can print one
// closing line for the whole suite ("N passed, N failed") across small, medium and e2e runs.
import { appendFileSync } from 'node:fs';

export default class SummaryReporter {
  onRunComplete(_contexts, results) {
    const file = process.env.GOVDISC_TEST_SUMMARY;
    if (!file) return;
    const line = {
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
      suites: results.numTotalTestSuites,
      cwd: process.cwd(),
    };
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  }
}
