import { Module } from '@nestjs/common';
import { SearchAnalyticsHandlers } from './search-analytics.handlers.js';
import { SearchAnalyticsRepository } from './search-analytics.repository.js';
import { SearchAnalyticsRetention } from './search-analytics.retention.js';
import { SearchAnalyticsService } from './search-analytics.service.js';
import { SearchEventBuffer } from './search-event-buffer.js';

@Module({
  controllers: [SearchAnalyticsHandlers],
  providers: [SearchAnalyticsRepository, SearchEventBuffer, SearchAnalyticsService, SearchAnalyticsRetention],
  exports: [SearchAnalyticsService],
})
export class SearchAnalyticsModule {}
