import { Logger } from '@nestjs/common';

/**
 * A background pass that runs every `everyMs`, or at once when woken (after work was queued), one pass at
 * a time; a wake during a pass runs another right after it. `stop()` waits for the pass in flight.
 */
export class WakeableLoop {
  private readonly logger: Logger;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private again = false;
  private stopped = true;

  constructor(private readonly opts: { label: string; everyMs: number; run: () => Promise<unknown> }) {
    this.logger = new Logger(`WakeableLoop(${opts.label})`);
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  wake(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  private schedule(delay: number) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.opts
        .run()
        .catch((error: unknown) => this.logger.warn({ err: error }, `${this.opts.label} pass failed; will retry`))
        .finally(() => {
          this.running = undefined;
          if (this.stopped) return;
          const soon = this.again;
          this.again = false;
          this.schedule(soon ? 0 : this.opts.everyMs);
        });
    }, delay);
    this.timer.unref();
  }
}
