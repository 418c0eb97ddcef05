import { Logger } from '@nestjs/common';

export interface WriteBehindOptions<T> {
  /** what the log lines call these items, e.g. "search analytics" */
  label: string;
  flushMs: number;
  /** writes one batch; a throw keeps the batch for the next flush */
  write: (batch: T[]) => Promise<void>;
  /** items per write (default 1,000) */
  maxBatch?: number;
  /** held while the database is away; beyond this, new items are dropped (default 20,000) */
  maxPending?: number;
}

/**
 * Keeps low-stakes writes (analytics, demand logs) off the request path: `add` only appends to an
 * array; a timer writes what gathered every `flushMs` in batches, and `close` writes the rest.
 * Trade-off, accepted on purpose: items live only in memory until the next flush, so a crash (not a
 * clean stop) loses at most the last flush interval. Flushes never interleave.
 */
export class WriteBehindBuffer<T> {
  private readonly logger: Logger;
  private pending: T[] = [];
  private readonly timer: NodeJS.Timeout;
  private writing: Promise<void> = Promise.resolve();
  private dropped = 0;

  constructor(private readonly opts: WriteBehindOptions<T>) {
    this.logger = new Logger(`WriteBehind(${opts.label})`);
    this.timer = setInterval(() => void this.flush(), opts.flushMs);
    this.timer.unref();
  }

  add(item: T): void {
    if (this.pending.length >= (this.opts.maxPending ?? 20_000)) this.dropped++;
    else this.pending.push(item);
  }

  /** Writes everything added so far. */
  flush(): Promise<void> {
    this.writing = this.writing.then(() => this.writePending());
    return this.writing;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  private async writePending() {
    if (this.dropped > 0) {
      this.logger.warn({ dropped: this.dropped }, `${this.opts.label} dropped: too many unwritten items`);
      this.dropped = 0;
    }
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, this.opts.maxBatch ?? 1_000);
      try {
        await this.opts.write(batch);
      } catch (error) {
        // Back in front for the next tick (maxPending bounds memory while the database is away).
        this.pending = [...batch, ...this.pending].slice(0, this.opts.maxPending ?? 20_000);
        this.logger.warn({ err: error, pending: this.pending.length }, `${this.opts.label} not written; retrying`);
        return;
      }
    }
  }
}
