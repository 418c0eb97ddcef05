import { Module } from '@nestjs/common';
import { GuideIndexService } from './guide-index.service.js';
import { GuideSearchPart } from './guide-search-part.js';
import { GuideSearchRepository } from './guide-search.repository.js';
import { SearchHandlers } from './search.handlers.js';

@Module({
  controllers: [SearchHandlers],
  providers: [GuideSearchRepository, GuideIndexService, GuideSearchPart],
  exports: [GuideIndexService],
})
export class SearchModule {}
