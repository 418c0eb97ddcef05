export interface WakeableLoopOptions<T> {
  label: string;
  /** The pause after a pass that went well: how often to look for work nobody woke the loop for. */
  everyMs: number;
  run: () => Promise<T>;
  /** A pass whose result says part of the work failed waits `retryMs` instead of `everyMs` (default: never). */
  failed?: (result: T) => boolean;
  /** The pause after a pass that threw or `failed` (default `everyMs`). */
  retryMs?: number;
  /** Where a pass that threw is reported (the loop goes on). */
  onError: (error: unknown, message: string) => void;
}

/**
 * A background pass that runs every `everyMs`, or at once when woken (after work was queued), one pass at a time;
 * a wake during a pass runs another right after it (that pass may have read before the new work was committed).
 * `stop()` waits for the pass in flight.
 */
export class WakeableLoop<T = unknown> {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;

  constructor(private readonly opts: WakeableLoopOptions<T>) {}

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
      this.again = false;
      this.running = this.opts
        .run()
        .then(
          (result) => this.opts.failed?.(result) ?? false,
          (error: unknown) => {
            this.opts.onError(error, `${this.opts.label} pass failed; will retry`);
            return true;
          },
        )
        .then((failed) => {
          this.running = undefined;
          if (this.stopped) return;
          const soon = this.again;
          this.again = false;
          this.schedule(failed ? (this.opts.retryMs ?? this.opts.everyMs) : soon ? 0 : this.opts.everyMs);
        });
    }, delay);
    this.timer.unref();
  }
}
