import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, PeriodicTask } from '@govdisc/service-kit';
import type { AppConfig } from '../config/env.js';
import { calendarDay, lastDays } from './calendar.js';
import { SearchAnalyticsRepository } from './search-analytics.repository.js';

const DAY_MS = 86_400_000;

/**
 * Keeps search analytics to SEARCH_ANALYTICS_RETENTION_DAYS: every page-1 search adds a row, so
 * without this the table grows for ever. Runs at start and then daily; replicas running it at the
 * same time only delete the same rows.
 */
@Injectable()
export class SearchAnalyticsRetention implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SearchAnalyticsRetention.name);
  private readonly task = new PeriodicTask({ label: 'search analytics retention', everyMs: DAY_MS, run: () => this.runOnce() });

  constructor(
    private readonly events: SearchAnalyticsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap() {
    this.task.start();
  }

  /** Deletes the days before the kept window; returns how many events went. */
  async runOnce(now = new Date()): Promise<number> {
    const oldestKept = lastDays(this.config.SEARCH_ANALYTICS_RETENTION_DAYS, calendarDay(now)).at(-1)!;
    const deleted = await this.events.deleteBefore(oldestKept);
    if (deleted > 0) this.logger.log({ deleted, before: oldestKept }, 'old search analytics deleted');
    return deleted;
  }

  onModuleDestroy() {
    return this.task.stop();
  }
}
