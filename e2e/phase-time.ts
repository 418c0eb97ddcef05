import { basename } from 'node:path';

// One line per setup phase of a suite on stderr (not through jest's console, which adds a stack trace to each line):
// where a suite's time goes outside its tests, which --verbose does not show (E2E_PHASE_TIMES=0 silences them).

/** Runs `fn` and prints `[phase] <spec file> <what>: <s> s`. */
export async function timedPhase<T>(what: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  try {
    return await fn();
  } finally {
    if (process.env.E2E_PHASE_TIMES !== '0') {
      const suite = basename(expect.getState().testPath ?? '?');
      process.stderr.write(`[phase] ${suite} ${what}: ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    }
  }
}
