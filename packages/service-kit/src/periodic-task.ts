import { Logger } from '@nestjs/common';

export interface PeriodicTaskOptions {
  /** what the log lines call it, e.g. "scheduled expiry" */
  label: string;
  everyMs: number;
  run: () => Promise<unknown>;
}

/**
 * Housekeeping that runs at start and then every `everyMs`, one run at a time: a failure is logged
 * and the next tick tries again, the timer never keeps the process alive, and `stop` waits for a
 * run in progress.
 * Replicas each run it; the tasks are written so that running them side by side is harmless.
 */
export class PeriodicTask {
  private readonly logger: Logger;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(private readonly opts: PeriodicTaskOptions) {
    this.logger = new Logger(`PeriodicTask(${opts.label})`);
  }

  start(): void {
    let busy = false;
    const tick = () => {
      if (busy) return; // one run at a time: a slow run skips the ticks it overlaps
      busy = true;
      this.running = this.opts
        .run()
        .catch((error: unknown) => this.logger.warn({ err: error }, `${this.opts.label} failed`))
        .finally(() => (busy = false));
    };
    tick();
    this.timer = setInterval(tick, this.opts.everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
