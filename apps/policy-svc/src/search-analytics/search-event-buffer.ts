import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { POLICY_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/env.js';
import { SearchAnalyticsRepository, type SearchEventRow } from './search-analytics.repository.js';

/** Rows per INSERT. */
const MAX_BATCH = 1_000;
/** Held while the database is away; beyond this, new events are dropped (analytics, not records). */
const MAX_PENDING = 20_000;

/**
 * Keeps search analytics off the search path: `add` only appends to an array; a timer writes what
 * gathered every SEARCH_ANALYTICS_FLUSH_MS (default 1 s) with one multi-row INSERT, and shutdown
 * writes the rest. Trade-off, accepted on purpose: rows live only in memory until the next flush,
 * so a crash (not a clean stop) loses at most the last flush interval of analytics.
 */
@Injectable()
export class SearchEventBuffer implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(SearchEventBuffer.name);
  private pending: SearchEventRow[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private dropped = 0;

  constructor(
    private readonly events: SearchAnalyticsRepository,
    @Inject(POLICY_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit() {
    this.timer = setInterval(() => void this.flush(), this.config.SEARCH_ANALYTICS_FLUSH_MS);
    this.timer.unref();
  }

  add(row: SearchEventRow): void {
    if (this.pending.length >= MAX_PENDING) this.dropped++;
    else this.pending.push(row);
  }

  /** Writes everything added so far (flushes run one after another, never interleaved). */
  flush(): Promise<void> {
    this.writing = this.writing.then(() => this.writePending());
    return this.writing;
  }

  private async writePending() {
    if (this.dropped > 0) {
      this.logger.warn({ dropped: this.dropped }, 'search analytics dropped: too many unwritten events');
      this.dropped = 0;
    }
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, MAX_BATCH);
      try {
        await this.events.insert(batch);
      } catch (error) {
        // Put the batch back for the next tick (the cap above bounds memory while the database is away).
        this.pending = [...batch, ...this.pending].slice(0, MAX_PENDING);
        this.logger.warn({ err: error, pending: this.pending.length }, 'search analytics not written; retrying');
        return;
      }
    }
  }

  async onModuleDestroy() {
    clearInterval(this.timer);
    await this.flush();
  }
}
