import { basename } from 'node:path';

// One line per setup phase of a suite on stderr (not through jest's console, which adds a stack trace to each line):
// where a suite's time goes outside its tests, which --verbose does not show (E2E_PHASE_TIMES=0 silences them).

/** Runs `fn` and prints `[phase] <spec file> <what>: <s> s`. */
export async function timedPhase<T>(what: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  try {
    return await fn();
  } finally {
    phaseLine(`${what}: ${seconds(performance.now() - t0)}`);
  }
}

/** Prints `[phase] <spec file> <text>`. */
export function phaseLine(text: string): void {
  if (process.env.E2E_PHASE_TIMES === '0') return;
  process.stderr.write(`[phase] ${basename(expect.getState().testPath ?? '?')} ${text}\n`);
}

/** Milliseconds summed per step of a repeated sequence (e.g. goto, screenshot, axe per page), printed as one line. */
export class StepTimes {
  private readonly ms = new Map<string, number>();

  async time<T>(step: string, fn: () => Promise<T>): Promise<T> {
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      this.ms.set(step, (this.ms.get(step) ?? 0) + performance.now() - t0);
    }
  }

  print(what: string): void {
    phaseLine(`${what}: ${[...this.ms].map(([step, ms]) => `${step} ${seconds(ms)}`).join(', ')}`);
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
