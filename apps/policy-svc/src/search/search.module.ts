import { Module } from '@nestjs/common';
import { BestBetModule } from '../best-bets/best-bet.module.js';
import { DocumentModule } from '../document/document.module.js';
import { SearchAnalyticsModule } from '../search-analytics/search-analytics.module.js';
import { DidYouMeanService } from './lexicon/did-you-mean.service.js';
import { LexiconService } from './lexicon/lexicon.service.js';
import { SearchEngine } from './search-engine.js';
import { SearchProjectionConsumer } from './search-projection.js';
import { SearchProjectionService } from './search-projection.service.js';
import { SearchHandlers } from './search.handlers.js';
import { SearchService } from './search.service.js';

@Module({
  imports: [DocumentModule, BestBetModule, SearchAnalyticsModule],
  controllers: [SearchHandlers],
  providers: [SearchEngine, SearchProjectionService, SearchProjectionConsumer, SearchService, LexiconService, DidYouMeanService],
  exports: [SearchEngine, LexiconService],
})
export class SearchModule {}
