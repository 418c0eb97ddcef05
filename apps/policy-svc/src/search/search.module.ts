import { Module } from '@nestjs/common';
import { DocumentModule } from '../document/document.module.js';
import { SearchEngine } from './search-engine.js';
import { SearchProjectionConsumer } from './search-projection.js';
import { SearchProjectionService } from './search-projection.service.js';
import { SearchHandlers } from './search.handlers.js';
import { SearchService } from './search.service.js';

@Module({
  imports: [DocumentModule],
  controllers: [SearchHandlers],
  providers: [SearchEngine, SearchProjectionService, SearchProjectionConsumer, SearchService],
  exports: [SearchEngine],
})
export class SearchModule {}
