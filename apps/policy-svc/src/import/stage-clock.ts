import { performance } from 'node:perf_hooks';

/** Where a batch's time went: each lap is added to the named stage (ms, rounded when read). */
export class StageClock {
  private last = performance.now();
  private readonly stages: Record<string, number> = {};

  lap(stage: string): void {
    const now = performance.now();
    this.stages[stage] = (this.stages[stage] ?? 0) + (now - this.last);
    this.last = now;
  }

  /** Time measured elsewhere (e.g. reading a CSV or HTML file before the batch starts). */
  add(stage: string, ms: number): void {
    this.stages[stage] = (this.stages[stage] ?? 0) + ms;
  }

  totals(): Record<string, number> {
    return Object.fromEntries(Object.entries(this.stages).map(([k, v]) => [k, Math.round(v)]));
  }
}
