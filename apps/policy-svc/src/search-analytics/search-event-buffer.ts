import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, WriteBehindBuffer } from '@govdisc/service-kit';
import type { AppConfig } from '../config/env.js';
import { SearchAnalyticsRepository, type SearchEventRow } from './search-analytics.repository.js';

/**
 * Keeps search analytics off the search path: rows gather in memory and are written every
 * SEARCH_ANALYTICS_FLUSH_MS (default 1 s) with one multi-row INSERT; shutdown writes the rest. A crash
 * (not a clean stop) loses at most the last interval of analytics, accepted on purpose. A row the
 * database refuses is isolated and set aside by the buffer; the others are written.
 */
@Injectable()
export class SearchEventBuffer implements OnModuleDestroy {
  private readonly buffer: WriteBehindBuffer<SearchEventRow>;

  constructor(events: SearchAnalyticsRepository, @Inject(APP_CONFIG) config: AppConfig) {
    this.buffer = new WriteBehindBuffer({
      label: 'search analytics',
      flushMs: config.SEARCH_ANALYTICS_FLUSH_MS,
      write: async (batch) => void (await events.insert(batch)),
      probe: () => events.ping(),
    });
  }

  add(row: SearchEventRow): void {
    this.buffer.add(row);
  }

  flush(): Promise<void> {
    return this.buffer.flush();
  }

  snapshot() {
    return this.buffer.snapshot();
  }

  onModuleDestroy() {
    return this.buffer.close();
  }
}
