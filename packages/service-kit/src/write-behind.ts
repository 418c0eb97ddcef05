import { Logger } from '@nestjs/common';
import { ParkedList, registerBackgroundQueue, type QueueSnapshot } from './background-queues.js';

export interface WriteBehindOptions<T> {
  /** what the log lines call these items, e.g. "search analytics" */
  label: string;
  flushMs: number;
  /** writes one batch; a throw keeps the batch for isolation and retry (see PartialWriteError) */
  write: (batch: T[]) => Promise<void>;
  /** a cheap call that succeeds while the sink is up (e.g. `SELECT 1`): tells a poison item from an outage */
  probe: () => Promise<unknown>;
  /** items per write (default 1,000) */
  maxBatch?: number;
  /** held while the database is away; beyond this, new items are dropped (default 20,000) */
  maxPending?: number;
  /** failed writes of one item, with the sink up, before it is set aside (default 3) */
  maxAttempts?: number;
}

/** Thrown by a writer that wrote all of its batch but `failed`: only those are retried and isolated. */
export class PartialWriteError<T> extends Error {
  constructor(
    readonly failed: readonly T[],
    override readonly cause: unknown,
  ) {
    super(`${failed.length} item(s) not written: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

interface Entry<T> {
  item: T;
  failures: number;
  lastError?: unknown;
}

interface Failed<T> {
  entries: Entry<T>[];
  error: unknown;
}

/**
 * Keeps low-stakes writes (analytics, demand logs) off the request path: `add` only appends to an
 * array; a timer writes what gathered every `flushMs` in batches, and `close` writes the rest.
 * Trade-off, accepted on purpose: items live only in memory until the next flush, so a crash (not a
 * clean stop) loses at most the last flush interval. Flushes never interleave.
 *
 * One bad item must not stop the rest: when a batch fails and the probe says the sink is up, the
 * batch is split in halves (bisection) until the failing items stand alone; the good ones are
 * written at once. An item that fails `maxAttempts` flushes in a row is set aside: logged, counted
 * (`govdisc_background_queue_parked`) and kept in a bounded list at `/metrics/queues`. While the
 * probe fails (the database is away), nothing is split or counted: the batch waits for the next tick.
 */
export class WriteBehindBuffer<T> {
  private readonly logger: Logger;
  private pending: Entry<T>[] = [];
  private inFlight = 0;
  private readonly timer: NodeJS.Timeout;
  private writing: Promise<void> = Promise.resolve();
  private dropped = 0;
  private readonly parked = new ParkedList();
  private readonly unregister: () => void;

  constructor(private readonly opts: WriteBehindOptions<T>) {
    this.logger = new Logger(`WriteBehind(${opts.label})`);
    this.timer = setInterval(() => void this.flush(), opts.flushMs);
    this.timer.unref();
    this.unregister = registerBackgroundQueue({ snapshot: async () => this.snapshot() });
  }

  add(item: T): void {
    if (this.pending.length >= this.maxPending) this.dropped++;
    else this.pending.push({ item, failures: 0 });
  }

  /** Writes everything added so far (items that keep failing stay for the next flush, up to maxAttempts). */
  flush(): Promise<void> {
    this.writing = this.writing.then(() => this.writePending());
    return this.writing;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
    this.unregister();
  }

  snapshot(): QueueSnapshot {
    return {
      queue: this.opts.label,
      kind: 'write-behind',
      pending: this.pending.length + this.inFlight,
      parkedTotal: this.parked.total,
      parked: this.parked.list(),
    };
  }

  private get maxPending() {
    return this.opts.maxPending ?? 20_000;
  }

  private async writePending() {
    if (this.dropped > 0) {
      this.logger.warn({ dropped: this.dropped }, `${this.opts.label} dropped: too many unwritten items`);
      this.dropped = 0;
    }
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, this.opts.maxBatch ?? 1_000);
      this.inFlight = batch.length;
      const outcome = await this.writeIsolating(batch).finally(() => (this.inFlight = 0));
      if (outcome === 'sink-down') {
        // Back in front for the next tick (maxPending bounds memory while the database is away).
        this.pending = [...batch, ...this.pending].slice(0, this.maxPending);
        this.logger.warn({ pending: this.pending.length }, `${this.opts.label} not written: the database is unavailable; retrying`);
        return;
      }
      const retry = outcome.filter((entry) => !this.parkIfExhausted(entry));
      if (retry.length > 0) {
        this.pending = [...retry, ...this.pending];
        this.logger.warn(
          { err: retry[0]!.lastError, failing: retry.length },
          `${this.opts.label}: some items failed; retrying them next flush`,
        );
        return;
      }
    }
  }

  /** Writes the batch; on failure with the sink up, bisects. Returns the entries that failed alone. */
  private async writeIsolating(batch: Entry<T>[]): Promise<Entry<T>[] | 'sink-down'> {
    const failed = await this.tryWrite(batch);
    if (!failed) return [];
    if (!(await this.sinkUp())) return 'sink-down';
    return this.bisect(failed);
  }

  private async bisect({ entries, error }: Failed<T>): Promise<Entry<T>[]> {
    if (entries.length === 1) {
      entries[0]!.lastError = error;
      return entries;
    }
    const middle = Math.ceil(entries.length / 2);
    const alone: Entry<T>[] = [];
    for (const half of [entries.slice(0, middle), entries.slice(middle)]) {
      const failed = await this.tryWrite(half);
      if (failed) alone.push(...(await this.bisect(failed)));
    }
    return alone;
  }

  private async tryWrite(entries: Entry<T>[]): Promise<Failed<T> | undefined> {
    try {
      await this.opts.write(entries.map((e) => e.item));
      return undefined;
    } catch (error) {
      if (!(error instanceof PartialWriteError)) return { entries, error };
      const bad = new Set<unknown>(error.failed);
      const failed = entries.filter((e) => bad.has(e.item));
      return failed.length > 0 ? { entries: failed, error: error.cause } : undefined;
    }
  }

  private async sinkUp(): Promise<boolean> {
    try {
      await this.opts.probe();
      return true;
    } catch {
      return false;
    }
  }

  /** Counts one more failure; after maxAttempts the item is set aside. True when parked. */
  private parkIfExhausted(entry: Entry<T>): boolean {
    entry.failures++;
    if (entry.failures < (this.opts.maxAttempts ?? 3)) return false;
    this.parked.add(entry.lastError, entry.item);
    // The item itself may hold personal data: it stays in the bounded in-memory list, not in logs.
    this.logger.error(
      { err: entry.lastError, attempts: entry.failures, parkedTotal: this.parked.total },
      `${this.opts.label}: an item kept failing and was set aside (see /metrics/queues)`,
    );
    return true;
  }
}
